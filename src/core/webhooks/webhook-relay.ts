import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PollingLoop } from '../database/polling-loop';
import { Queues, type JobCatalogue } from '../queue/job-catalogue';
import { webhookJobId } from './webhook.jobs';

const CLAIM = 500;

/**
 * Hands due deliveries to the webhooks queue, like OutboxRelay does for mail: rows claimed
 * FOR UPDATE SKIP LOCKED, jobs added, rows marked dispatched — or all rolled back when Redis does
 * not answer. Retries are rows too: a failed attempt sets next_attempt_at, and the pass that finds
 * it due queues it again, so a backoff of 24 hours lives in PostgreSQL, not in Redis. Deliveries
 * dispatched or sending for too long (Redis lost the job, the worker died) go back to pending.
 */
@Injectable()
export class WebhookRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('webhooks');
  private lastRedrive = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @InjectQueue(Queues.Webhooks) private readonly queue: Queue<JobCatalogue['webhook.deliver']>,
  ) {}

  private readonly loop = new PollingLoop(() => this.pass(), { kickDelayMs: 10, pollMs: () => this.config.outboxPollMs });

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** A pass soon (after a commit that wrote deliveries). */
  kick(): void {
    this.loop.kick();
  }

  private async pass(): Promise<void> {
    try {
      // Stale rows are minutes old by definition: looking for them at every pass would only add load.
      if (Date.now() - this.lastRedrive >= Math.min(60_000, this.config.webhookRedriveAfterMs / 2)) {
        this.lastRedrive = Date.now();
        await this.redriveStale();
      }
      while (!this.loop.stopped && (await this.relayDue()) === CLAIM);
    } catch (error) {
      this.logger.warn({ err: error }, 'webhook relay pass failed; deliveries stay pending and will be retried');
    }
  }

  /** One batch of due deliveries into the queue. */
  async relayDue(): Promise<number> {
    // Most passes find nothing: one indexed probe instead of a transaction's three round trips.
    const [{ due }]: Array<{ due: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()) AS due`,
    );
    if (!due) return 0;
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(
        `SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [CLAIM],
      );
      if (rows.length === 0) return 0;
      const claimedAt = new Date();
      await this.queue.addBulk(
        rows.map((r) => ({
          name: 'webhook.deliver' as const,
          data: { deliveryId: r.id },
          // Retries are the relay's (rows with next_attempt_at), so the job itself runs once.
          opts: { jobId: webhookJobId(r.id, claimedAt), attempts: 1, removeOnComplete: { age: 3600, count: 5000 }, removeOnFail: { age: 24 * 3600, count: 5000 } },
        })),
      );
      await manager.query(`UPDATE webhook_deliveries SET status = 'dispatched', claimed_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'pending'`, [rows.map((r) => r.id), claimedAt]);
      return rows.length;
    });
  }

  /** Deliveries handed over long ago and never finished go back to pending (at least once). */
  async redriveStale(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now()
        WHERE status IN ('dispatched', 'sending') AND claimed_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [this.config.webhookRedriveAfterMs],
    );
    if (result[1] > 0) this.logger.warn({ count: result[1] }, 'webhook deliveries re-driven: handed to the queue but never finished');
    return result[1];
  }
}
