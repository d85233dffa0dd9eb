import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { displayDate, displayTime } from '../../../core/time/display';
import { renderConsolePage } from '../../../core/web/console-frame';
import type { ConsoleContext } from '../../../core/web/console-context';
import { CSRF_FIELD } from '../../../core/web/csrf';
import { html, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { renderSitePage } from '../../../core/web/site-frame';
import { countryName } from '../domain/world-names';
import { DAY_CHOICES, type DayChoice, type RecordRefusal } from '../domain/meeting-day';
import type { RecordResult, TableDayMeeting, TableDayModel } from '../meeting-day.service';
import type { TableHostKey, TableHostT } from './table-host.messages';

/*
 * The table host's page on a phone: the table's meetings of one day in time order, each with five
 * one-tap buttons (held, buyer no-show, exhibitor no-show, both no-show, cancelled). The same body
 * serves the organizers in the console frame and the holder of the table's private link in the
 * site frame. No script: each button posts its form and the page comes back with a 303.
 */

export interface TableHostContext {
  lang: Lang;
  t: TableHostT;
  langHref: (lang: Lang) => string;
}

export interface TableHostPage {
  model: TableDayModel;
  /** The page's path without query: forms post to `${base}/meetings/<id>`. */
  base: string;
  csrf: string;
  flash?: Flash;
  /** The organizers' table sheet (console only). */
  sheetHref?: string;
}

const FLASHES = ['recorded', 'same', 'cancelled', 'err-not_started', 'err-day_over', 'err-not_published', 'err-cancelled'] as const;
export type Flash = (typeof FLASHES)[number];

/** The ?flash= of a redirect, if it is one of ours (a crafted link cannot put words on the page). */
export function flashOf(value: unknown): Flash | undefined {
  return typeof value === 'string' && (FLASHES as readonly string[]).includes(value) ? (value as Flash) : undefined;
}

/** The flash a recording leads to: what was done, or the refusal's reason (other errors go on to the error page). */
export async function recordFlash(call: () => Promise<RecordResult>): Promise<Flash> {
  try {
    return await call();
  } catch (error) {
    const reason = error instanceof DomainError && error.code === ErrorCode.Conflict ? error.details.reason : undefined;
    const flash = typeof reason === 'string' ? flashOf(`err-${reason as RecordRefusal}`) : undefined;
    if (!flash) throw error;
    return flash;
  }
}

/** The page's address: the day shown, the language, the flash of the last tap. */
export function hostPageHref(base: string, lang: Lang, day?: string | null, flash?: Flash, meetingId?: string): string {
  const q = new URLSearchParams({ lang, ...(day ? { day } : {}), ...(flash ? { flash } : {}) }).toString();
  return `${base}?${q}${meetingId ? `#m-${meetingId}` : ''}`;
}

const who = (c: { name: string; country: string }, lang: Lang): string => (c.name ? `${c.name} (${countryName(c.country, lang)})` : '—');

function outcomeWord(t: TableHostT, m: TableDayMeeting): string {
  if (m.status === 'cancelled') return t('cancelled');
  return m.outcome ? t(m.outcome) : t('notRecorded');
}

const outcomeClass = (m: TableDayMeeting): string => (m.status === 'cancelled' ? 'th-bad' : m.outcome === 'held' ? 'th-ok' : m.outcome ? 'th-bad' : 'th-none');

function isCurrent(m: TableDayMeeting, c: DayChoice): boolean {
  return c === 'cancelled' ? m.status === 'cancelled' : m.outcome === c;
}

function card(ctx: TableHostContext, p: TableHostPage, m: TableDayMeeting): SafeHtml {
  const { t, lang } = ctx;
  // The day is in the page's heading: the card shows the times only.
  const time = `${displayTime(m.start, lang)}–${displayTime(m.end, lang)}`;
  const buttons = m.status === 'cancelled' || m.closed
    ? html`<p class="th-closed">${t(`closed_${m.closed ?? 'cancelled'}` as TableHostKey)}</p>`
    : html`<form method="post" action="${p.base}/meetings/${m.id}?lang=${lang}${p.model.day ? `&day=${p.model.day}` : ''}" class="th-choices" aria-label="${t('choose', { time })}">
<input type="hidden" name="${CSRF_FIELD}" value="${p.csrf}">
${DAY_CHOICES.map((c) => html`<button type="submit" name="outcome" value="${c}" class="th-${c}${isCurrent(m, c) ? ' th-current' : ''}" aria-pressed="${isCurrent(m, c) ? 'true' : 'false'}">${t(c)}</button>`)}
</form>`;
  return html`<li class="th-card" id="m-${m.id}">
<p class="th-time"><strong>${time}</strong> <span class="th-badge ${outcomeClass(m)}">${outcomeWord(t, m)}</span></p>
<dl><dt>${t('buyer')}</dt><dd>${who(m.buyer, lang)}</dd><dt>${t('exhibitor')}</dt><dd>${who(m.exhibitor, lang)}</dd><dt>${t('interpreter')}</dt><dd>${m.interpreter ?? t('noInterpreter')}</dd></dl>
${buttons}
</li>`;
}

export function tableHostBody(ctx: TableHostContext, p: TableHostPage): SafeHtml {
  const { t, lang } = ctx;
  const m = p.model;
  const edition = lang === 'ko' ? m.edition.nameKo : m.edition.nameEn;
  const flash = p.flash
    ? p.flash.startsWith('err-')
      ? html`<p class="notice bad" role="alert" id="flash">${t(`flash_${p.flash}` as TableHostKey)}</p>`
      : html`<p class="notice ok" role="status" id="flash">${t(`flash_${p.flash}` as TableHostKey)}</p>`
    : '';
  const days = m.days.length > 1
    ? html`<nav aria-label="${t('days')}"><ul class="th-days">${m.days.map(
        (d) => html`<li><a href="${hostPageHref(p.base, lang, d)}"${d === m.day ? html` aria-current="page"` : ''}>${displayDate(d, lang, { year: false })}</a></li>`,
      )}</ul></nav>`
    : '';
  return html`<h1>${t('title', { table: m.table })}</h1>
<p class="th-sub">${t('sub', { edition })}${m.day ? html` · ${displayDate(m.day, lang)}` : ''}</p>
${flash}
${days}
${m.days.length === 0 ? html`<p>${t('noMeetings')}</p>` : m.meetings.length === 0 ? html`<p>${t('noMeetingsDay')}</p>` : html`<p class="th-hint">${t('times')}</p>
<ol class="th-cards">${m.meetings.map((x) => card(ctx, p, x))}</ol>`}
${p.sheetHref && html`<p><a href="${p.sheetHref}">${t('backToSheet')}</a></p>`}`;
}

export function renderTableHostConsolePage(ctx: TableHostContext & ConsoleContext, p: TableHostPage): string {
  return renderConsolePage(ctx, { title: ctx.t('title', { table: p.model.table }), section: 'meetings', body: tableHostBody(ctx, p), extraStyles: TABLE_HOST_STYLES });
}

export function renderTableHostSitePage(ctx: TableHostContext, p: TableHostPage): string {
  const body = html`${tableHostBody(ctx, p)}<p class="th-hint">${ctx.t('privateLink')}</p>`;
  return renderSitePage({ lang: ctx.lang, title: ctx.t('title', { table: p.model.table }), langHref: ctx.langHref, body, extraStyles: TABLE_HOST_STYLES, noindex: true });
}

/** An invalid link, an expired form, an error: a short page in the site frame. */
export function renderTableHostMessage(ctx: TableHostContext, title: string, text: string, back?: string): string {
  return renderSitePage({
    lang: ctx.lang, title, langHref: ctx.langHref, noindex: true, extraStyles: TABLE_HOST_STYLES,
    body: html`<h1>${title}</h1><p>${text}</p>${back && html`<p><a href="${back}">${ctx.t('backToPage')}</a></p>`}`,
  });
}

// Mobile-first: cards, big buttons two to a row on a phone; Korean words never break inside.
export const TABLE_HOST_STYLES = `
.th-sub{margin:-.5rem 0 1rem;color:#444;word-break:keep-all}
.th-hint{color:#555;font-size:.9rem;word-break:keep-all}
.th-days{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;margin:0 0 .75rem;padding:0}
.th-days a[aria-current]{font-weight:700}
ol.th-cards{list-style:none;margin:0;padding:0}
.th-card{border:1px solid #ccc;border-radius:8px;padding:.6rem .75rem;margin-bottom:.75rem;word-break:keep-all;overflow-wrap:anywhere}
.th-card p{margin:.2rem 0}
.th-time{display:flex;flex-wrap:wrap;gap:.3rem .6rem;align-items:center}
.th-card dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;margin:.3rem 0}
.th-card dt{font-weight:600}
.th-card dd{margin:0}
.th-badge{display:inline-block;white-space:nowrap;font-size:.85rem;font-weight:700;padding:.05rem .5rem;border-radius:999px;border:1px solid #98a2b3;background:#f2f4f7;color:#344054}
.th-badge.th-ok{background:#ecfdf3;border-color:#067647;color:#05603a}
.th-badge.th-bad{background:#fef3f2;border-color:#b42318;color:#912018}
.th-choices{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.4rem;margin-top:.5rem}
.th-choices button{min-height:3rem;width:100%;margin:0;padding:.35rem .3rem;line-height:1.2;white-space:normal;word-break:keep-all;overflow-wrap:normal;background:#fff;color:#1d2939;border:2px solid #667085;border-radius:6px;font-weight:600}
.th-choices button.th-held{border-color:#067647;color:#05603a}
.th-choices button.th-cancelled{border-color:#b42318;color:#912018}
.th-choices button.th-current{background:#1d2939;color:#fff;border-color:#1d2939}
.th-choices button.th-current.th-held{background:#067647;border-color:#067647}
.th-choices button.th-current.th-cancelled{background:#b42318;border-color:#b42318}
.th-closed{color:#475467;font-style:italic}
.notice.bad{color:#b42318;font-weight:600}
`;
