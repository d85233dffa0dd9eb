import { Queues, type JobQueues } from '../../../core/queue/job-catalogue';
import type { FairnessMode } from '../scheduler/types';

declare module '../../../core/queue/job-catalogue' {
  interface JobCatalogue {
    /** Run the export-meeting scheduler for one stored run (its progress is written to the run); fairness: the engine's mode (default 'weight'). */
    'meetings.schedule': { runId: string; fairness?: FairnessMode };
    /** Every few seconds: expire pending meeting requests past their time, and email each participant's digest of request news. */
    'meetings.request-sweep': Record<string, never>;
    /** Every few seconds: both sides of each meeting recorded as held get the after-meeting survey by email, once. */
    'meetings.survey-sweep': Record<string, never>;
  }
}

/** The meetings' jobs and their queue. */
export const meetingsJobs = {
  'meetings.schedule': Queues.Meetings,
  'meetings.request-sweep': Queues.MeetingRequests,
  'meetings.survey-sweep': Queues.MeetingRequests,
} as const satisfies JobQueues;
