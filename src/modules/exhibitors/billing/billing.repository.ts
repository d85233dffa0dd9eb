import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CompanyBillingProfile } from '../entities/company-billing-profile.entity';
import { EditionExhibitorTerms } from '../entities/edition-exhibitor-terms.entity';
import { ExhibitorApplication } from '../entities/exhibitor-application.entity';
import { Invoice } from '../entities/invoice.entity';
import { InvoicePayment } from '../entities/invoice-payment.entity';

/** The billing sub-area's queries: profiles, invoices and their numbers, payments, reminder steps. */
@Injectable()
export class BillingRepository {
  profile(manager: EntityManager, companyId: string): Promise<CompanyBillingProfile | null> {
    return manager.getRepository(CompanyBillingProfile).findOneBy({ companyId });
  }

  async saveProfile(manager: EntityManager, profile: Omit<CompanyBillingProfile, 'updatedAt' | 'company'>): Promise<void> {
    await manager.getRepository(CompanyBillingProfile).upsert(profile, ['companyId']);
  }

  /** The company's registration number and country, read through the company's own columns. */
  async companyIdentity(manager: EntityManager, companyId: string): Promise<{ name: string; registrationNumber: string | null; country: string; address: string } | null> {
    const rows: Array<{ name: string; registrationNumber: string | null; country: string; address: string }> = await manager.query(
      `SELECT name, business_registration_number AS "registrationNumber", country, address FROM companies WHERE id = $1`, [companyId],
    );
    return rows[0] ?? null;
  }

  lockApplication(manager: EntityManager, applicationId: string): Promise<ExhibitorApplication | null> {
    return manager.getRepository(ExhibitorApplication)
      .createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id: applicationId }).getOne();
  }

  application(manager: EntityManager, applicationId: string): Promise<ExhibitorApplication | null> {
    return manager.getRepository(ExhibitorApplication).findOneBy({ id: applicationId });
  }

  terms(manager: EntityManager, editionId: string): Promise<EditionExhibitorTerms | null> {
    return manager.getRepository(EditionExhibitorTerms).findOneBy({ editionId });
  }

  /**
   * The edition's next invoice number: the counter row's upsert locks it until the transaction
   * ends, so concurrent issues take turns, and a rolled-back issue gives its number back (no gap).
   */
  async nextNumber(manager: EntityManager, editionId: string): Promise<number> {
    const rows: Array<{ last_number: number }> = await manager.query(
      `INSERT INTO invoice_number_counters (edition_id, last_number) VALUES ($1, 1)
       ON CONFLICT (edition_id) DO UPDATE SET last_number = invoice_number_counters.last_number + 1
       RETURNING last_number`, [editionId],
    );
    return rows[0].last_number;
  }

  /** Negative control only (BILLING_NUMBER_COUNTER=false): max + 1 without any lock. */
  async unguardedNextNumber(manager: EntityManager, editionId: string): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(`SELECT COALESCE(MAX(sequence_number), 0) + 1 AS n FROM invoices WHERE edition_id = $1`, [editionId]);
    return Number(rows[0].n);
  }

  async insertInvoice(manager: EntityManager, invoice: Omit<Invoice, 'id' | 'issuedAt' | 'edition' | 'application'>): Promise<Invoice> {
    const saved = await manager.getRepository(Invoice).insert(invoice);
    return (await manager.getRepository(Invoice).findOneByOrFail({ id: saved.identifiers[0].id as string }));
  }

  invoice(manager: EntityManager, id: string): Promise<Invoice | null> {
    return manager.getRepository(Invoice).findOneBy({ id });
  }

  invoiceOfApplication(manager: EntityManager, applicationId: string): Promise<Invoice | null> {
    return manager.getRepository(Invoice).findOneBy({ applicationId });
  }

  invoicesOfEdition(manager: EntityManager, editionId: string): Promise<Invoice[]> {
    return manager.getRepository(Invoice).find({ where: { editionId }, order: { sequenceNumber: 'ASC' } });
  }

  invoicesOfCompany(manager: EntityManager, companyId: string): Promise<Invoice[]> {
    return manager.getRepository(Invoice).find({ where: { companyId }, order: { issuedAt: 'ASC' } });
  }

  /** Approved applications of the edition that have no invoice yet (the console's "issue" list). */
  uninvoiced(manager: EntityManager, editionId: string): Promise<Array<{ id: string; companyName: string; feeTotalKrw: number | null }>> {
    return manager.query(
      `SELECT a.id, a.company_name AS "companyName", a.fee_total_krw AS "feeTotalKrw"
         FROM exhibitor_applications a
        WHERE a.edition_id = $1 AND a.status = 'approved' AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.application_id = a.id)
        ORDER BY a.company_name`, [editionId],
    );
  }

  lockInvoice(manager: EntityManager, id: string): Promise<Invoice | null> {
    return manager.getRepository(Invoice).createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  paymentsOf(manager: EntityManager, invoiceIds: string[]): Promise<InvoicePayment[]> {
    if (invoiceIds.length === 0) return Promise.resolve([]);
    return manager.getRepository(InvoicePayment).createQueryBuilder('p')
      .where('p.invoice_id IN (:...ids)', { ids: invoiceIds }).orderBy('p.received_on', 'ASC').addOrderBy('p.created_at', 'ASC').getMany();
  }

  /**
   * Inserts a payment unless its Idempotency-Key (per invoice) or its provider reference is already
   * recorded: the unique keys decide, so two concurrent identical requests make one row. Null when
   * it was already there (the caller reads the existing one).
   */
  async insertPaymentOnce(manager: EntityManager, p: Omit<InvoicePayment, 'id' | 'createdAt' | 'invoice'>): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO invoice_payments (invoice_id, kind, method, provider, provider_reference, idempotency_key, amount_krw, received_on, payer_name, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT DO NOTHING RETURNING id`,
      [p.invoiceId, p.kind, p.method, p.provider, p.providerReference, p.idempotencyKey, p.amountKrw, p.receivedOn, p.payerName, p.recordedBy],
    );
    return rows[0]?.id ?? null;
  }

  /** The payment an Idempotency-Key or a provider reference already recorded. */
  existingPayment(manager: EntityManager, invoiceId: string, idempotencyKey: string | null, provider: string | null, reference: string | null): Promise<InvoicePayment | null> {
    const qb = manager.getRepository(InvoicePayment).createQueryBuilder('p').where('1 = 0');
    if (idempotencyKey !== null) qb.orWhere('(p.invoice_id = :invoiceId AND p.idempotency_key = :key)', { invoiceId, key: idempotencyKey });
    if (provider !== null && reference !== null) qb.orWhere('(p.provider = :provider AND p.provider_reference = :reference)', { provider, reference });
    return qb.getOne();
  }

  payment(manager: EntityManager, id: string): Promise<InvoicePayment | null> {
    return manager.getRepository(InvoicePayment).findOneBy({ id });
  }

  /** Invoices with money still owed whose deposit or balance day has passed (candidates for a reminder). */
  overdueCandidates(manager: EntityManager, today: string): Promise<Invoice[]> {
    return manager.getRepository(Invoice).createQueryBuilder('i')
      .where('(i.deposit_due_on < :today OR i.balance_due_on < :today)', { today })
      .andWhere(`i.total_krw > COALESCE((SELECT SUM(p.amount_krw) FROM invoice_payments p WHERE p.invoice_id = i.id AND p.kind = 'payment'), 0)`)
      .andWhere(`NOT EXISTS (SELECT 1 FROM invoice_payments p WHERE p.invoice_id = i.id AND p.kind = 'refund')`)
      .getMany();
  }

  /** Claims a reminder step: true for the one sweep that inserted it; the unique key turns the others away. */
  async claimReminder(manager: EntityManager, invoiceId: string, step: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO invoice_reminders (invoice_id, step) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`, [invoiceId, step],
    );
    return rows.length > 0;
  }
}
