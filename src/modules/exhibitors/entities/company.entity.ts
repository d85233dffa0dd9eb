import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CompanyIdentifierKind } from '../domain/company-identifier';

/**
 * An exhibiting company: what its people log in to. One CONFIRMED company per identifier (the
 * partial unique indexes): a sign-up whose owner has not confirmed the email address yet claims
 * nothing, so it cannot block the company that really holds the identifier. The first claim to be
 * confirmed takes it (CompaniesService.claimIdentifier). A Korean company identifies by its
 * 사업자등록번호 (kind kr-brn, in business_registration_number, one per number); a company
 * elsewhere by its own identifier (domain/company-identifier), one per (country, kind, identifier).
 */
@Entity('companies')
@Index('companies_brn_key', ['businessRegistrationNumber'], { unique: true, where: 'confirmed_at IS NOT NULL' })
@Index('companies_brn_idx', ['businessRegistrationNumber'])
@Index('companies_identifier_key', ['country', 'identifierKind', 'identifier'], { unique: true, where: 'confirmed_at IS NOT NULL AND identifier IS NOT NULL' })
@Check('companies_brn_check', `business_registration_number ~ '^[0-9]{10}$'`)
@Check('companies_locale_check', `locale IN ('ko','en')`)
@Check('companies_identifier_kind_check', `identifier_kind IN ('kr-brn','eu-vat','gb-vat','register','tax','other')`)
@Check('companies_identifier_check', `identifier ~ '^[0-9A-Z]{2,40}$'`)
// The 사업자등록번호 is the identifier of kind kr-brn, and only of it.
@Check('companies_identifier_kind_brn_check', `(identifier_kind = 'kr-brn') = (business_registration_number IS NOT NULL) AND (identifier_kind = 'kr-brn') = (identifier IS NULL)`)
export class Company {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** The name in the other script, where the company has one (현대모비스 / Hyundai Mobis): domain/company-name. */
  @Column({ type: 'text', nullable: true })
  alternateName: string | null;

  /** A Korean company's 사업자등록번호: ten digits, no separators; null elsewhere. */
  @Column({ type: 'char', length: 10, nullable: true })
  businessRegistrationNumber: string | null;

  /** What kind of identifier the company gave (domain/company-identifier). */
  @Column({ type: 'text', default: 'kr-brn' })
  identifierKind: CompanyIdentifierKind;

  /** A foreign company's identifier, normalized (upper case, no separators); null for kr-brn (see businessRegistrationNumber). */
  @Column({ type: 'text', nullable: true })
  identifier: string | null;

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
