import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One organizer action: who did what to which thing, when, and what it looked like before and after.
 * Written in the same transaction as the change, so the log holds exactly the changes that committed.
 */
@Entity('audit_entries')
@Index('audit_entries_at_idx', ['at'])
@Index('audit_entries_scope_at_idx', ['scopeId', 'at'])
@Index('audit_entries_actor_at_idx', ['actorAccountId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** The account that acted; null for the system (a job, the seeder). */
  @Column({ type: 'uuid', nullable: true })
  actorAccountId: string | null;

  /** The actor's address at the time (accounts can change; the log must not). */
  @Column({ type: 'text', nullable: true })
  actorEmail: string | null;

  /** Where the action belongs, e.g. the edition's id; null for venue- or organization-wide actions. */
  @Column({ type: 'uuid', nullable: true })
  scopeId: string | null;

  /** What was done, dotted and stable: `application.approve`, `booking.cancel`, `staff.invite`. */
  @Column({ type: 'text' })
  action: string;

  /** What it was done to: a kind (`application`, `booking`, …) and its id. */
  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'text', nullable: true })
  subjectId: string | null;

  /** The subject's fields that changed, before and after (null when created or deleted). */
  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
