import { staffMayAct, type StaffGrant } from '../../core/auth/staff-access';
import type { BarChart } from '../../core/web/bar-chart';
import { CONSOLE_SECTIONS } from '../../core/web/console-frame';
import { displayClock, displayDate, displayDateRange } from '../../core/time/display';
import { translator, type Lang } from '../../core/web/i18n';
import type { AttendeeKindCountRow, CheckInCountRow, VisitorsPerDayRow } from '../attendees/attendees-directory';
import { aggregateCheckIns } from '../attendees/domain/check-in';
import { countryName } from '../meetings/domain/world-names';
import type { HallSalesRow, StatusCountRow } from '../exhibitors/exhibitors-directory';
import type { EditionListRow } from '../fairs/fairs-directory';
import type { MeetingStatusCountRow } from '../meetings/meetings-directory';
import {
  APPLICATION_STATUS_ORDER, APPLICATION_STATUS_WORDS, ATTENDEE_KIND_ORDER, ATTENDEE_KIND_WORDS, EDITION_STATUS_WORDS, REQUEST_STATUS_ORDER, REQUEST_STATUS_WORDS,
} from './console-words';
import { DASHBOARD_MESSAGES } from './dashboard.messages';

/** What the dashboard service gathers: the editions, the one shown and its figures. */
export interface DashboardData {
  editions: EditionListRow[];
  /** Today at the venue (YYYY-MM-DD). */
  today: string;
  failedMails: number;
  edition?: EditionListRow;
  figures?: {
    applications: StatusCountRow[];
    halls: HallSalesRow[];
    visitorsPerDay: VisitorsPerDayRow[];
    attendeeKinds: AttendeeKindCountRow[];
    requests: MeetingStatusCountRow[];
    meetings: MeetingStatusCountRow[];
    /** Entrance check-ins grouped by day, hour, kind and country (AttendeesDirectory.checkInCounts). */
    checkIns?: CheckInCountRow[];
  };
}

/** One number on the dashboard and the page that shows what it counts. */
export interface Figure {
  label: string;
  value: number;
  /** The value as written (e.g. "12 / 40"), when not just the number. */
  text?: string;
  /** The section page that shows it; empty when the member may not open that section (then no link). */
  href: string;
}

/**
 * The panels without links into sections the member's team roles refuse for this edition (a
 * reviewer's dashboard shows the meetings figures, but not as a link to a page that answers 403).
 */
export function withoutRefusedLinks(panels: Panel[], access: { orgAdmin: boolean; grants: readonly StaffGrant[] }, editionId: string): Panel[] {
  const allowed = (href: string): string => {
    const section = [...CONSOLE_SECTIONS].filter((s) => s.href !== '/console' && (href === s.href || href.startsWith(`${s.href}/`) || href.startsWith(`${s.href}?`)))
      .sort((a, b) => b.href.length - a.href.length)[0];
    if (!section) return href;
    return staffMayAct(access, section.roles, section.target ?? { edition: editionId }) ? href : '';
  };
  const figure = (f: Figure): Figure => ({ ...f, href: allowed(f.href) });
  return panels.map((p) => ({ ...p, total: p.total && figure(p.total), rows: p.rows.map(figure), extra: p.extra?.map(figure) }));
}


export interface Panel {
  id: string;
  title: string;
  total?: Figure;
  chart?: BarChart;
  /** The figures as a table: its column heads and rows. */
  columns: [string, string];
  rows: Figure[];
  /** More figures under the table (e.g. meetings scheduled). */
  extra?: Figure[];
  /** Said instead of the chart and table when there is nothing to count. */
  empty?: string;
  hint?: string;
}

export interface DashboardView {
  title: string;
  editionsTitle: string;
  editionsHint: string;
  /** The link at the top to the list of editions (under the figures). */
  otherEditions: string;
  editions: Array<{ code: string; name: string; dates: string; status: string; href: string; current: boolean }>;
  noEditions?: string;
  edition?: { code: string; name: string; dates: string; status: string };
  panels: Panel[];
  /** The edition runs today: the page refreshes itself (a small same-origin script) and says so. */
  live?: string;
}

export const DASHBOARD_PAGE = '/console';
export const dashboardHref = (code: string): string => `${DASHBOARD_PAGE}?edition=${encodeURIComponent(code)}`;

/** The edition the dashboard shows by default: the running or next public one, else the running or next draft, else the latest. */
export function pickEdition(editions: readonly EditionListRow[], today: string): EditionListRow | undefined {
  const coming = editions.filter((e) => e.endsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.code.localeCompare(b.code));
  return coming.find((e) => e.status !== 'draft') ?? coming[0] ?? [...editions].sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0];
}

export const editionLabel = (e: Pick<EditionListRow, 'year' | 'seriesKo' | 'seriesEn'>, lang: Lang): string => `${e.year} ${lang === 'ko' ? e.seriesKo : e.seriesEn}`;

const countOf = (rows: ReadonlyArray<{ status?: string; kind?: string; count: number }>, key: string): number =>
  rows.find((r) => (r.status ?? r.kind) === key)?.count ?? 0;

/** The days from `from` to `to` (YYYY-MM-DD, inclusive). */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && days.length < 60; t += 86400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

function query(path: string, params: Record<string, string>): string {
  const search = new URLSearchParams(params).toString();
  return search ? `${path}?${search}` : path;
}

/** The dashboard as the page shows it: words in the user's language, every number with its link. */
export function dashboardView(data: DashboardData, lang: Lang): DashboardView {
  const t = translator(DASHBOARD_MESSAGES, lang);
  const editionStatus = translator(EDITION_STATUS_WORDS, lang);
  const current = data.edition;
  // The coming editions first (soonest first), then the past ones (latest first).
  const coming = data.editions.filter((e) => e.endsOn >= data.today).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.code.localeCompare(b.code));
  const past = data.editions.filter((e) => e.endsOn < data.today).sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.code.localeCompare(b.code));
  const editions = [...coming, ...past].map((e) => ({
    code: e.code,
    name: editionLabel(e, lang),
    dates: displayDateRange(e.startsOn, e.endsOn, lang, { weekday: false }),
    status: editionStatus(e.status),
    href: dashboardHref(e.code),
    current: e.code === current?.code,
  }));
  const base = {
    editionsTitle: t('editions'),
    editionsHint: t('editionsHint'),
    otherEditions: t('otherEditions'),
    editions,
    noEditions: editions.length === 0 ? t('noEditions') : undefined,
  };
  const mailPanel: Panel = {
    id: 'mail',
    title: t('mail'),
    total: { label: t('failedMails'), value: data.failedMails, href: query('/console/mail', { status: 'failed' }) },
    columns: [t('status'), t('count')],
    rows: [],
    hint: data.failedMails > 0 ? t('failedMailsHint') : t('noFailedMails'),
  };
  if (!current || !data.figures) return { ...base, title: t('title'), panels: [mailPanel] };

  const f = data.figures;
  const edition = current.code;
  const name = editionLabel(current, lang);

  const appWord = translator(APPLICATION_STATUS_WORDS, lang);
  const appRows: Figure[] = APPLICATION_STATUS_ORDER.map((s) => ({
    label: appWord(s), value: countOf(f.applications, s), href: query('/console/applications', { edition, status: s }),
  }));
  const appTotal = f.applications.reduce((sum, r) => sum + r.count, 0);
  const applications: Panel = {
    id: 'applications',
    title: t('applications'),
    total: { label: t('applicationsTotal'), value: appTotal, href: query('/console/applications', { edition }) },
    chart: { id: 'chart-applications', title: t('applicationsChart'), bars: appRows },
    columns: [t('status'), t('count')],
    rows: appRows,
  };

  const hallRows = f.halls.map((h) => ({
    label: lang === 'ko' ? h.hallKo : h.hallEn,
    value: h.unitsTaken,
    max: h.unitsCapacity,
    text: t('unitsOf', { taken: h.unitsTaken, capacity: h.unitsCapacity }),
    href: query('/console/booths', { edition }),
  }));
  const booths: Panel = {
    id: 'booths',
    title: t('booths'),
    chart: hallRows.length > 0 ? { id: 'chart-booths', title: t('boothsChart'), bars: hallRows } : undefined,
    columns: [t('hall'), `${t('sold')} / ${t('capacity')}`],
    rows: hallRows,
    empty: hallRows.length === 0 ? t('boothsNone') : undefined,
  };

  const days = [...new Set([...daysBetween(current.startsOn, current.endsOn), ...f.visitorsPerDay.map((v) => v.day)])].sort();
  const attendees = (params: Record<string, string> = {}): string => query('/console/attendees', { edition, ...params });
  const visitorRows: Figure[] = days.map((day) => ({
    label: displayDate(day, lang, { year: false }),
    value: f.visitorsPerDay.find((v) => v.day === day)?.count ?? 0,
    href: attendees(),
  }));
  const kindWord = translator(ATTENDEE_KIND_WORDS, lang);
  const anyVisitors = f.attendeeKinds.some((k) => k.count > 0);
  const visitors: Panel = {
    id: 'visitors',
    title: t('visitors'),
    chart: { id: 'chart-visitors', title: t('visitorsChart'), bars: visitorRows },
    columns: [t('day'), t('count')],
    rows: visitorRows,
    extra: ATTENDEE_KIND_ORDER.map((k) => ({ label: kindWord(k), value: countOf(f.attendeeKinds, k), href: attendees() })),
    hint: anyVisitors ? undefined : t('visitorsNone'),
  };

  const reqWord = translator(REQUEST_STATUS_WORDS, lang);
  // The meetings console's own addresses: its requests list (filtered by status) and its grid.
  const meetingsBase = `/console/meetings/${encodeURIComponent(edition)}`;
  const requestsHref = (params: Record<string, string> = {}): string => query(`${meetingsBase}/requests`, params);
  const requestRows: Figure[] = REQUEST_STATUS_ORDER.map((s) => ({ label: reqWord(s), value: countOf(f.requests, s), href: requestsHref({ status: s }) }));
  const scheduled = countOf(f.meetings, 'scheduled') + countOf(f.meetings, 'published');
  const meetings: Panel = {
    id: 'meetings',
    title: t('meetings'),
    total: { label: t('requestsTotal'), value: f.requests.reduce((sum, r) => sum + r.count, 0), href: requestsHref() },
    chart: { id: 'chart-requests', title: t('requestsChart'), bars: requestRows },
    columns: [t('status'), t('count')],
    rows: requestRows,
    extra: [
      { label: t('scheduled'), value: scheduled, href: `${meetingsBase}/grid` },
      { label: t('published'), value: countOf(f.meetings, 'published'), href: `${meetingsBase}/grid` },
    ],
  };

  return {
    ...base,
    title: t('titleOf', { edition: name }),
    edition: { code: edition, name, dates: displayDateRange(current.startsOn, current.endsOn, lang), status: editionStatus(current.status) },
    panels: [applications, booths, visitors, ...checkInPanels(current, f.checkIns ?? [], data.today, lang), meetings, mailPanel],
    live: current.startsOn <= data.today && data.today <= current.endsOn ? t('checkInsLive') : undefined,
  };
}

/** Countries shown one by one; the rest are summed as "other". */
const TOP_COUNTRIES = 8;

/**
 * The entrance's figures: visitors checked in per day, per hour (today while the fair runs, else
 * the last day anyone came), by kind and by country — each a chart and its table, every number
 * linking to the check-in desk.
 */
export function checkInPanels(current: EditionListRow, rows: readonly CheckInCountRow[], today: string, lang: Lang): Panel[] {
  const t = translator(DASHBOARD_MESSAGES, lang);
  const desk = `/console/checkin/${encodeURIComponent(current.code)}`;
  const counts = aggregateCheckIns(rows, daysBetween(current.startsOn, current.endsOn));
  const dayRows: Figure[] = counts.perDay.map((d) => ({ label: displayDate(d.day, lang, { year: false }), value: d.count, href: desk }));
  const perDay: Panel = {
    id: 'checkins-day',
    title: t('checkInsDay'),
    total: { label: t('checkInsTotal'), value: counts.total, href: desk },
    chart: { id: 'chart-checkins-day', title: t('checkInsDayChart'), bars: dayRows },
    columns: [t('day'), t('count')],
    rows: dayRows,
    hint: counts.total === 0 ? t('checkInsNone') : undefined,
  };
  if (counts.total === 0) return [perDay];
  const withCheckIns = counts.perDay.filter((d) => d.count > 0).map((d) => d.day);
  const hourDay = counts.perDay.some((d) => d.day === today) ? today : withCheckIns[withCheckIns.length - 1];
  const hoursOfDay = counts.perHour.filter((h) => h.day === hourDay);
  const hourRows: Figure[] = [];
  if (hoursOfDay.length > 0) {
    const first = hoursOfDay[0].hour;
    const last = hoursOfDay[hoursOfDay.length - 1].hour;
    for (let h = first; h <= last; h++) {
      hourRows.push({ label: `${displayClock(h * 60, lang)}–${displayClock(h * 60 + 59, lang)}`, value: hoursOfDay.find((x) => x.hour === h)?.count ?? 0, href: desk });
    }
  }
  const dayText = displayDate(hourDay, lang, { year: false });
  const perHour: Panel = {
    id: 'checkins-hour',
    title: t('checkInsHour', { day: dayText }),
    chart: hourRows.length > 0 ? { id: 'chart-checkins-hour', title: t('checkInsHourChart', { day: dayText }), bars: hourRows } : undefined,
    columns: [t('hour'), t('count')],
    rows: hourRows,
    empty: hourRows.length === 0 ? t('checkInsNone') : undefined,
  };
  const kindWord = translator(ATTENDEE_KIND_WORDS, lang);
  const kindRows: Figure[] = ATTENDEE_KIND_ORDER.map((k) => ({ label: kindWord(k), value: counts.byKind.find((x) => x.kind === k)?.count ?? 0, href: desk }));
  const byKind: Panel = {
    id: 'checkins-kind',
    title: t('checkInsKind'),
    chart: { id: 'chart-checkins-kind', title: t('checkInsKind'), bars: kindRows },
    columns: [t('kind'), t('count')],
    rows: kindRows,
  };
  const top = counts.byCountry.slice(0, TOP_COUNTRIES);
  const rest = counts.byCountry.slice(TOP_COUNTRIES).reduce((sum, c) => sum + c.count, 0);
  const countryRows: Figure[] = [
    ...top.map((c) => ({ label: countryName(c.country, lang), value: c.count, href: desk })),
    ...(rest > 0 ? [{ label: t('otherCountries'), value: rest, href: desk }] : []),
  ];
  const byCountry: Panel = {
    id: 'checkins-country',
    title: t('checkInsCountry'),
    chart: { id: 'chart-checkins-country', title: t('checkInsCountry'), bars: countryRows },
    columns: [t('country'), t('count')],
    rows: countryRows,
  };
  return [perDay, perHour, byKind, byCountry];
}
