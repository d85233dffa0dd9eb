import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MeetingParticipant } from './meeting-participant.entity';
import { MeetingRequest } from './meeting-request.entity';

export const NOTICE_EVENTS = ['received', 'sent', 'accepted', 'declined', 'expired'] as const;
/** What happened to a request, as one participant hears of it. */
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

/**
 * Something a participant is to be told about one of its meeting requests, written in the same
 * transaction as the change. A sweep gathers each participant's notices into one email (a digest)
 * once the oldest has waited the digest interval, and marks them notified in that transaction.
 */
@Entity('meeting_request_notices')
@Unique('meeting_request_notices_once_key', ['requestId', 'participantId', 'event'])
@Index('meeting_request_notices_pending_idx', ['participantId', 'createdAt'], { where: 'notified_at IS NULL' })
@Check('meeting_request_notices_event_check', `event IN ('received','sent','accepted','declined','expired')`)
export class MeetingRequestNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => MeetingRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: MeetingRequest;

  /** Who is told. */
  @Column({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => MeetingParticipant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: MeetingParticipant;

  @Column({ type: 'text' })
  event: NoticeEvent;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When the digest that told it was written to the outbox. */
  @Column({ type: 'timestamptz', nullable: true })
  notifiedAt: Date | null;
}
