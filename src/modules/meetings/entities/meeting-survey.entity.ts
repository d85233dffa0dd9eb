import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MeetingParticipant } from './meeting-participant.entity';
import { Meeting } from './meeting.entity';

/**
 * After a held meeting, each side is asked a short survey (through its private participant page).
 * One row per meeting and participant: created when the survey email is queued, answered once
 * (answering again overwrites). Amounts are in US dollars, as Korean export-meeting reports give them:
 * the consultation amount (상담액) and the expected contract amount (계약추진액).
 */
@Entity('meeting_surveys')
@Index('meeting_surveys_participant_idx', ['participantId'])
@Check('meeting_surveys_satisfaction_check', `satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5`)
@Check('meeting_surveys_amounts_check', `(consultation_usd IS NULL OR consultation_usd >= 0) AND (expected_contract_usd IS NULL OR expected_contract_usd >= 0)`)
export class MeetingSurvey {
  @PrimaryColumn({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @PrimaryColumn({ type: 'uuid' })
  participantId: string;

  @ManyToOne(() => MeetingParticipant, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: MeetingParticipant;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** 1 (poor) to 5 (excellent). */
  @Column({ type: 'int', nullable: true })
  satisfaction: number | null;

  @Column({ type: 'boolean', nullable: true })
  followUp: boolean | null;

  /** 상담액, USD (numeric: exact, read back as a string by pg). */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  consultationUsd: string | null;

  /** 계약추진액, USD. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  expectedContractUsd: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;
}
