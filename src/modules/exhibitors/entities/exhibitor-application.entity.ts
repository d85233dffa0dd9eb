import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { VenueSpace } from '../../venue/entities/venue-space.entity';
import type { BoothKind } from '../domain/booth-kinds';
import type { CompanyIdentifierKind } from '../domain/company-identifier';
import type { FeeLine } from '../domain/fees';
import { Company } from './company.entity';

export const APPLICATION_STATUSES = [
  'draft', 'submitted', 'under_review', 'changes_requested', 'approved', 'waitlisted', 'rejected', 'cancelled',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const BOOTH_TYPES = ['raw_space', 'shell_scheme'] as const;
export type BoothType = (typeof BOOTH_TYPES)[number];

/**
 * A company's application to exhibit at one edition, with the company and contact details as
 * submitted. One business registration number applies once per edition.
 */
@Entity('exhibitor_applications')
// One application per edition and number among companies' own, and one among anonymous ones: an
// anonymous form sent with a company's number must not lock that company's account out.
@Index('exhibitor_applications_edition_brn_key', ['editionId', 'businessRegistrationNumber'], { unique: true, where: 'company_id IS NOT NULL' })
@Index('exhibitor_applications_edition_brn_anonymous_key', ['editionId', 'businessRegistrationNumber'], { unique: true, where: 'company_id IS NULL' })
// The same for a company outside Korea, by (country, kind, identifier).
@Index('exhibitor_applications_edition_identifier_key', ['editionId', 'companyCountry', 'companyIdentifierKind', 'companyIdentifier'], { unique: true, where: 'company_id IS NOT NULL AND company_identifier IS NOT NULL' })
@Index('exhibitor_applications_edition_identifier_anonymous_key', ['editionId', 'companyCountry', 'companyIdentifierKind', 'companyIdentifier'], { unique: true, where: 'company_id IS NULL AND company_identifier IS NOT NULL' })
@Check('exhibitor_applications_identifier_kind_check', `company_identifier_kind IN ('kr-brn','eu-vat','gb-vat','register','tax','other')`)
@Check('exhibitor_applications_identifier_kind_brn_check', `(company_identifier_kind = 'kr-brn') = (business_registration_number IS NOT NULL) AND (company_identifier_kind = 'kr-brn') = (company_identifier IS NULL)`)
@Check('exhibitor_applications_status_check', `status IN ('draft','submitted','under_review','changes_requested','approved','waitlisted','rejected','cancelled')`)
@Check('exhibitor_applications_booth_type_check', `booth_type IN ('raw_space','shell_scheme')`)
@Check('exhibitor_applications_booth_count_check', `booth_count BETWEEN 1 AND 100`)
@Check('exhibitor_applications_brn_check', `business_registration_number ~ '^[0-9]{10}$'`)
@Check('exhibitor_applications_preferred_kind_check', `preferred_booth_kind IN ('inline','corner','island')`)
@Index('exhibitor_applications_company_idx', ['companyId'])
@Index('exhibitor_applications_waitlist_idx', ['editionId', 'hallId', 'waitlistedAt'], { where: `status = 'waitlisted'` })
export class ExhibitorApplication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'text', default: 'draft' })
  status: ApplicationStatus;

  /** The company account that owns it; null for applications sent through the anonymous form. */
  @Column({ type: 'uuid', nullable: true })
  companyId: string | null;

  @ManyToOne(() => Company, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  /** The exhibition hall asked for; its capacity is what approval takes from. */
  @Column({ type: 'uuid', nullable: true })
  hallId: string | null;

  @ManyToOne(() => VenueSpace, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hall_id' })
  hall?: VenueSpace;

  @Column({ type: 'text', nullable: true })
  preferredBoothKind: BoothKind | null;

  /** The exhibitor's words to the organizer. */
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** Why the last review step was taken (rejection, changes requested, waitlist). */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** When it joined the waitlist: the queue order of promotions. */
  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** The fee as last computed (on submission, then on booth assignment). */
  @Column({ type: 'jsonb', nullable: true })
  feeLines: FeeLine[] | null;

  @Column({ type: 'int', nullable: true })
  feeNetKrw: number | null;

  @Column({ type: 'int', nullable: true })
  feeVatKrw: number | null;

  @Column({ type: 'int', nullable: true })
  feeTotalKrw: number | null;

  @Column({ type: 'boolean', default: false })
  feeEarlyBird: boolean;

  @Column({ type: 'text' })
  companyName: string;

  /** The company's name in the other script, where it has one (domain/company-name). */
  @Column({ type: 'text', nullable: true })
  companyAlternateName: string | null;

  /** A Korean company's 사업자등록번호: ten digits, no separators; null for a company elsewhere. */
  @Column({ type: 'char', length: 10, nullable: true })
  businessRegistrationNumber: string | null;

  /** The kind of the company's identifier (domain/company-identifier). */
  @Column({ type: 'text', default: 'kr-brn' })
  companyIdentifierKind: CompanyIdentifierKind;

  /** A foreign company's identifier, normalized; null for kr-brn (see businessRegistrationNumber). */
  @Column({ type: 'text', nullable: true })
  companyIdentifier: string | null;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  companyCountry: string;

  @Column({ type: 'text' })
  companyAddress: string;

  @Column({ type: 'text', nullable: true })
  companyWebsite: string | null;

  @Column({ type: 'text' })
  contactName: string;

  @Column({ type: 'text' })
  contactEmail: string;

  @Column({ type: 'text' })
  contactPhone: string;

  @Column({ type: 'text' })
  boothType: BoothType;

  /** Number of standard 9 m² (3 m × 3 m) booths. */
  @Column({ type: 'int' })
  boothCount: number;

  @Column({ type: 'text', array: true })
  productCategories: string[];

  /** Language of the emails to this company. */
  @Column({ type: 'text' })
  locale: 'ko' | 'en';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
