import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { CompanyIdentifierKind } from '../../exhibitors/domain/company-identifier';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';

export const SIDES = ['buyer', 'exhibitor'] as const;
export type Side = (typeof SIDES)[number];

/** A foreign buyer or a local exhibitor taking part in an edition's export business meetings. */
@Entity('meeting_participants')
@Index('meeting_participants_edition_side_email_key', ['editionId', 'side', 'email'], { unique: true })
// An exhibitor company opts in to an edition's meetings once, however often (or concurrently) it submits.
@Index('meeting_participants_edition_company_key', ['editionId', 'companyId'], { unique: true, where: 'company_id IS NOT NULL' })
@Check('meeting_participants_side_check', `side IN ('buyer','exhibitor')`)
@Check('meeting_participants_max_check', `max_meetings IS NULL OR max_meetings > 0`)
// A company identifier comes with its kind, or neither is given (buyers may register without one).
@Check('meeting_participants_identifier_check', `(identifier IS NULL) = (identifier_kind IS NULL)`)
@Check('meeting_participants_identifier_kind_check', `identifier_kind IS NULL OR identifier_kind IN ('kr-brn','eu-vat','gb-vat','register','tax','other')`)
export class MeetingParticipant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'text' })
  side: Side;

  @Column({ type: 'text' })
  companyName: string;

  /** The company's name in the other script (Hangul for a Latin name, Latin for a Hangul one), if it has one. */
  @Column({ type: 'text', nullable: true })
  alternateCompanyName: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  /** The kind of the company identifier (exhibitors' company-identifier kinds), checked against the country. */
  @Column({ type: 'text', nullable: true })
  identifierKind: CompanyIdentifierKind | null;

  /** The company identifier, normalized (a 사업자등록번호 as 10 digits, a VAT ID with its prefix). */
  @Column({ type: 'text', nullable: true })
  identifier: string | null;

  @Column({ type: 'text' })
  contactName: string;

  /** Lower-case. */
  @Column({ type: 'text' })
  email: string;

  /** ISO 639-1 codes the participant speaks; an interpreter is needed when it shares none with the other side. */
  @Column({ type: 'text', array: true })
  languages: string[];

  /** Product category codes. */
  @Column({ type: 'text', array: true })
  interests: string[];

  @Column({ type: 'text', nullable: true })
  purchasePlans: string | null;

  @Column({ type: 'text', default: 'en' })
  locale: 'ko' | 'en';

  /** The table this participant hosts all its meetings at (each buyer at its own table), if any. */
  @Column({ type: 'text', nullable: true })
  tableCode: string | null;

  @Column({ type: 'int', nullable: true })
  maxMeetings: number | null;

  /** Slot ids of the meeting grid when the participant is away. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  unavailableSlots: string[];

  /**
   * The exhibitor company that opted in from its own account (null for participants the organizer
   * added or buyers): marks a self-registered exhibitor.
   */
  @Column({ type: 'uuid', nullable: true })
  companyId: string | null;

  /** The approved application the company opted in with. */
  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
