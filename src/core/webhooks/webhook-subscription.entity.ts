import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * An organizer's endpoint and the event types it wants, for one scope (an edition) or all
 * (scope_id null). The signing secret is stored sealed with APP_SECRET (webhook-secrets.ts): the
 * server needs it to sign, nobody reads it back after it was shown once.
 */
@Entity('webhook_subscriptions')
@Index('webhook_subscriptions_active_idx', ['active'])
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Event type names (`application.submitted`, …), owned by the areas that emit them. */
  @Column({ type: 'text', array: true })
  eventTypes: string[];

  /** The scope (edition id) whose events it gets; null: every scope. */
  @Column({ type: 'uuid', nullable: true })
  scopeId: string | null;

  /** The signing secret, sealed (AES-256-GCM under a key derived from APP_SECRET). */
  @Column({ type: 'text' })
  sealedSecret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
