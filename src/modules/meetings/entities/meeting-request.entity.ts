import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MeetingParticipant } from './meeting-participant.entity';

export const PRIORITIES = ['must', 'want', 'nice'] as const;
export type Priority = (typeof PRIORITIES)[number];
/** must-have / want / nice-to-have → the weight the scheduler maximizes. */
export const PRIORITY_WEIGHT: Record<Priority, number> = { must: 3, want: 2, nice: 1 };

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** One side asks to meet the other; the other accepts or declines. Only one live request per pair. */
@Entity('meeting_requests')
@Index('meeting_requests_live_pair_key', ['editionId', 'buyerId', 'exhibitorId'], { unique: true, where: `status IN ('pending','accepted')` })
@Check('meeting_requests_status_check', `status IN ('pending','accepted','declined','expired','cancelled')`)
@Check('meeting_requests_priority_check', `priority IN ('must','want','nice')`)
export class MeetingRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @Column({ type: 'uuid' })
  buyerId: string;

  @ManyToOne(() => MeetingParticipant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'buyer_id' })
  buyer?: MeetingParticipant;

  @Column({ type: 'uuid' })
  exhibitorId: string;

  @ManyToOne(() => MeetingParticipant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'exhibitor_id' })
  exhibitor?: MeetingParticipant;

  @Column({ type: 'text' })
  requestedBy: 'buyer' | 'exhibitor' | 'organizer';

  @Column({ type: 'text' })
  priority: Priority;

  /** The language an interpreter must speak for this meeting, when the two share none. */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @Column({ type: 'text' })
  status: RequestStatus;

  /** A pending request lapses at this time unless answered. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  /** Set when an organizer locks the meeting to a slot and table: the scheduler keeps it there. */
  @Column({ type: 'text', nullable: true })
  lockedSlotId: string | null;

  @Column({ type: 'text', nullable: true })
  lockedTableCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
