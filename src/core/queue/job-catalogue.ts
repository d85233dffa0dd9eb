import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job of Fairgate, with its payload. Payloads carry ids only: job data sits
 * in Redis in clear, so personal data stays in PostgreSQL.
 */
export const Queues = { Mail: 'mail', Venue: 'venue', Meetings: 'meetings', Attendees: 'attendees' } as const;
export type QueueName = (typeof Queues)[keyof typeof Queues];

export interface JobCatalogue {
  'mail.send': { outboxId: string };
  /** Lapse one hold at its expiry time (a no-op when it was confirmed or cancelled meanwhile). */
  'venue.hold-expire': { bookingId: string };
  /** Every minute: lapse any hold whose own job was lost. */
  'venue.hold-sweep': Record<string, never>;
  /** Run the export-meeting scheduler for one stored run (its progress is written to the run). */
  'meetings.schedule': { runId: string };
  /** Every few seconds: expire pending meeting requests past their time, and email each participant's digest of request news. */
  'meetings.request-sweep': Record<string, never>;
  /** Every few seconds: compose and send the itineraries whose changes have settled. */
  'itinerary.sweep': Record<string, never>;
  /** One reminder: before an item (`uid` starting at `startsAt`) or the day before the visit (`day`). */
  'itinerary.remind': { attendeeId: string; kind: 'item' | 'day-before'; uid: string | null; startsAt: string | null; day: string | null };
}
export type JobName = keyof JobCatalogue;

/** BullMQ job ids may not contain ':' nor be all digits; a prefix keeps both true. */
export function outboxJobId(outboxId: string): string {
  return `outbox-${outboxId}`;
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
