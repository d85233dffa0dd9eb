import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { ExhibitorApplication } from './exhibitor-application.entity';

/** One line as billed: what, how many, the unit price and the amount (공급가액), KRW. */
export interface InvoiceLine {
  code: string;
  quantity: number;
  unitKrw: number;
  amountKrw: number;
}

/** The tax details of one party as printed on the invoice, frozen at issue. */
export interface InvoiceParty {
  name: string;
  registrationNumber: string | null;
  representative: string | null;
  address: string;
  businessType: string | null;
  businessItem: string | null;
  taxId: string | null;
  email: string;
  country: string;
}

/**
 * An invoice for an approved application. Its number is per edition without gaps: taken from the
 * edition's counter row in the issuing transaction (invoice_number_counters), unique by key.
 * Amounts and both parties are frozen at issue: a later change of terms or profile does not
 * rewrite an invoice already sent.
 */
@Entity('invoices')
@Unique('invoices_edition_number_key', ['editionId', 'sequenceNumber'])
@Unique('invoices_application_key', ['applicationId'])
@Index('invoices_edition_idx', ['editionId'])
@Check('invoices_amounts_check', `net_krw >= 0 AND vat_krw >= 0 AND total_krw = net_krw + vat_krw AND deposit_krw BETWEEN 0 AND total_krw AND sequence_number > 0`)
export class Invoice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  editionId: string;

  @ManyToOne(() => FairEdition, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ExhibitorApplication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id' })
  application?: ExhibitorApplication;

  @Column({ type: 'uuid', nullable: true })
  companyId: string | null;

  /** 1, 2, 3 … within the edition. */
  @Column({ type: 'int' })
  sequenceNumber: number;

  /** The printed number, e.g. GC2027-0001. */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'varchar', length: 2 })
  locale: 'ko' | 'en';

  @Column({ type: 'jsonb' })
  lines: InvoiceLine[];

  @Column({ type: 'int' })
  netKrw: number;

  @Column({ type: 'int' })
  vatKrw: number;

  @Column({ type: 'int' })
  totalKrw: number;

  @Column({ type: 'int' })
  vatPct: number;

  @Column({ type: 'int' })
  depositKrw: number;

  /** Seoul calendar days (YYYY-MM-DD). */
  @Column({ type: 'date' })
  depositDueOn: string;

  @Column({ type: 'date' })
  balanceDueOn: string;

  @Column({ type: 'jsonb' })
  seller: InvoiceParty;

  @Column({ type: 'jsonb' })
  buyer: InvoiceParty;

  /** Where reminders and receipts go (the buyer's invoice email at issue). */
  @Column({ type: 'text' })
  invoiceEmail: string;

  @CreateDateColumn({ type: 'timestamptz' })
  issuedAt: Date;
}

/** The last number given per edition: the row lock of the upsert serialises concurrent issues. */
@Entity('invoice_number_counters')
export class InvoiceNumberCounter {
  @Column({ type: 'uuid', primary: true })
  editionId: string;

  @OneToOne(() => FairEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: FairEdition;

  @Column({ type: 'int' })
  lastNumber: number;
}
