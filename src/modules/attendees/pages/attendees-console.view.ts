import type { OutboxMessageSummary } from '../../../core/outbox/outbox-reader';
import { displayDate, displayDateRange, displayDateTime, displayTimeRange } from '../../../core/time/display';
import type { ConsoleContext } from '../../../core/web/console-context';
import { renderConsolePage } from '../../../core/web/console-frame';
import { html, type SafeHtml } from '../../../core/web/html';
import { translator, type Lang } from '../../../core/web/i18n';
import type { AttendeeFilter, AttendeeListRow } from '../attendees.repository';
import type { AttendeeDetail, AttendeeListPage, ConsoleEdition, ConsoleEditionRow } from '../attendees-console.service';
import { ATTENDEE_KINDS } from '../entities/attendee.entity';
import { badgePdfUrl, badgesUrl, badgeUrl } from '../badges/badge-print.view';
import { ATTENDEES_CONSOLE_MESSAGES, type ConsoleKey, type ConsoleT } from './attendees-console.messages';

/*
 * The organizers' attendee pages, pure: the editions, an edition's list (search, filters, pages,
 * counts per day and kind, CSV with the same filters) and one attendee. Cards that read at 360 px;
 * the counts table scrolls in its own box.
 */

export const ATTENDEES_CONSOLE = '/console/attendees';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const consoleT = (lang: Lang): ConsoleT => translator(ATTENDEES_CONSOLE_MESSAGES, lang);

/** The list's filters from the query, anything malformed dropped. */
export function consoleFilterOf(query: Record<string, unknown>): { filter: AttendeeFilter; page: number } {
  const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
  const q = str(query.q).slice(0, 100);
  const kind = str(query.kind);
  const day = str(query.day);
  const page = /^\d{1,6}$/.test(str(query.page)) ? Math.max(1, Number(str(query.page))) : 1;
  return {
    filter: { ...(q ? { q } : {}), ...((ATTENDEE_KINDS as readonly string[]).includes(kind) ? { kind } : {}), ...(DAY.test(day) ? { day } : {}) },
    page,
  };
}

function query(filter: AttendeeFilter, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== '' && !(k === 'page' && String(v) === '1')) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const listUrl = (code: string, filter: AttendeeFilter = {}, page = 1, lang?: Lang): string =>
  `${ATTENDEES_CONSOLE}/${encodeURIComponent(code)}${query(filter, { page, lang })}`;
export const csvUrl = (code: string, filter: AttendeeFilter = {}): string => `${ATTENDEES_CONSOLE}/${encodeURIComponent(code)}/attendees.csv${query(filter)}`;
export const detailUrl = (code: string, id: string, lang?: Lang): string => `${ATTENDEES_CONSOLE}/${encodeURIComponent(code)}/${encodeURIComponent(id)}${lang ? `?lang=${lang}` : ''}`;

/** Days down, kinds across, with totals: every day of the edition, zeros included. */
export function countsMatrix(counts: AttendeeListPage['counts'], days: string[]): { rows: Array<{ day: string; cells: number[]; total: number }>; totals: number[]; total: number } {
  const n = (day: string, kind: string): number => counts.find((c) => c.day === day && c.kind === kind)?.n ?? 0;
  const rows = days.map((day) => {
    const cells = ATTENDEE_KINDS.map((k) => n(day, k));
    return { day, cells, total: cells.reduce((a, b) => a + b, 0) };
  });
  const totals = ATTENDEE_KINDS.map((_, i) => rows.reduce((a, r) => a + r.cells[i], 0));
  return { rows, totals, total: totals.reduce((a, b) => a + b, 0) };
}

/** The label of an outbox template on this page; other templates show their name. */
export function templateLabel(t: ConsoleT, template: string): string {
  const key = `template.${template}` as ConsoleKey;
  return key in ATTENDEES_CONSOLE_MESSAGES.ko ? t(key) : template;
}

const name = (e: ConsoleEdition, lang: Lang): string => (lang === 'ko' ? e.nameKo : e.nameEn) || e.code;

export function renderEditionsPage(ctx: ConsoleContext, editions: ConsoleEditionRow[]): string {
  const t = consoleT(ctx.lang);
  const items = editions.map((e) => html`<li class="card"><p class="what"><a href="${listUrl(e.code)}">${name(e, ctx.lang)}</a></p>
<p>${displayDateRange(e.startsOn, e.endsOn, ctx.lang)} · <span class="tag">${t(`status.${e.status}` as ConsoleKey)}</span></p>
<p>${t('attendees')}: <strong>${e.attendees}</strong></p></li>`);
  const body = html`<h1>${t('editionsTitle')}</h1>${items.length === 0 ? html`<p>${t('editionsNone')}</p>` : html`<ul class="cards">${items}</ul>`}`;
  return renderConsolePage(ctx, { title: t('title'), section: 'attendees', body, extraStyles: STYLES });
}

function attendeeCard(ctx: ConsoleContext, code: string, a: AttendeeListRow): SafeHtml {
  const t = consoleT(ctx.lang);
  return html`<li class="card"><p class="what"><a href="${detailUrl(code, a.id)}">${a.name}</a> <span class="tag">${t(a.kind as ConsoleKey)}</span></p>
<p>${a.email}${a.company ? html` · ${a.company}` : ''} · ${a.country}</p>
<p>${t('days')}: ${a.days.map((d) => displayDate(d, ctx.lang, { year: false })).join(', ')}</p>
<p class="hint">${t('registered')} ${displayDateTime(a.createdAt, ctx.lang)} · ${a.confirmedAt ? t('confirmed') : t('unconfirmed')}</p></li>`;
}

export function renderListPage(ctx: ConsoleContext, m: AttendeeListPage): string {
  const t = consoleT(ctx.lang);
  const e = m.edition;
  const f = m.filter;
  const matrix = countsMatrix(m.counts, e.days);
  const from = m.total === 0 ? 0 : (m.page - 1) * m.pageSize + 1;
  const to = Math.min(m.total, m.page * m.pageSize);
  const pages = Math.max(1, Math.ceil(m.total / m.pageSize));
  const body = html`<p><a href="${ATTENDEES_CONSOLE}">${t('backToEditions')}</a></p>
<h1>${t('listTitle', { edition: name(e, ctx.lang) })}</h1>
<p>${displayDateRange(e.startsOn, e.endsOn, ctx.lang)}</p>
<h2 id="counts-h">${t('countsTitle')}</h2>
<div class="scroll" role="region" aria-labelledby="counts-h" tabindex="0"><table class="counts">
<caption class="sr-only">${t('countsCaption')}</caption>
<thead><tr><th scope="col">${t('day')}</th>${ATTENDEE_KINDS.map((k) => html`<th scope="col">${t(k)}</th>`)}<th scope="col">${t('total')}</th></tr></thead>
<tbody>${matrix.rows.map((r) => html`<tr><th scope="row">${displayDate(r.day, ctx.lang, { year: false })}</th>${r.cells.map((c) => html`<td>${c}</td>`)}<td>${r.total}</td></tr>`)}</tbody>
<tfoot><tr><th scope="row">${t('total')}</th>${matrix.totals.map((c) => html`<td>${c}</td>`)}<td>${matrix.total}</td></tr></tfoot>
</table></div>
<h2>${t('search')}</h2>
<form method="get" action="${listUrl(e.code)}" class="filters" role="search">
<div class="field"><label for="f-q">${t('searchHint')}</label><input id="f-q" name="q" type="search" value="${f.q ?? ''}" maxlength="100"></div>
<div class="field"><label for="f-kind">${t('kind')}</label><select id="f-kind" name="kind"><option value="">${t('anyKind')}</option>${ATTENDEE_KINDS.map((k) => html`<option value="${k}"${f.kind === k ? html` selected` : ''}>${t(k)}</option>`)}</select></div>
<div class="field"><label for="f-day">${t('day')}</label><select id="f-day" name="day"><option value="">${t('anyDay')}</option>${e.days.map((d) => html`<option value="${d}"${f.day === d ? html` selected` : ''}>${displayDate(d, ctx.lang)}</option>`)}</select></div>
<div class="buttons"><button type="submit">${t('apply')}</button> <a class="button secondary" href="${listUrl(e.code)}">${t('reset')}</a></div>
</form>
<div class="toolbar"><p role="status">${m.total === 0 ? t('summaryNone') : t('summary', { from, to, total: m.total })}</p>
<a class="button secondary" href="${csvUrl(e.code, f)}" download>${t('csv')}</a>${m.total > 0 ? html` <a class="button secondary" href="${badgesUrl(e.code, f)}">${t('printBadges')}</a>` : ''}</div>
${m.rows.length > 0 ? html`<ul class="cards">${m.rows.map((a) => attendeeCard(ctx, e.code, a))}</ul>` : ''}
${pages > 1 ? html`<nav class="pager" aria-label="${t('pageOf', { page: m.page, pages })}">
${m.page > 1 ? html`<a href="${listUrl(e.code, f, m.page - 1)}">${t('previous')}</a>` : ''}
<span>${t('pageOf', { page: m.page, pages })}</span>
${m.page < pages ? html`<a href="${listUrl(e.code, f, m.page + 1)}">${t('next')}</a>` : ''}</nav>` : ''}`;
  return renderConsolePage(ctx, { title: t('listTitle', { edition: name(e, ctx.lang) }), section: 'attendees', body, extraStyles: STYLES });
}

function emailItem(ctx: ConsoleContext, m: OutboxMessageSummary): SafeHtml {
  const t = consoleT(ctx.lang);
  const when = m.failedAt ? t('emailFailed', { when: displayDateTime(m.failedAt, ctx.lang) })
    : m.sentAt ? t('emailSent', { when: displayDateTime(m.sentAt, ctx.lang) }) : t('emailCreated', { when: displayDateTime(m.createdAt, ctx.lang) });
  return html`<li class="card"><p class="what"><strong>${templateLabel(t, m.template)}</strong> <span class="tag mail-${m.status}">${t(`mail.${m.status}` as ConsoleKey)}</span></p>
<p>${when} · ${t(m.locale === 'en' ? 'en' : 'ko')}</p>${m.lastError ? html`<p class="error">${m.lastError}</p>` : ''}</li>`;
}

export function renderDetailPage(ctx: ConsoleContext, d: AttendeeDetail): string {
  const t = consoleT(ctx.lang);
  const { lang } = ctx;
  const a = d.attendee;
  const yes = (b: boolean): string => t(b ? 'yes' : 'no');
  const body = html`<p><a href="${listUrl(d.edition.code)}">${t('backToList')}</a></p>
<h1>${t('detailTitle', { name: a.name })}</h1>
<p>${name(d.edition, lang)} · ${t(a.kind as ConsoleKey)}</p>
<h2>${t('registration')}</h2>
<dl class="facts">
<dt>${t('email')}</dt><dd>${a.email}</dd>
<dt>${t('company')}</dt><dd>${a.company ?? '—'}</dd>
<dt>${t('country')}</dt><dd>${a.country}</dd>
<dt>${t('kind')}</dt><dd>${t(a.kind as ConsoleKey)}</dd>
<dt>${t('days')}</dt><dd><ul class="plain">${a.days.map((day) => html`<li>${displayDate(day, lang)}</li>`)}</ul></dd>
<dt>${t('language')}</dt><dd>${t(a.locale === 'en' ? 'en' : 'ko')}</dd>
<dt>${t('badge')}</dt><dd><span class="code">${a.badgeCode}</span> · <a href="${badgeUrl(d.edition.code, a.id)}">${t('printBadge')}</a> · <a href="${badgePdfUrl(d.edition.code, a.id)}">${t('badgePdf')}</a></dd>
<dt>${t('registered')}</dt><dd>${displayDateTime(a.createdAt, lang)}</dd>
<dt>${t('confirmation')}</dt><dd>${a.confirmedAt ? displayDateTime(a.confirmedAt, lang) : t('unconfirmed')}</dd>
<dt>${t('consentMessages')}</dt><dd>${yes(a.consentMessages)}</dd>
<dt>${t('consentShare')}</dt><dd>${yes(a.consentShareContact)}</dd>
</dl>
<h2>${t('picksTitle')}</h2>
${d.picks.length === 0 ? html`<p>${t('picksNone')}</p>` : html`<ul class="cards">${d.picks.map((p) => html`<li class="card"><p class="what"><strong>${lang === 'ko' ? p.titleKo : p.titleEn}</strong></p>
<p>${displayTimeRange(p.startsAt, p.endsAt, lang)} · ${lang === 'ko' ? p.roomKo : p.roomEn}</p>
<p class="tag">${p.status === 'confirmed' ? t('pickConfirmed') : t('pickWaitlisted', { n: p.queuePosition ?? '?' })}</p></li>`)}</ul>`}
<h2>${t('bookmarksTitle')}</h2>
${d.bookmarks.length === 0 ? html`<p>${t('bookmarksNone')}</p>` : html`<ul class="cards">${d.bookmarks.map((b) => html`<li class="card"><p class="what"><strong>${b.companyName}</strong> (${b.country})</p>
${b.booths.length > 0 ? html`<p>${t('booths')} ${b.booths.join(', ')}</p>` : ''}</li>`)}</ul>`}
<h2>${t('itineraryTitle')}</h2>
${d.itinerary.length === 0 ? html`<p>${t('itineraryNone')}</p>` : html`<ol class="cards">${d.itinerary.map((i) => html`<li class="card"><p class="what"><strong>${displayTimeRange(i.startsAt, i.endsAt, lang)}</strong></p>
<p>${i.title[lang]}</p><p class="hint">${i.location[lang]}</p></li>`)}</ol>`}
<h2>${t('emailsTitle')}</h2>
${d.emails.length === 0 ? html`<p>${t('emailsNone')}</p>` : html`<ul class="cards">${d.emails.map((m) => emailItem(ctx, m))}</ul>`}
<p><a href="/console/mail?q=${encodeURIComponent(a.email)}">${t('mailConsole')}</a></p>`;
  return renderConsolePage(ctx, { title: t('detailTitle', { name: a.name }), section: 'attendees', body, extraStyles: STYLES });
}

const STYLES = `
main{overflow-wrap:break-word;word-break:keep-all}
ul.cards,ol.cards{list-style:none;margin:0 0 1rem;padding:0;display:grid;gap:.6rem;grid-template-columns:repeat(auto-fill,minmax(min(100%,20rem),1fr))}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem .75rem;min-width:0}
.card p{margin:.2rem 0}
.hint{color:#555;font-size:.9rem}
.tag{display:inline-block;font-size:.8rem;font-weight:700;padding:0 .4rem;border-radius:4px;border:1px solid #98a2b3;background:#f2f4f7;white-space:nowrap}
.mail-sent{color:#067647;border-color:#067647;background:#ecfdf3}
.mail-failed{color:#b42318;border-color:#b42318;background:#fef3f2}
.error{color:#b42318}
.code{font-family:ui-monospace,monospace}
table.counts{border-collapse:collapse;font-size:.9rem}
.counts th,.counts td{border:1px solid #e3e3e3;padding:.3rem .5rem;text-align:right;white-space:nowrap}
.counts th[scope=row],.counts thead th:first-child{text-align:left}
.counts thead th,.counts tfoot th,.counts tfoot td{background:#f7f7f8}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin-bottom:1rem}
form.filters .field{flex:1 1 12rem;margin:0}
.toolbar p{margin:0;flex:1 1 12rem}
.pager{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}
dl.facts{margin:.3rem 0}
dl.facts dt{font-weight:600;margin-top:.5rem}
dl.facts dd{margin:0;min-width:0}
ul.plain{list-style:none;margin:0;padding:0}
@media (min-width:40rem){dl.facts{display:grid;grid-template-columns:minmax(8rem,14rem) minmax(0,1fr);gap:.3rem 1rem}dl.facts dt{margin:0}}
`;
