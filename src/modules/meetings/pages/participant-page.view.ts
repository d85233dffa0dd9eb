import { ErrorCode } from '../../../core/errors/domain-error';
import { displayDate, displayDateTime, displayLocalTime, displayTimeRange } from '../../../core/time/display';
import { html, raw, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { renderSitePage } from '../../../core/web/site-frame';
import { countryName } from '../domain/world-names';
import type { Side } from '../entities/meeting-participant.entity';
import { PRIORITIES, type Priority } from '../entities/meeting-request.entity';
import type { ParticipantKey, ParticipantT } from './participant-page.messages';
import { translator } from '../../../core/web/i18n';
import { SURVEY_MESSAGES } from './survey-page.messages';
import { surveyUrl } from './survey-page.view';

/*
 * Pure rendering of a participant's own page (buyer or exhibitor, reached by its private link):
 * data in, HTML out, every value escaped by the html template. No script: plain forms that post
 * and come back with a 303, so the page works on any phone and by keyboard alone.
 */

export const PARTICIPANT_PAGE = '/meetings';

export interface ParticipantPageContext {
  lang: Lang;
  t: ParticipantT;
  langHref: (lang: Lang) => string;
}

export interface Notice {
  kind: 'ok' | 'bad';
  text: string;
}

export interface Company {
  name: string;
  country: string;
}

export interface PageRequest {
  id: string;
  counterpart: Company;
  priority: Priority;
  status: string;
  /** Local ISO time with +09:00, or null. */
  expiresAt: string | null;
}

export interface ParticipantPageModel {
  token: string;
  company: string;
  side: Side;
  edition: { nameKo: string; nameEn: string };
  /** In order; start/end are local ISO times with +09:00. */
  slots: Array<{ id: string; start: string; end: string }>;
  unavailableSlots: string[];
  /** Published meetings only, in time order. */
  agenda: Array<{ meeting: string; startsAt: string; endsAt: string; table: string; counterpart: string; counterpartCountry: string; interpreter: string | null }>;
  /** Per meeting: until when it may be cancelled or moved from this page, whether that is still open, and a pending move request's note. */
  changes?: { changeUntil: Record<string, { until: string; open: boolean }>; pendingMoves: Record<string, string> };
  /** The hall or room of each meeting day (YYYY-MM-DD), by name, where the session has one. */
  places?: Record<string, { ko: string; en: string }>;
  incoming: PageRequest[];
  outgoing: PageRequest[];
  /** After-meeting surveys of held meetings: meeting id → answered yet. */
  surveys?: Record<string, boolean>;
  /** With the status of a live request to that company, if there is one. */
  suggestions: Array<{ participant: string; companyName: string; country: string; reason: { en: string; ko: string }; requestStatus?: string }>;
}

export const pageUrl = (token: string, lang?: Lang, extra: Record<string, string> = {}): string => {
  const query = new URLSearchParams({ ...(lang ? { lang } : {}), ...extra }).toString();
  return `${PARTICIPANT_PAGE}/${encodeURIComponent(token)}${query ? `?${query}` : ''}`;
};
/** Forms post with the page language in the query, so the answer comes back in it. */
const actionUrl = (token: string, path: string, lang: Lang): string => `${PARTICIPANT_PAGE}/${encodeURIComponent(token)}/${path}?lang=${lang}`;

// ---------------------------------------------------------------- small helpers

const hhmm = (iso: string): string => iso.slice(11, 16);

/** A meeting day written out: 2027년 7월 8일 (목) / Thu 8 Jul 2027. */
const dayLabel = (day: string, lang: Lang): string => displayDate(day, lang);

/** A slot's or meeting's time, local ISO times with +09:00: 2027년 7월 8일 (목) 오전 10:30–오전 11:00. */
const when = (startIso: string, endIso: string, lang: Lang): string => displayTimeRange(startIso, endIso, lang);

/** The flashes a redirect may name (?done=): fixed keys, never text from the URL. */
const FLASHES = {
  registered: 'flashRegistered', saved: 'flashSaved', requested: 'flashRequested', accepted: 'flashAccepted', declined: 'flashDeclined',
  meetingCancelled: 'flashMeetingCancelled', moveRequested: 'flashMoveRequested',
} as const;
export type Flash = keyof typeof FLASHES;

/** The notice a ?done= value asks for, or none for anything else (a crafted link cannot put words on the page). */
export function flashNotice(done: unknown, t: ParticipantT): Notice | undefined {
  return typeof done === 'string' && Object.hasOwn(FLASHES, done) ? { kind: 'ok', text: t(FLASHES[done as Flash]) } : undefined;
}

function statusWord(t: ParticipantT, status: string): string {
  return (['pending', 'accepted', 'declined', 'expired', 'cancelled'] as string[]).includes(status) ? t(status as ParticipantKey) : status;
}

const company = (c: Company, t: ParticipantT, lang: Lang): string => (c.name ? t('meetingWith', { company: c.name, country: countryName(c.country, lang) }) : t('unknownCompany'));

/** The hall of a meeting's day, by its name in the page language. */
const placeOf = (m: ParticipantPageModel, startIso: string, lang: Lang): string | undefined => m.places?.[startIso.slice(0, 10)]?.[lang];

/** A request's state as a badge that never breaks inside a word. */
const statusBadge = (t: ParticipantT, status: string): SafeHtml => html`<span class="badge status-${status}">${statusWord(t, status)}</span>`;

/** What a refusal needs to be told: the fields of the API's error body the page reads. */
export interface Refusal {
  statusCode: number;
  code?: string;
  requestStatus?: unknown;
  retryAfterSeconds?: unknown;
  reason?: unknown;
  errors?: Array<{ field: string }>;
}

/**
 * A refusal in the page language, from the service's error code (never its English message): the
 * request's state, a duplicate, not waiting, the fields refused, the wait of a rate limit.
 */
export function refusalText(body: Refusal, t: ParticipantT): string {
  if (body.code === ErrorCode.IllegalTransition && typeof body.requestStatus === 'string') return t('refusedAnswered', { status: statusWord(t, body.requestStatus) });
  if (body.code === ErrorCode.Conflict && body.reason === 'cutoff') return t('refusedCutoff');
  if (body.code === ErrorCode.Conflict && body.reason === 'not_published') return t('refusedNotPublished');
  if (body.code === ErrorCode.Conflict) return t('refusedDuplicate');
  if (body.statusCode === 404 && body.reason === 'not_on_agenda') return t('refusedNotOnAgenda');
  if (body.statusCode === 404) return t('refusedNotWaiting');
  if (body.statusCode === 429) {
    const wait = typeof body.retryAfterSeconds === 'number' ? Math.max(1, Math.ceil(body.retryAfterSeconds)) : 60;
    return wait < 120 ? t('refusedTooManySeconds', { n: wait }) : t('refusedTooManyMinutes', { n: Math.ceil(wait / 60) });
  }
  if (body.statusCode === 400) {
    const label: Record<string, ParticipantKey> = { away: 'awayTitle', unavailableSlots: 'awayTitle', priority: 'priority', counterpart: 'suggestionsTitle', id: 'incomingTitle' };
    const fields = [...new Set((body.errors ?? []).map((e) => t(label[e.field] ?? 'unknownField')))];
    return fields.length > 0 ? t('refusedInvalid', { fields: fields.join(', ') }) : t('refusedInvalidForm');
  }
  return t('refusedOther');
}

// ---------------------------------------------------------------- the frame

function frame(ctx: ParticipantPageContext, title: string, body: SafeHtml): string {
  // noindex: the address carries the private token; helmet already sends Referrer-Policy: no-referrer.
  return renderSitePage({ lang: ctx.lang, title, langHref: ctx.langHref, body, extraStyles: STYLES, noindex: true });
}

// ---------------------------------------------------------------- the page

export function renderParticipantPage(ctx: ParticipantPageContext, m: ParticipantPageModel, notice?: Notice): string {
  const { t, lang } = ctx;
  const editionName = lang === 'ko' ? m.edition.nameKo : m.edition.nameEn;
  const sections: Array<[string, ParticipantKey]> = [
    ['agenda', 'agendaTitle'],
    ['incoming', 'incomingTitle'],
    ['outgoing', 'outgoingTitle'],
    ['suggestions', 'suggestionsTitle'],
    ['away', 'awayTitle'],
  ];
  const body = html`
<h1>${m.company}</h1>
<p class="sub">${editionName} · ${t(m.side === 'buyer' ? 'sideBuyer' : 'sideExhibitor')}</p>
${notice && renderNotice(notice)}
<nav aria-label="${t('sectionsNav')}"><ul class="toc">${sections.map(([id, key]) => html`<li><a href="#${id}">${t(key)}</a></li>`)}</ul></nav>
${renderAgenda(ctx, m)}
${renderIncoming(ctx, m)}
${renderOutgoing(ctx, m)}
${renderSuggestions(ctx, m)}
${renderAway(ctx, m)}
<p class="hint">${t('privateLink')}</p>`;
  return frame(ctx, t('title', { company: m.company }), body);
}

function renderNotice(n: Notice): SafeHtml {
  // Announced when the page loads after a form: status for news, alert for a refusal.
  return n.kind === 'ok'
    ? html`<p class="notice ok" role="status">${n.text}</p>`
    : html`<p class="notice bad" role="alert">${n.text}</p>`;
}

/**
 * A meeting's cancel and move forms while changes are open (up to the cut-off before it starts),
 * else when they closed; a pending move request shows its note instead of the move form.
 */
function agendaChanges({ t, lang }: Pick<ParticipantPageContext, 't' | 'lang'>, m: ParticipantPageModel, a: ParticipantPageModel['agenda'][number]): SafeHtml | string {
  const change = m.changes?.changeUntil[a.meeting];
  if (!change) return '';
  const until = displayDateTime(change.until, lang);
  if (!change.open) return html`<p class="hint">${t('changeClosed', { until })}</p>`;
  const pending = m.changes?.pendingMoves[a.meeting];
  const id = encodeURIComponent(a.meeting);
  return html`<p class="hint">${t('changeUntil', { until })}</p>
<div class="changes">
<details><summary>${t('cancelMeeting')}</summary>
<form method="post" action="${actionUrl(m.token, `agenda/${id}/cancel`, lang)}">
<div class="field"><label for="cancel-note-${a.meeting}">${t('cancelNote')}</label><textarea id="cancel-note-${a.meeting}" name="note" maxlength="500" rows="2"></textarea></div>
<button type="submit" class="danger" aria-label="${t('cancelLabel', { company: a.counterpart })}">${t('cancelMeeting')}</button>
</form></details>
${pending !== undefined
    ? html`<p class="pending" role="note">${t('movePending', { note: pending || '—' })}</p>`
    : html`<details><summary>${t('moveRequest')}</summary>
<form method="post" action="${actionUrl(m.token, `agenda/${id}/move`, lang)}">
<div class="field"><label for="move-note-${a.meeting}">${t('moveNote')}</label><textarea id="move-note-${a.meeting}" name="note" maxlength="500" rows="2"></textarea></div>
<button type="submit" aria-label="${t('moveLabel', { company: a.counterpart })}">${t('moveSend')}</button>
</form></details>`}
</div>`;
}

function renderAgenda({ t, lang }: ParticipantPageContext, m: ParticipantPageModel): SafeHtml {
  const items = m.agenda.map(
    (a) => html`<li class="card">
<p class="what"><strong>${when(a.startsAt, a.endsAt, lang)}</strong></p>
<p>${t('meetingWith', { company: a.counterpart, country: countryName(a.counterpartCountry, lang) })}</p>
<dl>${placeOf(m, a.startsAt, lang) && html`<dt>${t('place')}</dt><dd>${placeOf(m, a.startsAt, lang)}</dd>`}<dt>${t('table')}</dt><dd>${a.table}</dd><dt>${t('interpreter')}</dt><dd>${a.interpreter ?? t('noInterpreter')}</dd></dl>
${surveyLink(m, a.meeting, lang)}
${agendaChanges({ t, lang }, m, a)}
</li>`,
  );
  return html`<section id="agenda" aria-labelledby="agenda-h"><h2 id="agenda-h">${t('agendaTitle')}</h2>
${items.length === 0 ? html`<p>${t('agendaNotPublished')}</p>` : html`<p class="hint">${t('agendaTimes')}</p><ul class="cards">${items}</ul>`}
</section>`;
}

/** The after-meeting survey's link of a held meeting, if it has one. */
function surveyLink(m: ParticipantPageModel, meeting: string, lang: Lang): SafeHtml | undefined {
  const answered = m.surveys?.[meeting];
  if (answered === undefined) return undefined;
  return html`<p class="survey"><a href="${surveyUrl(m.token, meeting, lang)}">${translator(SURVEY_MESSAGES, lang)(answered ? 'changeSurvey' : 'answerSurvey')}</a></p>`;
}

function renderIncoming({ t, lang }: ParticipantPageContext, m: ParticipantPageModel): SafeHtml {
  const waiting = m.incoming.filter((r) => r.status === 'pending');
  const items = waiting.map((r) => {
    const name = r.counterpart.name || t('unknownCompany');
    return html`<li class="card">
<p class="what"><strong>${company(r.counterpart, t, lang)}</strong></p>
<dl><dt>${t('priority')}</dt><dd>${t(r.priority)}</dd><dt>${t('expires')}</dt><dd>${r.expiresAt ? displayDateTime(r.expiresAt, lang) : t('noExpiry')}</dd></dl>
<div class="actions">
<form method="post" action="${actionUrl(m.token, `requests/${encodeURIComponent(r.id)}/accept`, lang)}"><button type="submit" aria-label="${t('acceptLabel', { company: name })}">${t('accept')}</button></form>
<form method="post" action="${actionUrl(m.token, `requests/${encodeURIComponent(r.id)}/decline`, lang)}"><button type="submit" class="secondary" aria-label="${t('declineLabel', { company: name })}">${t('decline')}</button></form>
</div>
</li>`;
  });
  return html`<section id="incoming" aria-labelledby="incoming-h"><h2 id="incoming-h">${t('incomingTitle')}</h2>
${items.length === 0 ? html`<p>${t('incomingNone')}</p>` : html`<ul class="cards">${items}</ul>`}
</section>`;
}

function renderOutgoing({ t, lang }: ParticipantPageContext, m: ParticipantPageModel): SafeHtml {
  const items = m.outgoing.map(
    (r) => html`<li class="card">
<p class="what"><strong>${company(r.counterpart, t, lang)}</strong></p>
<dl><dt>${t('priority')}</dt><dd>${t(r.priority)}</dd><dt>${t('status')}</dt><dd>${statusBadge(t, r.status)}</dd></dl>
</li>`,
  );
  return html`<section id="outgoing" aria-labelledby="outgoing-h"><h2 id="outgoing-h">${t('outgoingTitle')}</h2>
${items.length === 0 ? html`<p>${t('outgoingNone')}</p>` : html`<ul class="cards">${items}</ul>`}
</section>`;
}

function renderSuggestions({ t, lang }: ParticipantPageContext, m: ParticipantPageModel): SafeHtml {
  const items = m.suggestions.map((s, i) => {
    const form = s.requestStatus
      ? html`<p>${t('alreadyAsked', { status: statusWord(t, s.requestStatus) })}</p>`
      : html`<form method="post" action="${actionUrl(m.token, 'requests', lang)}" class="ask">
<input type="hidden" name="counterpart" value="${s.participant}">
<div class="field"><label for="priority-${i}">${t('priority')}</label>
<select id="priority-${i}" name="priority" aria-label="${t('priorityFor', { company: s.companyName })}">${PRIORITIES.map((p) => html`<option value="${p}"${raw(p === 'want' ? ' selected' : '')}>${t(p)}</option>`)}</select></div>
<button type="submit" aria-label="${t('requestLabel', { company: s.companyName })}">${t('requestMeeting')}</button>
</form>`;
    return html`<li class="card">
<p class="what"><strong>${t('meetingWith', { company: s.companyName, country: countryName(s.country, lang) })}</strong></p>
<p><span class="label">${t('why')}:</span> ${lang === 'ko' ? s.reason.ko : s.reason.en}</p>
${form}
</li>`;
  });
  return html`<section id="suggestions" aria-labelledby="suggestions-h"><h2 id="suggestions-h">${t('suggestionsTitle')}</h2>
${items.length === 0 ? html`<p>${t('suggestionsNone')}</p>` : html`<ul class="cards">${items}</ul>`}
</section>`;
}

function renderAway({ t, lang }: ParticipantPageContext, m: ParticipantPageModel): SafeHtml {
  const away = new Set(m.unavailableSlots);
  const days = new Map<string, ParticipantPageModel['slots']>();
  for (const s of m.slots) days.set(s.start.slice(0, 10), [...(days.get(s.start.slice(0, 10)) ?? []), s]);
  const groups = [...days].map(
    ([day, slots]) => html`<fieldset><legend>${dayLabel(day, lang)}</legend>
<ul class="slots">${slots.map(
      (s) => html`<li><input type="checkbox" id="away-${s.id}" name="away" value="${s.id}"${raw(away.has(s.id) ? ' checked' : '')}><label for="away-${s.id}"><span class="sr-only">${t('awayWord')} </span>${displayLocalTime(hhmm(s.start), lang)}–${displayLocalTime(hhmm(s.end), lang)}</label></li>`,
    )}</ul>
</fieldset>`,
  );
  return html`<section id="away" aria-labelledby="away-h"><h2 id="away-h">${t('awayTitle')}</h2>
${m.slots.length === 0
    ? html`<p>${t('awayNone')}</p>`
    : html`<form method="post" action="${actionUrl(m.token, 'availability', lang)}">
<p class="hint" id="away-intro">${t('awayIntro')} ${t('agendaTimes')}</p>
${groups}
<button type="submit">${t('save')}</button>
</form>`}
</section>`;
}

// ---------------------------------------------------------------- error pages

/** An invalid or forged link, or another refusal without a page to show it on. */
export function renderMessagePage(ctx: ParticipantPageContext, title: string, text: string, back?: string): string {
  return frame(ctx, title, html`<h1>${title}</h1><p>${text}</p>${back && html`<p><a href="${back}">${ctx.t('backToPage')}</a></p>`}`);
}

// Added after the site stylesheet. Mobile-first; nothing is wider than the screen; Korean words never break inside.
const STYLES = `
body{word-break:keep-all;overflow-wrap:anywhere}
main{max-width:48rem}
.toc{display:flex;flex-wrap:wrap;gap:.25rem .75rem;list-style:none;margin:0 0 .5rem;padding:0}
h2{border-bottom:1px solid #ddd;padding-bottom:.2rem}
.sub{margin:-.75rem 0 1rem;color:#444}
.hint{color:#555;font-size:.9rem}
ul.cards{list-style:none;margin:0;padding:0}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem .75rem;margin-bottom:.6rem}
.card p{margin:.2rem 0}
dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;margin:.3rem 0}
dt{font-weight:600}
dd{margin:0}
.label{font-weight:600}
form.ask{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin-top:.4rem}
form.ask .field{flex:1 1 10rem;margin:0}
button{min-height:2.75rem}
select{width:100%;min-height:2.75rem}
fieldset{border:1px solid #ddd;border-radius:6px;margin:0 0 .75rem;padding:.5rem .75rem;min-width:0}
legend{font-weight:700;padding:0 .25rem}
ul.slots{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
ul.slots li{display:flex;align-items:center;gap:.4rem;min-height:2.75rem}
ul.slots input{width:1.4rem;height:1.4rem;min-height:0;margin:0;flex:none}
ul.slots label{display:inline;font-weight:400;margin:0;white-space:nowrap}
.badge{display:inline-block;white-space:nowrap;font-size:.85rem;font-weight:700;padding:.05rem .45rem;border-radius:999px;border:1px solid #98a2b3;background:#f2f4f7;color:#344054}
.badge.status-accepted{background:#ecfdf3;border-color:#12b76a;color:#05603a}
.badge.status-pending{background:#fffaeb;border-color:#f79009;color:#93370d}
.badge.status-declined,.badge.status-expired,.badge.status-cancelled{background:#fef3f2;border-color:#b42318;color:#b42318}
.notice.bad{color:#b42318;font-weight:600}
.changes details{margin:.35rem 0}
.changes summary{cursor:pointer;color:#0b57d0;min-height:2.75rem;display:flex;align-items:center}
.changes textarea{width:100%;box-sizing:border-box;font:inherit}
.changes .pending{font-weight:600;color:#93370d}
`;
