import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * An exhibiting company: what its people log in to. One CONFIRMED company per business
 * registration number (the partial unique index): a sign-up whose owner has not confirmed the
 * email address yet claims nothing, so it cannot block the company that really holds the number.
 * The first claim to be confirmed takes the number (CompaniesService.confirmClaim).
 */
@Entity('companies')
@Index('companies_brn_key', ['businessRegistrationNumber'], { unique: true, where: 'confirmed_at IS NOT NULL' })
@Index('companies_brn_idx', ['businessRegistrationNumber'])
@Check('companies_brn_check', `business_registration_number ~ '^[0-9]{10}$'`)
@Check('companies_locale_check', `locale IN ('ko','en')`)
export class Company {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** Ten digits, no separators. */
  @Column({ type: 'char', length: 10 })
  businessRegistrationNumber: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'text' })
  address: string;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  /** When its owner confirmed the email address: from then on the company holds its number. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** Language of the company's emails. */
  @Column({ type: 'text', default: 'ko' })
  locale: 'ko' | 'en';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
