import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type Type } from '@nestjs/common';
import type { Job, WorkerOptions } from 'bullmq';
import type { AppConfig } from '../config/app-config';
import { Queues, type JobItem, type QueueName } from './job-catalogue';
import { JobHandlers } from './job-handlers';

/** What a queue's worker is tuned by. */
export type DispatcherOptions = Pick<WorkerOptions, 'concurrency' | 'limiter' | 'lockDuration' | 'stalledInterval'>;

/**
 * Each queue's worker options, in one place. The mail limiter is kept in Redis for the whole queue,
 * so MAIL_RATE_PER_SECOND holds for every worker process together — one SMTP server's budget;
 * MAIL_CONCURRENCY is per process. A meetings job (a scheduler run) may take minutes: one at a
 * time per process, and a lock long enough that a busy event loop does not lose it.
 */
export function workerOptions(
  config: Pick<AppConfig, 'mailConcurrency' | 'mailRatePerSecond' | 'jobLockDurationMs' | 'jobStalledIntervalMs'>,
): Record<QueueName, DispatcherOptions> {
  // How soon a killed worker's jobs run again: once their lock lapses, at the next stalled-job check.
  const recovery = { lockDuration: config.jobLockDurationMs, stalledInterval: config.jobStalledIntervalMs };
  return {
    [Queues.Mail]: { ...recovery, concurrency: config.mailConcurrency, limiter: { max: config.mailRatePerSecond, duration: 1000 } },
    [Queues.Venue]: { ...recovery, concurrency: 2 },
    [Queues.Meetings]: { ...recovery, concurrency: 1, lockDuration: Math.max(120_000, config.jobLockDurationMs) },
    // Request expiry and digests: never queued behind a scheduler run of up to two minutes.
    [Queues.MeetingRequests]: { ...recovery, concurrency: 1 },
    [Queues.Attendees]: { ...recovery, concurrency: 2 },
    [Queues.Billing]: { ...recovery, concurrency: 1 },
    // Each POST may wait up to WEBHOOK_TIMEOUT_MS on a slow receiver: several at once per process.
    [Queues.Webhooks]: { ...recovery, concurrency: 8 },
  };
}

/**
 * The one worker of a queue: routes each job by its name to the `@OnJob` handler that the module
 * owning the job declared. bootstrap.ts closes every WorkerHost before the rest of the app.
 */
export abstract class JobDispatcher extends WorkerHost {
  private readonly logger: Logger;

  constructor(
    readonly queueName: QueueName,
    private readonly handlers: JobHandlers,
  ) {
    super();
    this.logger = new Logger(`${queueName}-worker`);
  }

  process(job: Job): Promise<unknown> {
    return this.handlers.handle(this.queueName, job as JobItem);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, `${this.queueName} worker connection error`);
  }
}

/** The dispatcher class of `queue`, a BullMQ processor with these worker options. */
export function jobDispatcherFor(queue: QueueName, options: DispatcherOptions): Type<JobDispatcher> {
  @Processor(queue, options)
  class QueueJobDispatcher extends JobDispatcher {
    // Declared (not inherited) so every compiler emits the constructor's parameter types for Nest.
    constructor(handlers: JobHandlers) {
      super(queue, handlers);
    }
  }
  Object.defineProperty(QueueJobDispatcher, 'name', { value: `${queue[0].toUpperCase()}${queue.slice(1)}JobDispatcher` });
  return QueueJobDispatcher;
}
