import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { displayTime, displayTimeRange } from '../../../core/time/display';
import type { Lang } from '../../../core/web/i18n';
import type { MeetingsMessage, MeetingsT } from './messages';

/*
 * Pure decisions of the export-meeting console pages: which message for which outcome, how a
 * scheduler run reads (refresh or not, quality against its bound), an engine reason in words of
 * the page's language, where a form goes back to. No Nest, no database: unit-tested beside.
 */

export const MEETINGS_PAGE = '/console/meetings';

const enc = encodeURIComponent;
export const consoleUrls = {
  editions: (): string => MEETINGS_PAGE,
  overview: (e: string): string => `${MEETINGS_PAGE}/${enc(e)}`,
  grid: (e: string): string => `${MEETINGS_PAGE}/${enc(e)}/grid`,
  sheets: (e: string): string => `${MEETINGS_PAGE}/${enc(e)}/tables`,
  sheet: (e: string, table: string): string => `${MEETINGS_PAGE}/${enc(e)}/tables/${enc(table)}`,
  csv: (e: string): string => `${MEETINGS_PAGE}/${enc(e)}/schedule.csv`,
  participants: (e: string): string => `${MEETINGS_PAGE}/${enc(e)}/participants`,
  participant: (e: string, id: string): string => `${MEETINGS_PAGE}/${enc(e)}/participants/${enc(id)}`,
  requests: (e: string): string => `${MEETINGS_PAGE}/${enc(e)}/requests`,
  request: (e: string, id: string, action: string): string => `${MEETINGS_PAGE}/${enc(e)}/requests/${enc(id)}/${action}`,
  runs: (e: string): string => `${MEETINGS_PAGE}/${enc(e)}/runs`,
  run: (e: string, id: string): string => `${MEETINGS_PAGE}/${enc(e)}/runs/${enc(id)}`,
  meeting: (e: string, id: string, action: string): string => `${MEETINGS_PAGE}/${enc(e)}/grid/meetings/${enc(id)}/${action}`,
  schedule: (e: string, action: string): string => `${MEETINGS_PAGE}/${enc(e)}/grid/${action}`,
};

// ---------------------------------------------------------------- times

export interface SlotRef {
  id: string;
  start: string;
  end: string;
}

/** A slot as people read it: 2027년 7월 8일 (목) 오전 10:00–10:30. */
export function slotLabel(slot: SlotRef, lang: Lang): string {
  return displayTimeRange(slot.start, slot.end, lang, undefined, { year: false });
}

/** A slot's time alone (the day is shown above it): 오전 10:00–10:30. */
export function slotTimeOnly(slot: SlotRef, lang: Lang): string {
  return `${displayTime(slot.start, lang)}–${displayTime(slot.end, lang)}`;
}

// ---------------------------------------------------------------- flashes

/** What a form post answered: a ?flash= name and its numbers, read back on the page after the redirect. */
export interface Outcome {
  flash: string;
  count?: number;
  notified?: number;
  rule?: string;
}

const SUCCESS = ['added', 'imported', 'availability', 'accepted', 'declined', 'locked', 'unlocked', 'moved', 'swapped', 'cancelled', 'frozen', 'unfrozen', 'published', 'unpublished'] as const;
const FAILURE = ['frozen', 'rule', 'notAnswerable', 'notLockable', 'nothingToPublish', 'notFound', 'invalid', 'conflict'] as const;

export function withOutcome(url: string, o: Outcome): string {
  const params = new URLSearchParams({ flash: o.flash });
  if (o.count !== undefined) params.set('n', String(o.count));
  if (o.notified !== undefined) params.set('notified', String(o.notified));
  if (o.rule !== undefined) params.set('rule', o.rule);
  return `${url}${url.includes('?') ? '&' : '?'}${params.toString()}`;
}

const RULE_CODES = [
  'participant-unavailable', 'participant-double-booked', 'max-meetings', 'unknown-table', 'wrong-table', 'table-double-booked',
  'interpreter-missing', 'interpreter-language', 'interpreter-unavailable', 'interpreter-double-booked',
] as const;

/** A rule code in the page's words; codes it does not know read as "another rule". */
export function ruleWords(code: string | undefined, t: MeetingsT): string {
  return (RULE_CODES as readonly string[]).includes(code ?? '') ? t(`rule_${code!.replace(/-/g, '_')}` as MeetingsMessage) : t('rule_other');
}

/**
 * A refusal of a service in the page's terms (a ?flash=err-… name). Errors that are not a
 * refusal the organizer can act on are rethrown by the caller (undefined here).
 */
export function refusalOutcome(error: unknown): Outcome | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const details = error.details as { frozen?: boolean; violations?: Array<{ code?: string }>; requestStatus?: string };
  if (details.frozen) return { flash: 'err-frozen' };
  if (details.violations && details.violations.length > 0) return { flash: 'err-rule', rule: details.violations[0].code };
  if (error.code === ErrorCode.NotFound) return { flash: 'err-notFound' };
  if (error.code === ErrorCode.ValidationFailed) return { flash: 'err-invalid' };
  if (error.code === ErrorCode.IllegalTransition) return { flash: details.requestStatus ? 'err-notAnswerable' : 'err-notLockable' };
  if (error.code === ErrorCode.Conflict) return { flash: /no schedule to publish/.test(error.message) ? 'err-nothingToPublish' : 'err-conflict' };
  // Anything else (forbidden, rate limits, internal errors) is not the form's fault: the error page shows it.
  return undefined;
}

/** The flash a page shows for its query (?flash=&n=&notified=&rule=), or none for an unknown name. */
export function flashOf(query: { flash?: string; n?: string; notified?: string; rule?: string }, t: MeetingsT): { ok: boolean; text: string } | undefined {
  const name = query.flash ?? '';
  const num = (v: string | undefined): number => (v && /^\d{1,7}$/.test(v) ? Number(v) : 0);
  if (name.startsWith('err-')) {
    const key = name.slice(4);
    if (!(FAILURE as readonly string[]).includes(key)) return undefined;
    if (key === 'rule') return { ok: false, text: t('err_rule', { rule: ruleWords(query.rule, t) }) };
    return { ok: false, text: t(`err_${key}` as MeetingsMessage) };
  }
  if (!(SUCCESS as readonly string[]).includes(name)) return undefined;
  if (name === 'published' && num(query.n) === 0) return { ok: true, text: t('flash_publishedNone') };
  const text = t(`flash_${name}` as MeetingsMessage, { count: num(query.n), notified: num(query.notified) });
  const notified = num(query.notified);
  return { ok: true, text: notified > 0 && name !== 'published' ? `${text} ${t('flash_notified', { notified })}` : text };
}

// ---------------------------------------------------------------- scheduler runs

export interface RunSnapshot {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: Record<string, unknown> | null;
  stats: Record<string, unknown> | null;
  unscheduled: Array<{ request: string; reason: string }> | null;
}

export interface RunView {
  /** While queued or running the page reloads itself. */
  refresh: boolean;
  phase?: string;
  weight?: number;
  bound?: number;
  /** Weight against the bound, in whole percent (done runs). */
  ratio?: number;
  meetings?: number;
  seconds?: number;
  unscheduledCount: number;
  /** The fairness mode of a done run, and who could have met but has no meeting (of how many could). */
  fairness?: 'weight' | 'strict';
  leftWithout?: number;
  couldMeet?: number;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** How a run reads: progress while it runs, its quality next to its bound when done. */
export function runView(run: RunSnapshot): RunView {
  const refresh = run.status === 'queued' || run.status === 'running';
  const p = run.progress ?? {};
  const s = run.stats ?? {};
  const weight = run.status === 'done' ? (num(s.weight) ?? num(p.weight)) : num(p.weight);
  // the best bound the engine knows (the LP's where it solved one), else the simple one
  const bound = run.status === 'done' ? (num(s.bound) ?? num(s.simpleBound) ?? num(p.bound)) : num(p.bound);
  const ratio = run.status === 'done' && weight !== undefined && bound !== undefined ? (bound === 0 ? 100 : Math.round((weight / bound) * 1000) / 10) : undefined;
  const ms = num(s.milliseconds);
  return {
    refresh,
    phase: typeof p.phase === 'string' ? p.phase : undefined,
    weight,
    bound,
    ratio,
    meetings: num(s.meetings),
    seconds: ms === undefined ? undefined : Math.round(ms / 100) / 10,
    unscheduledCount: run.unscheduled?.length ?? 0,
    fairness: s.fairness === 'strict' || s.fairness === 'weight' ? s.fairness : undefined,
    leftWithout: num(s.leftWithout),
    couldMeet: num(s.couldMeet),
  };
}

const PHASES = ['construct', 'improve', 'fairness', 'finish'];

export function phaseWords(phase: string | undefined, t: MeetingsT): string | undefined {
  return phase && PHASES.includes(phase) ? t(`phase_${phase}` as MeetingsMessage) : undefined;
}

/**
 * The engine's reason (English, with company names in place of ids) in the page's words. The
 * engine's sentences are few and fixed (scheduler/reasons.ts); one it does not know reads as a
 * general "a rule kept it out" rather than English on a Korean page.
 */
export function reasonWords(reason: string, t: MeetingsT, lang: Lang, slots: ReadonlyArray<SlotRef>): string {
  const side = (s: string): string => t(s === 'buyer' ? 'side_buyer' : 'side_exhibitor');
  const who = (s: string, name: string): string => `${side(s)} ${name}`;
  const P = '(buyer|exhibitor) (.+?)';
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^${P} is unavailable in every slot$`).exec(reason))) return t('reason_unavailableAll', { who: who(m[1], m[2]) });
  if ((m = new RegExp(`^${P} is away in every slot ${P} is available$`).exec(reason))) return t('reason_awayWhenOther', { who: who(m[1], m[2]), other: who(m[3], m[4]) });
  if ((m = /^no interpreter speaks (\S+)$/.exec(reason))) return t('reason_noInterpreterLang', { lang: m[1] });
  if ((m = /^no interpreter for (\S+) is available in any slot both are available$/.exec(reason))) return t('reason_noInterpreterFree', { lang: m[1] });
  if ((m = new RegExp(`^${P} takes no meetings \\(maximum 0\\)$`).exec(reason))) return t('reason_noMeetings', { who: who(m[1], m[2]) });
  if ((m = new RegExp(`^${P} reached its maximum of (\\d+) meetings$`).exec(reason))) return t('reason_max', { who: who(m[1], m[2]), max: m[3] });
  if ((m = new RegExp(`^${P} and ${P} are busy or away in every slot$`).exec(reason))) return t('reason_bothBusy', { who: who(m[1], m[2]), other: who(m[3], m[4]) });
  if ((m = new RegExp(`^${P} is busy or away in every slot ${P} is free$`).exec(reason))) return t('reason_busyWhenOther', { who: who(m[1], m[2]), other: who(m[3], m[4]) });
  if ((m = /^left out by the search; it still fits in slot (\S+)$/.exec(reason))) {
    const slot = slots.find((s) => s.id === m![1]);
    return t('reason_leftOut', { slot: slot ? slotLabel(slot, lang) : m[1] });
  }
  if (/^(in every slot both are free, |.* in any slot both are free$)/.test(reason)) return t('reason_blocked');
  if (/^locked at /.test(reason)) return t('reason_locked');
  return t('reason_other');
}

// ---------------------------------------------------------------- forms

/** "vi, en ; de" → ['vi', 'en', 'de']: what people type into a list field. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,;]+/).map((v) => v.trim().toLowerCase()).filter((v) => v.length > 0);
}

/** A form value that may come once (a string) or several times (an array), as checkboxes do. */
export function manyOf(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The field errors of a refused form, keyed by field; a field's own words come from the catalogue. */
export function fieldErrors(error: DomainError, t: MeetingsT, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error.details.errors ?? []) {
    const field = fields.includes(e.field) ? e.field : fields.find((f) => e.field.startsWith(`${f}.`) || e.field.startsWith(`${f}[`));
    if (field) out[field] = t(`err_${field}` as MeetingsMessage);
  }
  if (error.code === ErrorCode.Conflict && fields.includes('email')) out.email = t('err_emailTaken');
  return out;
}

export interface ImportProblem {
  line: number;
  field: string | null;
  text: string;
}

const CSV_FIELD_MESSAGE: Record<string, MeetingsMessage> = {
  company: 'err_companyName',
  country: 'err_country',
  contact_name: 'err_contactName',
  email: 'err_email',
  languages: 'err_languages',
  interests: 'err_interests',
  purchase_plans: 'err_purchasePlans',
  alternate_company: 'err_alternateCompanyName',
  identifier_kind: 'err_identifierKind',
  identifier: 'err_identifier',
};

/**
 * The import's refusal as one problem per line and column ("line 3.email"), sorted by line. The
 * English page keeps the parser's precise words; the Korean page says what the column needs.
 */
export function importProblems(error: DomainError, t: MeetingsT, lang: Lang): ImportProblem[] {
  const problems: ImportProblem[] = [];
  for (const e of error.details.errors ?? []) {
    const m = /^line (\d+)(?:\.(.+))?$/.exec(e.field);
    if (!m) continue;
    const line = Number(m[1]);
    const field = m[2] ?? null;
    for (const message of e.messages) {
      let text = message;
      if (lang === 'ko') {
        if (field === 'email' && /already/.test(message)) text = t('err_emailDuplicate');
        else if (line === 1 && (field === null || /column|header/.test(message))) text = t('err_header');
        else if (field && CSV_FIELD_MESSAGE[field]) text = t(CSV_FIELD_MESSAGE[field]);
        else text = t('err_lineFormat');
      }
      problems.push({ line, field, text });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}
