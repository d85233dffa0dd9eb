import { displayDate, displayDateRange, displayDateTime } from '../../../core/time/display';
import { renderConsolePage } from '../../../core/web/console-frame';
import { CSRF_FIELD } from '../../../core/web/csrf';
import { html, raw, type SafeHtml } from '../../../core/web/html';
import { translator, type Lang } from '../../../core/web/i18n';
import type { MeetingResponse } from '../dto/meetings.dto';
import type { GridDay } from '../meeting-day.service';
import { consoleUrls, MEETINGS_PAGE, slotLabel, slotTimeOnly } from './meetings-console.view-model';
import type { MeetingsMessage, MeetingsT } from './messages';
import { RESULTS_MESSAGES } from './results-report.messages';
import { resultsUrls } from './results-report.view';

/*
 * Pure rendering of the export-meeting pages: data in, HTML out, everything escaped by the html
 * template. A meeting's state (draft, published, locked) shows as colour, border AND words, so
 * neither colour vision nor sight is needed to tell them apart, and a printout keeps them.
 */

export { MEETINGS_PAGE };

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
  /** The fair day (grid): outcomes, participants' cancellations, pending move requests, the overview per table. */
  day?: GridDay;
  /** Each table's host link and its QR code (sheets). */
  hostLinks?: Record<string, { path: string; url: string; qrSvg: string }>;
}

export const gridUrl = consoleUrls.grid;
export const sheetUrl = consoleUrls.sheet;
export const allSheetsUrl = consoleUrls.sheets;
export const csvUrl = consoleUrls.csv;

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

export const editionName = (m: { edition: { nameKo: string; nameEn: string } }, lang: Lang): string => (lang === 'ko' ? m.edition.nameKo : m.edition.nameEn);
const dayOf = (iso: string): string => iso.slice(0, 10);
const longDate = (day: string, lang: Lang): string => displayDate(day, lang);


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

/** A page of the section in the console frame, with the section's own stylesheet. */
export function consolePage(ctx: MeetingsPageContext, title: string, body: SafeHtml): string {
  return renderConsolePage(ctx, { title, section: 'meetings', body, extraStyles: STYLES });
}

export const csrfField = (ctx: MeetingsPageContext): SafeHtml => html`<input type="hidden" name="${CSRF_FIELD}" value="${ctx.user?.csrf ?? ''}">`;

/** The flash of the last form post, if any, as a notice (an error in the error colour). */
export function flashNotice(flash: { ok: boolean; text: string } | undefined): SafeHtml | string {
  return flash ? html`<p class="notice ${flash.ok ? 'ok' : 'bad'}" role="${flash.ok ? 'status' : 'alert'}" id="flash">${flash.text}</p>` : '';
}

export type SubPage = 'overview' | 'participants' | 'requests' | 'run' | 'grid' | 'sheets';

const SUB_PAGES: ReadonlyArray<{ page: SubPage; key: MeetingsMessage; href: (e: string) => string }> = [
  { page: 'overview', key: 'navOverview', href: consoleUrls.overview },
  { page: 'participants', key: 'navParticipants', href: consoleUrls.participants },
  { page: 'requests', key: 'navRequests', href: consoleUrls.requests },
  { page: 'run', key: 'navRun', href: consoleUrls.runs },
  { page: 'grid', key: 'navGrid', href: consoleUrls.grid },
  { page: 'sheets', key: 'navSheets', href: consoleUrls.sheets },
];

/** The edition's sub-pages, the current one marked. */
export function subNav(ctx: MeetingsPageContext, edition: string, current: SubPage | undefined): SafeHtml {
  const { t } = ctx;
  return html`<nav aria-label="${t('subPages')}" class="no-print"><ul class="mg-nav">
<li><a href="${MEETINGS_PAGE}">${t('allEditions')}</a></li>
${SUB_PAGES.map((p) => html`<li><a href="${p.href(edition)}"${p.page === current ? html` aria-current="page" class="mg-current"` : ''}>${t(p.key)}</a></li>`)}
</ul></nav>`;
}

/*
 * The layout's stylesheet is shared and lives in core/web; these pages add theirs in the body
 * (a constant, inserted raw like the layout's). Mobile-first: only the grid is wider than 360 px,
 * and it scrolls in its own box. The print rules drop navigation and print black on white.
 */
const STYLES = `
.mg-nav{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:0 0 1rem;padding:0;list-style:none}
.mg-nav a.mg-current{font-weight:700;text-decoration:none;border-bottom:3px solid #0b57d0}
.mg-cards{list-style:none;padding:0;margin:0}
.mg-cards>li{border:1px solid #ddd;border-radius:6px;padding:.6rem;margin-bottom:.6rem;overflow-wrap:anywhere}
.mg-cards h3{font-size:1rem;margin:0 0 .25rem}
.mg-meta{color:#444;font-size:.9rem;margin:.1rem 0}
.mg-badge{display:inline-block;font-size:.8rem;font-weight:700;padding:0 .4rem;border-radius:4px;border:1px solid #98a2b3;white-space:nowrap;word-break:keep-all}
.mg-badge.ok{border-color:#067647;color:#05603a;background:#ecfdf3}
.mg-badge.bad{border-color:#b42318;color:#912018;background:#fef3f2}
.mg-badge.wait{border-color:#b54708;color:#7a2e0e;background:#fffaeb}
.mg-section{border-top:1px solid #ddd;margin-top:1.5rem;padding-top:.25rem}
.mg-checks{display:flex;flex-wrap:wrap;gap:.25rem 1rem;border:0;padding:0;margin:0 0 .9rem}
.mg-checks label{font-weight:400;display:flex;gap:.35rem;align-items:center}
.mg-checks input{width:auto;min-height:auto}
fieldset{border:1px solid #ddd;border-radius:6px;margin:0 0 .9rem;padding:.5rem .75rem;min-width:0}
textarea{font:inherit;width:100%;max-width:40rem;min-height:8rem;padding:.4rem;border:1px solid #888;border-radius:4px}
details.mg-act{margin-top:.4rem}
details.mg-act summary{cursor:pointer;color:#0b57d0}
details.mg-act form{margin:.4rem 0}
.mg-inline{display:flex;flex-wrap:wrap;gap:.4rem;align-items:flex-end}
.mg-inline .field{margin:0;flex:1 1 10rem}
.mg-wrap{overflow-wrap:anywhere}
.mg-cards,.mg-summary,.mg-meta,.notice{word-break:keep-all;overflow-wrap:anywhere}
button[disabled]{opacity:.5;cursor:not-allowed}
.mg-problems{color:#b42318}
.mg-problems li{margin-bottom:.2rem}
.mg-progress{font-size:1.1rem;font-weight:600}
progress{width:100%;max-width:30rem;height:1.2rem}
.mg-summary{font-weight:600}
.mg-links{display:flex;flex-wrap:wrap;gap:.4rem .9rem;list-style:none;padding:0;margin:.25rem 0 1rem}
table.grid.mg-grid td{min-width:9rem;max-width:14rem;overflow-wrap:anywhere;word-break:keep-all}
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
.mg-host{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-start;margin:.5rem 0 1rem}
.mg-qr{width:8rem;flex:none}
.mg-qr svg{width:100%;height:auto;display:block}
.mg-host>div:last-child{flex:1 1 12rem;min-width:0}
.mg-host-url{font-size:.85rem}
.mg-day-table td{text-align:right;font-variant-numeric:tabular-nums}
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
  return subNav(ctx, edition, onGrid ? 'grid' : 'sheets');
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

export function renderGridPage(ctx: MeetingsPageContext, m: MeetingsPageModel & { frozen?: boolean }, flash?: { ok: boolean; text: string }): string {
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
${flashNotice(flash)}
<p class="mg-summary" id="mg-summary">${summary}</p>
${scheduleToolbar(ctx, edition, m.frozen ?? false, published < m.meetings.length, published > 0)}
<ul class="mg-links">
<li><a href="${csvUrl(edition)}" download>${t('csvExport')}</a></li>
<li><a href="${allSheetsUrl(edition)}">${t('allSheets')}</a></li>
</ul>
${daySection(ctx, m)}
${legend(t)}
${m.slots.length === 0 ? html`<p>${t('noSlots')}</p>` : m.tables.length === 0 ? html`<p>${t('noTables')}</p>` : grid(ctx, m, onGrid)}
${offGrid.length > 0 && offGridList(ctx, m, offGrid)}
${meetingActions(ctx, m)}
<section aria-labelledby="sheets-title">
<h2 id="sheets-title">${t('sheetsTitle')}</h2>
<p>${t('sheetsIntro')}</p>
<ul class="mg-links">${m.tables.map((code) => html`<li><a href="${sheetUrl(edition, code)}">${t('tableHeading')} ${code}</a></li>`)}
<li><a href="${allSheetsUrl(edition)}">${t('allSheets')}</a></li></ul>
</section>`;
  return consolePage(ctx, title, body);
}

function grid(ctx: MeetingsPageContext, m: MeetingsPageModel, meetings: ConsoleMeeting[]): SafeHtml {
  const { t, lang } = ctx;
  const cells = meetingsByCell(meetings);
  const columns = m.tables.length + 1;
  const groups = byDay(m.slots).map(
    (d) => html`<tbody>
<tr><th scope="rowgroup" colspan="${columns}" class="mg-day">${longDate(d.day, lang)}</th></tr>
${d.slots.map((s) => html`<tr><th scope="row">${slotTimeOnly(s, lang)}</th>${m.tables.map((table) => gridCell(t, cells.get(cellKey(s.id, table)) ?? [], m.day))}</tr>`)}
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

function meetingText(t: MeetingsT, x: ConsoleMeeting, day?: GridDay): SafeHtml {
  return html`<span class="mg-who">${x.buyer} ${t('versus')} ${x.exhibitor}</span>
<span class="mg-interp">${x.interpreter === null ? t('noInterpreter') : t('interpreterShort', { name: x.interpreter })}</span>
${marks(t, x)}${dayMarks(t, x.id, day)}`;
}

/** The day's marks of a meeting: its outcome as a badge, and a pending move request. */
function dayMarks(t: MeetingsT, id: string, day?: GridDay): SafeHtml | string {
  const outcome = day?.outcomes[id];
  const move = day?.moveRequests.some((r) => r.meetingId === id);
  if (!outcome && !move) return '';
  return html`${outcome && html` <span class="mg-badge ${outcome === 'held' ? 'ok' : 'bad'} mg-outcome" data-outcome="${outcome}">${t(`outcome_${outcome}` as MeetingsMessage)}</span>`}${
    move && html` <span class="mg-badge wait mg-move">${t('moveRequested')}</span>`}`;
}

function gridCell(t: MeetingsT, here: ConsoleMeeting[], day?: GridDay): SafeHtml {
  if (here.length === 0) return html`<td class="mg-free">${t('free')}</td>`;
  // One meeting per table and slot is the rule; should two ever share a cell, both stay visible.
  if (here.length === 1) return html`<td class="${stateClasses(here[0])}">${meetingText(t, here[0], day)}</td>`;
  return html`<td><ul class="mg-cell">${here.map((x) => html`<li class="${stateClasses(x)}">${meetingText(t, x, day)}</li>`)}</ul></td>`;
}

const sideWord = (t: MeetingsT, side: 'buyer' | 'exhibitor'): string => t(side === 'buyer' ? 'sideBuyerWord' : 'sideExhibitorWord');

/** The fair day: results per table (with each table's record page), participants' cancellations, move requests. */
function daySection(ctx: MeetingsPageContext, m: MeetingsPageModel): SafeHtml | string {
  const day = m.day;
  if (!day) return '';
  const { t, lang } = ctx;
  const row = (r: { held: number; noShow: number; cancelled: number; notRecorded: number }): SafeHtml =>
    html`<td>${r.held}</td><td>${r.noShow}</td><td>${r.cancelled}</td><td>${r.notRecorded}</td>`;
  const tables = day.overview.map(({ day: d, rows }) => {
    const total = rows.reduce((a, r) => ({ held: a.held + r.held, noShow: a.noShow + r.noShow, cancelled: a.cancelled + r.cancelled, notRecorded: a.notRecorded + r.notRecorded }), { held: 0, noShow: 0, cancelled: 0, notRecorded: 0 });
    return html`<div class="scroll" role="region" aria-labelledby="day-caption-${d}" tabindex="0"><table class="grid mg-day-table" id="day-overview-${d}">
<caption id="day-caption-${d}">${t('dayCaption')} · ${longDate(d, lang)}</caption>
<thead><tr><th scope="col">${t('tableHeading')}</th><th scope="col">${t('dayHeld')}</th><th scope="col">${t('dayNoShow')}</th><th scope="col">${t('dayCancelled')}</th><th scope="col">${t('dayNotRecorded')}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr data-table="${r.table}"><th scope="row"><a href="${sheetUrl(m.edition.code, r.table)}/day?day=${d}">${r.table}</a></th>${row(r)}</tr>`)}</tbody>
<tfoot><tr data-table="total"><th scope="row">${t('dayTotal')}</th>${row(total)}</tr></tfoot>
</table></div>`;
  });
  return html`<section aria-labelledby="day-title" id="day">
<h2 id="day-title">${t('dayTitle')}</h2>
<p>${t('dayIntro')}</p>
${tables.length === 0 ? html`<p>${t('dayNone')}</p>` : tables}
<h3 id="moves-title">${t('moveRequestsTitle')}</h3>
${day.moveRequests.length === 0 ? html`<p>${t('moveRequestsNone')}</p>` : html`<p class="hint">${t('moveHandleHint')}</p><ul class="mg-cards" id="move-requests">${day.moveRequests.map((r) => {
    const x = m.meetings.find((y) => y.id === r.meetingId);
    return html`<li><p><strong>${x ? html`${slotName(m, x.slot, lang)} · ${t('tableHeading')} ${x.table} · ${x.buyer} ${t('versus')} ${x.exhibitor}` : r.meetingId}</strong></p>
<p class="mg-meta">${t('moveRequestedBy', { company: r.by.name, side: sideWord(t, r.side), at: displayDateTime(r.at, lang) })}</p>
${r.note && html`<p class="mg-meta">${t('moveNote', { note: r.note })}</p>`}
${x && html`<p><a href="#meeting-${x.id}">${t('move')} · ${t('swap')}</a></p>`}</li>`;
  })}</ul>`}
<h3 id="cancellations-title">${t('cancellationsTitle')}</h3>
${day.cancellations.length === 0 ? html`<p>${t('cancellationsNone')}</p>` : html`<ul class="mg-cards" id="cancellations">${day.cancellations.map(
    (c) => html`<li><p><strong>${displayDateTime(c.start, lang)} · ${t('tableHeading')} ${c.table} · ${c.buyer} ${t('versus')} ${c.exhibitor}</strong> <span class="mg-badge bad">${t('dayCancelled')}</span></p>
<p class="mg-meta">${t('cancelledBy', { company: c.by.name, side: sideWord(t, c.side), at: displayDateTime(c.at, lang) })}</p>
${c.note && html`<p class="mg-meta">${t('moveNote', { note: c.note })}</p>`}</li>`,
  )}</ul>`}
</section>`;
}

function offGridList(ctx: MeetingsPageContext, m: MeetingsPageModel, meetings: ConsoleMeeting[]): SafeHtml {
  const { t } = ctx;
  return html`<section aria-labelledby="off-grid-title">
<h2 id="off-grid-title">${t('offGrid')}</h2>
<ul>${meetings.map((x) => html`<li>${slotName(m, x.slot, ctx.lang)} · ${t('tableHeading')} ${x.table}: ${meetingText(t, x, m.day)}</li>`)}</ul>
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
  return consolePage(ctx, title, body);
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
${d.slots.map((s) => sheetRow(t, lang, s, cells.get(cellKey(s.id, table)) ?? []))}
</tbody>`,
  );
  return html`<section class="sheet" id="${id}" aria-labelledby="${id}-title">
${heading}
<p>${editionName(m, ctx.lang)}</p>
${hostLink(ctx, m, table)}
<table class="sheet-table">
<caption class="sr-only">${t('sheetCaption', { table })}</caption>
<thead><tr><th scope="col">${t('timeColumn')}</th><th scope="col">${t('buyerColumn')}</th><th scope="col">${t('exhibitorColumn')}</th><th scope="col">${t('interpreterColumn')}</th></tr></thead>
${groups}
</table>
</section>`;
}

/** The table host's private link and its QR code, printed with the sheet, and the organizers' own record page. */
function hostLink(ctx: MeetingsPageContext, m: MeetingsPageModel, table: string): SafeHtml | string {
  const link = m.hostLinks?.[table];
  if (!link) return '';
  const { t } = ctx;
  return html`<div class="mg-host" data-table="${table}">
<div class="mg-qr">${raw(link.qrSvg.replace('<svg ', html`<svg role="img" aria-label="${t('hostLinkQr', { table })}" `.value))}</div>
<div><p class="mg-summary">${t('hostLinkTitle')}</p><p class="mg-wrap mg-host-url"><a href="${link.path}">${link.url}</a></p><p class="mg-meta">${t('hostLinkHint')}</p>
<p class="no-print"><a href="${sheetUrl(m.edition.code, table)}/day">${t('hostDayPage')}</a></p></div>
</div>`;
}

function sheetRow(t: MeetingsT, lang: Lang, s: { id: string; start: string; end: string }, here: ConsoleMeeting[]): SafeHtml | SafeHtml[] {
  if (here.length === 0) {
    return html`<tr class="mg-free"><th scope="row">${slotTimeOnly(s, lang)}</th><td>—<span class="sr-only"> ${t('freeSlot')}</span></td><td>—</td><td>—</td></tr>`;
  }
  return here.map(
    (x) => html`<tr class="${stateClasses(x)}"><th scope="row">${slotTimeOnly(s, lang)}<br>${marks(t, x)}</th>
<td>${x.buyer}${x.buyerCountry && html` (${x.buyerCountry})`}</td><td>${x.exhibitor}</td><td>${x.interpreter ?? '—'}</td></tr>`,
  );
}

// ---------------------------------------------------------------- grid actions

const slotName = (m: MeetingsPageModel, id: string, lang: Lang): string => {
  const slot = m.slots.find((s) => s.id === id);
  return slot ? slotLabel(slot, lang) : id;
};

/** Publish / unpublish, freeze / unfreeze: the schedule as a whole. */
function scheduleToolbar(ctx: MeetingsPageContext, edition: string, frozen: boolean, drafts: boolean, published: boolean): SafeHtml {
  const { t } = ctx;
  const post = (action: string, label: MeetingsMessage, cls = ''): SafeHtml =>
    html`<form method="post" action="${consoleUrls.schedule(edition, action)}" class="inline">${csrfField(ctx)}<button type="submit"${cls ? html` class="${cls}"` : ''}>${t(label)}</button></form>`;
  return html`<section aria-labelledby="state-title" class="no-print">
<h2 id="state-title" class="sr-only">${t('scheduleState')}</h2>
<p>${t('scheduleState')}: <span class="mg-badge ${frozen ? 'wait' : 'ok'}" id="mg-frozen">${t(frozen ? 'frozenState' : 'notFrozenState')}</span></p>
<div class="toolbar">
${drafts && post('publish', 'publish')}
${published && post('unpublish', 'unpublish', 'secondary')}
${frozen ? post('unfreeze', 'unfreeze', 'secondary') : post('freeze', 'freeze', 'secondary')}
</div>
<p class="hint">${t('unpublishHint')}</p>
</section>`;
}

/** One card per meeting with its move, swap and cancel forms: works at 360 px, unlike forms in grid cells. */
function meetingActions(ctx: MeetingsPageContext, m: MeetingsPageModel): SafeHtml {
  const { t, lang } = ctx;
  const edition = m.edition.code;
  if (m.meetings.length === 0) return html`<p>${t('noMeetings')}</p>`;
  const cards = m.meetings.map((x) => {
    const others = m.meetings.filter((o) => o.id !== x.id);
    return html`<li id="meeting-${x.id}">
<h3>${x.buyer} ${t('versus')} ${x.exhibitor}</h3>
<p class="mg-meta">${slotName(m, x.slot, lang)} · ${t('tableHeading')} ${x.table} ${marks(t, x)}${dayMarks(t, x.id, m.day)}</p>
${m.day?.moveRequests.filter((r) => r.meetingId === x.id).map((r) => html`<p class="mg-meta mg-move-note">${t('moveRequestedBy', { company: r.by.name, side: sideWord(t, r.side), at: displayDateTime(r.at, lang) })}${r.note && html` · ${t('moveNote', { note: r.note })}`}</p>`)}
<details class="mg-act"><summary>${t('move')}</summary>
<form method="post" action="${consoleUrls.meeting(edition, x.id, 'move')}" class="mg-inline">${csrfField(ctx)}
<div class="field"><label for="slot-${x.id}">${t('fSlot')}</label><select id="slot-${x.id}" name="slot">${m.slots.map(
      (s) => html`<option value="${s.id}"${s.id === x.slot ? html` selected` : ''}>${slotLabel(s, lang)}</option>`,
    )}</select></div>
<div class="field"><label for="table-${x.id}">${t('fTableShort')}</label><select id="table-${x.id}" name="table">${m.tables.map(
      (c) => html`<option value="${c}"${c === x.table ? html` selected` : ''}>${c}</option>`,
    )}</select></div>
<button type="submit">${t('move')}</button></form></details>
${others.length > 0 && html`<details class="mg-act"><summary>${t('swap')}</summary>
<form method="post" action="${consoleUrls.meeting(edition, x.id, 'swap')}" class="mg-inline">${csrfField(ctx)}
<div class="field"><label for="with-${x.id}">${t('swapWith')}</label><select id="with-${x.id}" name="with">${others.map(
      (o) => html`<option value="${o.id}">${slotName(m, o.slot, lang)} · ${o.buyer} ${t('versus')} ${o.exhibitor}</option>`,
    )}</select></div>
<button type="submit">${t('swap')}</button></form></details>`}
<form method="post" action="${consoleUrls.meeting(edition, x.id, 'cancel')}" class="inline">${csrfField(ctx)}<button type="submit" class="danger">${t('cancelMeeting')}</button></form>
</li>`;
  });
  return html`<section aria-labelledby="actions-title" class="no-print">
<h2 id="actions-title">${t('gridActions')}</h2>
<p>${t('gridActionsIntro')}</p>
<ul class="mg-cards">${cards}</ul>
</section>`;
}

// ---------------------------------------------------------------- editions and overview

export function renderEditionsPage(ctx: MeetingsPageContext, editions: Array<{ code: string; nameKo: string; nameEn: string; startsOn: string; endsOn: string }>): string {
  const { t, lang } = ctx;
  const title = t('editionsTitle');
  const body = html`<h1>${title}</h1>
<p>${t('editionsIntro')}</p>
${editions.length === 0 ? html`<p>${t('noEditions')}</p>` : html`<ul class="mg-cards">${editions.map(
    (e) => html`<li><h2 style="margin:0;font-size:1.05rem"><a href="${consoleUrls.overview(e.code)}">${lang === 'ko' ? e.nameKo : e.nameEn}</a></h2>
<p class="mg-meta">${displayDateRange(e.startsOn, e.endsOn, lang)}</p>
<ul class="mg-links"><li><a href="${consoleUrls.participants(e.code)}">${t('navParticipants')}</a></li><li><a href="${consoleUrls.requests(e.code)}">${t('navRequests')}</a></li><li><a href="${consoleUrls.runs(e.code)}">${t('navRun')}</a></li><li><a href="${consoleUrls.grid(e.code)}">${t('navGrid')}</a></li></ul></li>`,
  )}</ul>`}`;
  return consolePage(ctx, title, body);
}

export interface OverviewView {
  edition: { code: string; nameKo: string; nameEn: string };
  counts: Record<string, number>;
  frozen: boolean;
  lastRun: { id: string; status: string } | null;
}

export function renderOverviewPage(ctx: MeetingsPageContext, m: OverviewView): string {
  const { t } = ctx;
  const e = m.edition.code;
  const title = t('overviewTitle', { edition: editionName(m, ctx.lang) });
  const body = html`${subNav(ctx, e, 'overview')}
<h1>${title}</h1>
<p class="mg-summary" id="mg-counts">${t('overviewCounts', m.counts)}</p>
${m.frozen && html`<p class="notice bad">${t('frozenNote')}</p>`}
${m.lastRun && html`<p><a href="${consoleUrls.run(e, m.lastRun.id)}">${t('lastRun', { status: t(`runStatus_${m.lastRun.status}` as MeetingsMessage) })}</a></p>`}
<ul class="mg-cards">
<li><h2 style="margin:0;font-size:1.05rem"><a href="${consoleUrls.participants(e)}">${t('navParticipants')}</a></h2><p class="mg-meta">${t('importTitle')} · ${t('addTitle')}</p></li>
<li><h2 style="margin:0;font-size:1.05rem"><a href="${consoleUrls.requests(e)}">${t('navRequests')}</a></h2></li>
<li><h2 style="margin:0;font-size:1.05rem"><a href="${consoleUrls.runs(e)}">${t('navRun')}</a></h2></li>
<li><h2 style="margin:0;font-size:1.05rem"><a href="${consoleUrls.grid(e)}">${t('navGrid')}</a></h2><p class="mg-meta"><a href="${consoleUrls.csv(e)}" download>${t('csvExport')}</a></p></li>
<li><h2 style="margin:0;font-size:1.05rem"><a href="${consoleUrls.sheets(e)}">${t('navSheets')}</a></h2></li>
<li><h2 style="margin:0;font-size:1.05rem"><a href="${resultsUrls.page(e)}">${translator(RESULTS_MESSAGES, ctx.lang)('navResults')}</a></h2></li>
</ul>`;
  return consolePage(ctx, title, body);
}
