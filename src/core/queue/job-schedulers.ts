import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { Queues, type JobCatalogue, type JobName, type QueueName } from './job-catalogue';

/** One repeatable job: the scheduler `id` on `queue` adds `job` at every `repeat` (`every` ms, or a cron `pattern`). */
export interface SchedulerDeclaration<N extends JobName = JobName> {
  queue: QueueName;
  id: string;
  repeat: Omit<RepeatOptions, 'key'>;
  job: { name: N; data: JobCatalogue[N]; opts?: JobSchedulerTemplateOptions };
}

type Upsert = Queue['upsertJobScheduler'];
type Remove = Queue['removeJobScheduler'];

/** How often each worker process looks for a missing scheduler: as often as the most frequent one runs, within 1–5 s. */
const WATCHDOG_MIN_MS = 1000;
const WATCHDOG_MAX_MS = 5000;

/**
 * Repeatable jobs that survive Redis losing its data (restarted empty, flushed, failed over to an
 * empty replica). A scheduler lives only in Redis: registered once at start-up, it is gone for good
 * after such a loss, and nothing sweeps until the app restarts. Here every scheduler is declared
 * once; in every process that runs workers it is upserted at start, then a watchdog (a plain timer,
 * plus every reconnect of a queue's connection) reads it back — one cheap read per scheduler — and
 * upserts it again when it is missing. `GET /health` reports a missing scheduler as not ready.
 *
 * Modules declare with `declare()`. A module that calls `queue.upsertJobScheduler()` on a queue of
 * the catalogue itself is adopted too (the call is recorded), so no repeatable job can be left out;
 * `removeJobScheduler()` forgets it.
 */
@Injectable()
export class JobSchedulers implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('job-schedulers');
  private readonly declared = new Map<string, SchedulerDeclaration>();
  private readonly queues = new Map<QueueName, Queue>();
  private readonly upserts = new Map<QueueName, Upsert>();
  private readonly readyListeners: Array<() => void> = [];
  private timer?: NodeJS.Timeout;
  private started = false;
  private checking?: Promise<void>;
  private checkAgain = false;
  private lastErrorLoggedAt = 0;
  /** Schedulers re-created by the watchdog since start (a figure for logs and tests). */
  recreated = 0;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly config: AppConfig,
  ) {}

  /** Declares (or replaces) a repeatable job; kept in Redis from the start of the workers on. */
  declare<N extends JobName>(declaration: SchedulerDeclaration<N>): void {
    this.declared.set(keyOf(declaration.queue, declaration.id), declaration);
    if (this.started) void this.upsert(declaration).catch((error: unknown) => this.logFailure(error));
  }

  /** The declared schedulers, `queue/id`. */
  names(): string[] {
    return [...this.declared.keys()];
  }

  onModuleInit(): void {
    for (const name of Object.values(Queues)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
      const upsert: Upsert = queue.upsertJobScheduler.bind(queue);
      const remove: Remove = queue.removeJobScheduler.bind(queue);
      this.upserts.set(name, upsert);
      // Adopt schedulers registered directly on the queue, so they heal like declared ones.
      queue.upsertJobScheduler = ((id, repeat, template) => {
        // BullMQ names the jobs after the scheduler when the template has no name.
        const job = { name: (template?.name ?? id) as JobName, data: (template?.data ?? {}) as never, opts: template?.opts };
        this.declared.set(keyOf(name, id), { queue: name, id, repeat, job });
        return upsert(id, repeat, template);
      }) as Upsert;
      queue.removeJobScheduler = (id) => {
        this.declared.delete(keyOf(name, id));
        return remove(id);
      };
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    // Only worker processes keep schedulers: their jobs are run there, and an API alone must not
    // make jobs nobody takes.
    if (!this.config.runsWorkers) return;
    this.started = true;
    for (const declaration of this.declared.values()) {
      // Upserted unconditionally at start, so a changed interval takes effect.
      await this.upsert(declaration).catch((error: unknown) => this.logFailure(error));
    }
    const shortest = Math.min(WATCHDOG_MAX_MS, ...[...this.declared.values()].map((d) => d.repeat.every ?? WATCHDOG_MAX_MS));
    const period = Math.max(WATCHDOG_MIN_MS, shortest);
    this.timer = setInterval(() => void this.check(), period);
    this.timer.unref();
    // A connection that comes back may come back to an empty Redis: look at once.
    for (const queue of this.queues.values()) {
      const listener = (): void => void this.check();
      queue.getBackend().on('ready', listener);
      this.readyListeners.push(() => queue.getBackend().off('ready', listener));
    }
  }

  onModuleDestroy(): void {
    this.started = false;
    clearInterval(this.timer);
    this.readyListeners.splice(0).forEach((off) => off());
  }

  /**
   * Reads every declared scheduler back and re-creates the missing ones. One pass at a time; a
   * request during a pass runs one more pass after it. Never throws.
   */
  check(): Promise<void> {
    if (!this.started) return Promise.resolve();
    if (this.checking) {
      this.checkAgain = true;
      return this.checking;
    }
    this.checking = (async () => {
      do {
        this.checkAgain = false;
        for (const declaration of [...this.declared.values()]) {
          if (!this.started) return;
          try {
            if (await this.queues.get(declaration.queue)!.getJobScheduler(declaration.id)) continue;
            await this.upsert(declaration);
            this.recreated++;
            this.logger.warn({ queue: declaration.queue, scheduler: declaration.id }, 'job scheduler was missing from Redis (its data was lost?): re-created');
          } catch (error) {
            this.logFailure(error);
          }
        }
      } while (this.checkAgain && this.started);
    })().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** `queue/id` → 1 when the scheduler is in Redis, 0 when it is missing (nothing in processes without workers). Throws when Redis does not answer. */
  async presence(): Promise<Record<string, number>> {
    if (!this.config.runsWorkers) return {};
    const entries = await Promise.all(
      [...this.declared.entries()].map(async ([key, d]) => [key, (await this.queues.get(d.queue)!.getJobScheduler(d.id)) ? 1 : 0] as const),
    );
    return Object.fromEntries(entries);
  }

  private async upsert(d: SchedulerDeclaration): Promise<void> {
    const upsert = this.upserts.get(d.queue);
    if (!upsert) throw new Error(`queue ${d.queue} is not in the catalogue`);
    await upsert(d.id, d.repeat, { name: d.job.name, data: d.job.data, opts: d.job.opts });
  }

  private logFailure(error: unknown): void {
    // Redis down: the queues log the outage already; one line here per 10 s is enough.
    if (Date.now() - this.lastErrorLoggedAt < 10_000) return;
    this.lastErrorLoggedAt = Date.now();
    this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'job schedulers not checked; retrying');
  }
}

function keyOf(queue: string, id: string): string {
  return `${queue}/${id}`;
}
