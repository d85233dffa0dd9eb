import { html, raw, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { renderSitePage } from '../../../core/web/site-frame';
import { displayDate, displayDateTime, displayTime, displayTimeRange } from '../../../core/time/display';
import type { ExhibitorRow } from '../attendees.repository';
import type { AttendeeOverview } from '../attendee-access.service';
import type { AttendeeT } from './attendee-page.messages';

/*
 * Pure rendering of a visitor's personal page (reached by its private link): data in, HTML out,
 * every value escaped. No script: plain forms that post and come back with a 303, so the page
 * works on any phone and by keyboard alone. Each form carries the hidden anti-forgery field.
 */

export const ATTENDEE_PAGE_PATH = '/attendee';

export interface AttendeePageContext {
  lang: Lang;
  t: AttendeeT;
  langHref: (lang: Lang) => string;
}

export interface Notice {
  kind: 'ok' | 'bad';
  text: string;
}

export interface AttendeePageModel {
  token: string;
  formToken: string;
  overview: AttendeeOverview;
  /** The badge's QR code as SVG markup made by the server from the badge code only. */
  qrSvg: string;
  search: { q: string; category: string };
  categories: Array<{ code: string; label: string }>;
  exhibitors: ExhibitorRow[];
  /** The plan in order, in the page's language (Seoul times). */
  itinerary: Array<{ kind: string; startsAt: string; endsAt: string; title: string; location: string; details: string }>;
}

export const pageUrl = (token: string, lang?: Lang, extra: Record<string, string> = {}): string => {
  const query = new URLSearchParams({ ...(lang ? { lang } : {}), ...extra }).toString();
  return `${ATTENDEE_PAGE_PATH}/${encodeURIComponent(token)}${query ? `?${query}` : ''}`;
};
const actionUrl = (token: string, path: string, lang: Lang): string => `${ATTENDEE_PAGE_PATH}/${encodeURIComponent(token)}/${path}?lang=${lang}`;

function frame(ctx: AttendeePageContext, title: string, body: SafeHtml): string {
  // noindex: the address carries the private token; helmet already sends Referrer-Policy: no-referrer.
  return renderSitePage({ lang: ctx.lang, title, langHref: ctx.langHref, body, extraStyles: STYLES, noindex: true });
}

/** 2027년 4월 28일 (수) 오후 2:00 / Wed 28 Apr 2027, 2:00 PM (Korea time). */
export const when = (iso: string, lang: Lang): string => displayDateTime(iso, lang);
/** A span on one day: 2027년 4월 28일 (수) 오후 2:00–오후 3:30. */
export const span = (start: string, end: string, lang: Lang): string => displayTimeRange(start, end, lang);
export const dayLabel = (day: string, lang: Lang): string => displayDate(day, lang);

export function renderNotice(n: Notice | undefined): SafeHtml | '' {
  if (!n) return '';
  return n.kind === 'ok' ? html`<p class="notice ok" role="status">${n.text}</p>` : html`<p class="notice bad" role="alert">${n.text}</p>`;
}

function postButton(m: AttendeePageModel, lang: Lang, path: string, label: string, ariaLabel: string, secondary = false): SafeHtml {
  return html`<form method="post" action="${actionUrl(m.token, path, lang)}"><input type="hidden" name="_csrf" value="${m.formToken}"><button type="submit"${secondary ? raw(' class="secondary"') : ''} aria-label="${ariaLabel}">${label}</button></form>`;
}

/** The visit in order, with the calendar file to import it (calendar apps then show the same events the emails update). */
function renderItinerary(ctx: AttendeePageContext, m: AttendeePageModel): SafeHtml {
  const { t, lang } = ctx;
  const items = m.itinerary.map((i) => html`<li class="card"><strong>${span(i.startsAt, i.endsAt, lang)}</strong> ${i.title}
<br><span class="hint">${i.location}</span>${i.details ? html`<br><span class="details">${i.details}</span>` : ''}</li>`);
  return html`<section id="itinerary" aria-labelledby="itinerary-h"><h2 id="itinerary-h">${t('itineraryTitle')}</h2>
${items.length === 0 ? html`<p>${t('itineraryNone')}</p>` : html`<ol class="cards">${items}</ol>`}
<p><a href="/api/attendee-access/${encodeURIComponent(m.token)}/itinerary.ics" download>${t('itineraryIcs')}</a></p></section>`;
}

/** The time alone (a session's end on the same day). */
export const clock = (iso: string, lang: Lang): string => displayTime(iso, lang);

export function renderAttendeePage(ctx: AttendeePageContext, m: AttendeePageModel, notice?: Notice): string {
  const { t, lang } = ctx;
  const o = m.overview;
  const a = o.attendee;
  const editionName = lang === 'ko' ? o.edition.nameKo : o.edition.nameEn;
  const sections: Array<[string, string]> = [['badge', t('badgeTitle')], ['itinerary', t('itineraryTitle')], ['sessions', t('sessionsTitle')], ['bookmarks', t('bookmarksTitle')], ['exhibitors', t('exhibitorsTitle')], ['registration', t('registration')]];
  const body = html`
<h1>${a.name}</h1>
<p class="sub">${editionName} · ${t(a.kind)}</p>
${renderNotice(notice)}
${a.confirmedAt
    ? html`<p class="hint">${t('confirmed', { when: when(a.confirmedAt, lang) })}</p>`
    : html`<section id="confirm" class="card confirm" aria-labelledby="confirm-h"><h2 id="confirm-h">${t('confirmTitle')}</h2><p>${t('confirmText')}</p>${postButton(m, lang, 'confirm', t('confirm'), t('confirmTitle'))}</section>`}
<nav aria-label="${t('sectionsNav')}"><ul class="toc">${sections.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ul></nav>
<section id="badge" aria-labelledby="badge-h"><h2 id="badge-h">${t('badgeTitle')}</h2>
<figure class="badge"><div class="qr">${raw(m.qrSvg.replace('<svg ', html`<svg role="img" aria-label="${t('badgeQr', { code: o.badgeCode })}" `.value))}</div>
<figcaption><strong class="code">${o.badgeCode}</strong></figcaption></figure>
<p class="hint">${t('badgeHint')}</p></section>
${renderItinerary(ctx, m)}
${renderSessions(ctx, m)}
${renderBookmarks(ctx, m)}
${renderExhibitors(ctx, m)}
<section id="registration" aria-labelledby="registration-h"><h2 id="registration-h">${t('registration')}</h2>
<dl class="facts"><dt>${t('name')}</dt><dd>${a.name}</dd><dt>${t('email')}</dt><dd>${a.email}</dd><dt>${t('company')}</dt><dd>${a.company ?? '—'}</dd>
<dt>${t('country')}</dt><dd>${a.country}</dd><dt>${t('kind')}</dt><dd>${t(a.kind)}</dd>
<dt>${t('days')}</dt><dd><ul class="days">${a.days.map((d) => html`<li>${dayLabel(d, lang)}</li>`)}</ul></dd>
<dt>${t('consentMessages')}</dt><dd>${t(a.consentMessages ? 'yes' : 'no')}</dd><dt>${t('consentShare')}</dt><dd>${t(a.consentShareContact ? 'yes' : 'no')}</dd></dl>
</section>
<p class="hint">${t('privateLink')}</p>`;
  return frame(ctx, t('title', { name: a.name }), body);
}

function renderSessions({ t, lang }: AttendeePageContext, m: AttendeePageModel): SafeHtml {
  const items = m.overview.sessions.map((s) => {
    const title = lang === 'ko' ? s.titleKo : s.titleEn;
    const status = s.myStatus === 'confirmed'
      ? html`<p class="status ok">${t('statusConfirmed')}</p>`
      : s.myStatus === 'waitlisted' ? html`<p class="status wait">${t('statusWaitlisted', { n: s.queuePosition ?? '?' })}</p>` : '';
    const action = s.myStatus === 'none'
      ? postButton(m, lang, `sessions/${encodeURIComponent(s.id)}`, t('pick'), t('pickLabel', { title }))
      : postButton(m, lang, `sessions/${encodeURIComponent(s.id)}/remove`, t(s.myStatus === 'confirmed' ? 'unpick' : 'leaveQueue'), t(s.myStatus === 'confirmed' ? 'unpickLabel' : 'leaveQueueLabel', { title }), true);
    return html`<li class="card"><p class="what"><strong>${title}</strong></p>
<p>${span(s.startsAt, s.endsAt, lang)} · ${lang === 'ko' ? s.roomKo : s.roomEn}</p>
${s.speakers.length > 0 ? html`<p>${t('speakers')}: ${s.speakers.join(', ')}</p>` : ''}
<p class="hint">${s.seatsLeft > 0 ? t('seatsLeft', { n: s.seatsLeft }) : t('full')}</p>
${status}<div class="actions">${action}</div></li>`;
  });
  return html`<section id="sessions" aria-labelledby="sessions-h"><h2 id="sessions-h">${t('sessionsTitle')}</h2>
${items.length === 0 ? html`<p>${t('sessionsNone')}</p>` : html`<ul class="cards">${items}</ul>`}</section>`;
}

function exhibitorCard({ t, lang }: AttendeePageContext, m: AttendeePageModel, e: ExhibitorRow, bookmarked: boolean): SafeHtml {
  const where = [e.hall ? `${t('hall')} ${e.hall}` : '', e.booths.length > 0 ? `${t('booths')} ${e.booths.join(', ')}` : ''].filter(Boolean).join(' · ');
  const action = bookmarked
    ? postButton(m, lang, `bookmarks/${encodeURIComponent(e.applicationId)}/remove`, t('unbookmark'), t('unbookmarkLabel', { company: e.companyName }), true)
    : postButton(m, lang, `bookmarks/${encodeURIComponent(e.applicationId)}`, t('bookmark'), t('bookmarkLabel', { company: e.companyName }));
  return html`<li class="card"><p class="what"><strong>${e.companyName}</strong> (${e.country})</p>${where ? html`<p>${where}</p>` : ''}<div class="actions">${action}</div></li>`;
}

function renderBookmarks(ctx: AttendeePageContext, m: AttendeePageModel): SafeHtml {
  const { t } = ctx;
  const items = m.overview.bookmarks.map((e) => exhibitorCard(ctx, m, e, true));
  return html`<section id="bookmarks" aria-labelledby="bookmarks-h"><h2 id="bookmarks-h">${t('bookmarksTitle')}</h2>
${items.length === 0 ? html`<p>${t('bookmarksNone')}</p>` : html`<ul class="cards">${items}</ul>`}</section>`;
}

function renderExhibitors(ctx: AttendeePageContext, m: AttendeePageModel): SafeHtml {
  const { t, lang } = ctx;
  const marked = new Set(m.overview.bookmarks.map((b) => b.applicationId));
  const items = m.exhibitors.map((e) => exhibitorCard(ctx, m, e, marked.has(e.applicationId)));
  const options = m.categories.map((c) => html`<option value="${c.code}"${c.code === m.search.category ? raw(' selected') : ''}>${c.label}</option>`);
  return html`<section id="exhibitors" aria-labelledby="exhibitors-h"><h2 id="exhibitors-h">${t('exhibitorsTitle')}</h2>
<form method="get" action="${pageUrl(m.token)}#exhibitors" class="search" role="search">
<input type="hidden" name="lang" value="${lang}">
<div class="field"><label for="q">${t('searchLabel')}</label><input id="q" name="q" type="search" value="${m.search.q}" maxlength="100"></div>
<div class="field"><label for="category">${t('category')}</label><select id="category" name="category"><option value="">${t('anyCategory')}</option>${options}</select></div>
<button type="submit">${t('search')}</button></form>
${items.length === 0 ? html`<p>${t('exhibitorsNone')}</p>` : html`<ul class="cards">${items}</ul>`}</section>`;
}

const STYLES = `
main{max-width:48rem;overflow-wrap:break-word;word-break:keep-all}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.sub{margin:0 0 1rem;color:#444}
.hint{color:#555;font-size:.9rem}
.toc{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;margin:0 0 .5rem;padding:0}
ul.cards,ol.cards{list-style:none;margin:0;padding:0}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem .75rem;margin-bottom:.6rem}
.card p{margin:.2rem 0}
.confirm{background:#fffbeb;border-color:#f59e0b}
.confirm h2{border:none;margin-top:0}
dl.facts{margin:.3rem 0}
dl.facts dt{font-weight:600;margin-top:.5rem}
dl.facts dd{margin:0;min-width:0}
ul.days{list-style:none;margin:0;padding:0}
@media (min-width:40rem){dl.facts{display:grid;grid-template-columns:minmax(8rem,16rem) minmax(0,1fr);gap:.3rem 1rem}dl.facts dt{margin:0}}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.4rem}
.actions form{margin:0}
button{font:inherit;padding:.45rem .9rem;border:1px solid #0b57d0;border-radius:6px;background:#0b57d0;color:#fff;cursor:pointer;min-height:2.75rem}
button.secondary{background:#fff;color:#0b57d0}
label{font-weight:600;display:block;margin-bottom:.2rem}
input[type=search],select{font:inherit;padding:.4rem;border:1px solid #888;border-radius:4px;width:100%;min-height:2.75rem}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin-bottom:.75rem}
form.search .field{flex:1 1 10rem}
.badge{margin:0;text-align:center}
.qr{width:min(100%,16rem);margin:0 auto}
.qr svg{width:100%;height:auto;display:block}
.code{font-size:1.4rem;letter-spacing:.08em;font-family:ui-monospace,monospace}
.status{font-weight:600}
.status.ok{color:#067647}
.status.wait{color:#b54708}
.notice{padding:.6rem .9rem;border-radius:6px;margin:0 0 1rem;border:1px solid}
.notice.ok{background:#ecfdf3;border-color:#12b76a}
.notice.bad{background:#fef3f2;border-color:#b42318}
`;
