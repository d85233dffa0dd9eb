import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { correlation } from '../logging/request-id';
import { Queues, type JobCatalogue } from '../queue/job-catalogue';
import { MailDeliveryService, type DeliveryOutcome } from './mail-delivery.service';

/**
 * The `mail.send` handler: thin, idempotent, delegates to MailDeliveryService. Its worker options
 * (concurrency, rate limit) come from the configuration: see mailSendProcessorFor().
 */
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

/**
 * The processor class with this configuration's worker options. BullMQ's limiter is kept in Redis
 * for the whole queue, so MAIL_RATE_PER_SECOND holds for every worker process together — one SMTP
 * server's budget; MAIL_CONCURRENCY is per process.
 */
export function mailSendProcessorFor(options: { concurrency: number; ratePerSecond: number }): typeof MailSendProcessor {
  @Processor(Queues.Mail, { concurrency: options.concurrency, limiter: { max: options.ratePerSecond, duration: 1000 } })
  class ConfiguredMailSendProcessor extends MailSendProcessor {
    // Declared (not inherited) so every compiler emits the constructor's parameter types for Nest.
    constructor(delivery: MailDeliveryService) {
      super(delivery);
    }
  }
  return ConfiguredMailSendProcessor;
}
