import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../errors/domain-error';
import { TransactionRunner, type TransactionContext } from '../../database/transaction-runner';

export interface StoredResponse<T> {
  status: number;
  body: T;
  /** True when this answer is the replay of an earlier request with the same key. */
  replayed: boolean;
}

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
/** How long a claim protects a running request; after that a crashed attempt can be retried. */
const CLAIM_SECONDS = 60;
const KEEP_HOURS = 24;

/**
 * Idempotency-Key handling after the IETF draft and Stripe: the key is claimed atomically
 * before the work; the answer is stored in the same transaction as the work, so a committed
 * change always has its answer; a failed attempt releases the key so a retry can succeed.
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('idempotency');
  private cleanup?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

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

  /**
   * Runs `work` once per (scope, key). Without a key it simply runs the work in a transaction.
   */
  async execute<T>(
    request: { scope: string; key: string | undefined; fingerprint: string },
    work: (tx: TransactionContext) => Promise<{ status: number; body: T }>,
  ): Promise<StoredResponse<T>> {
    const { scope, key, fingerprint } = request;
    if (key === undefined) {
      const result = await this.transactions.run(work);
      return { ...result, replayed: false };
    }
    if (!KEY_FORMAT.test(key)) {
      throw DomainError.validation([
        { field: 'Idempotency-Key', messages: ['Idempotency-Key must be 1 to 255 visible ASCII characters'] },
      ]);
    }
    const replay = await this.claim(scope, key, fingerprint);
    if (replay) return { status: replay.status, body: replay.body as T, replayed: true };
    try {
      const result = await this.transactions.run(async (tx) => {
        const done = await work(tx);
        await tx.manager.query(
          `UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_body = $4::jsonb, completed_at = now()
            WHERE scope = $1 AND key = $2`,
          [scope, key, done.status, JSON.stringify(done.body)],
        );
        return done;
      });
      return { ...result, replayed: false };
    } catch (error) {
      await this.dataSource
        .query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND state = 'in_progress'`, [scope, key])
        .catch((e: unknown) => this.logger.warn({ err: e }, 'could not release idempotency key'));
      throw error;
    }
  }

  /** Claims the key, or returns the stored answer to replay; throws 409/422 as the draft says. */
  private async claim(scope: string, key: string, fingerprint: string): Promise<{ status: number; body: unknown } | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys (scope, key, fingerprint, state, locked_until)
         VALUES ($1, $2, $3, 'in_progress', now() + make_interval(secs => $4))
         ON CONFLICT DO NOTHING RETURNING key`,
        [scope, key, fingerprint, CLAIM_SECONDS],
      );
      if (claimed.length === 1) return undefined;
      const rows: Array<{ fingerprint: string; state: string; expired: boolean; response_status: number; response_body: unknown }> =
        await this.dataSource.query(
          `SELECT fingerprint, state, locked_until < now() AS expired, response_status, response_body
             FROM idempotency_keys WHERE scope = $1 AND key = $2`,
          [scope, key],
        );
      const existing = rows[0];
      if (!existing) continue; // released between our insert and select: try again
      if (existing.fingerprint !== fingerprint) {
        throw new DomainError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was already used with a different request body.');
      }
      if (existing.state === 'completed') return { status: existing.response_status, body: existing.response_body };
      if (!existing.expired) {
        throw new DomainError(
          ErrorCode.IdempotencyKeyInProgress,
          'A request with this Idempotency-Key is still being processed; retry in a moment.',
        );
      }
      const taken: unknown[] = await this.dataSource.query(
        `UPDATE idempotency_keys SET locked_until = now() + make_interval(secs => $3)
          WHERE scope = $1 AND key = $2 AND state = 'in_progress' AND locked_until < now() RETURNING key`,
        [scope, key, CLAIM_SECONDS],
      );
      if (taken.length === 1) return undefined;
    }
    throw new DomainError(ErrorCode.IdempotencyKeyInProgress, 'A request with this Idempotency-Key is still being processed; retry in a moment.');
  }

  private async forgetOldKeys(): Promise<void> {
    try {
      await this.dataSource.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)`, [KEEP_HOURS]);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not delete old idempotency keys');
    }
  }
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
