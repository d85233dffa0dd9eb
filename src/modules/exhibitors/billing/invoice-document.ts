import { displayDate } from '../../../core/time/display';
import type { InvoiceLine, InvoiceParty } from '../entities/invoice.entity';
import type { InvoiceStatus } from './domain/invoice-status';

/*
 * The words and figures of a quote or invoice, the same for the printable page, the PDF and the
 * mails: Korean first, English by the invoice's locale; amounts in whole won.
 */

export type DocLang = 'ko' | 'en';

/** 2860000 → '2,860,000', the same on every machine (no locale data involved). */
export function won(amount: number): string {
  return `${amount < 0 ? '-' : ''}${String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

export const LINE_LABELS: Record<DocLang, Record<string, string>> = {
  ko: { booths: '부스 (9㎡ 단위)', corner_surcharge: '코너 부스 할증', island_surcharge: '독립 부스 할증', early_bird_discount: '조기 신청 할인' },
  en: { booths: 'Booths (9 m² units)', corner_surcharge: 'Corner booth surcharge', island_surcharge: 'Island booth surcharge', early_bird_discount: 'Early-bird discount' },
};

export const BOOTH_TYPE_LABELS: Record<DocLang, Record<string, string>> = {
  ko: { raw_space: '독립 부스 (면적만)', shell_scheme: '조립 부스' },
  en: { raw_space: 'Raw space', shell_scheme: 'Shell scheme' },
};

export const STATUS_LABELS: Record<DocLang, Record<InvoiceStatus, string>> = {
  ko: { unpaid: '미입금', deposit_paid: '계약금 입금', partially_paid: '일부 입금', paid: '완납', overdue: '연체', refunded: '환불' },
  en: { unpaid: 'Unpaid', deposit_paid: 'Deposit paid', partially_paid: 'Partially paid', paid: 'Paid', overdue: 'Overdue', refunded: 'Refunded' },
};

export const DOC_WORDS = {
  ko: {
    invoice: '청구서', quote: '견적서', number: '청구 번호', issued: '발행일', seller: '공급자', buyer: '공급받는 자',
    registrationNumber: '사업자등록번호', taxId: '세금 번호 (VAT ID)', representative: '대표자', address: '사업장 주소', businessType: '업태',
    businessItem: '종목', email: '이메일', item: '품목', kind: '부스 종류', quantity: '수량', unit: '단가', amount: '공급가액',
    net: '공급가액 합계', vat: (pct: number) => `부가세 (${pct}%)`, total: '합계', deposit: '계약금', balance: '잔금', due: '납부 기한',
    bank: '입금 계좌', status: '입금 상태', payments: '입금 내역', paid: '입금액', outstanding: '미납액', refund: '환불', payment: '입금',
    payer: '입금자', date: '날짜', entryKind: '구분', sum: '금액', currency: '원', noPayments: '아직 입금 내역이 없습니다.',
  },
  en: {
    invoice: 'Invoice', quote: 'Quote', number: 'Invoice number', issued: 'Issued', seller: 'Seller', buyer: 'Bill to',
    registrationNumber: 'Business registration number', taxId: 'Tax / VAT ID', representative: 'Representative', address: 'Address', businessType: 'Business type',
    businessItem: 'Business item', email: 'Email', item: 'Item', kind: 'Booth type', quantity: 'Qty', unit: 'Unit price', amount: 'Amount',
    net: 'Net amount', vat: (pct: number) => `VAT (${pct}%)`, total: 'Total', deposit: 'Deposit', balance: 'Balance', due: 'Due',
    bank: 'Bank account', status: 'Payment status', payments: 'Payments', paid: 'Paid', outstanding: 'Outstanding', refund: 'Refund', payment: 'Payment',
    payer: 'Payer', date: 'Date', entryKind: 'Kind', sum: 'Amount', currency: 'KRW', noPayments: 'No payments yet.',
  },
} as const;

/** An amount as printed: 2,860,000원 / KRW 2,860,000. */
export function money(amount: number, lang: DocLang): string {
  return lang === 'ko' ? `${won(amount)}원` : `KRW ${won(amount)}`;
}

export interface DocumentView {
  lang: DocLang;
  title: string;
  number: string | null;
  issuedOn: string | null;
  editionName: string;
  boothType: string;
  seller: Array<[string, string]>;
  buyer: Array<[string, string]>;
  lines: Array<{ label: string; kind: string; quantity: string; unit: string; amount: string }>;
  totals: Array<[string, string]>;
  schedule: Array<[string, string]>;
  bankAccount: string;
}

/** The party's rows as printed: only what it has (a foreign company has no 업태/종목). */
export function partyRows(p: InvoiceParty, lang: DocLang): Array<[string, string]> {
  const w = DOC_WORDS[lang];
  const rows: Array<[string, string | null]> = [
    [lang === 'ko' ? '상호' : 'Name', p.name],
    [w.registrationNumber, p.registrationNumber],
    [w.taxId, p.taxId],
    [w.representative, p.representative],
    [w.address, p.address],
    [w.businessType, p.businessType],
    [w.businessItem, p.businessItem],
    [w.email, p.email],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== null && r[1].trim() !== '');
}

export function documentView(input: {
  lang: DocLang; kind: 'invoice' | 'quote'; number: string | null; issuedOn: string | null; editionName: string; boothType: string;
  seller: InvoiceParty; buyer: InvoiceParty; lines: InvoiceLine[]; netKrw: number; vatKrw: number; totalKrw: number; vatPct: number;
  depositKrw: number; depositDueOn: string | null; balanceDueOn: string; bankAccount: string;
}): DocumentView {
  const { lang } = input;
  const w = DOC_WORDS[lang];
  const boothType = BOOTH_TYPE_LABELS[lang][input.boothType] ?? input.boothType;
  const due = (day: string | null): string => (day === null ? (lang === 'ko' ? '청구서 발행 후 안내' : 'set when the invoice is issued') : displayDate(day, lang));
  return {
    lang,
    title: input.kind === 'invoice' ? w.invoice : w.quote,
    number: input.number,
    issuedOn: input.issuedOn,
    editionName: input.editionName,
    boothType,
    seller: partyRows(input.seller, lang),
    buyer: partyRows(input.buyer, lang),
    lines: input.lines.map((l) => ({ label: LINE_LABELS[lang][l.code] ?? l.code, kind: boothType, quantity: String(l.quantity), unit: won(l.unitKrw), amount: won(l.amountKrw) })),
    totals: [[w.net, money(input.netKrw, lang)], [w.vat(input.vatPct), money(input.vatKrw, lang)], [w.total, money(input.totalKrw, lang)]],
    schedule: [
      [w.deposit, `${money(input.depositKrw, lang)} · ${w.due} ${due(input.depositDueOn)}`],
      [w.balance, `${money(input.totalKrw - input.depositKrw, lang)} · ${w.due} ${due(input.balanceDueOn)}`],
    ],
    bankAccount: input.bankAccount,
  };
}
