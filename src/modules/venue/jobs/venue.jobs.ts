import { Queues, type JobQueues } from '../../../core/queue/job-catalogue';

declare module '../../../core/queue/job-catalogue' {
  interface JobCatalogue {
    /** Lapse one hold (a no-op when it was confirmed or cancelled meanwhile). No longer added: kept for jobs enqueued before the sweeper took over. */
    'venue.hold-expire': { bookingId: string };
    /** Every minute: lapse the overdue holds. */
    'venue.hold-sweep': Record<string, never>;
  }
}

/** The venue's jobs and their queue. */
export const venueJobs = {
  'venue.hold-expire': Queues.Venue,
  'venue.hold-sweep': Queues.Venue,
} as const satisfies JobQueues;
