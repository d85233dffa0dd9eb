import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PgError, pgCode } from '../database/postgres-errors';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import type { MailLocale } from './mail-template';
import { MailTemplateRegistry } from './mail-template.registry';
import { isPermanentMailError, MailTransport } from './mail-transport';

const ROW_LOCK_TIMEOUT = '15s';

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

/** A row another worker is sending right now; the job retries later instead of sending twice. */
export class OutboxRowBusyError extends Error {}

/**
 * Sends one outbox message, at most once per row: the row is locked for the duration of the
 * send and a sent or failed row is never sent again. The Message-ID derives from the row id,
 * so the one duplicate left possible (a crash between SMTP 250 and the commit) is recognisable.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger('mail');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly templates: MailTemplateRegistry,
    private readonly transport: MailTransport,
  ) {}

  messageIdFor(outboxId: string): string {
    return `<ob-${outboxId}@${this.config.mailDomain}>`;
  }

  /**
   * @param finalAttempt when true, a temporary failure marks the row failed (no retries left).
   * Throws UnrecoverableError for permanent failures, a plain Error for temporary ones.
   */
  async deliver(outboxId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    let failure: Error | undefined;
    const outcome = await this.dataSource.transaction(async (manager): Promise<DeliveryOutcome> => {
      // Wait for the lock rather than skip: the relay holds it for a moment while it commits the
      // hand-over, and a second worker on the same row must wait and then see it sent.
      await manager.query(`SET LOCAL lock_timeout = '${ROW_LOCK_TIMEOUT}'`);
      let row: OutboxMessage | null;
      try {
        row = await manager
          .getRepository(OutboxMessage)
          .createQueryBuilder('m')
          .setLock('pessimistic_write')
          .where('m.id = :id', { id: outboxId })
          .getOne();
      } catch (error) {
        if (pgCode(error) === PgError.LockNotAvailable) throw new OutboxRowBusyError(`outbox row ${outboxId} is being handled elsewhere`);
        throw error;
      }
      if (!row) return 'skipped';
      if (row.status === 'sent' || row.status === 'failed') return 'skipped';

      const template = this.templates.get(row.template);
      if (!template) {
        failure = new UnrecoverableError(`no mail template named ${row.template}`);
        await this.markFailed(manager, row, failure.message);
        return 'failed';
      }
      const rendered = template.render(row.params, row.locale as MailLocale, { publicUrl: this.config.publicUrl });
      const messageId = this.messageIdFor(row.id);
      try {
        const receipt = await this.transport.send({ messageId, to: row.recipient, ...rendered });
        await manager.update(OutboxMessage, row.id, {
          status: 'sent',
          attempts: row.attempts + 1,
          messageId,
          smtpResponse: receipt.response.slice(0, 1000),
          rejectedRecipients: receipt.rejected,
          sentAt: new Date(),
          lastError: null,
        });
        this.logger.log({ outboxId: row.id, template: row.template, messageId, file: receipt.file }, 'email sent');
        return 'sent';
      } catch (error) {
        const reason = describe(error);
        if (isPermanentMailError(error) || finalAttempt) {
          const why = isPermanentMailError(error) ? reason : `gave up after ${row.attempts + 1} attempts: ${reason}`;
          await this.markFailed(manager, row, why);
          failure = new UnrecoverableError(why);
          this.logger.error({ outboxId: row.id, reason: why }, 'email failed permanently');
          return 'failed';
        }
        await manager.update(OutboxMessage, row.id, { attempts: row.attempts + 1, lastError: reason });
        failure = new Error(`temporary mail failure: ${reason}`);
        this.logger.warn({ outboxId: row.id, reason }, 'email failed temporarily; will retry');
        return 'failed';
      }
    });
    // Thrown after the commit, so the attempt count and reason are recorded either way.
    if (failure) throw failure;
    return outcome;
  }

  private async markFailed(manager: EntityManager, row: OutboxMessage, reason: string): Promise<void> {
    await manager.update(OutboxMessage, row.id, {
      status: 'failed',
      attempts: row.attempts + 1,
      lastError: reason.slice(0, 2000),
      failedAt: new Date(),
    });
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const e = error as Error & { responseCode?: number; code?: string; response?: string };
    const parts = [e.responseCode ? `SMTP ${e.responseCode}` : e.code, e.response ?? e.message].filter(Boolean);
    return parts.join(': ').slice(0, 2000);
  }
  return String(error);
}
