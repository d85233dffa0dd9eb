import { displayDateRange, displayLocalTime, displayTimeRange } from '../../core/time/display';
import { translator, type Lang } from '../../core/web/i18n';
import type { HallSalesRow } from '../exhibitors/exhibitors-directory';
import type { EditionListRow } from '../fairs/fairs-directory';
import type { OpeningHoursRow, ProgrammeSessionRow } from '../fairs/programme-directory';
import { SITE_MESSAGES, type SiteT } from './site.messages';

export interface FrontDoorData {
  /** Public editions (no drafts), by first day. */
  editions: EditionListRow[];
  today: string;
}

export interface EditionPageData {
  edition: EditionListRow;
  halls: HallSalesRow[];
  sessions: ProgrammeSessionRow[];
  openingHours: OpeningHoursRow[];
}

export interface EditionCard {
  code: string;
  name: string;
  dates: string;
  status: string;
  href: string;
}

export interface FrontDoorView {
  title: string;
  intro: string;
  empty?: string;
  series: Array<{ code: string; name: string; description: string; current?: EditionCard & { heading: string }; past: EditionCard[] }>;
  pastTitle: string;
}

export interface RoleCard {
  id: 'visitors' | 'buyers' | 'exhibitors';
  title: string;
  text: string;
  link?: { href: string; label: string };
  /** Why there is no link now. */
  reason?: string;
}

export interface EditionPageView {
  title: string;
  description: string;
  facts: Array<{ label: string; value: string }>;
  hallsTitle: string;
  halls: string[];
  hallsNone: string;
  hoursTitle: string;
  hours: string[];
  programmeTitle: string;
  programme: Array<{ title: string; when: string; room: string; speakers: string }>;
  programmeMore?: string;
  rolesTitle: string;
  roles: RoleCard[];
  backHome: { href: string; label: string };
}

const HIGHLIGHTS = 6;

export const editionPath = (code: string): string => `/fairs/${encodeURIComponent(code)}`;
export const editionName = (e: Pick<EditionListRow, 'year' | 'seriesKo' | 'seriesEn'>, lang: Lang): string => `${e.year} ${lang === 'ko' ? e.seriesKo : e.seriesEn}`;

function statusWord(t: SiteT, status: EditionListRow['status']): string {
  switch (status) {
    case 'registration_open':
      return t('status_registration_open');
    case 'registration_closed':
      return t('status_registration_closed');
    case 'finished':
      return t('status_finished');
    case 'published':
    case 'draft':
      return t('status_published');
  }
}

function card(e: EditionListRow, t: SiteT, lang: Lang): EditionCard {
  return { code: e.code, name: editionName(e, lang), dates: displayDateRange(e.startsOn, e.endsOn, lang), status: statusWord(t, e.status), href: editionPath(e.code) };
}

/** The front door: each fair (series) with its current (running or next) edition, else its last one, and the past ones. */
export function frontDoorView(data: FrontDoorData, lang: Lang): FrontDoorView {
  const t = translator(SITE_MESSAGES, lang);
  const bySeries = new Map<string, EditionListRow[]>();
  for (const e of data.editions) bySeries.set(e.seriesCode, [...(bySeries.get(e.seriesCode) ?? []), e]);
  const series = [...bySeries.values()].map((editions) => {
    const first = editions[0];
    const coming = editions.filter((e) => e.endsOn >= data.today).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    const past = editions.filter((e) => e.endsOn < data.today).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
    const current = coming[0] ?? past[0];
    return {
      code: first.seriesCode,
      name: lang === 'ko' ? first.seriesKo : first.seriesEn,
      description: lang === 'ko' ? first.descriptionKo : first.descriptionEn,
      current: current && { ...card(current, t, lang), heading: coming[0] ? t('currentEdition') : t('lastEdition') },
      past: past.filter((e) => e !== current).map((e) => card(e, t, lang)),
      startsOn: current?.startsOn ?? '',
    };
  });
  // The fair coming soonest first; fairs with only past editions after them.
  series.sort((a, b) => {
    const aNext = a.current?.heading === t('currentEdition');
    const bNext = b.current?.heading === t('currentEdition');
    if (aNext !== bNext) return aNext ? -1 : 1;
    return a.startsOn.localeCompare(b.startsOn) || a.name.localeCompare(b.name);
  });
  return {
    title: t('homeTitle'),
    intro: t('homeIntro'),
    empty: series.length === 0 ? t('noFairs') : undefined,
    series: series.map(({ startsOn: _s, ...s }) => s),
    pastTitle: t('pastEditions'),
  };
}

/** What visitors, buyers and exhibitors can do in the edition's state: a link while registration is open, else why not. */
export function roleCards(edition: Pick<EditionListRow, 'code' | 'status'>, t: SiteT): RoleCard[] {
  const path = editionPath(edition.code);
  const open = edition.status === 'registration_open';
  const reason = (who: RoleCard['id']): string | undefined => {
    switch (edition.status) {
      case 'registration_open':
        return undefined;
      case 'published':
      case 'draft':
        return t('notYetOpen');
      case 'registration_closed':
        return who === 'visitors' ? t('closedForVisitors') : t('registrationClosed');
      case 'finished':
        return t('finished');
    }
  };
  return [
    { id: 'visitors', title: t('visitors'), text: t('visitorsText'), link: open ? { href: `${path}/visit`, label: t('visitorsLink') } : undefined, reason: reason('visitors') },
    { id: 'buyers', title: t('buyers'), text: t('buyersText'), link: open ? { href: `${path}/buyers`, label: t('buyersLink') } : undefined, reason: reason('buyers') },
    {
      id: 'exhibitors', title: t('exhibitors'), text: t('exhibitorsText'),
      link: open ? { href: `/exhibitor/fairs/${encodeURIComponent(edition.code)}`, label: t('exhibitorsLink') } : undefined, reason: reason('exhibitors'),
    },
  ];
}

export function editionPageView(data: EditionPageData, lang: Lang): EditionPageView {
  const t = translator(SITE_MESSAGES, lang);
  const e = data.edition;
  const name = (ko: string, en: string): string => (lang === 'ko' ? ko : en);
  const hours = [...data.openingHours]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map((h) => `${displayDateRange(h.day, h.day, lang, { year: false })} ${displayLocalTime(h.opensAt, lang)}–${displayLocalTime(h.closesAt, lang)}`);
  return {
    title: editionName(e, lang),
    description: name(e.descriptionKo, e.descriptionEn),
    facts: [
      { label: t('dates'), value: displayDateRange(e.startsOn, e.endsOn, lang) },
      { label: t('venue'), value: name(e.venueKo, e.venueEn) },
      { label: t('status'), value: statusWord(t, e.status) },
    ],
    hallsTitle: t('halls'),
    halls: data.halls.map((h) => name(h.hallKo, h.hallEn)),
    hallsNone: t('hallsNone'),
    hoursTitle: t('openingHours'),
    hours,
    programmeTitle: t('programme'),
    programme: data.sessions.slice(0, HIGHLIGHTS).map((s) => ({
      title: name(s.titleKo, s.titleEn),
      when: displayTimeRange(s.startsAt, s.endsAt, lang),
      room: name(s.roomKo, s.roomEn),
      speakers: s.speakers.join(', '),
    })),
    programmeMore: data.sessions.length > HIGHLIGHTS ? t('programmeMore', { n: data.sessions.length - HIGHLIGHTS }) : undefined,
    rolesTitle: t('whatYouCanDo'),
    roles: roleCards(e, t),
    backHome: { href: `/?lang=${lang}`, label: t('backHome') },
  };
}
