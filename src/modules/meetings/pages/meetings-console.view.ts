import { loggedInHeader, longDate } from '../../../core/web/console-parts';
import { html, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { renderPage } from '../../../core/web/layout';
import type { MeetingResponse } from '../dto/meetings.dto';
import type { MeetingsT } from './messages';

/*
 * Pure rendering of the export-meeting pages: data in, HTML out, everything escaped by the html
 * template. A meeting's state (draft, published, locked) shows as colour, border AND words, so
 * neither colour vision nor sight is needed to tell them apart, and a printout keeps them.
 */

export const MEETINGS_PAGE = '/console/meetings';
const VENUE_PAGE = '/console/venue';

export interface MeetingsPageContext {
  lang: Lang;
  t: MeetingsT;
  langHref: (lang: Lang) => string;
  user?: { displayName: string; csrf: string };
}

/** A meeting as the pages show it: names instead of ids, the buyer's country. */
export interface ConsoleMeeting {
  id: string;
  slot: string;
  table: string;
  buyer: string;
  buyerCountry: string;
  exhibitor: string;
  /** The interpreter's name, or null when none is needed. */
  interpreter: string | null;
  status: string;
  locked: boolean;
  weight: number;
}

export interface MeetingsPageModel {
  edition: { code: string; nameKo: string; nameEn: string };
  /** In order; start/end are local ISO times with +09:00. */
  slots: Array<{ id: string; start: string; end: string }>;
  tables: string[];
  meetings: ConsoleMeeting[];
}

export const gridUrl = (edition: string): string => `${MEETINGS_PAGE}/${encodeURIComponent(edition)}`;
export const sheetUrl = (edition: string, table: string): string => `${gridUrl(edition)}/tables/${encodeURIComponent(table)}`;
export const allSheetsUrl = (edition: string): string => `${gridUrl(edition)}/tables`;
export const csvUrl = (edition: string): string => `/api/editions/${encodeURIComponent(edition)}/meetings/schedule.csv`;

/**
 * Joins the schedule with the names people know: the interpreter's name for its id and the
 * buyer's country (the schedule carries company names only).
 */
export function toConsoleMeetings(
  schedule: MeetingResponse[],
  interpreters: ReadonlyArray<{ id: string; name: string }>,
  buyerCountryOf: (meetingId: string) => string | undefined,
): ConsoleMeeting[] {
  const names = new Map(interpreters.map((i) => [i.id, i.name]));
  return schedule
    .filter((m) => m.status !== 'cancelled')
    .map((m) => ({
      id: m.id,
      slot: m.slot,
      table: m.table,
      buyer: m.buyer,
      buyerCountry: buyerCountryOf(m.id) ?? '',
      exhibitor: m.exhibitor,
      interpreter: m.interpreter === null ? null : (names.get(m.interpreter) ?? m.interpreter),
      status: m.status,
      locked: m.locked,
      weight: m.weight,
    }));
}

// ---------------------------------------------------------------- small helpers

const editionName = (m: MeetingsPageModel, lang: Lang): string => (lang === 'ko' ? m.edition.nameKo : m.edition.nameEn);
const hhmm = (iso: string): string => iso.slice(11, 16);
const dayOf = (iso: string): string => iso.slice(0, 10);
const slotTime = (s: { start: string; end: string }): string => `${hhmm(s.start)}–${hhmm(s.end)}`;


/** Slots grouped by local day, keeping their order. */
function byDay<S extends { start: string }>(slots: S[]): Array<{ day: string; slots: S[] }> {
  const days: Array<{ day: string; slots: S[] }> = [];
  for (const s of slots) {
    const last = days.at(-1);
    if (last && last.day === dayOf(s.start)) last.slots.push(s);
    else days.push({ day: dayOf(s.start), slots: [s] });
  }
  return days;
}

const cellKey = (slot: string, table: string): string => `${slot}\u0000${table}`;

function meetingsByCell(meetings: ConsoleMeeting[]): Map<string, ConsoleMeeting[]> {
  const cells = new Map<string, ConsoleMeeting[]>();
  for (const m of meetings) {
    const key = cellKey(m.slot, m.table);
    cells.set(key, [...(cells.get(key) ?? []), m]);
  }
  return cells;
}

/** The state words of a meeting, e.g. "(published) (locked)": always in text, not only colour. */
function marks(t: MeetingsT, m: ConsoleMeeting): SafeHtml {
  const state = m.status === 'published' ? 'published' : 'draft';
  return html`<span class="mg-mark mg-${state}-mark">(${t(state)})</span>${m.locked && html` <span class="mg-mark mg-locked-mark">(${t('locked')})</span>`}`;
}

function stateClasses(m: ConsoleMeeting): string {
  return `${m.status === 'published' ? 'mg-published' : 'mg-draft'}${m.locked ? ' mg-locked' : ''}`;
}

function header(ctx: MeetingsPageContext): SafeHtml | undefined {
  return loggedInHeader(ctx.user, { loggedInAs: ctx.user ? ctx.t('loggedInAs', { name: ctx.user.displayName }) : '', logout: ctx.t('logout') });
}

/*
 * The layout's stylesheet is shared and lives in core/web; these pages add theirs in the body
 * (a constant, inserted raw like the layout's). Mobile-first: only the grid is wider than 360 px,
 * and it scrolls in its own box. The print rules drop navigation and print black on white.
 */
const STYLES = `
.mg-nav{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:0 0 1rem;padding:0;list-style:none}
.mg-summary{font-weight:600}
.mg-links{display:flex;flex-wrap:wrap;gap:.4rem .9rem;list-style:none;padding:0;margin:.25rem 0 1rem}
table.grid.mg-grid td{min-width:9rem;max-width:14rem;overflow-wrap:anywhere}
.mg-grid th[scope=col]{white-space:nowrap}
.mg-grid th[scope=row]{min-width:6.5rem}
.mg-grid th.mg-day{background:#eef2f6;text-align:left;position:static}
.mg-grid td.mg-free{color:#667085}
.mg-draft{background:#fff;border:2px dashed #475467 !important}
.mg-published{background:#dcfae6;border:2px solid #067647 !important}
.mg-locked{box-shadow:inset 5px 0 0 #6941c6}
.mg-mark{font-size:.75rem;font-weight:700;white-space:nowrap}
.mg-locked-mark{color:#53389e}
.mg-who{display:block;font-weight:600}
.mg-interp{display:block;font-size:.8rem}
ul.mg-cell{list-style:none;margin:0;padding:0}
.legend .swatch.mg-locked{background:#fff;border:1px solid #e3e3e3}
.mg-hint{padding:.5rem .8rem;border:1px solid #ddd;border-radius:6px;background:#f7f7f8}
.sheet{margin-bottom:2rem}
.sheet-code{font-size:2.6rem;line-height:1.1;margin:.5rem 0}
table.sheet-table{border-collapse:collapse;width:100%;font-size:1rem}
.sheet-table th,.sheet-table td{border:1px solid #98a2b3;padding:.4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.sheet-table thead th{background:#f2f4f7}
.sheet-table th[scope=row]{white-space:nowrap;font-variant-numeric:tabular-nums}
.sheet-table th.mg-day{background:#eef2f6}
.sheet-table tr.mg-free td{color:#475467}
@media print{
  .top,.skip,.mg-nav,.mg-hint,.no-print{display:none !important}
  *{color:#000 !important;background:#fff !important;box-shadow:none !important}
  body{font-size:11pt}
  main{padding:0;max-width:none}
  a{text-decoration:none}
  .sheet-table th,.sheet-table td{border:1px solid #000 !important}
  .sheet-table tr,.mg-grid tr{page-break-inside:avoid;break-inside:avoid}
  .sheet-table thead{display:table-header-group}
  .sheets .sheet{page-break-after:always;break-after:page}
  .sheets .sheet:last-child{page-break-after:auto;break-after:auto}
  .scroll{overflow:visible !important;border:0 !important}
  .mg-draft{border:2px dashed #000 !important}
  .mg-published{border:2px solid #000 !important}
}
`;

function nav(ctx: MeetingsPageContext, edition: string, onGrid: boolean): SafeHtml {
  const { t } = ctx;
  return html`<nav aria-label="${t('pagesNav')}"><ul class="mg-nav">
<li><a href="${VENUE_PAGE}">${t('backToVenue')}</a></li>
${!onGrid && html`<li><a href="${gridUrl(edition)}">${t('backToGrid')}</a></li>`}
</ul></nav>`;
}

function legend(t: MeetingsT): SafeHtml {
  return html`<ul class="legend" aria-label="${t('legend')}">
<li><span class="swatch free-swatch" aria-hidden="true"></span>${t('free')}</li>
<li><span class="swatch mg-draft" aria-hidden="true"></span>(${t('draft')})</li>
<li><span class="swatch mg-published" aria-hidden="true"></span>(${t('published')})</li>
<li><span class="swatch mg-locked" aria-hidden="true"></span>(${t('locked')})</li>
</ul>`;
}

// ---------------------------------------------------------------- the grid

export function renderGridPage(ctx: MeetingsPageContext, m: MeetingsPageModel): string {
  const { t } = ctx;
  const edition = m.edition.code;
  const title = t('gridTitle', { edition: editionName(m, ctx.lang) });
  const slotIds = new Set(m.slots.map((s) => s.id));
  const tableSet = new Set(m.tables);
  const onGrid = m.meetings.filter((x) => slotIds.has(x.slot) && tableSet.has(x.table));
  const offGrid = m.meetings.filter((x) => !slotIds.has(x.slot) || !tableSet.has(x.table));
  const published = m.meetings.filter((x) => x.status === 'published').length;
  const summary = t('summary', {
    meetings: m.meetings.length,
    published,
    drafts: m.meetings.length - published,
    weight: m.meetings.reduce((sum, x) => sum + x.weight, 0),
    tables: m.tables.length,
    slots: m.slots.length,
  });
  const body = html`${nav(ctx, edition, true)}
<h1>${title}</h1>
<p class="mg-summary" id="mg-summary">${summary}</p>
<ul class="mg-links">
<li><a href="${csvUrl(edition)}" download>${t('csvExport')}</a></li>
<li><a href="${allSheetsUrl(edition)}">${t('allSheets')}</a></li>
</ul>
${legend(t)}
${m.slots.length === 0 ? html`<p>${t('noSlots')}</p>` : m.tables.length === 0 ? html`<p>${t('noTables')}</p>` : grid(ctx, m, onGrid)}
${offGrid.length > 0 && offGridList(ctx, m, offGrid)}
<section aria-labelledby="sheets-title">
<h2 id="sheets-title">${t('sheetsTitle')}</h2>
<p>${t('sheetsIntro')}</p>
<ul class="mg-links">${m.tables.map((code) => html`<li><a href="${sheetUrl(edition, code)}">${t('tableHeading')} ${code}</a></li>`)}
<li><a href="${allSheetsUrl(edition)}">${t('allSheets')}</a></li></ul>
</section>`;
  return renderPage({ lang: ctx.lang, title, langHref: ctx.langHref, headerExtra: header(ctx), body, extraStyles: STYLES });
}

function grid(ctx: MeetingsPageContext, m: MeetingsPageModel, meetings: ConsoleMeeting[]): SafeHtml {
  const { t, lang } = ctx;
  const cells = meetingsByCell(meetings);
  const columns = m.tables.length + 1;
  const groups = byDay(m.slots).map(
    (d) => html`<tbody>
<tr><th scope="rowgroup" colspan="${columns}" class="mg-day">${longDate(d.day, lang)}</th></tr>
${d.slots.map((s) => html`<tr><th scope="row">${slotTime(s)}</th>${m.tables.map((table) => gridCell(t, cells.get(cellKey(s.id, table)) ?? []))}</tr>`)}
</tbody>`,
  );
  return html`<div class="scroll" role="region" aria-labelledby="mg-caption" tabindex="0">
<table class="grid mg-grid">
<caption id="mg-caption">${t('gridCaption', { edition: editionName(m, ctx.lang) })}</caption>
<thead><tr><th scope="col">${t('timeColumn')}</th>${m.tables.map((code) => html`<th scope="col"><a href="${sheetUrl(m.edition.code, code)}">${code}</a></th>`)}</tr></thead>
${groups}
</table>
</div>`;
}

function meetingText(t: MeetingsT, x: ConsoleMeeting): SafeHtml {
  return html`<span class="mg-who">${x.buyer} ${t('versus')} ${x.exhibitor}</span>
<span class="mg-interp">${x.interpreter === null ? t('noInterpreter') : t('interpreterShort', { name: x.interpreter })}</span>
${marks(t, x)}`;
}

function gridCell(t: MeetingsT, here: ConsoleMeeting[]): SafeHtml {
  if (here.length === 0) return html`<td class="mg-free">${t('free')}</td>`;
  // One meeting per table and slot is the rule; should two ever share a cell, both stay visible.
  if (here.length === 1) return html`<td class="${stateClasses(here[0])}">${meetingText(t, here[0])}</td>`;
  return html`<td><ul class="mg-cell">${here.map((x) => html`<li class="${stateClasses(x)}">${meetingText(t, x)}</li>`)}</ul></td>`;
}

function offGridList(ctx: MeetingsPageContext, m: MeetingsPageModel, meetings: ConsoleMeeting[]): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="off-grid-title">
<h2 id="off-grid-title">${t('offGrid')}</h2>
<ul>${meetings.map((x) => html`<li>${x.slot} · ${t('tableHeading')} ${x.table}: ${meetingText(t, x)}</li>`)}</ul>
</section>`;
}

// ---------------------------------------------------------------- sheets per table

/** One table's sheet, or every table's (`tables` names which), for printing. */
export function renderSheetsPage(ctx: MeetingsPageContext, m: MeetingsPageModel, tables: string[], all: boolean): string {
  const { t } = ctx;
  const title = all ? t('allSheetsTitle', { edition: editionName(m, ctx.lang) }) : t('sheetTitle', { edition: editionName(m, ctx.lang), table: tables[0] ?? '' });
  const cells = meetingsByCell(m.meetings);
  const sheets = tables.map((table) => sheet(ctx, m, table, cells, all));
  const body = html`${nav(ctx, m.edition.code, false)}
<p class="mg-hint" role="note">${t('printHint')}</p>
${all && html`<h1>${title}</h1>`}
${m.slots.length === 0 && html`<p>${t('noSlots')}</p>`}
<div class="sheets">${sheets}</div>`;
  return renderPage({ lang: ctx.lang, title, langHref: ctx.langHref, headerExtra: header(ctx), body, extraStyles: STYLES });
}

function sheet(ctx: MeetingsPageContext, m: MeetingsPageModel, table: string, cells: Map<string, ConsoleMeeting[]>, all: boolean): SafeHtml {
  const { t, lang } = ctx;
  const id = `sheet-${table.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  // On the single sheet the table code is the page's h1; on the all-tables page each is an h2.
  const heading = all
    ? html`<h2 class="sheet-code" id="${id}-title">${t('tableHeading')} ${table}</h2>`
    : html`<h1 class="sheet-code" id="${id}-title">${t('tableHeading')} ${table}</h1>`;
  const groups = byDay(m.slots).map(
    (d) => html`<tbody>
<tr><th scope="rowgroup" colspan="4" class="mg-day">${longDate(d.day, lang)}</th></tr>
${d.slots.map((s) => sheetRow(t, s, cells.get(cellKey(s.id, table)) ?? []))}
</tbody>`,
  );
  return html`<section class="sheet" id="${id}" aria-labelledby="${id}-title">
${heading}
<p>${editionName(m, ctx.lang)}</p>
<table class="sheet-table">
<caption class="sr-only">${t('sheetCaption', { table })}</caption>
<thead><tr><th scope="col">${t('timeColumn')}</th><th scope="col">${t('buyerColumn')}</th><th scope="col">${t('exhibitorColumn')}</th><th scope="col">${t('interpreterColumn')}</th></tr></thead>
${groups}
</table>
</section>`;
}

function sheetRow(t: MeetingsT, s: { start: string; end: string }, here: ConsoleMeeting[]): SafeHtml | SafeHtml[] {
  if (here.length === 0) {
    return html`<tr class="mg-free"><th scope="row">${slotTime(s)}</th><td>—<span class="sr-only"> ${t('freeSlot')}</span></td><td>—</td><td>—</td></tr>`;
  }
  return here.map(
    (x) => html`<tr class="${stateClasses(x)}"><th scope="row">${slotTime(s)}<br>${marks(t, x)}</th>
<td>${x.buyer}${x.buyerCountry && html` (${x.buyerCountry})`}</td><td>${x.exhibitor}</td><td>${x.interpreter ?? '—'}</td></tr>`,
  );
}
