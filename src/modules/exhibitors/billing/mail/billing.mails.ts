import { greeting, html, htmlFrame, type MailLocale, type MailTemplate, type SafeHtml } from '../../../../core/mail/mail-template';
import { wordsOf, type EditableMailText, type MailPlaceholder, type MailText, type RenderedMailText } from '../../../../core/mail/mail-text';
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

/*
 * The billing mails' words are editable per edition (mail-console): subject and the paragraphs
 * before the table. The greeting, the table of amounts and dates and the frame stay code.
 */

const LINK: Record<MailLocale, string> = {
  ko: '\n\n청구서와 입금 내역, PDF는 아래 링크에서 보실 수 있습니다.\n{{invoice_url}}',
  en: '\n\nThe invoice, its payments and the PDF are at the link below.\n{{invoice_url}}',
};

/** Every billing mail's placeholders: who, which fair, the invoice page (required: it is how the exhibitor pays). */
const HEAD_PLACEHOLDERS: MailPlaceholder[] = [
  { name: 'contact_name', description: { ko: '받는 사람 이름', en: 'The reader' } },
  { name: 'company_name', description: { ko: '참가 기업', en: 'The exhibiting company' } },
  { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
  { name: 'invoice_url', description: { ko: '청구서 페이지 링크 (꼭 있어야 합니다)', en: 'Link to the invoice page (required)' }, kind: 'url', required: true },
];

const NUMBER_PLACEHOLDER: MailPlaceholder = { name: 'invoice_number', description: { ko: '청구 번호', en: 'The invoice number' } };
const amount = (name: string, ko: string, en: string): MailPlaceholder => ({ name, description: { ko, en } });

function headValues(p: BillingMailHead, locale: MailLocale): Record<string, string> {
  return { contact_name: p.contactName, company_name: p.companyName, edition_name: locale === 'ko' ? p.editionNameKo : p.editionNameEn, invoice_url: p.invoiceUrl };
}

const SAMPLE_HEAD: BillingMailHead = {
  companyName: '광주정밀(주)', contactName: '김민준', editionNameKo: '2027 광주국제그린카전시회', editionNameEn: 'Green Car Show Gwangju 2027',
  invoiceUrl: 'https://fairgate.example/exhibitor/applications/6f1c2d3e-0000-4000-8000-000000000001/invoice',
};

/** One editable billing kind: its words (lead sentence per language; the link paragraph is added) and its own placeholders. */
function billingEditable<P extends BillingMailHead>(spec: {
  key: string;
  label: Record<MailLocale, string>;
  trigger: Record<MailLocale, string>;
  subject: Record<MailLocale, string>;
  lead: Record<MailLocale, string>;
  placeholders: MailPlaceholder[];
  values: (p: P, locale: MailLocale) => Record<string, string>;
  sample: P;
}): EditableMailText<P> {
  const text = (locale: MailLocale): MailText => ({ subject: spec.subject[locale], body: `${spec.lead[locale]}${LINK[locale]}` });
  return {
    kinds: [{ key: spec.key, label: spec.label, trigger: spec.trigger, defaults: { ko: text('ko'), en: text('en') } }],
    kindOf: () => spec.key,
    placeholders: [...HEAD_PLACEHOLDERS, ...spec.placeholders],
    values: (p, locale) => ({ ...headValues(p, locale), ...spec.values(p, locale) }),
    sample: spec.sample,
  };
}

function build(locale: MailLocale, p: BillingMailHead, words: RenderedMailText, rows: Rows): { subject: string; text: string; html: string; reason: string } {
  const hello = greeting(p.contactName, locale);
  const why = exhibitorMailReason(locale, p.companyName);
  const text = [hello, '', words.text, '', ...rows.map(([k, v]) => `${k}: ${v}`)].join('\n');
  const body = html`<p>${hello}</p>${words.html}${table(rows)}`;
  return { subject: words.subject, text, html: htmlFrame(locale, words.subject, body, why), reason: why };
}

function table(rows: Rows): SafeHtml {
  return html`<table style="border-collapse:collapse">${rows
    .map(([k, v]) => html`<tr><th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${k}</th><td style="padding:4px 0">${v}</td></tr>`)}</table>`;
}

const quoteEditable = billingEditable<QuoteMailParams>({
  key: 'billing.quote',
  label: { ko: '참가비 견적서', en: 'Quote for the participation' },
  trigger: { ko: '참가 신청이 승인될 때 (참가비가 정해진 경우)', en: 'An application is approved (with its fee)' },
  subject: { ko: '[Fairgate] 참가비 견적서: {{edition_name}}', en: '[Fairgate] Quote for your participation: {{edition_name}}' },
  lead: {
    ko: '{{company_name}}의 참가 승인에 따른 참가비 견적입니다. 청구서는 따로 보내 드립니다.',
    en: 'Here is the quote for the participation of {{company_name}}, now approved. The invoice follows separately.',
  },
  placeholders: [amount('total_amount', '합계 (부가세 포함)', 'Total, VAT included'), amount('balance_due_on', '잔금 기한', 'When the balance is due')],
  values: (p, locale) => ({ total_amount: money(p.totalKrw, locale), balance_due_on: displayDate(p.balanceDueOn, locale) }),
  sample: {
    ...SAMPLE_HEAD, lines: [{ code: 'booths', quantity: 2, unitKrw: 2_600_000, amountKrw: 5_200_000 }], netKrw: 5_200_000, vatKrw: 520_000, totalKrw: 5_720_000,
    depositKrw: 1_716_000, depositDueDays: 14, balanceDueOn: '2027-03-29',
  },
});

/** The quote sent with the approval: the lines, VAT, total and the payment schedule to come. */
export const billingQuoteMail: MailTemplate<QuoteMailParams> = {
  name: 'billing.quote',
  editable: quoteEditable,
  render(p, locale, context, custom) {
    const ko = locale === 'ko';
    const rows: Rows = [
      ...p.lines.map((l): [string, string] => [`${LINE_LABELS[locale][l.code] ?? l.code} × ${l.quantity}`, money(l.amountKrw, locale)]),
      [ko ? '공급가액' : 'Net amount', money(p.netKrw, locale)],
      [ko ? '부가세' : 'VAT', money(p.vatKrw, locale)],
      [ko ? '합계' : 'Total', money(p.totalKrw, locale)],
      [ko ? '계약금' : 'Deposit', `${money(p.depositKrw, locale)} (${ko ? `청구서 발행 후 ${p.depositDueDays}일 이내` : `within ${p.depositDueDays} days of the invoice`})`],
      [ko ? '잔금 기한' : 'Balance due', displayDate(p.balanceDueOn, locale)],
    ];
    return build(locale, p, wordsOf(quoteEditable, p, locale, context, custom), rows);
  },
};

const invoiceIssuedEditable = billingEditable<InvoiceIssuedMailParams>({
  key: 'billing.invoice-issued',
  label: { ko: '청구서 발행', en: 'Invoice issued' },
  trigger: { ko: '주최자가 청구서를 발행할 때', en: 'An organizer issues an invoice' },
  subject: { ko: '[Fairgate] 청구서 {{invoice_number}}: {{edition_name}}', en: '[Fairgate] Invoice {{invoice_number}}: {{edition_name}}' },
  lead: {
    ko: '{{company_name}}의 참가비 청구서를 발행했습니다. 입금하실 때 입금자명에 청구 번호를 함께 적어 주세요.',
    en: 'We have issued the invoice for the participation of {{company_name}}. Please quote the invoice number with your transfer.',
  },
  placeholders: [
    NUMBER_PLACEHOLDER, amount('total_amount', '합계 (부가세 포함)', 'Total, VAT included'),
    amount('deposit_due_on', '계약금 기한', 'When the deposit is due'), amount('balance_due_on', '잔금 기한', 'When the balance is due'),
  ],
  values: (p, locale) => ({
    invoice_number: p.number, total_amount: money(p.totalKrw, locale), deposit_due_on: displayDate(p.depositDueOn, locale), balance_due_on: displayDate(p.balanceDueOn, locale),
  }),
  sample: {
    ...SAMPLE_HEAD, number: 'GCS27-0001', totalKrw: 5_720_000, depositKrw: 1_716_000, depositDueOn: '2027-01-15', balanceDueOn: '2027-03-29',
    bankAccount: '광주은행 123-456-789012 (재)김대중컨벤션센터',
  },
});

export const billingInvoiceIssuedMail: MailTemplate<InvoiceIssuedMailParams> = {
  name: 'billing.invoice-issued',
  editable: invoiceIssuedEditable,
  render(p, locale, context, custom) {
    const ko = locale === 'ko';
    const rows: Rows = [
      [ko ? '청구 번호' : 'Invoice number', p.number],
      [ko ? '합계' : 'Total', money(p.totalKrw, locale)],
      [ko ? '계약금' : 'Deposit', `${money(p.depositKrw, locale)} · ${displayDate(p.depositDueOn, locale)}${ko ? '까지' : ''}`],
      [ko ? '잔금' : 'Balance', `${money(p.totalKrw - p.depositKrw, locale)} · ${displayDate(p.balanceDueOn, locale)}${ko ? '까지' : ''}`],
      [ko ? '입금 계좌' : 'Bank account', p.bankAccount],
    ];
    return build(locale, p, wordsOf(invoiceIssuedEditable, p, locale, context, custom), rows);
  },
};

const paymentEditable = billingEditable<PaymentMailParams>({
  key: 'billing.payment-received',
  label: { ko: '입금 확인', en: 'Payment received' },
  trigger: { ko: '주최자가 입금을 기록할 때', en: 'An organizer records a payment' },
  subject: { ko: '[Fairgate] 입금 확인 {{invoice_number}}: {{edition_name}}', en: '[Fairgate] Payment received {{invoice_number}}: {{edition_name}}' },
  lead: { ko: '{{company_name}}의 입금을 확인했습니다. 감사합니다.', en: 'We have received a payment from {{company_name}}. Thank you.' },
  placeholders: [
    NUMBER_PLACEHOLDER, amount('amount', '입금액', 'The amount received'), amount('received_on', '입금일', 'When it was received'),
    amount('outstanding_amount', '남은 미납액', 'What is still outstanding'),
  ],
  values: (p, locale) => ({
    invoice_number: p.number, amount: money(p.amountKrw, locale), received_on: displayDate(p.receivedOn, locale), outstanding_amount: money(p.outstandingKrw, locale),
  }),
  sample: { ...SAMPLE_HEAD, number: 'GCS27-0001', amountKrw: 1_716_000, receivedOn: '2027-01-10', paidKrw: 1_716_000, outstandingKrw: 4_004_000 },
});

export const billingPaymentReceivedMail: MailTemplate<PaymentMailParams> = {
  name: 'billing.payment-received',
  editable: paymentEditable,
  render(p, locale, context, custom) {
    const ko = locale === 'ko';
    const rows: Rows = [
      [ko ? '청구 번호' : 'Invoice number', p.number],
      [ko ? '입금액' : 'Amount received', money(p.amountKrw, locale)],
      [ko ? '입금일' : 'Received on', displayDate(p.receivedOn, locale)],
      [ko ? '입금 합계' : 'Paid so far', money(p.paidKrw, locale)],
      [ko ? '미납액' : 'Outstanding', money(p.outstandingKrw, locale)],
    ];
    return build(locale, p, wordsOf(paymentEditable, p, locale, context, custom), rows);
  },
};

const reminderEditable = billingEditable<ReminderMailParams>({
  key: 'billing.reminder',
  label: { ko: '미납 안내', en: 'Payment reminder' },
  trigger: { ko: '납부 기한이 지난 미납액이 있을 때 (기한 3일 후, 이후 매주)', en: 'An amount is past its due date (3 days after, then weekly)' },
  subject: { ko: '[Fairgate] 미납 안내 {{invoice_number}}: {{edition_name}}', en: '[Fairgate] Payment reminder {{invoice_number}}: {{edition_name}}' },
  lead: {
    ko: '{{company_name}}의 참가비 중 기한이 지난 미납액이 있습니다. 이미 입금하셨다면 이 메일은 무시해 주세요.',
    en: 'Part of the participation fee of {{company_name}} is past its due date. If you have already paid, please ignore this email.',
  },
  placeholders: [NUMBER_PLACEHOLDER, amount('outstanding_amount', '미납액', 'What is outstanding'), amount('due_on', '납부 기한', 'When it was due')],
  values: (p, locale) => ({ invoice_number: p.number, outstanding_amount: money(p.outstandingKrw, locale), due_on: displayDate(p.dueOn, locale) }),
  sample: { ...SAMPLE_HEAD, number: 'GCS27-0001', outstandingKrw: 4_004_000, dueOn: '2027-03-29', bankAccount: '광주은행 123-456-789012 (재)김대중컨벤션센터' },
});

export const billingReminderMail: MailTemplate<ReminderMailParams> = {
  name: 'billing.reminder',
  editable: reminderEditable,
  render(p, locale, context, custom) {
    const ko = locale === 'ko';
    const rows: Rows = [
      [ko ? '청구 번호' : 'Invoice number', p.number],
      [ko ? '미납액' : 'Outstanding', money(p.outstandingKrw, locale)],
      [ko ? '납부 기한' : 'Was due on', displayDate(p.dueOn, locale)],
      [ko ? '입금 계좌' : 'Bank account', p.bankAccount],
    ];
    return build(locale, p, wordsOf(reminderEditable, p, locale, context, custom), rows);
  },
};

const refundEditable = billingEditable<RefundMailParams>({
  key: 'billing.refund',
  label: { ko: '환불 안내', en: 'Refund' },
  trigger: { ko: '주최자가 환불을 기록할 때', en: 'An organizer records a refund' },
  subject: { ko: '[Fairgate] 환불 안내 {{invoice_number}}: {{edition_name}}', en: '[Fairgate] Refund {{invoice_number}}: {{edition_name}}' },
  lead: {
    ko: '{{company_name}}의 참가 취소에 따라 약관대로 참가비를 환불했습니다.',
    en: 'Following the cancellation of {{company_name}}\'s participation, we have refunded the fee as the terms provide.',
  },
  placeholders: [NUMBER_PLACEHOLDER, amount('amount', '환불액', 'The amount refunded'), amount('refunded_on', '환불일', 'When it was refunded')],
  values: (p, locale) => ({ invoice_number: p.number, amount: money(p.amountKrw, locale), refunded_on: displayDate(p.receivedOn, locale) }),
  sample: { ...SAMPLE_HEAD, number: 'GCS27-0001', amountKrw: 2_860_000, receivedOn: '2027-04-01' },
});

export const billingRefundMail: MailTemplate<RefundMailParams> = {
  name: 'billing.refund',
  editable: refundEditable,
  render(p, locale, context, custom) {
    const ko = locale === 'ko';
    const rows: Rows = [
      [ko ? '청구 번호' : 'Invoice number', p.number],
      [ko ? '환불액' : 'Refunded', money(p.amountKrw, locale)],
      [ko ? '환불일' : 'Refunded on', displayDate(p.receivedOn, locale)],
    ];
    return build(locale, p, wordsOf(refundEditable, p, locale, context, custom), rows);
  },
};
