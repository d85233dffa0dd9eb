import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PgError, pgCode } from './postgres-errors';

/** What a unit of work gets: the transaction's manager and a way to act only once it committed. */
export interface TransactionContext {
  manager: EntityManager;
  afterCommit(callback: () => void): void;
}

const RETRYABLE: string[] = [PgError.SerializationFailure, PgError.DeadlockDetected];

/**
 * Runs a unit of work in one transaction. Serialization failures and deadlocks are retried
 * a few times with jitter; everything else propagates. After-commit callbacks run only when
 * the commit succeeded (that is how the outbox relay is woken without ever seeing a rollback).
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement that is its own transaction (no BEGIN/COMMIT round trips), retried on
   * serialization failures and deadlocks like run() retries a transaction.
   */
  async statement<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const code = pgCode(error);
        if (attempt >= attempts || code === undefined || !RETRYABLE.includes(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40));
      }
    }
  }

  async run<T>(work: (tx: TransactionContext) => Promise<T>, attempts = 4): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const callbacks: Array<() => void> = [];
      try {
        const result = await this.dataSource.transaction((manager) =>
          work({ manager, afterCommit: (cb) => callbacks.push(cb) }),
        );
        for (const cb of callbacks) {
          try {
            cb();
          } catch (error) {
            this.logger.error({ err: error }, 'after-commit callback failed');
          }
        }
        return result;
      } catch (error) {
        const code = pgCode(error);
        if (attempt >= attempts || code === undefined || !RETRYABLE.includes(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40));
      }
    }
  }
}
