import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';

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
@Index('exhibitor_applications_edition_brn_key', ['editionId', 'businessRegistrationNumber'], { unique: true })
@Check('exhibitor_applications_status_check', `status IN ('draft','submitted','under_review','changes_requested','approved','waitlisted','rejected','cancelled')`)
@Check('exhibitor_applications_booth_type_check', `booth_type IN ('raw_space','shell_scheme')`)
@Check('exhibitor_applications_booth_count_check', `booth_count BETWEEN 1 AND 100`)
@Check('exhibitor_applications_brn_check', `business_registration_number ~ '^[0-9]{10}$'`)
export class ExhibitorApplication {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'text', default: 'submitted' })
  status: ApplicationStatus;

  @Column({ type: 'text' })
  companyName: string;

  /** Ten digits, no separators. */
  @Column({ type: 'char', length: 10 })
  businessRegistrationNumber: string;

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
