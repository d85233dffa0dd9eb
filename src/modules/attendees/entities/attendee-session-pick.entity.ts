import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConferenceSession } from '../../fairs/entities/edition-programme.entity';
import { Attendee } from './attendee.entity';

export const PICK_STATUSES = ['confirmed', 'waitlisted'] as const;
export type PickStatus = (typeof PICK_STATUSES)[number];

/**
 * A conference session an attendee chose: a seat (`confirmed`) or a place in the queue
 * (`waitlisted`, ordered by `waitlisted_at`, then id). Unpicking deletes the row; a freed seat
 * goes to the head of the queue in the same transaction.
 */
@Entity('attendee_session_picks')
@Index('attendee_session_picks_attendee_session_key', ['attendeeId', 'sessionId'], { unique: true })
@Index('attendee_session_picks_session_idx', ['sessionId', 'status'])
@Index('attendee_session_picks_waitlist_idx', ['sessionId', 'waitlistedAt', 'id'], { where: `status = 'waitlisted'` })
@Check('attendee_session_picks_status_check', `status IN ('confirmed','waitlisted')`)
@Check('attendee_session_picks_state_check', `(status = 'confirmed' AND confirmed_at IS NOT NULL) OR (status = 'waitlisted' AND waitlisted_at IS NOT NULL AND confirmed_at IS NULL)`)
export class AttendeeSessionPick {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  attendeeId: string;

  @ManyToOne(() => Attendee, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attendee_id' })
  attendee?: Attendee;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => ConferenceSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: ConferenceSession;

  @Column({ type: 'text' })
  status: PickStatus;

  /** When the pick was made. */
  @CreateDateColumn({ type: 'timestamptz' })
  pickedAt: Date;

  /** When it joined the queue (kept after a promotion). */
  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  /** When it got its seat: at once, or on promotion. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
}
