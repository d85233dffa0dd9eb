import { displayDate, displayDateTime } from '../../../core/time/display';
import { html, raw, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { renderSitePage } from '../../../core/web/site-frame';
import { countryName, LANGUAGES, sortedByName } from '../domain/world-names';
import { PRIORITIES } from '../entities/meeting-request.entity';
import type { ParticipantKey, ParticipantT } from './participant-page.messages';
import { pageUrl } from './participant-page.view';
import type { ExhibitorMeetingsT } from './exhibitor-meetings-page.messages';
import {
  applicationStatusWord, editionActionUrl, editionMeetingsUrl, errorLinks, exhibitorMeetingsUrl, reasonText, type EditionPageModel, type ListEntry, type OptInErrors,
  type OptInValues,
} from './exhibitor-meetings-page.view-model';

/*
 * Pure rendering of the exhibitor's export-meetings pages under /exhibitor/meetings (session
 * cookie + CSRF token, like the other /exhibitor pages): the list of its editions and an edition's
 * page — the opt-in form, or its suggested buyers and requests (the participant page's model, in
 * the participant page's words) with accept/decline. Phone first, no script.
 */

export interface ExhibitorMeetingsContext {
  lang: Lang;
  t: ExhibitorMeetingsT;
  /** The participant page's words: priorities, request states, the request sections. */
  pt: ParticipantT;
  langHref: (lang: Lang) => string;
  csrf: string;
}

export interface Notice {
  ok: boolean;
  text: string;
}

const DASHBOARD = '/exhibitor';

function frame(ctx: ExhibitorMeetingsContext, title: string, body: SafeHtml): string {
  return renderSitePage({ lang: ctx.lang, title, langHref: ctx.langHref, body, extraStyles: STYLES, noindex: true });
}

const notice = (n: Notice | undefined): SafeHtml | string =>
  n ? html`<p class="notice ${n.ok ? 'ok' : 'bad'}" role="${n.ok ? 'status' : 'alert'}">${n.text}</p>` : '';

const csrfField = (csrf: string): SafeHtml => html`<input type="hidden" name="_csrf" value="${csrf}">`;

const stateBadge = (ctx: ExhibitorMeetingsContext, state: ListEntry['state']): SafeHtml =>
  html`<span class="badge state-${state}">${ctx.t(state === 'joined' ? 'stateJoined' : state === 'open' ? 'stateOpen' : 'stateClosed')}</span>`;

// ---------------------------------------------------------------- the list

export function renderExhibitorMeetingsList(ctx: ExhibitorMeetingsContext, entries: ListEntry[], flash?: Notice): string {
  const { t, lang } = ctx;
  const items = entries.map((e) => html`<li class="card">
<p><a href="${editionMeetingsUrl(e.code, lang)}"><strong>${e.name[lang]}</strong></a> ${stateBadge(ctx, e.state)}</p>
${e.reason && e.state === 'closed' ? html`<p class="hint">${reasonText(e.reason, e.applicationStatus, t)}</p>` : ''}
</li>`);
  const body = html`<h1>${t('listTitle')}</h1>
${notice(flash)}
<p>${t('listIntro')}</p>
${items.length === 0 ? html`<p>${t('listNone')}</p>` : html`<ul class="cards">${items}</ul>`}
<p><a href="${DASHBOARD}?lang=${lang}">${t('backToDashboard')}</a></p>`;
  return frame(ctx, t('listTitle'), body);
}

// ---------------------------------------------------------------- an edition

export interface EditionPageState {
  values?: OptInValues;
  errors?: OptInErrors;
  notice?: Notice;
}

export function renderExhibitorMeetingsPage(ctx: ExhibitorMeetingsContext, m: EditionPageModel, state: EditionPageState = {}): string {
  const { t, lang } = ctx;
  const title = t('editionTitle', { edition: m.name[lang] });
  const facts = html`<dl class="facts">${m.company ? html`<dt>${t('company')}</dt><dd>${m.company}</dd>` : ''}
<dt>${t('applicationStatus')}</dt><dd>${applicationStatusWord(m.applicationStatus, t)}</dd></dl>`;
  let main: SafeHtml;
  if (m.joined) main = joinedSections(ctx, m);
  else if (m.optIn.may) main = optInForm(ctx, m, state.values ?? m.defaults, state.errors ?? {});
  else main = html`<p class="notice bad" role="alert">${reasonText(m.optIn.reason, m.applicationStatus, t)}</p>`;
  const body = html`<h1>${title}</h1>
${notice(state.notice)}
${facts}
${main}
<p><a href="${exhibitorMeetingsUrl(lang)}">${t('backToList')}</a> · <a href="${DASHBOARD}?lang=${lang}">${t('backToDashboard')}</a></p>`;
  return frame(ctx, title, body);
}

function optInForm(ctx: ExhibitorMeetingsContext, m: EditionPageModel, v: OptInValues, errors: OptInErrors): SafeHtml {
  const { t, lang } = ctx;
  const err = (f: keyof OptInErrors): SafeHtml | string => (errors[f] ? html`<p class="error" id="e-${f}">${errors[f]}</p>` : '');
  const invalid = (f: keyof OptInErrors): SafeHtml => raw(errors[f] ? ` aria-invalid="true" aria-describedby="e-${f}"` : '');
  const links = errorLinks(errors);
  const checks = (name: 'languages' | 'interests' | 'days', options: Array<{ value: string; label: string }>, legend: string, hint?: string): SafeHtml => html`
<fieldset id="f-${name}"${invalid(name)}><legend>${legend}</legend>${hint ? html`<p class="hint">${hint}</p>` : ''}
<ul class="checks">${options.map((o, i) => html`<li><input type="checkbox" id="f-${name}-${i}" name="${name}" value="${o.value}"${raw(v[name].includes(o.value) ? ' checked' : '')}><label for="f-${name}-${i}">${o.label}</label></li>`)}</ul>
${err(name)}</fieldset>`;
  return html`<section aria-labelledby="join-h"><h2 id="join-h">${t('joinTitle')}</h2>
${links.length > 0 ? html`<div class="errors" role="alert"><p><strong>${t('summaryTitle')}</strong></p><ul>${links.map((l) => html`<li><a href="${l.href}">${l.text}</a></li>`)}</ul></div>` : ''}
<p>${t('joinIntro')}</p>
<form method="post" action="${editionActionUrl(m.code, 'opt-in', lang)}" novalidate>${csrfField(ctx.csrf)}
<div class="field"><label for="f-contactName">${t('contactName')}</label>
<input id="f-contactName" name="contactName" value="${v.contactName}" maxlength="100" required autocomplete="name"${invalid('contactName')}>${err('contactName')}</div>
<div class="field"><label for="f-email">${t('email')}</label><p class="hint" id="h-email">${t('emailHint')}</p>
<input id="f-email" name="email" type="email" value="${v.email}" maxlength="254" required autocomplete="email"${invalid('email')}>${err('email')}</div>
${checks('languages', sortedByName(LANGUAGES, lang).map((l) => ({ value: l.code, label: l[lang] })), t('languages'))}
${checks('interests', m.choices.categories.map((c) => ({ value: c.code, label: lang === 'ko' ? c.nameKo : c.nameEn })), t('interests'), t('interestsHint'))}
${checks('days', m.choices.days.map((d) => ({ value: d, label: displayDate(d, lang) })), t('days'))}
<fieldset id="f-locale"><legend>${t('locale')}</legend><ul class="checks">
<li><input type="radio" id="f-locale-ko" name="locale" value="ko"${raw(v.locale === 'ko' ? ' checked' : '')}><label for="f-locale-ko">${t('localeKo')}</label></li>
<li><input type="radio" id="f-locale-en" name="locale" value="en"${raw(v.locale === 'en' ? ' checked' : '')}><label for="f-locale-en">${t('localeEn')}</label></li>
</ul>${err('locale')}</fieldset>
<button type="submit">${t('join')}</button>
</form></section>`;
}

const company = (pt: ParticipantT, name: string, country: string, lang: Lang): string =>
  name ? pt('meetingWith', { company: name, country: countryName(country, lang) }) : pt('unknownCompany');

const statusWord = (pt: ParticipantT, status: string): string =>
  ['pending', 'accepted', 'declined', 'expired', 'cancelled'].includes(status) ? pt(status as ParticipantKey) : status;

const statusBadge = (pt: ParticipantT, status: string): SafeHtml => html`<span class="badge status-${status}">${statusWord(pt, status)}</span>`;

function joinedSections(ctx: ExhibitorMeetingsContext, m: EditionPageModel): SafeHtml {
  const { t, pt, lang } = ctx;
  const j = m.joined!;
  const page = j.page;
  const languageNames = j.languages.map((c) => LANGUAGES.find((l) => l.code === c)?.[lang] ?? c).join(', ');
  const interestNames = j.interests.map((c) => m.choices.categories.find((x) => x.code === c)).map((c, i) => (c ? (lang === 'ko' ? c.nameKo : c.nameEn) : j.interests[i])).join(', ');
  const waiting = page.incoming.filter((r) => r.status === 'pending');
  const incoming = waiting.map((r) => {
    const name = r.counterpart.name || pt('unknownCompany');
    return html`<li class="card">
<p><strong>${company(pt, r.counterpart.name, r.counterpart.country, lang)}</strong></p>
<dl><dt>${pt('priority')}</dt><dd>${pt(r.priority)}</dd><dt>${pt('expires')}</dt><dd>${r.expiresAt ? displayDateTime(r.expiresAt, lang) : pt('noExpiry')}</dd></dl>
<div class="actions">
<form method="post" action="${editionActionUrl(m.code, `requests/${encodeURIComponent(r.id)}/accept`, lang)}">${csrfField(ctx.csrf)}<button type="submit" aria-label="${pt('acceptLabel', { company: name })}">${pt('accept')}</button></form>
<form method="post" action="${editionActionUrl(m.code, `requests/${encodeURIComponent(r.id)}/decline`, lang)}">${csrfField(ctx.csrf)}<button type="submit" class="secondary" aria-label="${pt('declineLabel', { company: name })}">${pt('decline')}</button></form>
</div></li>`;
  });
  const answered = page.incoming.filter((r) => r.status !== 'pending').map((r) => html`<li class="card"><p><strong>${company(pt, r.counterpart.name, r.counterpart.country, lang)}</strong> ${statusBadge(pt, r.status)}</p></li>`);
  const outgoing = page.outgoing.map((r) => html`<li class="card"><p><strong>${company(pt, r.counterpart.name, r.counterpart.country, lang)}</strong> ${statusBadge(pt, r.status)}</p>
<p class="hint">${pt('priority')}: ${pt(r.priority)}</p></li>`);
  const suggestions = page.suggestions.map((s, i) => html`<li class="card">
<p><strong>${company(pt, s.companyName, s.country, lang)}</strong></p>
<p><span class="label">${pt('why')}:</span> ${lang === 'ko' ? s.reason.ko : s.reason.en}</p>
${s.requestStatus
    ? html`<p>${pt('alreadyAsked', { status: statusWord(pt, s.requestStatus) })}</p>`
    : html`<form method="post" action="${editionActionUrl(m.code, 'requests', lang)}" class="ask">${csrfField(ctx.csrf)}
<input type="hidden" name="counterpart" value="${s.participant}">
<div class="field"><label for="priority-${i}">${pt('priority')}</label>
<select id="priority-${i}" name="priority" aria-label="${pt('priorityFor', { company: s.companyName })}">${PRIORITIES.map((p) => html`<option value="${p}"${raw(p === 'want' ? ' selected' : '')}>${pt(p)}</option>`)}</select></div>
<button type="submit" aria-label="${pt('requestLabel', { company: s.companyName })}">${pt('requestMeeting')}</button></form>`}
</li>`);
  return html`<p>${t('joinedIntro', { email: j.email })}</p>
<p><a href="${pageUrl(j.token, lang)}">${t('privatePage')}</a></p>
<section id="incoming" aria-labelledby="incoming-h"><h2 id="incoming-h">${pt('incomingTitle')}</h2>
${incoming.length === 0 ? html`<p>${pt('incomingNone')}</p>` : html`<ul class="cards">${incoming}</ul>`}
${answered.length > 0 ? html`<h3>${t('answeredTitle')}</h3><ul class="cards">${answered}</ul>` : ''}</section>
<section id="outgoing" aria-labelledby="outgoing-h"><h2 id="outgoing-h">${pt('outgoingTitle')}</h2>
${outgoing.length === 0 ? html`<p>${pt('outgoingNone')}</p>` : html`<ul class="cards">${outgoing}</ul>`}</section>
<section id="suggestions" aria-labelledby="suggestions-h"><h2 id="suggestions-h">${pt('suggestionsTitle')}</h2>
${suggestions.length === 0 ? html`<p>${pt('suggestionsNone')}</p>` : html`<ul class="cards">${suggestions}</ul>`}</section>
<section aria-labelledby="facts-h"><h2 id="facts-h">${t('joinedFacts')}</h2>
<dl><dt>${t('contactName')}</dt><dd>${j.contactName}</dd><dt>${t('email')}</dt><dd>${j.email}</dd>
<dt>${t('languages')}</dt><dd>${languageNames}</dd><dt>${t('interests')}</dt><dd>${interestNames}</dd>
<dt>${t('days')}</dt><dd>${j.days.map((d) => displayDate(d, lang)).join(', ')}</dd></dl></section>
<section aria-labelledby="leave-h"><h2 id="leave-h">${t('optOutTitle')}</h2>
${m.optOut.may
    ? html`<p>${t('optOutText')}</p><form method="post" action="${editionActionUrl(m.code, 'opt-out', lang)}">${csrfField(ctx.csrf)}<button type="submit" class="secondary">${t('optOutButton')}</button></form>`
    : html`<p>${t('optOutClosed')}</p>`}</section>`;
}

/** A refusal on its own page (an unknown fair, a refused action), with the way back. */
export function renderExhibitorMeetingsRefusal(ctx: ExhibitorMeetingsContext, text: string, back: string): string {
  const { t } = ctx;
  return frame(ctx, t('refusedTitle'), html`<h1>${t('refusedTitle')}</h1><p class="notice bad" role="alert">${text}</p><p><a href="${back}">${t('backToList')}</a></p>`);
}

// Added after the site stylesheet. Mobile-first; nothing is wider than the screen; Korean words never break inside.
const STYLES = `
body{word-break:keep-all;overflow-wrap:anywhere}
main{max-width:48rem}
h2{border-bottom:1px solid #ddd;padding-bottom:.2rem}
.hint{color:#555;font-size:.9rem}
ul.cards{list-style:none;margin:0;padding:0}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem .75rem;margin-bottom:.6rem}
.card p{margin:.2rem 0}
dl{display:grid;grid-template-columns:fit-content(45%) minmax(0,1fr);gap:.1rem .75rem;margin:.3rem 0}
dt{font-weight:600}
dd{margin:0}
.label{font-weight:600}
form.ask{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin-top:.4rem}
form.ask .field{flex:1 1 10rem;margin:0}
.actions{display:flex;flex-wrap:wrap;gap:.5rem}
button{min-height:2.75rem}
select{width:100%;min-height:2.75rem}
input[type=email],input:not([type]){width:100%;box-sizing:border-box}
fieldset{border:1px solid #ddd;border-radius:6px;margin:0 0 .75rem;padding:.5rem .75rem;min-width:0}
legend{font-weight:700;padding:0 .25rem}
ul.checks{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
ul.checks li{display:flex;align-items:center;gap:.4rem;min-height:2.75rem}
ul.checks input{width:1.4rem;height:1.4rem;min-height:0;margin:0;flex:none}
ul.checks label{display:inline;font-weight:400;margin:0}
.error{color:#b42318;font-weight:600}
.errors{border:2px solid #b42318;border-radius:6px;padding:.5rem .75rem;margin-bottom:1rem;color:#b42318}
.errors a{color:#b42318}
.badge{display:inline-block;white-space:nowrap;font-size:.85rem;font-weight:700;padding:.05rem .45rem;border-radius:999px;border:1px solid #98a2b3;background:#f2f4f7;color:#344054}
.badge.status-accepted,.badge.state-joined{background:#ecfdf3;border-color:#12b76a;color:#05603a}
.badge.status-pending,.badge.state-open{background:#fffaeb;border-color:#f79009;color:#93370d}
.badge.status-declined,.badge.status-expired,.badge.status-cancelled{background:#fef3f2;border-color:#b42318;color:#b42318}
.notice.bad{color:#b42318;font-weight:600}
`;
