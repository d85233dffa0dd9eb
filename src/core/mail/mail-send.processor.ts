import { Injectable } from '@nestjs/common';
import { correlation } from '../logging/request-id';
import { Queues, type JobItem } from '../queue/job-catalogue';
import { OnJob } from '../queue/on-job.decorator';
import { MailDeliveryService, type DeliveryOutcome, type GroupOutcome } from './mail-delivery.service';
import { MailRateGate } from './mail-rate-gate';

/**
 * The `mail.send` handler: thin, idempotent, delegates to MailDeliveryService. The mail queue's
 * worker options (MAIL_CONCURRENCY, MAIL_RATE_PER_SECOND) are set with the other queues' in
 * core/queue/job-dispatcher.ts.
 */
@Injectable()
export class MailSendJob {
  constructor(
    private readonly delivery: MailDeliveryService,
    private readonly rate: MailRateGate,
  ) {}

  @OnJob({ name: 'mail.send', queue: Queues.Mail })
  run(job: JobItem<'mail.send'>): Promise<DeliveryOutcome> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return correlation.run({ requestId: `job-${job.id}` }, () => this.delivery.deliver(job.data.outboxId, finalAttempt));
  }

  /** A group of one bulk send's rows (the relay makes these): each row once, under its own lock. */
  @OnJob({ name: 'mail.send-group', queue: Queues.Mail })
  runGroup(job: JobItem<'mail.send-group'>): Promise<GroupOutcome> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return correlation.run({ requestId: `job-${job.id}` }, () => this.delivery.deliverGroup(job.data.outboxIds, finalAttempt, (want) => this.rate.take(want)));
  }
}
