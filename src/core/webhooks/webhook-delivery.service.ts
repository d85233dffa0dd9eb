import { Injectable, Logger } from '@nestjs/common';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { retryDelayMs } from './webhook-backoff';
import { openSecret } from './webhook-secrets';
import { signatureHeader } from './webhook-signature';
import { bareHost, guardedLookup, isPrivateAddress, URL_PROBLEM_MESSAGES, urlFormProblem } from './webhook-url-policy';

/** How much of an answer's body the attempt log keeps. */
export const RESPONSE_EXCERPT_BYTES = 2048;

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed' | 'skipped';

interface Claimed {
  attempts: number;
  url: string;
  sealed_secret: string;
  active: boolean;
  type: string;
  body: string;
}

interface PostResult {
  statusCode: number | null;
  excerpt: string | null;
  error: string | null;
}

/**
 * One attempt of one delivery: claim it (only the worker whose conditional update wins sends, so
 * duplicate jobs or two workers never POST the same attempt twice), POST the signed body, log the
 * attempt, then delivered / due again later (backoff) / failed after the last attempt.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('webhooks');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async deliver(deliveryId: string): Promise<DeliveryOutcome> {
    const claimed = await this.claim(deliveryId);
    if (!claimed) return 'skipped';
    const startedAt = new Date();
    const result = claimed.active
      ? await this.post(deliveryId, claimed, startedAt)
      : { statusCode: null, excerpt: null, error: 'The subscription is disabled.' };
    const durationMs = Date.now() - startedAt.getTime();
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const last = !claimed.active || claimed.attempts >= this.config.webhookMaxAttempts;
    const outcome: DeliveryOutcome = ok ? 'delivered' : last ? 'failed' : 'retry';
    const error = result.error ?? (ok ? null : `The receiver answered ${result.statusCode}.`);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_attempts (delivery_id, started_at, duration_ms, status_code, response_excerpt, error) VALUES ($1, $2, $3, $4, $5, $6)`,
        [deliveryId, startedAt, durationMs, result.statusCode, result.excerpt, error],
      );
      await manager.query(
        `UPDATE webhook_deliveries
            SET status = $2, last_status_code = $3, last_error = $4,
                delivered_at = CASE WHEN $2 = 'delivered' THEN now() END,
                failed_at = CASE WHEN $2 = 'failed' THEN now() END,
                next_attempt_at = now() + make_interval(secs => $5::double precision / 1000)
          WHERE id = $1 AND status = 'sending'`,
        [deliveryId, outcome === 'retry' ? 'pending' : outcome, result.statusCode, error, outcome === 'retry' ? retryDelayMs(claimed.attempts, this.config.webhookRetry) : 0],
      );
    });
    this.logger.log({ deliveryId, type: claimed.type, attempt: claimed.attempts, statusCode: result.statusCode, durationMs, outcome }, 'webhook attempt');
    return outcome;
  }

  /** dispatched → sending, attempts + 1, for exactly one caller; null for everyone else. */
  private async claim(deliveryId: string): Promise<Claimed | null> {
    // A job can start before the relay's transaction that marks its row dispatched commits. The row
    // still reads `pending` then and is locked by the relay: this update waits for that commit and
    // re-checks the row as committed (dispatched: claimed). A second claimant re-checks `sending`: skipped.
    const guard = this.config.webhookClaimGuard
      ? `AND (d.status = 'dispatched' OR (d.status = 'pending' AND d.next_attempt_at <= now()))`
      : `AND d.status IN ('pending', 'dispatched', 'sending')`;
    const [rows]: [Claimed[], number] = await this.dataSource.query(
      `UPDATE webhook_deliveries d SET status = 'sending', attempts = d.attempts + 1, claimed_at = now()
         FROM webhook_subscriptions s, webhook_events e
        WHERE d.id = $1 ${guard} AND s.id = d.subscription_id AND e.id = d.event_id
        RETURNING d.attempts, s.url, s.sealed_secret, s.active, e.type, e.body`,
      [deliveryId],
    );
    return rows[0] ?? null;
  }

  private async post(deliveryId: string, claimed: Claimed, at: Date): Promise<PostResult> {
    const rules = this.config.webhookUrlRules;
    const problem = urlFormProblem(claimed.url, rules);
    if (problem) return { statusCode: null, excerpt: null, error: URL_PROBLEM_MESSAGES[problem] };
    const url = new URL(claimed.url);
    const host = bareHost(url);
    // An IP literal is connected to without a lookup, so it is checked here.
    if (isIP(host) !== 0 && !rules.allowPrivate && isPrivateAddress(host)) {
      return { statusCode: null, excerpt: null, error: `${host} is a private address; refused.` };
    }
    let secret: string;
    try {
      secret = openSecret(this.config.appSecret, claimed.sealed_secret);
    } catch {
      return { statusCode: null, excerpt: null, error: 'The signing secret cannot be opened (was APP_SECRET changed?): rotate the secret.' };
    }
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'Fairgate-Webhooks/1',
      'Fairgate-Event': claimed.type,
      'Fairgate-Delivery': deliveryId,
      'Fairgate-Signature': signatureHeader(secret, claimed.body, at),
      'Content-Length': Buffer.byteLength(claimed.body),
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<PostResult>((resolve) => {
      let settled = false;
      const finish = (result: PostResult): void => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      // A fresh connection each time (agent: false): every attempt resolves and checks the address again.
      const req = send(url, { method: 'POST', headers, agent: false, lookup: guardedLookup(rules), timeout: this.config.webhookTimeoutMs }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
          // Enough read: the rest of a large answer is not waited for.
          if (size >= RESPONSE_EXCERPT_BYTES) res.destroy();
        });
        const done = (): void => finish({ statusCode: res.statusCode ?? null, excerpt: Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8'), error: null });
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      });
      req.on('timeout', () => {
        req.destroy(new Error(`No answer within ${this.config.webhookTimeoutMs} ms.`));
      });
      req.on('error', (error: Error) => finish({ statusCode: null, excerpt: null, error: error.message }));
      req.end(claimed.body);
    });
  }
}
