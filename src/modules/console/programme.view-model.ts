import { displayDate, displayDateRange, displayTimeRange } from '../../core/time/display';
import { DEFAULT_TIME_ZONE, toLocal } from '../../core/time/zoned-time';
import { translator, type Lang } from '../../core/web/i18n';
import type { EditionListRow } from '../fairs/fairs-directory';
import type { ProgrammePageData } from './console-programme.service';
import { EDITION_STATUS_WORDS } from './console-words';
import { editionLabel } from './dashboard.view-model';
import { PROGRAMME_MESSAGES } from './programme.messages';
import { SESSION_FIELDS, type SessionErrors, type SessionField, type SessionValues } from './programme.forms';

export const PROGRAMME_PAGE = '/console/programme';
export const programmeHref = (code: string): string => `${PROGRAMME_PAGE}/${encodeURIComponent(code)}`;

export interface ProgrammeListView {
  title: string;
  intro: string;
  editionsTitle: string;
  empty?: string;
  editions: Array<{ name: string; dates: string; status: string; href: string }>;
}

export interface ProgrammeFormView {
  action: string;
  title: string;
  intro: string;
  values: SessionValues;
  /** Each field's label and, when refused, its message. */
  fields: Record<SessionField, { label: string; error?: string; hint?: string }>;
  /** The summary on top, with links to the fields in error. */
  summary?: { text: string; links: Array<{ href: string; label: string }> };
  rooms: Array<{ value: string; label: string }>;
  days: Array<{ value: string; label: string }>;
  button: string;
}

export interface ProgrammePageView {
  title: string;
  back: { href: string; label: string };
  dates: string;
  status: string;
  empty?: string;
  days: Array<{ id: string; heading: string; count: string; sessions: Array<{ title: string; when: string; room: string; speakers?: string; seats: string }>; empty?: string }>;
  flash?: string;
  form: ProgrammeFormView;
}

export function programmeListView(editions: EditionListRow[], lang: Lang): ProgrammeListView {
  const t = translator(PROGRAMME_MESSAGES, lang);
  const status = translator(EDITION_STATUS_WORDS, lang);
  return {
    title: t('title'),
    intro: t('intro'),
    editionsTitle: t('editions'),
    empty: editions.length === 0 ? t('noEditions') : undefined,
    editions: [...editions]
      .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.code.localeCompare(b.code))
      .map((e) => ({ name: editionLabel(e, lang), dates: displayDateRange(e.startsOn, e.endsOn, lang), status: status(e.status), href: programmeHref(e.code) })),
  };
}

export function programmePageView(
  data: ProgrammePageData,
  state: { values: SessionValues; errors: SessionErrors; added?: boolean },
  lang: Lang,
): ProgrammePageView {
  const t = translator(PROGRAMME_MESSAGES, lang);
  const status = translator(EDITION_STATUS_WORDS, lang);
  const e = data.edition;
  const name = (ko: string, en: string): string => (lang === 'ko' ? ko : en);
  const dayOf = (at: Date): string => toLocal(new Date(at), DEFAULT_TIME_ZONE).date;
  // Every day of the edition once there is a session (a day without one says so); nothing but a sentence before.
  const sessionDays = data.sessions.length === 0 ? [] : [...new Set([...data.days, ...data.sessions.map((s) => dayOf(s.startsAt))])].sort();
  const days = sessionDays.map((day) => {
    const sessions = data.sessions.filter((s) => dayOf(s.startsAt) === day);
    return {
      id: `day-${day}`,
      heading: displayDate(day, lang),
      count: t('sessionsCount', { n: sessions.length }),
      sessions: sessions.map((s) => ({
        title: name(s.titleKo, s.titleEn),
        when: displayTimeRange(s.startsAt, s.endsAt, lang, DEFAULT_TIME_ZONE, { year: false }),
        room: name(s.roomKo, s.roomEn),
        speakers: s.speakers.length > 0 ? s.speakers.join(', ') : undefined,
        seats: t('seats', { n: s.capacity }),
      })),
      empty: sessions.length === 0 ? t('noSessionsThisDay') : undefined,
    };
  });
  const labels: Record<SessionField, string> = {
    titleKo: t('titleKo'), titleEn: t('titleEn'), speakers: t('speakersField'), room: t('roomField'), day: t('dayField'), start: t('start'), end: t('end'), capacity: t('capacity'),
  };
  const fields = Object.fromEntries(
    SESSION_FIELDS.map((f) => {
      const problem = state.errors[f];
      const taken = state.errors.taken ? (lang === 'ko' ? state.errors.taken.ko : state.errors.taken.en) : '';
      return [f, { label: labels[f], error: problem ? t(problem, { taken }) : undefined, hint: f === 'speakers' ? t('speakersHint') : f === 'capacity' ? t('capacityHint') : undefined }];
    }),
  ) as ProgrammeFormView['fields'];
  const wrong = SESSION_FIELDS.filter((f) => state.errors[f]);
  const summary =
    wrong.length > 0 || state.errors.form
      ? { text: state.errors.form ? t('refused') : t('formErrors'), links: wrong.map((f) => ({ href: `#f-${f}`, label: `${labels[f]}: ${fields[f].error ?? ''}` })) }
      : undefined;
  return {
    title: t('titleOf', { edition: editionLabel(e, lang) }),
    back: { href: PROGRAMME_PAGE, label: t('backToList') },
    dates: displayDateRange(e.startsOn, e.endsOn, lang),
    status: status(e.status),
    empty: data.sessions.length === 0 ? t('noSessions') : undefined,
    days,
    flash: state.added ? t('added') : undefined,
    form: {
      action: `${programmeHref(e.code)}/sessions`,
      title: t('addTitle'),
      intro: t('addIntro'),
      values: state.values,
      fields,
      summary,
      rooms: data.rooms.map((r) => ({ value: r.code, label: t('roomOption', { room: name(r.nameKo, r.nameEn), seats: r.seats }) })),
      days: data.days.map((d) => ({ value: d, label: displayDate(d, lang) })),
      button: t('addButton'),
    },
  };
}
