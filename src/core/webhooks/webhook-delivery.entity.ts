import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookEvent } from './webhook-event.entity';
import { WebhookSubscription } from './webhook-subscription.entity';

export const DELIVERY_STATUSES = ['pending', 'dispatched', 'sending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one subscription; its id is the `Fairgate-Delivery` header, the same on every
 * attempt, so receivers dedupe on it. pending (due at next_attempt_at) → (relay) dispatched →
 * (worker, conditional claim) sending → delivered | pending again (retry later) | failed.
 */
@Entity('webhook_deliveries')
@Index('webhook_deliveries_due_idx', ['status', 'nextAttemptAt'])
@Index('webhook_deliveries_subscription_idx', ['subscriptionId', 'createdAt'])
@Index('webhook_deliveries_created_idx', ['createdAt'])
@Check('webhook_deliveries_status_check', `status IN ('pending','dispatched','sending','delivered','failed')`)
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => WebhookEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: WebhookEvent;

  @Column({ type: 'uuid' })
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: WebhookSubscription;

  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  /** Attempts made in the current round (a resend starts a new round at 0). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** When the relay handed it to the queue, or the worker claimed it (stale ones are re-driven). */
  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  lastStatusCode: number | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;
}
