import { Queues, type JobQueues } from '../../../core/queue/job-catalogue';

declare module '../../../core/queue/job-catalogue' {
  interface JobCatalogue {
    /** Run the export-meeting scheduler for one stored run (its progress is written to the run). */
    'meetings.schedule': { runId: string };
  }
}

/** The meetings' jobs and their queue. */
export const meetingsJobs = {
  'meetings.schedule': Queues.Meetings,
} as const satisfies JobQueues;
