import { greeting, html, htmlFrame, singleLine, type MailLocale, type MailTemplate, type SafeHtml } from '../../../../core/mail/mail-template';
import { displayDate } from '../../../../core/time/display';
import { exhibitorMailReason } from '../../mail/application-mail-head';
import { LINE_LABELS, money } from '../invoice-document';

/** What every billing mail starts with: who, which fair, and the exhibitor's invoice page. */
export interface BillingMailHead {
  companyName: string;
  contactName: string;
  editionNameKo: string;
  editionNameEn: string;
  /** The exhibitor's invoice page (view, PDF, payments). */
  invoiceUrl: string;
}

export interface QuoteMailParams extends BillingMailHead {
  lines: Array<{ code: string; quantity: number; unitKrw: number; amountKrw: number }>;
  netKrw: number;
  vatKrw: number;
  totalKrw: number;
  depositKrw: number;
  depositDueDays: number;
  balanceDueOn: string;
}

export interface InvoiceIssuedMailParams extends BillingMailHead {
  number: string;
  totalKrw: number;
  depositKrw: number;
  depositDueOn: string;
  balanceDueOn: string;
  bankAccount: string;
}

export interface PaymentMailParams extends BillingMailHead {
  number: string;
  amountKrw: number;
  receivedOn: string;
  paidKrw: number;
  outstandingKrw: number;
}

export interface ReminderMailParams extends BillingMailHead {
  number: string;
  outstandingKrw: number;
  dueOn: string;
  bankAccount: string;
}

export interface RefundMailParams extends BillingMailHead {
  number: string;
  amountKrw: number;
  receivedOn: string;
}

type Rows = Array<[string, string]>;

function build(locale: MailLocale, p: BillingMailHead, subject: string, lead: string, rows: Rows, after: string[] = []): { subject: string; text: string; html: string; reason: string } {
  const edition = locale === 'ko' ? p.editionNameKo : p.editionNameEn;
  const fullSubject = singleLine(`[Fairgate] ${subject}: ${edition}`);
  const hello = greeting(p.contactName, locale);
  const why = exhibitorMailReason(locale, p.companyName);
  const link = locale === 'ko' ? '청구서와 입금 내역, PDF는 아래 링크에서 보실 수 있습니다.' : 'The invoice, its payments and the PDF are at the link below.';
  const text = [hello, '', lead, '', ...rows.map(([k, v]) => `${k}: ${v}`), ...(after.length ? ['', ...after] : []), '', link, p.invoiceUrl].join('\n');
  const body = html`<p>${hello}</p><p>${lead}</p>${table(rows)}${after.map((a) => html`<p>${a}</p>`)}<p>${link}<br><a href="${p.invoiceUrl}">${p.invoiceUrl}</a></p>`;
  return { subject: fullSubject, text, html: htmlFrame(locale, fullSubject, body, why), reason: why };
}

function table(rows: Rows): SafeHtml {
  return html`<table style="border-collapse:collapse">${rows
    .map(([k, v]) => html`<tr><th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${k}</th><td style="padding:4px 0">${v}</td></tr>`)}</table>`;
}

/** The quote sent with the approval: the lines, VAT, total and the payment schedule to come. */
export const billingQuoteMail: MailTemplate<QuoteMailParams> = {
  name: 'billing.quote',
  render(p, locale) {
    const ko = locale === 'ko';
    const rows: Rows = [
      ...p.lines.map((l): [string, string] => [`${LINE_LABELS[locale][l.code] ?? l.code} × ${l.quantity}`, money(l.amountKrw, locale)]),
      [ko ? '공급가액' : 'Net amount', money(p.netKrw, locale)],
      [ko ? '부가세' : 'VAT', money(p.vatKrw, locale)],
      [ko ? '합계' : 'Total', money(p.totalKrw, locale)],
      [ko ? '계약금' : 'Deposit', `${money(p.depositKrw, locale)} (${ko ? `청구서 발행 후 ${p.depositDueDays}일 이내` : `within ${p.depositDueDays} days of the invoice`})`],
      [ko ? '잔금 기한' : 'Balance due', displayDate(p.balanceDueOn, locale)],
    ];
    return build(locale, p, ko ? '참가비 견적서' : 'Quote for your participation', ko
      ? `${p.companyName}의 참가 승인에 따른 참가비 견적입니다. 청구서는 따로 보내 드립니다.`
      : `Here is the quote for the participation of ${p.companyName}, now approved. The invoice follows separately.`, rows);
  },
};

export const billingInvoiceIssuedMail: MailTemplate<InvoiceIssuedMailParams> = {
  name: 'billing.invoice-issued',
  render(p, locale) {
    const ko = locale === 'ko';
    const rows: Rows = [
      [ko ? '청구 번호' : 'Invoice number', p.number],
      [ko ? '합계' : 'Total', money(p.totalKrw, locale)],
      [ko ? '계약금' : 'Deposit', `${money(p.depositKrw, locale)} · ${displayDate(p.depositDueOn, locale)}${ko ? '까지' : ''}`],
      [ko ? '잔금' : 'Balance', `${money(p.totalKrw - p.depositKrw, locale)} · ${displayDate(p.balanceDueOn, locale)}${ko ? '까지' : ''}`],
      [ko ? '입금 계좌' : 'Bank account', p.bankAccount],
    ];
    return build(locale, p, ko ? `청구서 ${p.number}` : `Invoice ${p.number}`, ko
      ? `${p.companyName}의 참가비 청구서를 발행했습니다. 입금하실 때 입금자명에 청구 번호를 함께 적어 주세요.`
      : `We have issued the invoice for the participation of ${p.companyName}. Please quote the invoice number with your transfer.`, rows);
  },
};

export const billingPaymentReceivedMail: MailTemplate<PaymentMailParams> = {
  name: 'billing.payment-received',
  render(p, locale) {
    const ko = locale === 'ko';
    const rows: Rows = [
      [ko ? '청구 번호' : 'Invoice number', p.number],
      [ko ? '입금액' : 'Amount received', money(p.amountKrw, locale)],
      [ko ? '입금일' : 'Received on', displayDate(p.receivedOn, locale)],
      [ko ? '입금 합계' : 'Paid so far', money(p.paidKrw, locale)],
      [ko ? '미납액' : 'Outstanding', money(p.outstandingKrw, locale)],
    ];
    return build(locale, p, ko ? `입금 확인 ${p.number}` : `Payment received ${p.number}`, ko
      ? `${p.companyName}의 입금을 확인했습니다. 감사합니다.`
      : `We have received a payment from ${p.companyName}. Thank you.`, rows);
  },
};

export const billingReminderMail: MailTemplate<ReminderMailParams> = {
  name: 'billing.reminder',
  render(p, locale) {
    const ko = locale === 'ko';
    const rows: Rows = [
      [ko ? '청구 번호' : 'Invoice number', p.number],
      [ko ? '미납액' : 'Outstanding', money(p.outstandingKrw, locale)],
      [ko ? '납부 기한' : 'Was due on', displayDate(p.dueOn, locale)],
      [ko ? '입금 계좌' : 'Bank account', p.bankAccount],
    ];
    return build(locale, p, ko ? `미납 안내 ${p.number}` : `Payment reminder ${p.number}`, ko
      ? `${p.companyName}의 참가비 중 기한이 지난 미납액이 있습니다. 이미 입금하셨다면 이 메일은 무시해 주세요.`
      : `Part of the participation fee of ${p.companyName} is past its due date. If you have already paid, please ignore this email.`, rows);
  },
};

export const billingRefundMail: MailTemplate<RefundMailParams> = {
  name: 'billing.refund',
  render(p, locale) {
    const ko = locale === 'ko';
    const rows: Rows = [
      [ko ? '청구 번호' : 'Invoice number', p.number],
      [ko ? '환불액' : 'Refunded', money(p.amountKrw, locale)],
      [ko ? '환불일' : 'Refunded on', displayDate(p.receivedOn, locale)],
    ];
    return build(locale, p, ko ? `환불 안내 ${p.number}` : `Refund ${p.number}`, ko
      ? `${p.companyName}의 참가 취소에 따라 약관대로 참가비를 환불했습니다.`
      : `Following the cancellation of ${p.companyName}'s participation, we have refunded the fee as the terms provide.`, rows);
  },
};

