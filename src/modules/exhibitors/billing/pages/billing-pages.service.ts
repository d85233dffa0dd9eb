import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../../core/auth/principal';
import { AppConfig } from '../../../../core/config/app-config';
import { csvCell } from '../../../../core/csv/csv-cell';
import { DomainError, ErrorCode } from '../../../../core/errors/domain-error';
import { PdfFonts } from '../../../../core/pdf/pdf-fonts';
import { editionName, editionNameOrCode } from '../../../fairs/domain/edition-name';
import { FairsService } from '../../../fairs/fairs.service';
import type { ExhibitorApplication } from '../../entities/exhibitor-application.entity';
import { BillingRepository } from '../billing.repository';
import { billingTerms, BillingService, type InvoiceWithStatus, type PaymentOutcome } from '../billing.service';
import { dueSchedule, seoulDay, type InvoiceStatus } from '../domain/invoice-status';
import { documentView, type DocLang, type DocumentView } from '../invoice-document';
import { renderInvoicePdf } from '../invoice-pdf';
import type { EditionBillingModel, PaymentFormErrors, PaymentFormValues } from './billing.view';

/** The billing pages' calls: one per route, for the console and the exhibitor's invoice page. */
@Injectable()
export class BillingPages {
  constructor(
    private readonly billing: BillingService,
    private readonly repository: BillingRepository,
    private readonly fairs: FairsService,
    private readonly fonts: PdfFonts,
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async editions(lang: DocLang): Promise<Array<{ code: string; name: string; startsOn: string }>> {
    const fairs = await this.fairs.listFairs();
    return fairs.flatMap((f) => f.editions.map((e) => ({ code: e.code, name: `${e.year} ${lang === 'ko' ? f.nameKo : f.nameEn}`, startsOn: e.startsOn })));
  }

  async edition(code: string, status: InvoiceStatus | undefined, lang: DocLang): Promise<Omit<EditionBillingModel, 'flash'>> {
    const all = await this.billing.invoicesOfEdition(code);
    const invoices = status ? all.invoices.filter((i) => i.status.status === status) : all.invoices;
    const totals = invoices.reduce((t, i) => ({
      invoicedKrw: t.invoicedKrw + i.invoice.totalKrw, paidKrw: t.paidKrw + i.status.paidKrw - i.status.refundedKrw, outstandingKrw: t.outstandingKrw + i.status.outstandingKrw,
    }), { invoicedKrw: 0, paidKrw: 0, outstandingKrw: 0 });
    return { code, name: editionNameOrCode(all.edition, lang), status, invoices, totals, toIssue: await this.billing.uninvoiced(all.edition.id) };
  }

  async csv(code: string): Promise<string> {
    const { invoices } = await this.billing.invoicesOfEdition(code);
    const head = ['number', 'company', 'registration_number', 'tax_id', 'invoice_email', 'net_krw', 'vat_krw', 'total_krw', 'deposit_krw', 'deposit_due_on', 'balance_due_on', 'status', 'paid_krw', 'refunded_krw', 'outstanding_krw'];
    const rows = invoices.map((i) => [
      i.invoice.number, i.invoice.buyer.name, i.invoice.buyer.registrationNumber ?? '', i.invoice.buyer.taxId ?? '', i.invoice.invoiceEmail,
      String(i.invoice.netKrw), String(i.invoice.vatKrw), String(i.invoice.totalKrw), String(i.invoice.depositKrw), i.invoice.depositDueOn, i.invoice.balanceDueOn,
      i.status.status, String(i.status.paidKrw), String(i.status.refundedKrw), String(i.status.outstandingKrw),
    ]);
    return `\uFEFF${[head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
  }

  issue(principal: Principal, code: string, applicationId: string): Promise<InvoiceWithStatus> {
    return this.billing.issueInvoice(principal, code, applicationId);
  }

  async consoleInvoice(code: string, id: string, lang: DocLang): Promise<{ invoice: InvoiceWithStatus; document: DocumentView }> {
    const invoice = await this.billing.invoiceOfEdition(code, id);
    return { invoice, document: await this.documentOf(invoice, lang) };
  }

  async consolePdf(code: string, id: string): Promise<{ number: string; pdf: Buffer }> {
    const invoice = await this.billing.invoiceOfEdition(code, id);
    return { number: invoice.invoice.number, pdf: await this.pdf(await this.documentOf(invoice, invoice.invoice.locale)) };
  }

  /**
   * Records a payment from the console's form: field errors come back next to the fields with the
   * values kept; the same reference (or a resubmitted form's key) never records twice.
   */
  async recordFromForm(principal: Principal, code: string, id: string, values: PaymentFormValues, formKey: string | null, lang: DocLang): Promise<
    { ok: true; outcome: PaymentOutcome } | { ok: false; errors: PaymentFormErrors; message?: string }
  > {
    const errors: PaymentFormErrors = {};
    const ko = lang === 'ko';
    const kind = values.kind === 'refund' ? 'refund' : 'payment';
    const amount = values.amountKrw.replace(/[,\s원]/g, '');
    if (amount !== '' && !/^\d{1,10}$/.test(amount)) errors.amountKrw = ko ? '금액은 원 단위 숫자로 적어 주세요 (예: 858000).' : 'Give the amount in whole won, e.g. 858000.';
    if (amount === '' && kind === 'payment') errors.amountKrw = ko ? '입금액을 적어 주세요.' : 'Give the amount received.';
    if (amount !== '' && Number(amount) <= 0) errors.amountKrw = ko ? '금액은 0보다 커야 합니다.' : 'The amount must be above zero.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.receivedOn)) errors.receivedOn = ko ? '날짜를 골라 주세요.' : 'Pick the date.';
    else if (values.receivedOn > seoulDay(new Date())) errors.receivedOn = ko ? '미래 날짜는 기록할 수 없습니다.' : 'The date cannot be in the future.';
    if (values.payerName.trim() === '') errors.payerName = ko ? '입금자 이름을 적어 주세요.' : 'Give the payer’s name.';
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    try {
      const outcome = await this.billing.recordPayment(principal, code, id, {
        kind, method: 'bank_transfer', amountKrw: amount === '' ? undefined : Number(amount), receivedOn: values.receivedOn, payerName: values.payerName,
        providerReference: values.providerReference.trim() || null,
      }, formKey);
      return { ok: true, outcome };
    } catch (error) {
      if (error instanceof DomainError && (error.code === ErrorCode.ValidationFailed || error.code === ErrorCode.Conflict || error.code === ErrorCode.IdempotencyKeyReused)) {
        const fieldErrors: PaymentFormErrors = {};
        for (const e of error.details.errors ?? []) if (e.field in values) fieldErrors[e.field as keyof PaymentFormValues] = e.messages.join(' ');
        return { ok: false, errors: fieldErrors, message: Object.keys(fieldErrors).length > 0 ? undefined : error.message };
      }
      throw error;
    }
  }

  /** The exhibitor's page: the invoice once issued, else the quote of its approved application. */
  async exhibitorInvoice(companyId: string, applicationId: string, lang: DocLang): Promise<{ application: ExhibitorApplication; invoice: InvoiceWithStatus | null; document: DocumentView | null }> {
    const { application, invoice } = await this.billing.invoiceOfApplication(companyId, applicationId);
    if (invoice) return { application, invoice, document: await this.documentOf(invoice, lang) };
    return { application, invoice: null, document: await this.quoteOf(application, lang) };
  }

  async exhibitorPdf(companyId: string, applicationId: string, lang: DocLang): Promise<{ number: string; pdf: Buffer }> {
    const { invoice } = await this.billing.invoiceOfApplication(companyId, applicationId);
    if (!invoice) throw new DomainError(ErrorCode.NotFound, 'No invoice has been issued for this application yet.');
    return { number: invoice.invoice.number, pdf: await this.pdf(await this.documentOf(invoice, lang)) };
  }

  private async pdf(view: DocumentView): Promise<Buffer> {
    const state = this.fonts.load();
    if (!state.ok) throw new DomainError(ErrorCode.ServiceUnavailable, `The PDF font ${state.path} is unusable: ${state.reason}`);
    return renderInvoicePdf(view, state.fonts);
  }

  private async documentOf(i: InvoiceWithStatus, lang: DocLang): Promise<DocumentView> {
    const edition = await this.fairs.getEditionById(i.invoice.editionId);
    const application = await this.repository.application(this.dataSource.manager, i.invoice.applicationId);
    // The seller's details in the reader's language; the buyer's as frozen at issue.
    return documentView({
      lang, kind: 'invoice', number: i.invoice.number, issuedOn: seoulDay(i.invoice.issuedAt), editionName: editionName(edition, lang),
      boothType: application?.boothType ?? '', seller: this.billing.seller(lang), buyer: i.invoice.buyer, lines: i.invoice.lines,
      netKrw: i.invoice.netKrw, vatKrw: i.invoice.vatKrw, totalKrw: i.invoice.totalKrw, vatPct: i.invoice.vatPct, depositKrw: i.invoice.depositKrw,
      depositDueOn: i.invoice.depositDueOn, balanceDueOn: i.invoice.balanceDueOn, bankAccount: this.config.billingSeller.bankAccount,
    });
  }

  private async quoteOf(application: ExhibitorApplication, lang: DocLang): Promise<DocumentView | null> {
    if (application.status !== 'approved' || application.feeTotalKrw === null || !application.feeLines) return null;
    const edition = await this.fairs.getEditionById(application.editionId);
    const rawTerms = await this.repository.terms(this.dataSource.manager, application.editionId);
    const schedule = dueSchedule(billingTerms(rawTerms), application.feeTotalKrw, seoulDay(new Date()), edition.startsOn);
    return documentView({
      lang, kind: 'quote', number: null, issuedOn: null, editionName: editionName(edition, lang), boothType: application.boothType,
      seller: this.billing.seller(lang), buyer: await this.billing.buyerOf(this.dataSource.manager, application), lines: application.feeLines,
      netKrw: application.feeNetKrw ?? 0, vatKrw: application.feeVatKrw ?? 0, totalKrw: application.feeTotalKrw, vatPct: rawTerms?.vatPct ?? 10,
      depositKrw: schedule.depositKrw, depositDueOn: null, balanceDueOn: schedule.balanceDueOn, bankAccount: this.config.billingSeller.bankAccount,
    });
  }
}
