import { displayDate, displayTime } from '../../../core/time/display';
import { translator, type Lang } from '../../../core/web/i18n';
import { countryName } from '../../meetings/domain/world-names';
import type { CheckInDesk, CheckInState, CheckInVisitor, WalkInErrors, WalkInField, WalkInValues } from '../check-in.service';
import { CHECKIN_MESSAGES, type CheckInKey } from './checkin.messages';

export const CHECKIN_PAGE = '/console/checkin';
export const CHECKIN_SCRIPT = `${CHECKIN_PAGE}/checkin.js`;

/** What the POST did, carried by its redirect (?outcome=) so the page after it can say so. */
export const OUTCOMES = ['checkedIn', 'already', 'walkIn', 'walkInBefore'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const isOutcome = (v: unknown): v is Outcome => typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v);

export const deskHref = (code: string, params: { badge?: string; day?: string; outcome?: Outcome; lang?: Lang } = {}): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `${CHECKIN_PAGE}/${encodeURIComponent(code)}${s ? `?${s}` : ''}`;
};
export const countsCsvHref = (code: string): string => `${CHECKIN_PAGE}/${encodeURIComponent(code)}/counts.csv`;
/** The badge print page of the badges' area (issue 16). */
export const badgePrintHref = (code: string, attendeeId: string): string => `/console/attendees/${encodeURIComponent(code)}/${encodeURIComponent(attendeeId)}/badge`;

const KIND_WORDS: Record<Lang, Record<string, string>> = {
  ko: { trade_visitor: '참관객', buyer: '바이어', press: '언론' },
  en: { trade_visitor: 'Trade visitor', buyer: 'Buyer', press: 'Press' },
};
export const kindWord = (kind: string, lang: Lang): string => KIND_WORDS[lang][kind] ?? kind;

export interface VisitorCard {
  name: string;
  kind: string;
  company: string;
  country: string;
  days: string;
  badgeCode: string;
}

export interface ResultView {
  tone: 'ok' | 'warn' | 'error' | 'info';
  message: string;
  note?: string;
  card?: VisitorCard;
  /** The one-tap check-in (a POST) when the visitor may come in. */
  checkInBadge?: string;
  printHref?: string;
}

export interface WalkInView {
  values: WalkInValues;
  errors: WalkInErrors;
  /** Field errors as messages, for the summary on top of the form (with links to the fields). */
  summary: Array<{ field: string; label: string; message: string }>;
  formError?: string;
}

export interface DeskView {
  title: string;
  editionName: string;
  dayLine: string;
  dayGiven: boolean;
  notFairDay?: string;
  count: string;
  result?: ResultView;
  walkIn: WalkInView;
  badgeValue: string;
  day?: string;
  perDay: Array<{ label: string; count: number }>;
  links: { csv: string; dashboard: string; today: string; editions: string };
}

export const EMPTY_WALK_IN = (lang: Lang): WalkInValues => ({
  name: '', email: '', company: '', country: '', kind: 'trade_visitor', language: lang, consentMessages: false, consentShareContact: false,
});

function card(v: CheckInVisitor, lang: Lang): VisitorCard {
  const t = translator(CHECKIN_MESSAGES, lang);
  return {
    name: v.name,
    kind: kindWord(v.kind, lang),
    company: v.company ?? t('none'),
    country: `${countryName(v.country, lang)} (${v.country})`,
    days: v.days.map((d) => displayDate(d, lang, { year: false })).join(', '),
    badgeCode: v.badgeCode,
  };
}

/** The result box: what the code means today, in words, after a lookup or a tap. */
export function resultView(code: string, day: string, state: CheckInState, outcome: Outcome | undefined, lang: Lang): ResultView {
  const t = translator(CHECKIN_MESSAGES, lang);
  const dayText = displayDate(day, lang, { year: false });
  const c = state.visitor ? card(state.visitor, lang) : undefined;
  switch (state.kind) {
    case 'refused': {
      const message = state.reason === 'wrongDay' ? t('wrongDay', { day: dayText, days: c?.days ?? '' }) : t(state.reason, { day: dayText });
      return { tone: 'error', message, card: c };
    }
    case 'admit':
      return { tone: 'info', message: t('ready'), card: c, checkInBadge: state.visitor.badgeCode };
    case 'checkedIn':
    case 'already': {
      const time = displayTime(state.at, lang);
      const print = { printHref: badgePrintHref(code, state.visitor.id) };
      if (outcome === 'walkIn' || outcome === 'walkInBefore') {
        return { tone: 'ok', message: t('walkedIn', { name: state.visitor.name, time }), note: outcome === 'walkInBefore' ? t('registeredBefore') : undefined, card: c, ...print };
      }
      if (state.kind === 'checkedIn' || outcome === 'checkedIn') return { tone: 'ok', message: t('checkedIn', { name: state.visitor.name, time }), card: c, ...print };
      return { tone: 'warn', message: t('already', { time }), card: c, ...print };
    }
  }
}

const FIELD_LABEL: Record<WalkInField, CheckInKey> = { name: 'name', email: 'email', company: 'company', country: 'country', kind: 'kind', language: 'language' };

/** The desk page: the day, its count, the result of the last lookup or tap, the walk-in form. */
export function deskView(desk: CheckInDesk, lang: Lang, extra: { outcome?: Outcome; walkIn?: { values: WalkInValues; errors: WalkInErrors } } = {}): DeskView {
  const t = translator(CHECKIN_MESSAGES, lang);
  const name = lang === 'ko' ? desk.edition.nameKo : desk.edition.nameEn;
  const fairDay = desk.edition.days.includes(desk.day);
  const ofDay = desk.counts.perDay.find((d) => d.day === desk.day)?.count ?? 0;
  const walkIn = extra.walkIn ?? { values: EMPTY_WALK_IN(lang), errors: {} };
  const result = desk.state ? resultView(desk.edition.code, desk.day, desk.state, extra.outcome, lang) : undefined;
  const formError = walkIn.errors.form === 'closed' ? t('closed') : walkIn.errors.form === 'notFairDay' ? t('notFairDayForm') : undefined;
  return {
    title: t('title', { edition: name }),
    editionName: name,
    dayLine: t('dayLine', { day: displayDate(desk.day, lang) }),
    dayGiven: desk.dayGiven,
    notFairDay: fairDay ? undefined : desk.dayGiven ? t('notFairDay', { day: displayDate(desk.day, lang, { year: false }) }) : t('notFairDayToday', { today: displayDate(desk.today, lang) }),
    count: t('todayCount', { n: ofDay }),
    result,
    walkIn: {
      ...walkIn,
      summary: (Object.keys(FIELD_LABEL) as WalkInField[]).flatMap((f) => {
        const p = walkIn.errors[f];
        return p ? [{ field: f, label: t(FIELD_LABEL[f]), message: t(p) }] : [];
      }),
      formError,
    },
    badgeValue: desk.state?.kind === 'refused' && desk.badge ? desk.badge : '',
    day: desk.dayGiven ? desk.day : undefined,
    perDay: desk.counts.perDay.map((d) => ({ label: displayDate(d.day, lang, { year: false }), count: d.count })),
    links: {
      csv: countsCsvHref(desk.edition.code),
      dashboard: `/console?edition=${encodeURIComponent(desk.edition.code)}`,
      today: deskHref(desk.edition.code),
      editions: CHECKIN_PAGE,
    },
  };
}
