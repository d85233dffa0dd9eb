import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Invoice } from './invoice.entity';

export type PaymentKind = 'payment' | 'refund';
/** How the money moved; a provider (PG) integration adds its own method and provider name. */
export type PaymentMethod = 'bank_transfer' | 'card' | 'other';

/**
 * Money received for an invoice, or paid back. Recorded by an organizer today; a payment provider
 * later writes the same rows with its name and its own reference. Never twice: the provider's
 * reference is unique per provider, the caller's Idempotency-Key unique per invoice.
 */
@Entity('invoice_payments')
@Unique('invoice_payments_provider_reference_key', ['provider', 'providerReference'])
@Unique('invoice_payments_idempotency_key', ['invoiceId', 'idempotencyKey'])
@Index('invoice_payments_invoice_idx', ['invoiceId'])
@Check('invoice_payments_amount_check', `amount_krw > 0`)
@Check('invoice_payments_kind_check', `kind IN ('payment', 'refund')`)
@Check('invoice_payments_reference_check', `(provider IS NULL) = (provider_reference IS NULL)`)
export class InvoicePayment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  invoiceId: string;

  @ManyToOne(() => Invoice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: Invoice;

  @Column({ type: 'text' })
  kind: PaymentKind;

  @Column({ type: 'text' })
  method: PaymentMethod;

  /** Who reports the money: 'bank' (a transfer seen on the statement) or a payment provider; null = no reference. */
  @Column({ type: 'text', nullable: true })
  provider: string | null;

  /** The provider's id of the transaction (the bank statement's reference, a PG transaction id). */
  @Column({ type: 'text', nullable: true })
  providerReference: string | null;

  /** The Idempotency-Key the organizer's request came with. */
  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** Always positive; the kind says the direction. */
  @Column({ type: 'int' })
  amountKrw: number;

  /** The Seoul day the money arrived (or left). */
  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'text' })
  payerName: string;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One reminder step sent for an invoice: the key makes two sweeps send it once. */
@Entity('invoice_reminders')
@Unique('invoice_reminders_step_key', ['invoiceId', 'step'])
export class InvoiceReminder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  invoiceId: string;

  @ManyToOne(() => Invoice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: Invoice;

  /** 0 = 3 days after the due date, 1 = a week later, … */
  @Column({ type: 'int' })
  step: number;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
