import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MeetingParticipant } from './meeting-participant.entity';
import { Meeting } from './meeting.entity';

export const CHANGE_KINDS = ['cancel', 'move'] as const;
/** What a participant did to a published meeting from its own page: cancelled it, or asked to move it. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * A participant's cancellation of, or request to move, a published meeting (before the cut-off).
 * The organizers see them on the grid: who cancelled and when; a move request with its note stays
 * pending while the meeting is live and unchanged since (its `sequence` still the one recorded here)
 * — the organizers handle it with the grid's move and swap forms.
 */
@Entity('meeting_change_requests')
@Index('meeting_change_requests_edition_idx', ['editionId', 'createdAt'])
@Check('meeting_change_requests_kind_check', `kind IN ('cancel','move')`)
export class MeetingChangeRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  /** Who asked. */
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => MeetingParticipant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: MeetingParticipant;

  @Column({ type: 'text' })
  kind: ChangeKind;

  /** The participant's note (why, or when would suit better). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The meeting's iCalendar SEQUENCE when asked: a move request is handled once the meeting changed. */
  @Column({ type: 'int' })
  meetingSequence: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
