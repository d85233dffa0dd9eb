import { Queues, type JobQueues } from '../../../../core/queue/job-catalogue';

declare module '../../../../core/queue/job-catalogue' {
  interface JobCatalogue {
    /** Every hour: one reminder per overdue invoice and reminder step. */
    'billing.reminder-sweep': Record<string, never>;
  }
}

/** The billing jobs and their queue. */
export const billingJobs = {
  'billing.reminder-sweep': Queues.Billing,
} as const satisfies JobQueues;
