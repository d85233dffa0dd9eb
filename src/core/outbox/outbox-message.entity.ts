import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MailBatch } from './mail-batch.entity';

export const OUTBOX_STATUSES = ['pending', 'dispatched', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A message to send, written in the same transaction as the change it reports.
 * pending → (relay) dispatched → (worker) sent | failed. The row, not Redis, is the record.
 */
@Entity('outbox_messages')
@Index('outbox_messages_relay_idx', ['status', 'createdAt'])
@Index('outbox_messages_batch_idx', ['batchId', 'status'])
@Index('outbox_messages_created_idx', ['createdAt'])
@Check('outbox_messages_status_check', `status IN ('pending','dispatched','sent','failed')`)
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Name of the mail template, e.g. `exhibitor.application-submitted`. */
  @Column({ type: 'text' })
  template: string;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'text' })
  locale: string;

  /** What the template needs to render; nothing else. */
  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** How many times the reconciler had to hand the row to the queue again. */
  @Column({ type: 'int', default: 0 })
  redrives: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'text', nullable: true })
  messageId: string | null;

  @Column({ type: 'text', nullable: true })
  smtpResponse: string | null;

  /** Recipients the SMTP server refused while accepting others. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  rejectedRecipients: string[];

  /** The edition the message belongs to, if any: where the mail worker looks for edited texts (mail_text_overrides). */
  @Column({ type: 'uuid', nullable: true })
  scopeId: string | null;

  /** The bulk send this message belongs to, if any. */
  @Column({ type: 'uuid', nullable: true })
  batchId: string | null;

  @ManyToOne(() => MailBatch, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id' })
  batch?: MailBatch | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;
}
