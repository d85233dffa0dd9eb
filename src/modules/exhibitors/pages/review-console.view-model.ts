import { ErrorCode } from '../../../core/errors/domain-error';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../entities/exhibitor-application.entity';
import type { BulkDecisionRow, DecisionRefusal } from '../applications/application-review.service';
import type { ReviewMessageKey, ReviewT } from './review-console.messages';

/*
 * The decisions of the application pages, as pure functions: which page links, what a bulk
 * result says and in which colour, how a refusal reads. The controller binds, the service loads,
 * the view draws; these decide.
 */

export const REVIEW_PAGE = '/console/applications';
export const PAGE_SIZE = 50;
export const DECISIONS = ['start_review', 'approve', 'waitlist', 'reject', 'request_changes'] as const;
export type Decision = (typeof DECISIONS)[number];
export const BULK_DECISIONS = ['approve', 'reject', 'request_changes'] as const;
export type BulkDecision = (typeof BULK_DECISIONS)[number];

export const FILTER_FIELDS = ['edition', 'status', 'hall', 'category', 'country', 'q', 'sort', 'order'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type FilterValues = Record<FilterField, string>;

/** The list's address with these filters (empty ones left out) and extras such as page. */
export function reviewUrl(filters: Partial<FilterValues>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) params.set(k, v);
  const q = params.toString();
  return `${REVIEW_PAGE}${q ? `?${q}` : ''}`;
}

export interface Pagination {
  from: number;
  to: number;
  total: number;
  page: number;
  lastPage: number;
  /** Page numbers to link, with null for a gap (…). */
  links: Array<number | null>;
}

/** "1–50 of 220" and the page links around the current page (first and last always shown). */
export function pagination(total: number, page: number, pageSize = PAGE_SIZE): Pagination {
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), lastPage);
  const from = total === 0 ? 0 : (current - 1) * pageSize + 1;
  const to = Math.min(total, current * pageSize);
  const wanted = new Set([1, lastPage, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= lastPage));
  const sorted = [...wanted].sort((a, b) => a - b);
  const links: Array<number | null> = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1] > 1) links.push(null);
    links.push(n);
  });
  return { from, to, total, page: current, lastPage, links };
}

/** A page number from the query: 1 when missing or not a whole number. */
export function pageNumber(value: string | undefined): number {
  return value && /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : 1;
}

// ------------------------------------------------------------ outcomes of decisions

/** What happened to one application, short enough for the redirect's query string. */
export type Outcome = ApplicationStatus | 'x_no_hall' | 'x_reason' | 'x_full' | 'x_missing' | 'x_forbidden' | 'x_other' | `x_state_${ApplicationStatus}`;

/** A refusal as an outcome code. */
export function refusalOutcome(r: DecisionRefusal): Outcome {
  if (r.code === ErrorCode.NotFound) return 'x_missing';
  if (r.code === ErrorCode.Forbidden) return 'x_forbidden';
  if (r.code === ErrorCode.ValidationFailed) return r.field === 'hall' ? 'x_no_hall' : r.field === 'reason' ? 'x_reason' : 'x_other';
  if (r.code === ErrorCode.IllegalTransition && r.status && (APPLICATION_STATUSES as readonly string[]).includes(r.status)) return `x_state_${r.status as ApplicationStatus}`;
  if (r.code === ErrorCode.Conflict) return 'x_full';
  return 'x_other';
}

export function rowOutcome(row: BulkDecisionRow): Outcome {
  return row.refusal ? refusalOutcome(row.refusal) : (row.status ?? 'x_other');
}

function isOutcome(value: string): value is Outcome {
  if ((APPLICATION_STATUSES as readonly string[]).includes(value)) return true;
  if (['x_no_hall', 'x_reason', 'x_full', 'x_missing', 'x_forbidden', 'x_other'].includes(value)) return true;
  return value.startsWith('x_state_') && (APPLICATION_STATUSES as readonly string[]).includes(value.slice(8));
}

/** The bulk result as repeated `r=<id>.<outcome>` query values (at most 200). */
export function encodeOutcomes(rows: BulkDecisionRow[]): string[] {
  return rows.slice(0, 200).map((r) => `${r.id}.${rowOutcome(r)}`);
}

/** The bulk result back from the query; anything malformed is left out. */
export function decodeOutcomes(values: string[]): Array<{ id: string; outcome: Outcome }> {
  const out: Array<{ id: string; outcome: Outcome }> = [];
  for (const v of values.slice(0, 200)) {
    const m = /^([0-9a-f-]{36})\.([a-z_]{1,40})$/.exec(v);
    if (m && isOutcome(m[2])) out.push({ id: m[1], outcome: m[2] });
  }
  return out;
}

export function isRefused(outcome: Outcome): boolean {
  return outcome.startsWith('x_');
}

/** One application's outcome in words: "승인됨" / "처리되지 않음: 홀이 지정되지 않았습니다…". */
export function outcomeText(outcome: Outcome, t: ReviewT): string {
  if (!isRefused(outcome)) {
    const key = `outcome_${outcome}` as ReviewMessageKey;
    return ['approved', 'waitlisted', 'rejected', 'changes_requested', 'under_review'].includes(outcome) ? t(key) : t(`app_${outcome}` as ReviewMessageKey);
  }
  return t('refused', { why: refusalText(outcome, t) });
}

/** Why an application was not done, in words. */
export function refusalText(outcome: Outcome, t: ReviewT): string {
  if (outcome.startsWith('x_state_')) return t('why_state', { status: t(`app_${outcome.slice(8)}` as ReviewMessageKey) });
  const key = { x_no_hall: 'why_no_hall', x_reason: 'why_reason', x_full: 'why_full', x_missing: 'why_missing', x_forbidden: 'why_forbidden' }[outcome as string] ?? 'why_other';
  return t(key as ReviewMessageKey);
}

export type Tone = 'ok' | 'warn' | 'bad';

/** The notice over a bulk result: green only when every one was done, amber when some, red when none. */
export function bulkNotice(outcomes: Outcome[], t: ReviewT): { tone: Tone; text: string } {
  const refused = outcomes.filter(isRefused).length;
  const done = outcomes.length - refused;
  if (refused === 0) return { tone: 'ok', text: t('bulkAllOk', { count: done }) };
  if (done === 0) return { tone: 'bad', text: t('bulkNoneOk', { refused }) };
  return { tone: 'warn', text: t('bulkSome', { done, refused }) };
}

/** A refused single decision: which field it belongs to and what to say there. */
export function decisionError(r: DecisionRefusal, t: ReviewT): { field: 'hall' | 'reason' | 'action'; text: string } {
  const outcome = refusalOutcome(r);
  if (outcome === 'x_no_hall') return { field: 'hall', text: t(r.code === ErrorCode.ValidationFailed && r.field === 'hall' ? 'hallRequired' : 'badHall') };
  if (outcome === 'x_reason') return { field: 'reason', text: t('reasonRequired') };
  if (outcome === 'x_full') return { field: 'action', text: t('hallFull') };
  return { field: 'action', text: outcome.startsWith('x_state_') ? t('notAllowed') : refusalText(outcome, t) };
}

/** Only a query string of the list, or an application's own page, is a place to return to. */
export function safeBack(back: string | undefined): string {
  if (!back || back.length > 1000) return '';
  if (/^\?[\w\-.~%&=+]*$/.test(back)) return back;
  return '';
}

/** The ids a bulk form sent: UUIDs only, each once, at most 500. */
export function selectedIds(ids: string | string[] | undefined): string[] {
  const list = ids === undefined ? [] : Array.isArray(ids) ? ids : [ids];
  return [...new Set(list.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)))].slice(0, 500);
}

/** What the list says on arrival, from the redirect's query: a bulk result, a decision, a bulk form refused. */
export function listNotices(
  q: { flash?: string; company?: string; r?: string | string[] }, t: ReviewT,
): { outcomes: Array<{ id: string; outcome: Outcome }>; flash?: { tone: Tone; text: string }; bulkError?: string } {
  const outcomes = q.flash === 'bulk' ? decodeOutcomes(q.r === undefined ? [] : Array.isArray(q.r) ? q.r : [q.r]) : [];
  if (outcomes.length > 0) return { outcomes, flash: bulkNotice(outcomes.map((o) => o.outcome), t) };
  if (q.flash === 'decided' && q.company) return { outcomes, flash: { tone: 'ok', text: q.company } };
  if (q.flash === 'bulk-none') return { outcomes, bulkError: t('bulkNone') };
  if (q.flash === 'bulk-reason') return { outcomes, bulkError: t('bulkReasonMissing') };
  return { outcomes };
}
