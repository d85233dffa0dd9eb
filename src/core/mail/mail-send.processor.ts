import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { correlation } from '../logging/request-id';
import { Queues, type JobCatalogue } from '../queue/job-catalogue';
import { MailDeliveryService, type DeliveryOutcome } from './mail-delivery.service';

/** The `mail.send` handler: thin, idempotent, delegates to MailDeliveryService. */
@Processor(Queues.Mail, { concurrency: 5 })
export class MailSendProcessor extends WorkerHost {
  private readonly logger = new Logger('mail-worker');

  constructor(private readonly delivery: MailDeliveryService) {
    super();
  }

  async process(job: Job<JobCatalogue['mail.send']>): Promise<DeliveryOutcome> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return correlation.run({ requestId: `job-${job.id}` }, () => this.delivery.deliver(job.data.outboxId, finalAttempt));
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn({ err: error }, 'mail worker connection error');
  }
}
