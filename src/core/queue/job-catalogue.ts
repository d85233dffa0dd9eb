import { createHash } from 'node:crypto';
import type { Job, JobsOptions } from 'bullmq';

/**
 * Every queue of Fairgate, and the typed catalogue of its jobs. Payloads carry ids only: job data
 * sits in Redis in clear, so personal data stays in PostgreSQL.
 *
 * Core names only its own job (`mail.send`). Each module adds its jobs to `JobCatalogue` by
 * declaration merging in its `jobs/<module>.jobs.ts`, with the queue of each job at run time:
 *
 *     declare module '../../../core/queue/job-catalogue' {
 *       interface JobCatalogue { 'venue.hold-expire': { bookingId: string } }
 *     }
 *     export const venueJobs = { 'venue.hold-expire': Queues.Venue } satisfies JobQueues;
 *
 * and handles each with one `@OnJob({ name, queue })` method (see on-job.decorator.ts). The app
 * module hands the union of these maps to QueueModule, typed `JobQueueMap` so a job declared
 * without its queue does not compile; at start-up JobHandlers checks that each has one handler.
 */
export const Queues = { Mail: 'mail', Venue: 'venue', Meetings: 'meetings', MeetingRequests: 'meeting-requests', Attendees: 'attendees', Billing: 'billing', Webhooks: 'webhooks' } as const;
export type QueueName = (typeof Queues)[keyof typeof Queues];

export interface JobCatalogue {
  /** Deliver one outbox message (enqueued by the outbox relay, handled by core/mail). */
  'mail.send': { outboxId: string };
  /**
   * Deliver a group of outbox rows of one bulk send (up to MAIL_GROUP_SIZE), one row after the
   * other, each under its own row lock (enqueued by the outbox relay, handled by core/mail).
   */
  'mail.send-group': { outboxIds: string[] };
}
/** A stable string name (`area.verb`), never a class name: names are stored in Redis. */
export type JobName = keyof JobCatalogue;
/** The payload of job `N`. */
export type JobOf<N extends JobName> = JobCatalogue[N];
/** A job of the catalogue as a handler receives it: BullMQ's job with its typed payload and name. */
export type JobItem<N extends JobName = JobName> = Job<JobOf<N>, unknown, N>;

/** Every job of the catalogue and the queue it runs on: a job missing here does not compile. */
export type JobQueueMap = { readonly [N in JobName]: QueueName };
/** Some jobs of the catalogue and their queues: what one module declares. */
export type JobQueues = Partial<JobQueueMap>;

/** Core's own jobs. */
export const coreJobs = { 'mail.send': Queues.Mail, 'mail.send-group': Queues.Mail } as const satisfies JobQueues;

/** BullMQ job ids may not contain ':' nor be all digits; a prefix keeps both true. */
export function outboxJobId(outboxId: string): string {
  return `outbox-${outboxId}`;
}

/**
 * The job id of a group of outbox rows: derived from the rows it carries, so a relay pass repeated
 * over the same rows (its commit failed after the add) adds nothing. A different grouping of the
 * same rows is another job: harmless, each row is sent at most once whatever job carries it.
 */
export function outboxGroupJobId(outboxIds: readonly string[]): string {
  return `outbox-group-${createHash('sha1').update(outboxIds.join(',')).digest('hex')}`;
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

/** Job options in one place: retries with exponential backoff and jitter, bounded retention. */
export function mailJobOptions(policy: RetryPolicy): JobsOptions {
  return {
    attempts: policy.attempts,
    backoff: { type: 'exponential', delay: policy.baseDelayMs, jitter: 0.3 },
    // Finished jobs are kept for a while for inspection, then dropped so Redis does not grow;
    // the durable record of what was sent is the outbox table.
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600, count: 50_000 },
  };
}

/** Options of housekeeping jobs: a few quick retries, short retention. */
export const housekeepingJobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 24 * 3600, count: 1000 },
};
