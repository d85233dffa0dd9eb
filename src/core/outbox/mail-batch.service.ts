import { Injectable } from '@nestjs/common';
import type { TransactionContext } from '../database/transaction-runner';
import { MailTemplateRegistry } from '../mail/mail-template.registry';
import { MailBatch } from './mail-batch.entity';
import { OutboxRelay } from './outbox-relay';

export interface MailBatchRecipient {
  recipient: string;
  locale: string;
  /** What the template needs for this recipient; ids and names, never more. */
  params: Record<string, unknown>;
}

export interface NewMailBatch {
  template: string;
  label: string;
  recipients: MailBatchRecipient[];
  /** The account that starts the batch, if a person does. */
  createdBy?: string | null;
}

/** Outbox rows per INSERT: one statement per chunk, its columns passed as arrays (unnest). */
export const BATCH_INSERT_CHUNK = 1000;

/**
 * Bulk sends through the outbox: the batch row and one outbox row per recipient, written in the
 * caller's transaction (the emails exist iff the business change committed), then relayed and sent
 * like any other outbox row — same retries, same Message-ID rule, same at-most-once per row.
 */
@Injectable()
export class MailBatchService {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly templates: MailTemplateRegistry,
  ) {}

  async create(tx: TransactionContext, batch: NewMailBatch): Promise<MailBatch> {
    if (!this.templates.get(batch.template)) throw new Error(`no mail template named ${batch.template}`);
    const row = await tx.manager.getRepository(MailBatch).save(
      tx.manager.create(MailBatch, { template: batch.template, label: batch.label, total: batch.recipients.length, createdBy: batch.createdBy ?? null }),
    );
    for (let start = 0; start < batch.recipients.length; start += BATCH_INSERT_CHUNK) {
      const chunk = batch.recipients.slice(start, start + BATCH_INSERT_CHUNK);
      await tx.manager.query(
        `INSERT INTO outbox_messages (template, recipient, locale, params, batch_id)
         SELECT $1, r.recipient, r.locale, r.params, $2 FROM unnest($3::text[], $4::text[], $5::jsonb[]) AS r(recipient, locale, params)`,
        [batch.template, row.id, chunk.map((r) => r.recipient), chunk.map((r) => r.locale), chunk.map((r) => JSON.stringify(r.params))],
      );
    }
    // An empty batch has nothing to wait for.
    if (batch.recipients.length === 0) await tx.manager.update(MailBatch, row.id, { finishedAt: new Date() });
    tx.afterCommit(() => this.relay.kick());
    return row;
  }

  /**
   * A batch whose outbox rows are written later, one by one, by whoever composes them (each with
   * `batchId`): progress counts them against `total`, and it finishes once all `total` were sent.
   */
  async createPending(tx: TransactionContext, batch: { template: string; label: string; total: number; createdBy?: string | null }): Promise<MailBatch> {
    if (!this.templates.get(batch.template)) throw new Error(`no mail template named ${batch.template}`);
    return tx.manager.getRepository(MailBatch).save(tx.manager.create(MailBatch, {
      template: batch.template, label: batch.label, total: batch.total, createdBy: batch.createdBy ?? null,
      ...(batch.total === 0 && { finishedAt: new Date() }),
    }));
  }
}
