import { displayDate } from '../../../../core/time/display';
import type { ConsoleContext } from '../../../../core/web/console-context';
import { renderConsolePage } from '../../../../core/web/console-frame';
import { html, type SafeHtml } from '../../../../core/web/html';
import type { InvoiceWithStatus } from '../billing.service';
import { INVOICE_STATUSES, type InvoiceStatus } from '../domain/invoice-status';
import { DOC_WORDS, money, STATUS_LABELS, type DocLang, type DocumentView } from '../invoice-document';

/*
 * The billing pages: the console's invoices of an edition (filters, totals, issue, CSV), one
 * invoice with the payment form (errors next to fields, values kept), the printable document
 * shared with the exhibitor's invoice page.
 */

export const BILLING_PAGE = '/console/billing';

export const BILLING_STYLES = `
.doc{border:1px solid #ddd;border-radius:6px;padding:1rem;margin:1rem 0;background:#fff}
.doc h2{margin-top:0}
.parties{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem}
dl.facts{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.2rem .8rem;margin:0}
dl.facts dt{font-weight:600;color:#444}dl.facts dd{margin:0;overflow-wrap:anywhere}
table.lines{border-collapse:collapse;width:100%;font-size:.9rem}
.lines th,.lines td{border-bottom:1px solid #e3e3e3;padding:.3rem;text-align:left;vertical-align:top}
.lines td.num,.lines th.num{text-align:right;white-space:nowrap}
.scroll-x{overflow-x:auto;max-width:100%}
.status{display:inline-block;padding:0 .4rem;border-radius:4px;font-weight:700;font-size:.85rem;background:#eef4ff}
.status.overdue{background:#fef3f2;color:#b42318}.status.paid{background:#ecfdf3;color:#067647}
.filters{display:flex;flex-wrap:wrap;gap:.3rem .8rem;list-style:none;padding:0}
.filters a[aria-current]{font-weight:700}
@media print{nav,header,footer,form,.noprint{display:none !important}.doc{border:none}}
`;

const T = {
  ko: {
    editions: '청구·입금', editionsLead: '청구서를 관리할 전시회를 고르세요.', invoices: '청구서', all: '전체', totals: '합계', issued: '청구액',
    paid: '입금액', outstanding: '미납액', none: '이 조건의 청구서가 없습니다.', toIssue: '청구서 발행 대기', issue: '청구서 발행',
    noneToIssue: '청구서를 기다리는 승인 신청이 없습니다.', csv: 'CSV 내려받기', company: '회사', number: '번호', status: '상태', total: '합계',
    open: '보기', pdf: 'PDF', print: '인쇄용 보기', record: '입금·환불 기록', kind: '종류', payment: '입금', refund: '환불 (약관에 따름)',
    amount: '금액 (원)', amountHint: '환불은 비워 두면 약관의 환불액이 기록됩니다.', receivedOn: '입금일', payer: '입금자', reference: '거래 참조번호 (선택)',
    save: '기록', errorsTop: '입력 내용을 확인해 주세요.', payments: '입금 내역', noPayments: '아직 입금 내역이 없습니다.', back: '청구서 목록',
    issuedOk: '청구서를 발행했습니다.', recordedOk: '기록했습니다.', duplicateOk: '이미 기록된 입금입니다. 두 번 기록하지 않았습니다.',
  },
  en: {
    editions: 'Billing', editionsLead: 'Pick the edition whose invoices you manage.', invoices: 'Invoices', all: 'All', totals: 'Totals', issued: 'Invoiced',
    paid: 'Paid', outstanding: 'Outstanding', none: 'No invoices match.', toIssue: 'Waiting for an invoice', issue: 'Issue invoice',
    noneToIssue: 'No approved application is waiting for an invoice.', csv: 'Download CSV', company: 'Company', number: 'Number', status: 'Status', total: 'Total',
    open: 'Open', pdf: 'PDF', print: 'Printable view', record: 'Record a payment or refund', kind: 'Kind', payment: 'Payment', refund: 'Refund (by the terms)',
    amount: 'Amount (KRW)', amountHint: 'Leave empty for a refund to record what the terms give back.', receivedOn: 'Date', payer: 'Payer', reference: 'Transaction reference (optional)',
    save: 'Record', errorsTop: 'Please check the fields below.', payments: 'Payments', noPayments: 'No payments yet.', back: 'All invoices',
    issuedOk: 'The invoice is issued.', recordedOk: 'Recorded.', duplicateOk: 'This payment was already recorded: it was not added twice.',
  },
} as const;

export type Flash = { tone: 'ok' | 'bad'; text: string } | undefined;
export type FlashKey = 'issued' | 'recorded' | 'duplicate';

export function flashText(lang: DocLang, key: string | undefined): Flash {
  const t = T[lang];
  if (key === 'issued') return { tone: 'ok', text: t.issuedOk };
  if (key === 'recorded') return { tone: 'ok', text: t.recordedOk };
  if (key === 'duplicate') return { tone: 'ok', text: t.duplicateOk };
  return undefined;
}

function notice(flash: Flash): SafeHtml | '' {
  return flash ? html`<div class="notice ${flash.tone}" role="${flash.tone === 'ok' ? 'status' : 'alert'}">${flash.text}</div>` : '';
}

export function statusBadge(lang: DocLang, status: InvoiceStatus): SafeHtml {
  return html`<span class="status ${status}">${STATUS_LABELS[lang][status]}</span>`;
}

/** The printable document (quote or invoice): both parties, the lines, totals, schedule and bank account. */
export function renderDocument(v: DocumentView): SafeHtml {
  const w = DOC_WORDS[v.lang];
  const facts = (rows: Array<[string, string]>): SafeHtml => html`<dl class="facts">${rows.map(([k, val]) => html`<dt>${k}</dt><dd>${val}</dd>`)}</dl>`;
  return html`<section class="doc"><h2>${v.title}${v.number ? html` ${v.number}` : ''}</h2>
<p>${v.editionName}${v.issuedOn ? html` · ${w.issued} ${displayDate(v.issuedOn, v.lang)}` : ''}</p>
<div class="parties"><div><h3>${w.seller}</h3>${facts(v.seller)}</div><div><h3>${w.buyer}</h3>${facts(v.buyer)}</div></div>
<div class="scroll-x"><table class="lines"><thead><tr><th>${w.item}</th><th>${w.kind}</th><th class="num">${w.quantity}</th><th class="num">${w.unit}</th><th class="num">${w.amount}</th></tr></thead>
<tbody>${v.lines.map((l) => html`<tr><td>${l.label}</td><td>${l.kind}</td><td class="num">${l.quantity}</td><td class="num">${l.unit}</td><td class="num">${l.amount}</td></tr>`)}</tbody></table></div>
${facts(v.totals)}<h3>${w.due}</h3>${facts(v.schedule)}${facts([[w.bank, v.bankAccount]])}</section>`;
}

export function renderPayments(lang: DocLang, i: InvoiceWithStatus): SafeHtml {
  const w = DOC_WORDS[lang];
  return html`<h2>${w.payments}</h2>
<dl class="facts"><dt>${w.status}</dt><dd>${statusBadge(lang, i.status.status)}</dd><dt>${w.paid}</dt><dd>${money(i.status.paidKrw, lang)}</dd>
<dt>${w.outstanding}</dt><dd>${money(i.status.outstandingKrw, lang)}</dd></dl>
${i.payments.length === 0 ? html`<p>${w.noPayments}</p>` : html`<div class="scroll-x"><table class="lines"><thead><tr><th>${w.date}</th><th>${w.entryKind}</th><th>${w.payer}</th><th class="num">${w.sum}</th></tr></thead><tbody>${
  i.payments.map((p) => html`<tr><td>${displayDate(p.receivedOn, lang)}</td><td>${p.kind === 'refund' ? w.refund : w.payment}</td><td>${p.payerName}</td><td class="num">${money(p.amountKrw, lang)}</td></tr>`)}</tbody></table></div>`}`;
}

export function renderBillingEditions(ctx: ConsoleContext, editions: Array<{ code: string; name: string; startsOn: string }>): string {
  const t = T[ctx.lang];
  return renderConsolePage(ctx, {
    title: t.editions, section: 'billing', extraStyles: BILLING_STYLES,
    body: html`<h1>${t.editions}</h1><p>${t.editionsLead}</p><ul>${editions.map((e) => html`<li><a href="${BILLING_PAGE}/${e.code}">${e.name}</a> · ${displayDate(e.startsOn, ctx.lang)}</li>`)}</ul>`,
  });
}

export interface EditionBillingModel {
  code: string;
  name: string;
  status: InvoiceStatus | undefined;
  invoices: InvoiceWithStatus[];
  totals: { invoicedKrw: number; paidKrw: number; outstandingKrw: number };
  toIssue: Array<{ id: string; companyName: string; feeTotalKrw: number | null }>;
  flash: Flash;
}

export function renderEditionBilling(ctx: ConsoleContext, m: EditionBillingModel): string {
  const t = T[ctx.lang];
  const base = `${BILLING_PAGE}/${m.code}`;
  const csrf = ctx.user?.csrf ?? '';
  const filter = (s: InvoiceStatus | undefined, label: string): SafeHtml =>
    html`<li><a href="${s ? `${base}?status=${s}` : base}"${m.status === s ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return renderConsolePage(ctx, {
    title: `${t.invoices} · ${m.name}`, section: 'billing', extraStyles: BILLING_STYLES,
    body: html`<h1>${t.invoices} · ${m.name}</h1>${notice(m.flash)}
<ul class="filters" aria-label="${t.status}">${filter(undefined, t.all)}${INVOICE_STATUSES.map((s) => filter(s, STATUS_LABELS[ctx.lang][s]))}</ul>
<dl class="facts"><dt>${t.issued}</dt><dd>${money(m.totals.invoicedKrw, ctx.lang)}</dd><dt>${t.paid}</dt><dd>${money(m.totals.paidKrw, ctx.lang)}</dd><dt>${t.outstanding}</dt><dd>${money(m.totals.outstandingKrw, ctx.lang)}</dd></dl>
<p><a href="${base}/invoices.csv">${t.csv}</a></p>
${m.invoices.length === 0 ? html`<p>${t.none}</p>` : html`<div class="scroll-x"><table class="lines"><thead><tr><th>${t.number}</th><th>${t.company}</th><th>${t.status}</th><th class="num">${t.total}</th><th class="num">${t.outstanding}</th></tr></thead><tbody>${
  m.invoices.map((i) => html`<tr><td><a href="${base}/invoices/${i.invoice.id}">${i.invoice.number}</a></td><td>${i.invoice.buyer.name}</td><td>${statusBadge(ctx.lang, i.status.status)}</td><td class="num">${money(i.invoice.totalKrw, ctx.lang)}</td><td class="num">${money(i.status.outstandingKrw, ctx.lang)}</td></tr>`)}</tbody></table></div>`}
<h2>${t.toIssue}</h2>
${m.toIssue.length === 0 ? html`<p>${t.noneToIssue}</p>` : html`<ul>${m.toIssue.map((a) => html`<li>${a.companyName}${a.feeTotalKrw !== null ? html` · ${money(a.feeTotalKrw, ctx.lang)}` : ''}
<form method="post" action="${base}/issue" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="application" value="${a.id}"><button type="submit">${t.issue}</button></form></li>`)}</ul>`}`,
  });
}

export interface PaymentFormValues { kind: string; amountKrw: string; receivedOn: string; payerName: string; providerReference: string }
export type PaymentFormErrors = Partial<Record<keyof PaymentFormValues, string>>;

export interface InvoiceConsoleModel {
  code: string;
  invoice: InvoiceWithStatus;
  document: DocumentView;
  values: PaymentFormValues;
  errors: PaymentFormErrors;
  message?: string;
  flash: Flash;
}

export function renderInvoiceConsole(ctx: ConsoleContext, m: InvoiceConsoleModel): string {
  const t = T[ctx.lang];
  const base = `${BILLING_PAGE}/${m.code}/invoices/${m.invoice.invoice.id}`;
  const errs = Object.entries(m.errors) as Array<[keyof PaymentFormValues, string]>;
  const field = (name: keyof PaymentFormValues, label: string, input: SafeHtml, hint?: string): SafeHtml => html`<div class="field"><label for="f-${name}">${label}</label>${
    hint ? html`<div class="hint" id="h-${name}">${hint}</div>` : ''}${input}${m.errors[name] ? html`<div class="error" id="e-${name}">${m.errors[name]}</div>` : ''}</div>`;
  const attrs = (name: keyof PaymentFormValues): SafeHtml => html`id="f-${name}" name="${name}"${m.errors[name] ? html` aria-invalid="true" aria-describedby="e-${name}"` : ''}`;
  const labels: Record<keyof PaymentFormValues, string> = { kind: t.kind, amountKrw: t.amount, receivedOn: t.receivedOn, payerName: t.payer, providerReference: t.reference };
  return renderConsolePage(ctx, {
    title: `${m.invoice.invoice.number} · ${m.invoice.invoice.buyer.name}`, section: 'billing', extraStyles: BILLING_STYLES,
    body: html`<p class="noprint"><a href="${BILLING_PAGE}/${m.code}">${t.back}</a> · <a href="${base}/pdf">${t.pdf}</a></p>
<h1>${m.invoice.invoice.number} · ${m.invoice.invoice.buyer.name}</h1>${notice(m.flash)}
${renderPayments(ctx.lang, m.invoice)}
<h2>${t.record}</h2>
${errs.length > 0 || m.message ? html`<div class="notice bad error-summary" role="alert" id="error-summary"><p>${m.message ?? t.errorsTop}</p><ul>${errs.map(([k, v]) => html`<li><a href="#f-${k}">${labels[k]}: ${v}</a></li>`)}</ul></div>` : ''}
<form method="post" action="${base}/payments" novalidate><input type="hidden" name="_csrf" value="${ctx.user?.csrf ?? ''}">
${field('kind', t.kind, html`<select ${attrs('kind')}><option value="payment"${m.values.kind !== 'refund' ? html` selected` : ''}>${t.payment}</option><option value="refund"${m.values.kind === 'refund' ? html` selected` : ''}>${t.refund}</option></select>`)}
${field('amountKrw', t.amount, html`<input ${attrs('amountKrw')} inputmode="numeric" value="${m.values.amountKrw}" aria-describedby="h-amountKrw">`, t.amountHint)}
${field('receivedOn', t.receivedOn, html`<input type="date" ${attrs('receivedOn')} value="${m.values.receivedOn}">`)}
${field('payerName', t.payer, html`<input ${attrs('payerName')} value="${m.values.payerName}" maxlength="100">`)}
${field('providerReference', t.reference, html`<input ${attrs('providerReference')} value="${m.values.providerReference}" maxlength="100">`)}
<button type="submit">${t.save}</button></form>
${renderDocument(m.document)}`,
  });
}
