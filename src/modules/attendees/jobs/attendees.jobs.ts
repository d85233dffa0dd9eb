import { Queues, type JobQueues } from '../../../core/queue/job-catalogue';

declare module '../../../core/queue/job-catalogue' {
  interface JobCatalogue {
    /** Every few seconds: compose and send the itineraries whose changes have settled. */
    'itinerary.sweep': Record<string, never>;
    /** One reminder: before an item (`uid` starting at `startsAt`) or the day before the visit (`day`). */
    'itinerary.remind': { attendeeId: string; kind: 'item' | 'day-before'; uid: string | null; startsAt: string | null; day: string | null };
  }
}

/** The attendees' jobs and their queue. */
export const attendeesJobs = {
  'itinerary.sweep': Queues.Attendees,
  'itinerary.remind': Queues.Attendees,
} as const satisfies JobQueues;
