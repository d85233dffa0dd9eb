import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../errors/domain-error';

/** A stored answer to replay: the status and the body exactly as it was sent. */
export interface StoredAnswer {
  status: number;
  /** The body's bytes as text; null when the answer had no body. */
  body: string | null;
}

export const IDEMPOTENCY_KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** How long a claim protects a running request; after that a crashed attempt can be retried. */
export const CLAIM_SECONDS = 60;
const KEEP_HOURS = 24;

/**
 * Idempotency-Key handling after the IETF draft and Stripe (used by IdempotencyInterceptor):
 * the key is claimed atomically (INSERT … ON CONFLICT DO NOTHING) per caller and operation;
 * the same key with another body is refused (422); while the first request runs, others get
 * 409 with how long to wait; once it answered, its status and body are replayed byte for byte.
 * A failed attempt releases the key (errors are not stored), so a retry can succeed.
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('idempotency');
  private cleanup?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.cleanup = setInterval(() => void this.forgetOldKeys(), 3600_000);
    this.cleanup.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.cleanup);
  }

  static fingerprint(parts: unknown[]): string {
    return createHash('sha256').update(canonicalJson(parts)).digest('hex');
  }

  static assertKeyFormat(key: string): void {
    if (!IDEMPOTENCY_KEY_FORMAT.test(key)) {
      throw DomainError.validation([
        { field: 'Idempotency-Key', messages: ['Idempotency-Key must be 1 to 255 visible ASCII characters'] },
      ]);
    }
  }

  /**
   * Claims the key for this request; answers the stored answer when there is one to replay,
   * undefined when the caller should do the work. Throws 422 (other body) or 409 (still running,
   * with retryAfterSeconds).
   */
  async claim(scope: string, key: string, fingerprint: string): Promise<StoredAnswer | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys (scope, key, fingerprint, state, locked_until)
         VALUES ($1, $2, $3, 'in_progress', now() + make_interval(secs => $4))
         ON CONFLICT DO NOTHING RETURNING key`,
        [scope, key, fingerprint, CLAIM_SECONDS],
      );
      if (claimed.length === 1) return undefined;
      const rows: Array<{ fingerprint: string; state: string; wait: number; response_status: number; response_body: string | null }> =
        await this.dataSource.query(
          `SELECT fingerprint, state, ceil(extract(epoch FROM locked_until - now()))::int AS wait, response_status, response_body
             FROM idempotency_keys WHERE scope = $1 AND key = $2`,
          [scope, key],
        );
      const existing = rows[0];
      if (!existing) continue; // released between our insert and select: try again
      if (existing.fingerprint !== fingerprint) {
        throw new DomainError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was already used with a different request.');
      }
      if (existing.state === 'completed') return { status: existing.response_status, body: existing.response_body };
      if (existing.wait > 0) throw inProgress(existing.wait);
      const taken: unknown[] = await this.dataSource.query(
        `UPDATE idempotency_keys SET locked_until = now() + make_interval(secs => $3)
          WHERE scope = $1 AND key = $2 AND state = 'in_progress' AND locked_until <= now() RETURNING key`,
        [scope, key, CLAIM_SECONDS],
      );
      if (taken.length === 1) return undefined;
    }
    throw inProgress(1);
  }

  /** Stores the answer of a claimed key for replays. */
  async complete(scope: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_body = $4, completed_at = now()
        WHERE scope = $1 AND key = $2`,
      [scope, key, answer.status, answer.body],
    );
  }

  /** Gives a claimed key back after a failure, so that a retry runs again. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource
      .query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_progress'`, [scope, key])
      .catch((e: unknown) => this.logger.warn({ err: e }, 'could not release idempotency key'));
  }

  private async forgetOldKeys(): Promise<void> {
    try {
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [KEEP_HOURS]);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not delete old idempotency keys');
    }
  }
}

function inProgress(retryAfterSeconds: number): DomainError {
  return new DomainError(
    ErrorCode.IdempotencyKeyInProgress,
    `A request with this Idempotency-Key is still being processed; retry in ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );
}

/** JSON with sorted keys, so that the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
