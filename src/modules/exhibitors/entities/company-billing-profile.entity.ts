import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Company } from './company.entity';

/**
 * A company's tax details for invoices, in a table of its own (the company's identity columns are
 * another area's concern). Korean companies give what a 세금계산서 needs: 상호, 대표자, 사업장 주소,
 * 업태, 종목 and the receiving email; foreign companies their name, address, tax/VAT id and email.
 * The BRN itself is read from the company.
 */
@Entity('company_billing_profiles')
export class CompanyBillingProfile {
  @PrimaryColumn({ type: 'uuid' })
  companyId: string;

  @OneToOne(() => Company, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'company_id' })
  company?: Company;

  /** 상호 (or the legal name abroad). */
  @Column({ type: 'text' })
  legalName: string;

  /** 대표자 성명; null for foreign companies that have none on an invoice. */
  @Column({ type: 'text', nullable: true })
  representative: string | null;

  /** 사업장 주소 / the invoicing address. */
  @Column({ type: 'text' })
  address: string;

  /** 업태 (business type), Korean companies only. */
  @Column({ type: 'text', nullable: true })
  businessType: string | null;

  /** 종목 (business item), Korean companies only. */
  @Column({ type: 'text', nullable: true })
  businessItem: string | null;

  /** A foreign company's VAT / tax id; null for Korean companies (their BRN is the company's). */
  @Column({ type: 'text', nullable: true })
  taxId: string | null;

  /** 세금계산서 수신 이메일 / where invoices and reminders go. */
  @Column({ type: 'text' })
  invoiceEmail: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
