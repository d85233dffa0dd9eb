import { Injectable } from '@nestjs/common';
import { correlation } from '../logging/request-id';
import { Queues, type JobItem } from '../queue/job-catalogue';
import { OnJob } from '../queue/on-job.decorator';
import { MailDeliveryService, type DeliveryOutcome } from './mail-delivery.service';

/**
 * The `mail.send` handler: thin, idempotent, delegates to MailDeliveryService. The mail queue's
 * worker options (MAIL_CONCURRENCY, MAIL_RATE_PER_SECOND) are set with the other queues' in
 * core/queue/job-dispatcher.ts.
 */
@Injectable()
export class MailSendJob {
  constructor(private readonly delivery: MailDeliveryService) {}

  @OnJob({ name: 'mail.send', queue: Queues.Mail })
  run(job: JobItem<'mail.send'>): Promise<DeliveryOutcome> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return correlation.run({ requestId: `job-${job.id}` }, () => this.delivery.deliver(job.data.outboxId, finalAttempt));
  }
}
