import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A bulk send: one row per batch, one outbox row per recipient (outbox_messages.batch_id).
 * Its progress is counted from the outbox rows; finished_at is set once none is open any more.
 */
@Entity('mail_batches')
export class MailBatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The mail template every message of the batch uses. */
  @Column({ type: 'text' })
  template: string;

  /** What the organizer sees, e.g. "Itineraries, PPURI 2027, day 1". */
  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'int' })
  total: number;

  /** The account that started the batch; null for batches started by the system. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
