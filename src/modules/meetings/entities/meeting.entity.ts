import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MeetingRequest } from './meeting-request.entity';

export const MEETING_STATUSES = ['scheduled', 'published', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** What happened at a meeting on the fair day, as the table host or staff recorded it (null: not recorded yet). */
export const MEETING_OUTCOMES = ['held', 'no_show_buyer', 'no_show_exhibitor', 'no_show_both'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/**
 * An accepted request placed in a slot at a table (with an interpreter when needed).
 * One live meeting per table and slot, and per interpreter and slot, is kept by the database.
 */
@Entity('meetings')
@Index('meetings_request_live_key', ['requestId'], { unique: true, where: `status <> 'cancelled'` })
@Index('meetings_table_slot_live_key', ['editionId', 'slotId', 'tableCode'], { unique: true, where: `status <> 'cancelled'` })
@Index('meetings_interpreter_slot_live_key', ['editionId', 'slotId', 'interpreterId'], { unique: true, where: `status <> 'cancelled' AND interpreter_id IS NOT NULL` })
@Check('meetings_status_check', `status IN ('scheduled','published','cancelled')`)
@Check('meetings_times_check', `ends_at > starts_at`)
@Check('meetings_outcome_check', `outcome IS NULL OR (outcome IN ('held','no_show_buyer','no_show_exhibitor','no_show_both') AND status = 'published')`)
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => MeetingRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: MeetingRequest;

  /** Slot id of the grid, e.g. D2027-04-29-1000. */
  @Column({ type: 'text' })
  slotId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text' })
  tableCode: string;

  @Column({ type: 'uuid', nullable: true })
  interpreterId: string | null;

  @Column({ type: 'text', default: 'scheduled' })
  status: MeetingStatus;

  /** iCalendar SEQUENCE of the meeting's event (its UID comes from the request, so it survives moves). */
  @Column({ type: 'int', default: 0 })
  sequence: number;

  /** The SEQUENCE last emailed to both participants; null until the first publication. */
  @Column({ type: 'int', nullable: true })
  notifiedSequence: number | null;

  /** Recorded on the day: held, or who did not come. Only a published meeting has one. */
  @Column({ type: 'text', nullable: true })
  outcome: MeetingOutcome | null;

  @Column({ type: 'timestamptz', nullable: true })
  outcomeRecordedAt: Date | null;

  /** Who recorded it: an organizer's account id, or null when a table host's private page did. */
  @Column({ type: 'uuid', nullable: true })
  outcomeRecordedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * Who sits in which slot: one row per participant of a live meeting. The primary key makes a
 * participant in two meetings of one slot impossible, whoever writes.
 */
@Entity('meeting_seats')
export class MeetingSeat {
  @PrimaryColumn({ type: 'uuid' })
  participantId: string;

  @PrimaryColumn({ type: 'text' })
  slotId: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;
}
