import { Queues, type JobQueues } from '../queue/job-catalogue';

declare module '../queue/job-catalogue' {
  interface JobCatalogue {
    /** POST one webhook delivery (enqueued by WebhookRelay when it is due). */
    'webhook.deliver': { deliveryId: string };
  }
}

export const webhookJobs = { 'webhook.deliver': Queues.Webhooks } as const satisfies JobQueues;

/** A claim's job id: one per hand-over to the queue (no ':', never all digits). */
export function webhookJobId(deliveryId: string, claimedAt: Date): string {
  return `webhook-${deliveryId}-${claimedAt.getTime()}`;
}
