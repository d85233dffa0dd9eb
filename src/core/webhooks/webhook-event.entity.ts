import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Something that happened, written in the transaction of the change (so it exists iff the change
 * committed). `body` is the exact JSON every delivery POSTs and signs: text, not jsonb, so its bytes
 * never change between attempts.
 */
@Entity('webhook_events')
@Index('webhook_events_created_idx', ['createdAt'])
export class WebhookEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'uuid', nullable: true })
  scopeId: string | null;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
