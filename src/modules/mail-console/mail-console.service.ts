import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { TransactionRunner } from '../../core/database/transaction-runner';
import { MailDeliveryService } from '../../core/mail/mail-delivery.service';
import { MailTemplateRegistry } from '../../core/mail/mail-template.registry';
import { OutboxRelay } from '../../core/outbox/outbox-relay';
import type {
  ListBatchesQuery, ListMailMessagesQuery, MailBatchPage, MailBatchProgress, MailMessagePage, MailMessageResponse, ResendFailedBody, ResendResponse,
} from './dto/mail-console.dto';
import { MailConsoleRepository, type BatchRow, type MailMessageRow } from './mail-console.repository';

/**
 * What organizers may see and do with outgoing email: find messages, read why one failed, send
 * one again. A failed message goes back to the queue under its own id (it never reached anyone);
 * a sent one is copied to a new message, so the record of what went out stays true.
 */
@Injectable()
export class MailConsoleService {
  constructor(
    private readonly repository: MailConsoleRepository,
    private readonly tx: TransactionRunner,
    private readonly relay: OutboxRelay,
    private readonly delivery: MailDeliveryService,
    private readonly templates: MailTemplateRegistry,
  ) {}

  async listMessages(query: ListMailMessagesQuery): Promise<MailMessagePage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { rows, total } = await this.repository.listMessages({ status: query.status, template: query.template, q: query.q, batch: query.batch }, page, pageSize);
    return { items: rows.map((r) => this.toResponse(r)), total, page, pageSize };
  }

  /** How many emails failed for good (until someone sends them again): the console's dashboard shows it. */
  async failedCount(): Promise<number> {
    const { total } = await this.repository.listMessages({ status: 'failed' }, 1, 1);
    return total;
  }

  async getMessage(id: string): Promise<MailMessageResponse> {
    const row = await this.repository.findMessage(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `No email ${id}.`);
    return this.toResponse(row);
  }

  async resend(id: string): Promise<ResendResponse> {
    const result = await this.tx.run(async (tx) => {
      const { manager } = tx;
      const row = await this.repository.findMessage(id, manager, true);
      if (!row) throw new DomainError(ErrorCode.NotFound, `No email ${id}.`);
      tx.afterCommit(() => this.relay.kick());
      if (row.status === 'failed') {
        await this.repository.requeueFailed(manager, { ids: [id] });
        return { outcome: 'requeued' as const, id };
      }
      if (row.status === 'sent') return { outcome: 'copied' as const, id: await this.repository.copyMessage(manager, id) };
      throw new DomainError(ErrorCode.IllegalTransition, `Email ${id} is ${row.status}: it is still on its way; only failed or sent emails can be sent again.`, {
        status: row.status,
      });
    });
    return { outcome: result.outcome, message: await this.getMessage(result.id) };
  }

  async resendFailed(body: ResendFailedBody): Promise<{ count: number }> {
    const ids = await this.tx.run(async (tx) => {
      tx.afterCommit(() => this.relay.kick());
      return this.repository.requeueFailed(tx.manager, { template: body.template, batch: body.batch });
    });
    return { count: ids.length };
  }

  async listBatches(query: ListBatchesQuery): Promise<MailBatchPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await this.repository.listBatches(page, pageSize);
    return { items: rows.map(toProgress), total, page, pageSize };
  }

  async getBatch(id: string): Promise<MailBatchProgress> {
    const row = await this.repository.findBatch(id);
    if (!row) throw new DomainError(ErrorCode.NotFound, `No bulk send ${id}.`);
    return toProgress(row);
  }

  /** The names of the templates this process knows, for the console's filter. */
  /** What the mail console page shows: a page of messages under the filters, the latest bulk sends, the template names. */
  async overview(filters: Omit<ListMailMessagesQuery, 'pageSize'>): Promise<{ messages: MailMessagePage; batches: MailBatchProgress[]; templates: string[] }> {
    const [messages, batches] = await Promise.all([
      this.listMessages({ ...filters, pageSize: 50 }),
      this.listBatches({ page: 1, pageSize: 10 }),
    ]);
    return { messages, batches: batches.items, templates: this.templateNames() };
  }

  templateNames(): string[] {
    return this.templates.names();
  }

  private toResponse(r: MailMessageRow): MailMessageResponse {
    return {
      id: r.id,
      recipient: r.recipient,
      template: r.template,
      locale: r.locale,
      status: r.status,
      attempts: r.attempts,
      redrives: r.redrives,
      lastError: r.lastError,
      smtpResponse: r.smtpResponse,
      rejectedRecipients: r.rejectedRecipients,
      messageId: r.messageId ?? this.delivery.messageIdFor(r.id),
      batchId: r.batchId,
      createdAt: r.createdAt.toISOString(),
      dispatchedAt: r.dispatchedAt?.toISOString() ?? null,
      sentAt: r.sentAt?.toISOString() ?? null,
      failedAt: r.failedAt?.toISOString() ?? null,
    };
  }
}

export function toProgress(b: BatchRow): MailBatchProgress {
  const { pending, dispatched, sent, failed } = b.counts;
  const done = sent + failed;
  return {
    id: b.id,
    template: b.template,
    label: b.label,
    createdBy: b.createdBy,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
    total: b.total,
    pending,
    dispatched,
    sent,
    failed,
    percent: b.total === 0 ? 100 : Math.floor((done * 100) / b.total),
  };
}
