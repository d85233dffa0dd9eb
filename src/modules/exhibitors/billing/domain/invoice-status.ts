/*
 * Pure billing decisions: an invoice's payment status, its due amounts and dates, the refund a
 * cancellation gets under the terms, the invoice number, and which reminder step is due. No Nest,
 * no TypeORM: unit-tested beside.
 */

export type InvoiceStatus = 'unpaid' | 'deposit_paid' | 'partially_paid' | 'paid' | 'overdue' | 'refunded';
export const INVOICE_STATUSES: readonly InvoiceStatus[] = ['unpaid', 'deposit_paid', 'partially_paid', 'paid', 'overdue', 'refunded'];

export interface StatusInput {
  totalKrw: number;
  depositKrw: number;
  /** Seoul calendar days, YYYY-MM-DD. */
  depositDueOn: string;
  balanceDueOn: string;
  payments: Array<{ kind: 'payment' | 'refund'; amountKrw: number }>;
  /** The Seoul day to judge on, YYYY-MM-DD. */
  today: string;
}

export interface StatusResult {
  status: InvoiceStatus;
  paidKrw: number;
  refundedKrw: number;
  /** What is still owed (never negative). */
  outstandingKrw: number;
}

/**
 * The status of an invoice from its payments: any refund makes it `refunded` (money went back
 * after a cancellation); fully paid is `paid`; a due day passed with less than what was due by
 * then is `overdue`; the deposit covered is `deposit_paid`; some money `partially_paid`; none `unpaid`.
 */
export function invoiceStatus(input: StatusInput): StatusResult {
  const paidKrw = sum(input.payments, 'payment');
  const refundedKrw = sum(input.payments, 'refund');
  const outstandingKrw = Math.max(0, input.totalKrw - paidKrw);
  const result = (status: InvoiceStatus): StatusResult => ({ status, paidKrw, refundedKrw, outstandingKrw });
  if (refundedKrw > 0) return result('refunded');
  if (paidKrw >= input.totalKrw) return result('paid');
  const dueNow = input.today > input.balanceDueOn ? input.totalKrw : input.today > input.depositDueOn ? input.depositKrw : 0;
  if (paidKrw < dueNow) return result('overdue');
  if (input.depositKrw > 0 && paidKrw >= input.depositKrw) return result('deposit_paid');
  if (paidKrw > 0) return result('partially_paid');
  return result('unpaid');
}

function sum(payments: StatusInput['payments'], kind: 'payment' | 'refund'): number {
  return payments.reduce((s, p) => (p.kind === kind ? s + p.amountKrw : s), 0);
}

export interface BillingTerms {
  depositPct: number;
  depositDueDays: number;
  /** null = 30 days before the edition opens. */
  balanceDueOn: string | null;
  refundCutoffOn: string | null;
  refundBeforePct: number;
  refundAfterPct: number;
}

export const DEFAULT_BILLING_TERMS: BillingTerms = {
  depositPct: 30, depositDueDays: 14, balanceDueOn: null, refundCutoffOn: null, refundBeforePct: 50, refundAfterPct: 0,
};

/** The deposit and both due days of an invoice issued on `issuedOn` for an edition opening on `editionStartsOn`. */
export function dueSchedule(terms: BillingTerms, totalKrw: number, issuedOn: string, editionStartsOn: string): {
  depositKrw: number; depositDueOn: string; balanceDueOn: string;
} {
  const depositKrw = Math.round((totalKrw * terms.depositPct) / 100);
  const depositDueOn = addDays(issuedOn, terms.depositDueDays);
  let balanceDueOn = terms.balanceDueOn ?? addDays(editionStartsOn, -30);
  // An invoice issued late never has its balance due before its deposit.
  if (balanceDueOn < depositDueOn) balanceDueOn = depositDueOn;
  return { depositKrw, depositDueOn, balanceDueOn };
}

/**
 * What a cancellation on `cancelledOn` gets back of `paidKrw` under the terms: refundBeforePct up to
 * the cut-off day (inclusive; no cut-off = the balance's due day), refundAfterPct after it.
 */
export function refundDue(terms: BillingTerms, paidKrw: number, cancelledOn: string, balanceDueOn: string): number {
  const cutoff = terms.refundCutoffOn ?? balanceDueOn;
  const pct = cancelledOn <= cutoff ? terms.refundBeforePct : terms.refundAfterPct;
  return Math.round((paidKrw * pct) / 100);
}

/** 'green-car-2027', 7 → 'GC2027-0007': the initials of the series words, the year, four digits. */
export function invoiceNumber(editionCode: string, year: number, sequence: number): string {
  const words = editionCode.split('-').filter((w) => !/^\d+$/.test(w));
  const initials = words.map((w) => w[0]?.toUpperCase() ?? '').join('') || 'INV';
  return `${initials}${year}-${String(sequence).padStart(4, '0')}`;
}

/** Reminders: the first 3 days after the due day, then every 7 days. */
export const FIRST_REMINDER_DAYS = 3;
export const REMINDER_INTERVAL_DAYS = 7;

/**
 * The reminder step due on `today` for a debt due on `dueOn` (0 = the first), or null before the
 * first. A sweep that missed days sends only the latest step: one mail, not a backlog.
 */
export function reminderStep(dueOn: string, today: string): number | null {
  const late = daysBetween(dueOn, today) - FIRST_REMINDER_DAYS;
  if (late < 0) return null;
  return Math.floor(late / REMINDER_INTERVAL_DAYS);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The Seoul calendar day of an instant (UTC+9, no daylight saving since 1988). */
export function seoulDay(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
