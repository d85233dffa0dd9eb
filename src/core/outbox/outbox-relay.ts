import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PollingLoop } from '../database/polling-loop';
import { mailJobOptions, outboxGroupJobId, outboxJobId, Queues, type JobOf } from '../queue/job-catalogue';

/** Rows claimed per relay transaction; a bulk send of 10,000 goes over in ten passes. */
export const RELAY_CLAIM = 1000;
/** Jobs per addBulk call (one Redis pipeline each). */
export const RELAY_ADD_CHUNK = 250;
/**
 * Rows of one bulk send per `mail.send-group` job. A job costs two BullMQ scripts (fetch, complete)
 * and its own bookkeeping whatever it carries; 25 rows a job make that 1/25 per email, while a bulk
 * send of 10,000 still spreads over 400 jobs for the workers to share (docs/benchmarks.md, Session 6).
 */
export const MAIL_GROUP_SIZE = 25;

/** A claimed row: its id, whether it was re-driven, and its bulk send if any. */
interface ClaimedRow {
  id: string;
  redrives: number;
  batchId: string | null;
}
/** A queue that does not answer within this time is treated as down; rows stay pending. */
const QUEUE_TIMEOUT_MS = 5000;

/**
 * Moves committed outbox rows into BullMQ. Runs in every process (API and worker); rows are
 * claimed with FOR UPDATE SKIP LOCKED so each is relayed by one process at a time, and the
 * job id is derived from the row id so a row is never queued twice while its job exists.
 * Redis down: the transaction rolls back, the rows stay pending, the next tick tries again.
 */
/**
 * How long a kick waits for more commits to join its pass. A pass costs four round trips to
 * PostgreSQL and one to Redis whatever it carries: at 10 ms a registration-heavy API made about one
 * pass per registration at low load; 50 ms lets a busy API carry tens of rows per pass, and delays
 * an email by at most that (bench:api, bench:edition).
 */
const KICK_DELAY_MS = 50;

@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('outbox');
  private lastRedrive = 0;
  private lastFinishCheck = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @InjectQueue(Queues.Mail) private readonly mailQueue: Queue<JobOf<'mail.send'> | JobOf<'mail.send-group'>>,
  ) {}

  /** Kicks within KICK_DELAY_MS share one pass, so a busy API relays many rows per pass instead of one pass per commit. */
  private readonly loop = new PollingLoop(() => this.tick(), { kickDelayMs: KICK_DELAY_MS, pollMs: () => this.config.outboxPollMs });

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  /** Ask for a relay pass soon (after a commit); passes never overlap within a process. */
  kick(): void {
    this.loop.kick();
  }

  private async tick(): Promise<void> {
    try {
      if (Date.now() - this.lastRedrive >= this.redriveEveryMs()) {
        this.lastRedrive = Date.now();
        await this.redriveStale();
      }
      while (!this.loop.stopped && (await this.relayBatch()) === RELAY_CLAIM);
      // Batches finish over seconds: checking once a second is plenty, and saves a statement per pass.
      if (Date.now() - this.lastFinishCheck >= 1000) {
        this.lastFinishCheck = Date.now();
        await this.finishBatches();
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'outbox relay pass failed; rows stay pending and will be retried');
    }
  }

  private redriveEveryMs(): number {
    return Math.max(100, Math.min(60_000, Math.floor(this.config.outboxRedriveAfterMs / 2)));
  }

  /** One batch: claim pending rows, add their jobs, mark them dispatched — or roll back. */
  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Ordered by id within a commit instant too, so a pass repeated over the same rows groups them the same way.
      const rows: ClaimedRow[] = await manager.query(
        `SELECT id, redrives, batch_id AS "batchId" FROM outbox_messages WHERE status = 'pending'
          ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [RELAY_CLAIM],
      );
      if (rows.length === 0) return 0;
      await withTimeout(this.enqueue(rows), QUEUE_TIMEOUT_MS, 'the mail queue (Redis) did not answer');
      await manager.query(
        `UPDATE outbox_messages SET status = 'dispatched', dispatched_at = now() WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }

  private async enqueue(rows: ClaimedRow[]): Promise<void> {
    const options = mailJobOptions({ attempts: this.config.mailRetryAttempts, baseDelayMs: this.config.mailRetryBaseMs });
    await Promise.all(
      rows
        .filter((r) => r.redrives > 0)
        .map(async (row) => {
          // A redriven row may still have a finished job under its id, which would swallow the add.
          const job = await this.mailQueue.getJob(outboxJobId(row.id));
          if (job && ((await job.isCompleted()) || (await job.isFailed()))) await job.remove();
        }),
    );
    // Chunks keep each Redis pipeline small; the job id (rule 2) makes a repeated add a no-op.
    const jobs = relayJobs(rows).map((job) =>
      job.name === 'mail.send'
        ? { name: job.name, data: job.data, opts: { ...options, jobId: outboxJobId(job.data.outboxId) } }
        : { name: job.name, data: job.data, opts: { ...options, jobId: outboxGroupJobId(job.data.outboxIds) } },
    );
    for (let start = 0; start < jobs.length; start += RELAY_ADD_CHUNK) {
      await this.mailQueue.addBulk(jobs.slice(start, start + RELAY_ADD_CHUNK));
    }
  }

  /** Bulk sends none of whose messages is still pending or dispatched are finished. */
  async finishBatches(): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_batches b SET finished_at = now()
        WHERE b.finished_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM outbox_messages m WHERE m.batch_id = b.id AND m.status IN ('pending', 'dispatched'))
          -- a batch whose rows are still being written (createPending) is not finished yet
          AND (SELECT count(*) FROM outbox_messages m WHERE m.batch_id = b.id) >= b.total`,
    );
  }

  /**
   * The reconciler: rows handed to the queue long ago but never confirmed sent or failed
   * (Redis lost its data, a job was evicted, a worker died for good) go back to pending.
   */
  async redriveStale(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE outbox_messages SET status = 'pending', redrives = redrives + 1
        WHERE status = 'dispatched' AND dispatched_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [this.config.outboxRedriveAfterMs],
    );
    const count = result[1];
    if (count > 0) this.logger.warn({ count }, 'outbox rows re-driven: dispatched but never confirmed sent');
    return count;
  }
}

type RelayJob = { name: 'mail.send'; data: JobOf<'mail.send'> } | { name: 'mail.send-group'; data: JobOf<'mail.send-group'> };

/**
 * The jobs for claimed rows: rows of a bulk send go in groups of up to MAIL_GROUP_SIZE of the same
 * batch (`mail.send-group`); a single email, and any re-driven row (its earlier job may still exist
 * under its own id), one job each (`mail.send`). Order is kept: earlier rows, earlier jobs.
 */
export function relayJobs(rows: readonly ClaimedRow[], groupSize = MAIL_GROUP_SIZE): RelayJob[] {
  const jobs: RelayJob[] = [];
  const open = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.batchId || row.redrives > 0 || groupSize <= 1) {
      jobs.push({ name: 'mail.send', data: { outboxId: row.id } });
      continue;
    }
    let group = open.get(row.batchId);
    if (!group || group.length >= groupSize) {
      group = [];
      open.set(row.batchId, group);
      jobs.push({ name: 'mail.send-group', data: { outboxIds: group } });
    }
    group.push(row.id);
  }
  // A group of one is a single email.
  return jobs.map((job) => (job.name === 'mail.send-group' && job.data.outboxIds.length === 1 ? { name: 'mail.send', data: { outboxId: job.data.outboxIds[0] } } : job));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
