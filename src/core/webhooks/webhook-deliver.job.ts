import { Injectable } from '@nestjs/common';
import { correlation } from '../logging/request-id';
import { Queues, type JobItem } from '../queue/job-catalogue';
import { OnJob } from '../queue/on-job.decorator';
import { WebhookDeliveryService, type DeliveryOutcome } from './webhook-delivery.service';

/** The `webhook.deliver` handler: thin; a duplicate job finds the delivery already claimed and skips. */
@Injectable()
export class WebhookDeliverJob {
  constructor(private readonly delivery: WebhookDeliveryService) {}

  @OnJob({ name: 'webhook.deliver', queue: Queues.Webhooks })
  run(job: JobItem<'webhook.deliver'>): Promise<DeliveryOutcome> {
    return correlation.run({ requestId: `job-${job.id}` }, () => this.delivery.deliver(job.data.deliveryId));
  }
}
