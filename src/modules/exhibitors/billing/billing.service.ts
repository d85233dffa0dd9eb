import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '../../../core/audit/audit-trail';
import type { Principal } from '../../../core/auth/principal';
import { AppConfig } from '../../../core/config/app-config';
import { pgCode, PgError } from '../../../core/database/postgres-errors';
import { TransactionRunner, type TransactionContext } from '../../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import type { MailLocale } from '../../../core/mail/mail-template';
import { OutboxService } from '../../../core/outbox/outbox.service';
import { WebhookEvents } from '../../../core/webhooks/webhook-events';
import { editionName } from '../../fairs/domain/edition-name';
import type { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { FairsService } from '../../fairs/fairs.service';
import { EXHIBITOR_LINKS } from '../companies/exhibitor-links';
import type { CompanyBillingProfile } from '../entities/company-billing-profile.entity';
import type { EditionExhibitorTerms } from '../entities/edition-exhibitor-terms.entity';
import type { ExhibitorApplication } from '../entities/exhibitor-application.entity';
import type { Invoice, InvoiceParty } from '../entities/invoice.entity';
import type { InvoicePayment, PaymentKind, PaymentMethod } from '../entities/invoice-payment.entity';
import { paymentRecordedEvent } from '../webhook-events';
import { BillingRepository } from './billing.repository';
import {
  DEFAULT_BILLING_TERMS, dueSchedule, invoiceNumber, invoiceStatus, refundDue, reminderStep, seoulDay, type BillingTerms, type InvoiceStatus, type StatusResult,
} from './domain/invoice-status';
import {
  billingInvoiceIssuedMail, billingPaymentReceivedMail, billingQuoteMail, billingRefundMail, billingReminderMail, type BillingMailHead,
} from './mail/billing.mails';

export interface InvoiceWithStatus {
  invoice: Invoice;
  payments: InvoicePayment[];
  status: StatusResult;
}

export interface PaymentInput {
  kind: PaymentKind;
  method: PaymentMethod;
  /** Absent for a refund: the terms decide (refund_before_pct / refund_after_pct of what was paid). */
  amountKrw?: number;
  receivedOn: string;
  payerName: string;
  provider?: string | null;
  providerReference?: string | null;
}

export interface PaymentOutcome {
  payment: InvoicePayment;
  invoice: InvoiceWithStatus;
  /** True when the Idempotency-Key or the reference had already recorded it: nothing was added. */
  replayed: boolean;
}

export interface ProfileInput {
  legalName: string;
  representative?: string | null;
  address: string;
  businessType?: string | null;
  businessItem?: string | null;
  taxId?: string | null;
  invoiceEmail: string;
}

/**
 * Quotes, invoices, payments and reminders of exhibitors' participation fees. Every organizer
 * write is audited in its transaction; every mail goes through the outbox in that transaction.
 */
@Injectable()
export class BillingService {
  private readonly logger = new Logger('billing');

  constructor(
    private readonly billing: BillingRepository,
    private readonly fairs: FairsService,
    private readonly outbox: OutboxService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookEvents,
  ) {}

  // ---- company tax details -------------------------------------------------------------------

  profile(companyId: string): Promise<CompanyBillingProfile | null> {
    return this.billing.profile(this.dataSource.manager, companyId);
  }

  async saveProfile(companyId: string, input: ProfileInput): Promise<CompanyBillingProfile> {
    const identity = await this.billing.companyIdentity(this.dataSource.manager, companyId);
    if (!identity) throw new DomainError(ErrorCode.NotFound, 'No such company.');
    const korean = identity.country === 'KR';
    const errors: Array<{ field: string; messages: string[] }> = [];
    if (korean) {
      if (!input.representative?.trim()) errors.push({ field: 'representative', messages: ['a Korean tax invoice needs the representative (대표자 성명)'] });
      if (!input.businessType?.trim()) errors.push({ field: 'businessType', messages: ['a Korean tax invoice needs the business type (업태)'] });
      if (!input.businessItem?.trim()) errors.push({ field: 'businessItem', messages: ['a Korean tax invoice needs the business item (종목)'] });
    }
    if (errors.length > 0) throw DomainError.validation(errors);
    const clean = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null);
    await this.billing.saveProfile(this.dataSource.manager, {
      companyId, legalName: input.legalName.trim(), representative: clean(input.representative), address: input.address.trim(),
      businessType: korean ? clean(input.businessType) : null, businessItem: korean ? clean(input.businessItem) : null,
      taxId: korean ? null : clean(input.taxId), invoiceEmail: input.invoiceEmail.trim().toLowerCase(),
    });
    return (await this.profile(companyId))!;
  }

  // ---- quote on approval ---------------------------------------------------------------------

  /** The quote mailed with an approval (ApplicationWorkflow calls it in the approval's transaction). */
  async sendQuote(tx: TransactionContext, application: ExhibitorApplication): Promise<void> {
    if (application.feeTotalKrw === null || !application.feeLines) return;
    const edition = await this.fairs.getEditionById(application.editionId);
    const terms = billingTerms(await this.billing.terms(tx.manager, application.editionId));
    const schedule = dueSchedule(terms, application.feeTotalKrw, seoulDay(new Date()), edition.startsOn);
    await this.outbox.send(tx, billingQuoteMail, {
      recipient: application.contactEmail,
      locale: application.locale,
      scopeId: edition.id,
      params: {
        ...this.head(application, edition),
        lines: application.feeLines, netKrw: application.feeNetKrw ?? 0, vatKrw: application.feeVatKrw ?? 0, totalKrw: application.feeTotalKrw,
        depositKrw: schedule.depositKrw, depositDueDays: terms.depositDueDays, balanceDueOn: schedule.balanceDueOn,
      },
    });
  }

  // ---- invoices ------------------------------------------------------------------------------

  /** Issues the invoice of an approved application: the edition's next number, both parties frozen, the mail. */
  async issueInvoice(principal: Principal, editionCode: string, applicationId: string): Promise<InvoiceWithStatus> {
    const edition = await this.fairs.getEdition(editionCode);
    try {
      return await this.transactions.run(async (tx) => {
        const application = await this.billing.lockApplication(tx.manager, applicationId);
        if (!application || application.editionId !== edition.id) throw new DomainError(ErrorCode.NotFound, 'No such application in this edition.');
        if (application.status !== 'approved') {
          throw new DomainError(ErrorCode.Conflict, `Only an approved application is invoiced; this one is ${application.status}.`, { status: application.status });
        }
        if (await this.billing.invoiceOfApplication(tx.manager, application.id)) {
          throw new DomainError(ErrorCode.Conflict, 'This application already has an invoice.');
        }
        if (application.feeTotalKrw === null || !application.feeLines) throw new DomainError(ErrorCode.Conflict, 'This application has no fee to invoice.');
        const rawTerms = await this.billing.terms(tx.manager, edition.id);
        const terms = billingTerms(rawTerms);
        const sequence = this.config.billingNumberCounter
          ? await this.billing.nextNumber(tx.manager, edition.id)
          : await this.billing.unguardedNextNumber(tx.manager, edition.id);
        const schedule = dueSchedule(terms, application.feeTotalKrw, seoulDay(new Date()), edition.startsOn);
        const buyer = await this.buyerOf(tx.manager, application);
        const invoice = await this.billing.insertInvoice(tx.manager, {
          editionId: edition.id, applicationId: application.id, companyId: application.companyId, sequenceNumber: sequence,
          number: invoiceNumber(edition.code, edition.year, sequence), locale: application.locale,
          lines: application.feeLines, netKrw: application.feeNetKrw ?? 0, vatKrw: application.feeVatKrw ?? 0, totalKrw: application.feeTotalKrw,
          vatPct: rawTerms?.vatPct ?? 10,
          depositKrw: schedule.depositKrw, depositDueOn: schedule.depositDueOn, balanceDueOn: schedule.balanceDueOn,
          seller: this.seller(application.locale), buyer, invoiceEmail: buyer.email,
        });
        await this.audit.record(tx.manager, {
          actor: { accountId: principal.accountId, email: principal.email }, scopeId: edition.id, action: 'invoice.issue',
          subjectType: 'invoice', subjectId: invoice.id, before: null, after: { number: invoice.number, totalKrw: invoice.totalKrw, applicationId: application.id },
        });
        await this.outbox.send(tx, billingInvoiceIssuedMail, {
          recipient: invoice.invoiceEmail, locale: invoice.locale, scopeId: edition.id,
          params: {
            ...this.head(application, edition), number: invoice.number, totalKrw: invoice.totalKrw, depositKrw: invoice.depositKrw,
            depositDueOn: invoice.depositDueOn, balanceDueOn: invoice.balanceDueOn, bankAccount: this.config.billingSeller.bankAccount,
          },
        });
        return this.withStatus(invoice, []);
      });
    } catch (error) {
      if (pgCode(error) === PgError.UniqueViolation) {
        throw new DomainError(ErrorCode.Conflict, 'This application was invoiced at the same moment, or the number was taken: reload and try again.');
      }
      throw error;
    }
  }

  async invoicesOfEdition(editionCode: string, status?: InvoiceStatus): Promise<{ edition: FairEdition; invoices: InvoiceWithStatus[] }> {
    const edition = await this.fairs.getEdition(editionCode);
    const m = this.dataSource.manager;
    const invoices = await this.billing.invoicesOfEdition(m, edition.id);
    const all = await this.attachStatus(m, invoices);
    return { edition, invoices: status ? all.filter((i) => i.status.status === status) : all };
  }

  uninvoiced(editionId: string): Promise<Array<{ id: string; companyName: string; feeTotalKrw: number | null }>> {
    return this.billing.uninvoiced(this.dataSource.manager, editionId);
  }

  /** An invoice of the edition (organizers). */
  async invoiceOfEdition(editionCode: string, invoiceId: string): Promise<InvoiceWithStatus> {
    const edition = await this.fairs.getEdition(editionCode);
    const invoice = await this.billing.invoice(this.dataSource.manager, invoiceId);
    if (!invoice || invoice.editionId !== edition.id) throw new DomainError(ErrorCode.NotFound, 'No such invoice in this edition.');
    return (await this.attachStatus(this.dataSource.manager, [invoice]))[0];
  }

  /** The company's invoices (exhibitors): another company's is a 404. */
  async invoicesOfCompany(companyId: string): Promise<InvoiceWithStatus[]> {
    return this.attachStatus(this.dataSource.manager, await this.billing.invoicesOfCompany(this.dataSource.manager, companyId));
  }

  async invoiceOfCompany(companyId: string, invoiceId: string): Promise<InvoiceWithStatus> {
    const invoice = await this.billing.invoice(this.dataSource.manager, invoiceId);
    if (!invoice || invoice.companyId !== companyId) throw new DomainError(ErrorCode.NotFound, 'No such invoice.');
    return (await this.attachStatus(this.dataSource.manager, [invoice]))[0];
  }

  /** The application's invoice for its company, or null before one is issued. */
  async invoiceOfApplication(companyId: string, applicationId: string): Promise<{ application: ExhibitorApplication; invoice: InvoiceWithStatus | null }> {
    const m = this.dataSource.manager;
    const application = await this.billing.application(m, applicationId);
    if (!application || application.companyId !== companyId) throw new DomainError(ErrorCode.NotFound, 'No such application.');
    const invoice = await this.billing.invoiceOfApplication(m, applicationId);
    return { application, invoice: invoice ? (await this.attachStatus(m, [invoice]))[0] : null };
  }

  // ---- payments ------------------------------------------------------------------------------

  /**
   * Records money received for an invoice, or a refund. The one place a payment comes in, so the
   * one place the "payment recorded" webhook is emitted (not for a replay). Idempotent by the database: the
   * same Idempotency-Key (per invoice) or the same provider reference never makes a second row;
   * the repeat answers the payment already recorded (422 when its details differ).
   */
  async recordPayment(principal: Principal, editionCode: string, invoiceId: string, input: PaymentInput, idempotencyKey: string | null): Promise<PaymentOutcome> {
    const edition = await this.fairs.getEdition(editionCode);
    if (input.receivedOn > seoulDay(new Date())) throw DomainError.validation([{ field: 'receivedOn', messages: ['the day the money moved cannot be in the future'] }]);
    if ((input.provider ?? null) === null && (input.providerReference ?? null) !== null) input.provider = 'bank';
    const outcome = await this.transactions.run(async (tx) => {
      // Refunds read what was paid, so they take the invoice's lock; payments need none (the keys decide).
      const invoice = input.kind === 'refund' ? await this.billing.lockInvoice(tx.manager, invoiceId) : await this.billing.invoice(tx.manager, invoiceId);
      if (!invoice || invoice.editionId !== edition.id) throw new DomainError(ErrorCode.NotFound, 'No such invoice in this edition.');
      const application = await this.billing.application(tx.manager, invoice.applicationId);
      let amountKrw = input.amountKrw;
      if (input.kind === 'refund') {
        if (!application || !['cancelled', 'rejected'].includes(application.status)) {
          throw new DomainError(ErrorCode.Conflict, 'A refund follows a cancellation: this application is not cancelled.', { status: application?.status });
        }
        const before = (await this.attachStatus(tx.manager, [invoice]))[0].status;
        const terms = billingTerms(await this.billing.terms(tx.manager, edition.id));
        const cancelledOn = seoulDay(application.updatedAt);
        amountKrw ??= refundDue(terms, before.paidKrw, cancelledOn, invoice.balanceDueOn);
        if (amountKrw <= 0) throw DomainError.validation([{ field: 'amountKrw', messages: ['nothing is refundable under the terms (nothing paid, or the cancellation came after the cut-off)'] }]);
        if (amountKrw > before.paidKrw - before.refundedKrw) {
          throw DomainError.validation([{ field: 'amountKrw', messages: [`at most ${before.paidKrw - before.refundedKrw} KRW can be refunded (what was paid and not yet refunded)`] }]);
        }
      }
      if (amountKrw === undefined) throw DomainError.validation([{ field: 'amountKrw', messages: ['give the amount received, in whole won'] }]);
      const row = {
        invoiceId: invoice.id, kind: input.kind, method: input.method, provider: input.provider ?? null, providerReference: input.providerReference ?? null,
        idempotencyKey, amountKrw, receivedOn: input.receivedOn, payerName: input.payerName.trim(), recordedBy: principal.accountId,
      };
      const id = await this.billing.insertPaymentOnce(tx.manager, row);
      if (id === null) {
        const existing = await this.billing.existingPayment(tx.manager, invoice.id, idempotencyKey, row.provider, row.providerReference);
        if (!existing) throw new DomainError(ErrorCode.Conflict, 'This payment collides with another one being recorded: try again.');
        const same = existing.kind === row.kind && existing.amountKrw === row.amountKrw && existing.receivedOn === row.receivedOn && existing.invoiceId === row.invoiceId;
        if (!same) {
          throw new DomainError(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key or reference already recorded a different payment.', { paymentId: existing.id });
        }
        this.audit.nothingChanged();
        return { payment: existing, invoice: await this.withPayments(tx.manager, invoice), replayed: true };
      }
      const payment = (await this.billing.payment(tx.manager, id))!;
      const after = await this.withPayments(tx.manager, invoice);
      await this.audit.record(tx.manager, {
        actor: { accountId: principal.accountId, email: principal.email }, scopeId: edition.id,
        action: input.kind === 'refund' ? 'invoice.refund-record' : 'invoice.payment-record', subjectType: 'invoice', subjectId: invoice.id,
        before: null, after: { paymentId: payment.id, amountKrw, receivedOn: row.receivedOn, status: after.status.status },
      });
      // Written in this transaction (the webhooks' outbox): the organizers' systems hear of the payment iff it committed.
      await this.webhooks.emit(tx, paymentRecordedEvent, {
        scope: { id: edition.id, code: edition.code },
        data: {
          payment_id: payment.id, invoice_id: invoice.id, invoice_number: invoice.number, application_id: invoice.applicationId,
          company_id: application?.companyId ?? null, company_name: application?.companyName ?? '', method: payment.method,
          amount_krw: input.kind === 'refund' ? -amountKrw : amountKrw, received_on: row.receivedOn,
          outstanding_krw: after.status.outstandingKrw, invoice_status: after.status.status,
        },
      });
      if (application) {
        const head = this.head(application, edition);
        if (input.kind === 'refund') {
          await this.outbox.send(tx, billingRefundMail, { recipient: invoice.invoiceEmail, locale: invoice.locale, scopeId: edition.id, params: { ...head, number: invoice.number, amountKrw, receivedOn: row.receivedOn } });
        } else {
          await this.outbox.send(tx, billingPaymentReceivedMail, {
            recipient: invoice.invoiceEmail, locale: invoice.locale, scopeId: edition.id,
            params: { ...head, number: invoice.number, amountKrw, receivedOn: row.receivedOn, paidKrw: after.status.paidKrw, outstandingKrw: after.status.outstandingKrw },
          });
        }
      }
      return { payment, invoice: after, replayed: false };
    });
    return outcome;
  }

  // ---- reminders -----------------------------------------------------------------------------

  /**
   * Emails each overdue invoice once per reminder step (3 days after the due day, then weekly).
   * The (invoice, step) key makes the step once, even with two sweeps at the same moment.
   * Answers how many reminders were sent.
   */
  async sweepReminders(now = new Date()): Promise<number> {
    const today = seoulDay(now);
    const candidates = await this.attachStatus(this.dataSource.manager, await this.billing.overdueCandidates(this.dataSource.manager, today));
    let sent = 0;
    for (const { invoice, status } of candidates) {
      if (status.status !== 'overdue') continue;
      const dueOn = today > invoice.balanceDueOn ? invoice.balanceDueOn : invoice.depositDueOn;
      // Steps count per debt: the balance's steps follow the deposit's (100 + n), so a new debt starts at its first step.
      const step = reminderStep(dueOn, today);
      if (step === null) continue;
      const key = (dueOn === invoice.balanceDueOn ? 100 : 0) + step;
      const didSend = await this.transactions.run(async (tx) => {
        if (!(await this.billing.claimReminder(tx.manager, invoice.id, key))) return false;
        const application = await this.billing.application(tx.manager, invoice.applicationId);
        const edition = await this.fairs.getEditionById(invoice.editionId);
        if (!application) return false;
        await this.outbox.send(tx, billingReminderMail, {
          recipient: invoice.invoiceEmail, locale: invoice.locale, scopeId: edition.id,
          params: { ...this.head(application, edition), number: invoice.number, outstandingKrw: status.outstandingKrw, dueOn, bankAccount: this.config.billingSeller.bankAccount },
        });
        return true;
      });
      if (didSend) sent++;
    }
    if (sent > 0) this.logger.log({ sent }, 'overdue reminders sent');
    return sent;
  }

  // ---- helpers -------------------------------------------------------------------------------

  seller(locale: MailLocale): InvoiceParty {
    const s = this.config.billingSeller;
    return {
      name: locale === 'ko' ? s.nameKo : s.nameEn, registrationNumber: s.registrationNumber, representative: s.representative,
      address: locale === 'ko' ? s.addressKo : s.addressEn, businessType: s.businessType, businessItem: s.businessItem, taxId: null, email: s.email, country: 'KR',
    };
  }

  /** The buyer's tax details: its billing profile, or what the application says until there is one. */
  async buyerOf(manager: EntityManager, application: ExhibitorApplication): Promise<InvoiceParty> {
    const profile = application.companyId ? await this.billing.profile(manager, application.companyId) : null;
    const identity = application.companyId ? await this.billing.companyIdentity(manager, application.companyId) : null;
    const country = identity?.country ?? application.companyCountry;
    const korean = country === 'KR';
    return {
      name: profile?.legalName ?? identity?.name ?? application.companyName,
      registrationNumber: korean ? formatBrn(identity?.registrationNumber ?? application.businessRegistrationNumber ?? null) : null,
      representative: profile?.representative ?? null,
      address: profile?.address ?? identity?.address ?? application.companyAddress,
      businessType: profile?.businessType ?? null,
      businessItem: profile?.businessItem ?? null,
      taxId: profile?.taxId ?? null,
      email: profile?.invoiceEmail ?? application.contactEmail,
      country,
    };
  }

  private head(application: Pick<ExhibitorApplication, 'id' | 'companyName' | 'contactName'>, edition: Pick<FairEdition, 'year' | 'series'>): BillingMailHead {
    return {
      companyName: application.companyName, contactName: application.contactName,
      editionNameKo: editionName(edition, 'ko'), editionNameEn: editionName(edition, 'en'),
      invoiceUrl: `${this.config.publicUrl}${EXHIBITOR_LINKS.application(application.id)}/invoice`,
    };
  }

  private async withPayments(manager: EntityManager, invoice: Invoice): Promise<InvoiceWithStatus> {
    return (await this.attachStatus(manager, [invoice]))[0];
  }

  private async attachStatus(manager: EntityManager, invoices: Invoice[]): Promise<InvoiceWithStatus[]> {
    const payments = await this.billing.paymentsOf(manager, invoices.map((i) => i.id));
    const today = seoulDay(new Date());
    return invoices.map((invoice) => this.withStatus(invoice, payments.filter((p) => p.invoiceId === invoice.id), today));
  }

  private withStatus(invoice: Invoice, payments: InvoicePayment[], today = seoulDay(new Date())): InvoiceWithStatus {
    return {
      invoice, payments,
      status: invoiceStatus({
        totalKrw: invoice.totalKrw, depositKrw: invoice.depositKrw, depositDueOn: invoice.depositDueOn, balanceDueOn: invoice.balanceDueOn,
        payments: payments.map((p) => ({ kind: p.kind, amountKrw: p.amountKrw })), today,
      }),
    };
  }
}

/** The billing part of an edition's terms (defaults when it has none). */
export function billingTerms(terms: EditionExhibitorTerms | null): BillingTerms {
  if (!terms) return DEFAULT_BILLING_TERMS;
  return {
    depositPct: terms.depositPct, depositDueDays: terms.depositDueDays, balanceDueOn: terms.balanceDueOn,
    refundCutoffOn: terms.refundCutoffOn, refundBeforePct: terms.refundBeforePct, refundAfterPct: terms.refundAfterPct,
  };
}

/** 4088199195 → 408-81-99195, as a 사업자등록번호 is printed; anything else as given. */
export function formatBrn(value: string | null): string | null {
  if (value === null) return null;
  const digits = value.replace(/\D/g, '');
  return digits.length === 10 ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : value;
}
