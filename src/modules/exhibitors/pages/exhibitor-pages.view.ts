import { displayDate, displayDateRange, displayDateTime } from '../../../core/time/display';
import { html, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { renderSitePage } from '../../../core/web/site-frame';
import type { FairSeriesResponse } from '../../fairs/dto/fair.response';
import type { ProductCategory } from '../../fairs/product-categories';
import { BOOTH_KINDS } from '../domain/booth-kinds';
import type { ApplicationResponse, FeeResponse, StatusChangeResponse } from '../dto/application.dto';
import type { ExhibitionResponse } from '../dto/booth.dto';
import type { CompanyMemberResponse, CompanyResponse, InvitationResponse } from '../dto/company.dto';
import { BOOTH_TYPES, type ApplicationStatus } from '../entities/exhibitor-application.entity';
import { UPLOAD_KINDS, type UploadKind } from '../entities/exhibitor-upload.entity';
import type { ApplicationField, ApplicationValues, FieldErrors, SignUpField, SignUpValues } from './exhibitor-pages.forms';
import type { ExhibitorMessageKey, ExhibitorT } from './messages';
import { applicationOffer, editionTitle, errorSummary, type ApplicationPageOffer } from './exhibitor-pages.view-model';
import { COUNTRIES, countryName } from '../domain/countries';
import { companyNameFor } from '../domain/company-name';
import { FOREIGN_IDENTIFIER_KINDS, identifierHint, identifierKindName } from '../domain/company-identifier';

/*
 * Pure rendering of the exhibitor pages: data in, HTML out, every value escaped by html``.
 * Written for a phone first: one column, big targets, nothing wider than 360 px.
 */

export const EXHIBITOR_BASE = '/exhibitor';
export const PAGES = {
  dashboard: EXHIBITOR_BASE,
  fairs: `${EXHIBITOR_BASE}/fairs`,
  edition: (code: string): string => `${EXHIBITOR_BASE}/fairs/${encodeURIComponent(code)}`,
  signUp: `${EXHIBITOR_BASE}/sign-up`,
  confirmEmail: `${EXHIBITOR_BASE}/confirm-email`,
  login: `${EXHIBITOR_BASE}/login`,
  logout: `${EXHIBITOR_BASE}/logout`,
  resend: `${EXHIBITOR_BASE}/resend-confirmation`,
  forgot: `${EXHIBITOR_BASE}/forgot-password`,
  reset: `${EXHIBITOR_BASE}/reset-password`,
  join: `${EXHIBITOR_BASE}/join`,
  invitations: `${EXHIBITOR_BASE}/invitations`,
  newApplication: (edition: string): string => `${EXHIBITOR_BASE}/applications/new?edition=${encodeURIComponent(edition)}`,
  application: (id: string): string => `${EXHIBITOR_BASE}/applications/${id}`,
  withdraw: (id: string): string => `${EXHIBITOR_BASE}/applications/${id}/withdraw`,
  upload: (id: string, kind: UploadKind): string => `${EXHIBITOR_BASE}/applications/${id}/upload/${kind}`,
  /**
   * The company's export meetings (opt in, buyers, requests): a page of the meetings area, one floor
   * up — linked by its URL only, the exhibitors area does not import the meetings.
   */
  meetings: `${EXHIBITOR_BASE}/meetings`,
} as const;

export interface PageContext {
  lang: Lang;
  t: ExhibitorT;
  langHref: (lang: Lang) => string;
  user?: { displayName: string; csrf: string };
}

export interface Notice {
  ok: boolean;
  text: string;
}

// ---------------------------------------------------------------- shared parts

/** Won as Koreans and others read it: 2,860,000원 / KRW 2,860,000. */
export function formatKrw(amount: number, lang: Lang): string {
  const digits = Math.abs(amount).toLocaleString('en-US');
  const sign = amount < 0 ? '-' : '';
  return lang === 'ko' ? `${sign}${digits}원` : `${sign}KRW ${digits}`;
}

/** An instant in Gwangju's time: "2027년 1월 5일 (화) 오후 3:04" / "Tue 5 Jan 2027, 3:04 PM" (core/time/display, no ICU). */
export function formatInstant(iso: string, lang: Lang): string {
  return displayDateTime(iso, lang);
}

export function statusText(t: ExhibitorT, status: ApplicationStatus): string {
  return t(`app_${status}` as ExhibitorMessageKey);
}

/** A status in words and colour (never colour alone). */
export function statusBadge(t: ExhibitorT, status: ApplicationStatus): SafeHtml {
  return html`<span class="badge st-${status}">${statusText(t, status)}</span>`;
}

function attrs(values: Record<string, string | number | boolean | undefined>): SafeHtml {
  return html`${Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? html` ${k}` : html` ${k}="${String(v)}"`))}`;
}

interface FieldSpec {
  id: string;
  name: string;
  label: string;
  value?: string;
  type?: string;
  error?: string;
  hint?: string;
  required?: boolean;
  extra?: Record<string, string | number | boolean | undefined>;
}

/** The ids a control's description points at: its hint, then its error. */
function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function help(id: string, hint?: string, error?: string): SafeHtml {
  return html`${hint && html`<div class="hint" id="${id}-hint">${hint}</div>`}${error && html`<div class="error" id="${id}-error">${error}</div>`}`;
}

export function field(f: FieldSpec): SafeHtml {
  const a = attrs({
    type: f.type ?? 'text', required: f.required, 'aria-invalid': f.error ? 'true' : undefined, 'aria-describedby': describedBy(f.id, f.hint, f.error), ...f.extra,
  });
  return html`<div class="field"><label for="${f.id}">${f.label}</label>
<input id="${f.id}" name="${f.name}" value="${f.value ?? ''}"${a}>${help(f.id, f.hint, f.error)}</div>`;
}

function select(f: FieldSpec & { options: Array<{ value: string; label: string }> }): SafeHtml {
  const a = attrs({ required: f.required, 'aria-invalid': f.error ? 'true' : undefined, 'aria-describedby': describedBy(f.id, f.hint, f.error) });
  return html`<div class="field"><label for="${f.id}">${f.label}</label>
<select id="${f.id}" name="${f.name}"${a}>${f.options.map((o) => html`<option value="${o.value}"${attrs({ selected: o.value === f.value })}>${o.label}</option>`)}</select>${help(f.id, f.hint, f.error)}</div>`;
}

export function csrf(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

export function notice(n: Notice | undefined): SafeHtml | undefined {
  return n && html`<div class="notice ${n.ok ? 'ok' : 'bad'}" role="${n.ok ? 'status' : 'alert'}">${n.text}</div>`;
}

/**
 * The error summary at the top of a form: the message, and for long forms a link to each field
 * in error (the field's own error stays next to it).
 */
export function formErrors(t: ExhibitorT, errors: object, message?: string, links: Array<{ href: string; text: string }> = []): SafeHtml | undefined {
  if (Object.keys(errors).length === 0 && !message) return undefined;
  if (links.length === 0) return html`<div class="notice bad" role="alert">${message ?? t('formErrors')}</div>`;
  return html`<div class="notice bad error-summary" role="alert" id="error-summary" tabindex="-1"><h2>${t('errorSummaryTitle')}</h2>
${message && html`<p>${message}</p>`}<p>${t('errorSummaryLead')}</p>
<ul>${links.map((l) => html`<li><a href="${l.href}">${l.text}</a></li>`)}</ul></div>`;
}

/** The logged-in exhibitor (김민준 님), their page and the logout; the login link otherwise. */
function header(ctx: PageContext): SafeHtml {
  const { t } = ctx;
  if (!ctx.user) return html`<a href="${PAGES.login}">${t('login')}</a>`;
  return html`<span class="who">${t('person', { name: ctx.user.displayName })}</span> <a href="${PAGES.dashboard}">${t('myPage')}</a>
<form class="inline" method="post" action="${PAGES.logout}">${csrf(ctx.user.csrf)}<button type="submit" class="secondary">${t('logout')}</button></form>`;
}

// Small additions to the shared stylesheet: badges per status, checkboxes, definition lists.
const STYLES = `
main{max-width:46rem}
.badge{border:1px solid;padding:.05rem .4rem;font-size:.85rem;white-space:nowrap;display:inline-block}
.error,.field .error{color:#b42318}
.error-summary h2{font-size:1.05rem;margin:0 0 .3rem}.error-summary ul{margin:.3rem 0 0;padding-left:1.2rem}.error-summary a{color:#b42318}
.actions{display:flex;flex-wrap:wrap;gap:.5rem}
.who{font-weight:600;white-space:nowrap}
input,select,textarea{max-width:100%}
h1,h2{overflow-wrap:anywhere}
main:lang(ko){word-break:keep-all;overflow-wrap:break-word}
.st-approved{background:#d1fadf;color:#05603a}.st-rejected,.st-cancelled{background:#fee4e2;color:#912018}
.st-submitted,.st-under_review{background:#d1e9ff;color:#102a56}.st-waitlisted,.st-changes_requested{background:#fef0c7;color:#7a2e0e}
.st-draft{background:#f2f4f7;color:#344054}
fieldset{border:1px solid #ddd;border-radius:6px;margin:0 0 1rem;padding:.5rem .9rem;min-width:0}
legend{font-weight:700;padding:0 .3rem}
.check{display:flex;gap:.5rem;align-items:center;margin:.3rem 0}
.check input{width:1.4rem;height:1.4rem;min-height:0;margin:0}
.check label{display:inline;font-weight:400;margin:0}
textarea{font:inherit;padding:.4rem;border:1px solid #888;border-radius:4px;width:100%;max-width:24rem}
dl.facts{display:grid;grid-template-columns:minmax(6rem,auto) 1fr;gap:.3rem 1rem}
dl.facts dt{font-weight:600}dl.facts dd{margin:0;overflow-wrap:anywhere}
ul.plain{list-style:none;padding:0}ul.plain li{border:1px solid #ddd;border-radius:6px;padding:.6rem;margin-bottom:.5rem;overflow-wrap:anywhere}
table.fees{border-collapse:collapse;width:100%}table.fees td,table.fees th{padding:.3rem;border-bottom:1px solid #e3e3e3;text-align:left}
table.fees td.amount{text-align:right;white-space:nowrap}
`;

/** Every exhibitor page in the public site's frame (its header and footer), the exhibitor in the header. */
export function page(ctx: PageContext, title: string, body: SafeHtml): string {
  return renderSitePage({ lang: ctx.lang, title, langHref: ctx.langHref, headerExtra: header(ctx), body, extraStyles: STYLES, noindex: ctx.user !== undefined });
}

// ---------------------------------------------------------------- fairs

export function renderFairsPage(ctx: PageContext, fairs: FairSeriesResponse[]): string {
  const { t, lang } = ctx;
  const open = fairs.flatMap((f) => f.editions.filter((e) => e.status === 'registration_open').map((e) => ({ fair: f, edition: e })));
  const body = html`<h1>${t('fairsTitle')}</h1>
<p>${t('fairsIntro')}</p>
${open.length === 0 ? html`<p>${t('noOpenEditions')}</p>` : html`<ul class="plain">${open.map(({ fair, edition }) => html`<li>
<h2><a href="${PAGES.edition(edition.code)}">${editionTitle({ year: edition.year, series: fair }, lang)}</a></h2>
<p>${displayDateRange(edition.startsOn, edition.endsOn, lang)}</p>
<p>${lang === 'ko' ? fair.descriptionKo : fair.descriptionEn}</p></li>`)}</ul>`}
${!ctx.user && html`<p><a class="button" href="${PAGES.signUp}">${t('signUp')}</a> <a class="button secondary" href="${PAGES.login}">${t('login')}</a></p>`}`;
  return page(ctx, t('fairsTitle'), body);
}

export interface EditionPageModel {
  code: string;
  name: string;
  status: string;
  startsOn: string;
  endsOn: string;
  venue: string;
  exhibition: ExhibitionResponse;
}

export function renderEditionPage(ctx: PageContext, m: EditionPageModel): string {
  const { t, lang } = ctx;
  const x = m.exhibition;
  const open = m.status === 'registration_open';
  const applyHref = ctx.user ? PAGES.newApplication(m.code) : PAGES.signUp;
  const body = html`<h1>${m.name}</h1>
<dl class="facts">
<dt>${t('dates')}</dt><dd>${displayDateRange(m.startsOn, m.endsOn, lang)}</dd>
<dt>${t('venue')}</dt><dd>${m.venue}</dd>
<dt>${t('deadline')}</dt><dd>${x.registrationDeadline ? formatInstant(x.registrationDeadline, lang) : t('noDeadline')}</dd>
</dl>
<h2>${t('tariff')}</h2>
<ul>
<li>${t('shellScheme')}: ${formatKrw(x.priceShellSchemeKrw, lang)}</li>
<li>${t('rawSpace')}: ${formatKrw(x.priceRawSpaceKrw, lang)}</li>
</ul>
<p>${t('surcharges', { corner: x.cornerSurchargePct, island: x.islandSurchargePct, vat: x.vatPct })}</p>
${x.earlyBirdUntil && x.earlyBirdDiscountPct > 0 && html`<p>${t('earlyBird', { pct: x.earlyBirdDiscountPct, date: displayDate(x.earlyBirdUntil, lang) })}</p>`}
<h2>${t('halls')}</h2>
<ul>${x.halls.map((h) => html`<li>${t('hallRoom', { hall: lang === 'ko' ? h.nameKo : h.nameEn, free: h.boothsFree, capacity: h.boothCapacity })}</li>`)}</ul>
${open ? html`<p><a class="button" href="${applyHref}">${t('apply')}</a></p>` : html`<p>${t('registrationClosed')}</p>`}
<p><a href="${PAGES.fairs}">${t('backToFairs')}</a></p>`;
  return page(ctx, m.name, body);
}

// ---------------------------------------------------------------- accounts

export interface SignUpModel {
  csrf: string;
  values: SignUpValues;
  errors: FieldErrors<SignUpField>;
  message?: string;
}

/** The sign-up form's fields in page order, for the error summary. */
function signUpFields(t: ExhibitorT): Array<{ field: SignUpField; id: string; label: string }> {
  return (['companyName', 'alternateName', 'country', 'countryOther', 'brn', 'identifierKind', 'identifier', 'address', 'website', 'displayName', 'email', 'password', 'language'] as const)
    .map((f) => ({ field: f, id: `f-${f}`, label: t(f) }));
}

/**
 * Country and identifier: a Korean company gives its 사업자등록번호, a company elsewhere its own
 * identifier and its kind. Without JS both parts are there; the server decides by the country,
 * and after a refusal the hint names the chosen country's format.
 */
function companyIdentityFields(ctx: PageContext, v: SignUpValues, e: FieldErrors<SignUpField>): SafeHtml {
  const { t, lang } = ctx;
  const country = v.country || 'KR';
  const listed = COUNTRIES.some((c) => c.code === country);
  const countries = [...COUNTRIES.map((c) => ({ value: c.code, label: `${c[lang]} (${c.code})` })), { value: 'other', label: t('countryOtherOption') }];
  const kinds = FOREIGN_IDENTIFIER_KINDS.map((k) => ({ value: k, label: identifierKindName(k, lang) }));
  return html`${select({ id: 'f-country', name: 'country', label: t('country'), value: listed ? country : 'other', error: e.country, required: true, options: countries })}
${field({ id: 'f-countryOther', name: 'countryOther', label: `${t('countryOther')} ${t('optional')}`, value: listed ? '' : country, error: e.countryOther, hint: t('countryHint'), extra: { maxlength: 2, pattern: '[A-Za-z]{2}' } })}
<fieldset class="identity"><legend>${t('koreanCompany')}</legend>
${field({ id: 'f-brn', name: 'brn', label: t('brn'), value: v.brn, error: e.brn, hint: t('brnHint'), extra: { inputmode: 'numeric', pattern: '[0-9]{3}-?[0-9]{2}-?[0-9]{5}', maxlength: 12 } })}
</fieldset>
<fieldset class="identity"><legend>${t('foreignCompany')}</legend>
${select({ id: 'f-identifierKind', name: 'identifierKind', label: t('identifierKind'), value: v.identifierKind, error: e.identifierKind, options: [{ value: '', label: t('chooseKind') }, ...kinds] })}
${field({ id: 'f-identifier', name: 'identifier', label: t('identifier'), value: v.identifier, error: e.identifier, hint: country === 'KR' ? t('identifierHint') : identifierHint(country, lang), extra: { maxlength: 60, autocapitalize: 'characters' } })}
</fieldset>`;
}

export function renderSignUpPage(ctx: PageContext, m: SignUpModel): string {
  const { t } = ctx;
  const v = m.values;
  const e = m.errors;
  const body = html`<h1>${t('signUpTitle')}</h1>
${formErrors(t, e, m.message, errorSummary(e, signUpFields(t)))}
<form method="post" action="${PAGES.signUp}" novalidate>
${csrf(m.csrf)}
<fieldset><legend>${t('companyInfo')}</legend>
${field({ id: 'f-companyName', name: 'companyName', label: t('companyName'), value: v.companyName, error: e.companyName, required: true, extra: { maxlength: 200, autocomplete: 'organization' } })}
${field({ id: 'f-alternateName', name: 'alternateName', label: `${t('alternateName')} ${t('optional')}`, value: v.alternateName, error: e.alternateName, hint: t('alternateNameHint'), extra: { maxlength: 200 } })}
${companyIdentityFields(ctx, v, e)}
${field({ id: 'f-address', name: 'address', label: t('address'), value: v.address, error: e.address, required: true, extra: { maxlength: 300, autocomplete: 'street-address' } })}
${field({ id: 'f-website', name: 'website', label: `${t('website')} ${t('optional')}`, value: v.website, error: e.website, hint: t('websiteHint'), type: 'url', extra: { maxlength: 200 } })}
</fieldset>
<fieldset><legend>${t('contact')}</legend>
${field({ id: 'f-displayName', name: 'displayName', label: t('displayName'), value: v.displayName, error: e.displayName, required: true, extra: { maxlength: 100, autocomplete: 'name' } })}
${field({ id: 'f-email', name: 'email', label: t('email'), value: v.email, error: e.email, type: 'email', required: true, extra: { maxlength: 254, autocomplete: 'email' } })}
${field({ id: 'f-password', name: 'password', label: t('password'), error: e.password, hint: t('passwordHint'), type: 'password', required: true, extra: { minlength: 10, maxlength: 200, autocomplete: 'new-password' } })}
${select({ id: 'f-language', name: 'language', label: t('language'), value: v.language, error: e.language, options: [{ value: 'ko', label: t('langKo') }, { value: 'en', label: t('langEn') }] })}
</fieldset>
<button type="submit">${t('signUpButton')}</button>
</form>
<p><a href="${PAGES.login}">${t('login')}</a></p>`;
  return page(ctx, t('signUpTitle'), body);
}

/** A page that only says something, with links onwards. */
export function renderMessagePage(ctx: PageContext, m: { title: string; text: string; ok?: boolean; links?: Array<{ href: string; label: string }> }): string {
  const body = html`<h1>${m.title}</h1>
<p role="${m.ok === false ? 'alert' : 'status'}">${m.text}</p>
${m.links && html`<p>${m.links.map((l) => html`<a class="button secondary" href="${l.href}">${l.label}</a> `)}</p>`}`;
  return page(ctx, m.title, body);
}

export function renderConfirmEmailPage(ctx: PageContext, m: { csrf: string; token: string }): string {
  const { t } = ctx;
  const body = html`<h1>${t('confirmTitle')}</h1>
<p>${t('confirmText')}</p>
<form method="post" action="${PAGES.confirmEmail}">${csrf(m.csrf)}<input type="hidden" name="token" value="${m.token}">
<button type="submit">${t('confirmButton')}</button></form>`;
  return page(ctx, t('confirmTitle'), body);
}

export interface LoginModel {
  csrf: string;
  email: string;
  error?: string;
  notConfirmed?: boolean;
  flash?: Notice;
}

export function renderLoginPage(ctx: PageContext, m: LoginModel): string {
  const { t } = ctx;
  const err = m.error ? 'login-error' : undefined;
  const body = html`<h1>${t('loginTitle')}</h1>
${notice(m.flash)}
${m.error && html`<div class="notice bad" role="alert" id="login-error">${m.error}</div>`}
${m.notConfirmed && html`<form method="post" action="${PAGES.resend}">${csrf(m.csrf)}<input type="hidden" name="email" value="${m.email}">
<button type="submit" class="secondary">${t('resendButton')}</button></form>`}
<form method="post" action="${PAGES.login}">
${csrf(m.csrf)}
<div class="field"><label for="f-email">${t('email')}</label>
<input id="f-email" name="email" type="email" autocomplete="username" required maxlength="254" value="${m.email}"${attrs({ 'aria-invalid': err && 'true', 'aria-describedby': err })}></div>
<div class="field"><label for="f-password">${t('password')}</label>
<input id="f-password" name="password" type="password" autocomplete="current-password" required maxlength="200"${attrs({ 'aria-invalid': err && 'true', 'aria-describedby': err })}></div>
<button type="submit">${t('login')}</button>
</form>
<p><a href="${PAGES.forgot}">${t('forgotLink')}</a></p>
<p><a href="${PAGES.signUp}">${t('signUp')}</a></p>`;
  return page(ctx, t('loginTitle'), body);
}

export function renderForgotPage(ctx: PageContext, m: { csrf: string; email: string; error?: string; sent?: boolean }): string {
  const { t } = ctx;
  const body = html`<h1>${t('forgotTitle')}</h1>
${m.sent && notice({ ok: true, text: t('forgotSent') })}
<p>${t('forgotText')}</p>
<form method="post" action="${PAGES.forgot}" novalidate>${csrf(m.csrf)}
${field({ id: 'f-email', name: 'email', label: t('email'), value: m.email, type: 'email', error: m.error, required: true, extra: { maxlength: 254, autocomplete: 'email' } })}
<button type="submit">${t('forgotButton')}</button></form>`;
  return page(ctx, t('forgotTitle'), body);
}

export function renderResetPage(ctx: PageContext, m: { csrf: string; token: string; error?: string; message?: string }): string {
  const { t } = ctx;
  const body = html`<h1>${t('resetTitle')}</h1>
${m.message && notice({ ok: false, text: m.message })}
<form method="post" action="${PAGES.reset}" novalidate>${csrf(m.csrf)}<input type="hidden" name="token" value="${m.token}">
${field({ id: 'f-password', name: 'password', label: t('newPassword'), type: 'password', error: m.error, hint: t('passwordHint'), required: true, extra: { minlength: 10, maxlength: 200, autocomplete: 'new-password' } })}
<button type="submit">${t('resetButton')}</button></form>`;
  return page(ctx, t('resetTitle'), body);
}

export interface JoinModel {
  csrf: string;
  token: string;
  values: { displayName: string; language: string };
  errors: { displayName?: string; password?: string };
  message?: string;
}

export function renderJoinPage(ctx: PageContext, m: JoinModel): string {
  const { t } = ctx;
  const body = html`<h1>${t('joinTitle')}</h1>
${formErrors(t, m.errors, m.message)}
<p>${t('joinText')}</p>
<form method="post" action="${PAGES.join}" novalidate>${csrf(m.csrf)}<input type="hidden" name="token" value="${m.token}">
${field({ id: 'f-displayName', name: 'displayName', label: t('displayName'), value: m.values.displayName, error: m.errors.displayName, required: true, extra: { maxlength: 100, autocomplete: 'name' } })}
${field({ id: 'f-password', name: 'password', label: t('password'), type: 'password', error: m.errors.password, hint: t('passwordHint'), required: true, extra: { minlength: 10, maxlength: 200, autocomplete: 'new-password' } })}
${select({ id: 'f-language', name: 'language', label: t('language'), value: m.values.language, options: [{ value: 'ko', label: t('langKo') }, { value: 'en', label: t('langEn') }] })}
<button type="submit">${t('joinButton')}</button></form>`;
  return page(ctx, t('joinTitle'), body);
}

// ---------------------------------------------------------------- dashboard

export interface DashboardModel {
  company: CompanyResponse;
  applications: ApplicationResponse[];
  /** Open editions the company has not applied to yet. */
  openEditions: Array<{ code: string; name: string }>;
  editionNames: Record<string, string>;
  members: CompanyMemberResponse[];
  invitations: InvitationResponse[];
  invite: { email: string; error?: string };
  flash?: Notice;
}

export function renderDashboard(ctx: PageContext, m: DashboardModel): string {
  const { t, lang } = ctx;
  const title = t('dashboardTitle', { company: m.company.name });
  const body = html`<h1>${title}</h1>
${notice(m.flash)}
<h2>${t('applications')}</h2>
${m.applications.length === 0 ? html`<p>${t('noApplications')}</p>` : html`<ul class="plain">${m.applications.map((a) => html`<li>
<a href="${PAGES.application(a.id)}">${m.editionNames[a.edition] ?? a.edition}</a> ${statusBadge(t, a.status)}
${a.submittedAt && html`<div class="hint">${t('submittedAt')}: ${formatInstant(a.submittedAt, lang)}</div>`}</li>`)}</ul>`}
<h2>${t('meetingsTitle')}</h2>
<p><a href="${PAGES.meetings}?lang=${lang}">${t('meetingsLink')}</a></p>
<h2>${t('applyTo')}</h2>
${m.openEditions.length === 0 ? html`<p>${t('noOpenEditions')}</p>` : html`<ul>${m.openEditions.map((e) => html`<li><a href="${PAGES.newApplication(e.code)}">${t('applyToEdition', { edition: e.name })}</a></li>`)}</ul>`}
<h2>${t('companyInfo')}</h2>
<dl class="facts"><dt>${t('companyName')}</dt><dd>${companyNameFor(lang, m.company)}</dd>
<dt>${m.company.identifierKind === 'kr-brn' ? t('brn') : identifierKindName(m.company.identifierKind, lang)}</dt><dd>${m.company.identifier}</dd>
<dt>${t('country')}</dt><dd>${countryName(m.company.country, lang)} (${m.company.country})</dd><dt>${t('address')}</dt><dd>${m.company.address}</dd></dl>
<p><a id="billing-profile-link" href="/exhibitor/billing-profile?lang=${lang}">${t('billingProfileLink')}</a></p>
<h2>${t('colleagues')}</h2>
<ul>${m.members.map((p) => html`<li>${t('person', { name: p.displayName })} (${p.email}) · ${t(p.role)}</li>`)}</ul>
${m.invitations.length > 0 && html`<h3>${t('openInvitations')}</h3><ul>${m.invitations.map((i) => html`<li>${i.email}</li>`)}</ul>`}
<h2 id="invite">${t('inviteTitle')}</h2>
${ctx.user && html`<form method="post" action="${PAGES.invitations}" novalidate>${csrf(ctx.user.csrf)}
${field({ id: 'f-invite-email', name: 'email', label: t('email'), value: m.invite.email, type: 'email', error: m.invite.error, required: true, extra: { maxlength: 254 } })}
<button type="submit">${t('inviteButton')}</button></form>`}`;
  return page(ctx, title, body);
}

// ---------------------------------------------------------------- application form and page

export interface ApplicationFormModel {
  action: string;
  editionCode: string;
  halls: ExhibitionResponse['halls'];
  categories: ProductCategory[];
  values: ApplicationValues;
  errors: FieldErrors<ApplicationField>;
  message?: string;
}

/** The application form's fields in page order, for the error summary's links. */
function applicationFields(t: ExhibitorT): Array<{ field: ApplicationField; id: string; label: string }> {
  const label: Record<ApplicationField, ExhibitorMessageKey> = {
    contactName: 'contactName', contactEmail: 'contactEmail', contactPhone: 'contactPhone', boothType: 'boothType', boothCount: 'boothCount',
    hall: 'hall', preferredBoothKind: 'preferredKind', productCategories: 'categories', notes: 'notes',
  };
  return (Object.keys(label) as ApplicationField[]).map((f) => ({ field: f, id: f === 'productCategories' ? 'f-categories' : `f-${f}`, label: t(label[f]) }));
}

function applicationForm(ctx: PageContext, f: ApplicationFormModel): SafeHtml {
  const { t, lang } = ctx;
  const v = f.values;
  const e = f.errors;
  const catError = e.productCategories;
  return html`${formErrors(t, e, f.message, errorSummary(e, applicationFields(t)))}
<form method="post" action="${f.action}" novalidate>
${csrf(ctx.user?.csrf ?? '')}<input type="hidden" name="edition" value="${f.editionCode}">
<fieldset><legend>${t('contact')}</legend>
${field({ id: 'f-contactName', name: 'contactName', label: t('contactName'), value: v.contactName, error: e.contactName, required: true, extra: { maxlength: 100, autocomplete: 'name' } })}
${field({ id: 'f-contactEmail', name: 'contactEmail', label: t('contactEmail'), value: v.contactEmail, error: e.contactEmail, type: 'email', required: true, extra: { maxlength: 254, autocomplete: 'email' } })}
${field({ id: 'f-contactPhone', name: 'contactPhone', label: t('contactPhone'), value: v.contactPhone, error: e.contactPhone, type: 'tel', required: true, extra: { maxlength: 23, pattern: '\\+?[0-9][0-9 ()\\-]{6,22}', autocomplete: 'tel' } })}
</fieldset>
<fieldset><legend>${t('booth')}</legend>
${select({ id: 'f-boothType', name: 'boothType', label: t('boothType'), value: v.boothType, error: e.boothType, required: true,
    options: BOOTH_TYPES.map((b) => ({ value: b, label: t(b === 'raw_space' ? 'rawSpace' : 'shellScheme') })) })}
${field({ id: 'f-boothCount', name: 'boothCount', label: t('boothCount'), value: v.boothCount, error: e.boothCount, type: 'number', required: true, extra: { min: 1, max: 100, step: 1, inputmode: 'numeric' } })}
${select({ id: 'f-hall', name: 'hall', label: t('hall'), value: v.hall, error: e.hall, required: true,
    options: [{ value: '', label: t('chooseHall') }, ...f.halls.map((h) => ({ value: h.code, label: t('hallRoom', { hall: lang === 'ko' ? h.nameKo : h.nameEn, free: h.boothsFree, capacity: h.boothCapacity }) }))] })}
${select({ id: 'f-preferredBoothKind', name: 'preferredBoothKind', label: t('preferredKind'), value: v.preferredBoothKind, error: e.preferredBoothKind,
    options: [{ value: '', label: t('noPreference') }, ...BOOTH_KINDS.map((k) => ({ value: k, label: t(`kind_${k}`) }))] })}
</fieldset>
<fieldset id="f-categories" tabindex="-1"${attrs({ 'aria-describedby': describedBy('f-categories', t('categoriesHint'), catError), 'aria-invalid': catError ? 'true' : undefined })}><legend>${t('categories')}</legend>
${help('f-categories', t('categoriesHint'), catError)}
${f.categories.map((c) => html`<div class="check"><input type="checkbox" id="f-cat-${c.code}" name="productCategories" value="${c.code}"${attrs({ checked: v.productCategories.includes(c.code) })}>
<label for="f-cat-${c.code}">${lang === 'ko' ? c.nameKo : c.nameEn}</label></div>`)}
</fieldset>
<div class="field"><label for="f-notes">${t('notes')} ${t('optional')}</label>
<textarea id="f-notes" name="notes" rows="4" maxlength="2000"${attrs({ 'aria-invalid': e.notes ? 'true' : undefined, 'aria-describedby': describedBy('f-notes', undefined, e.notes) })}>${v.notes}</textarea>${help('f-notes', undefined, e.notes)}</div>
<div class="actions"><button type="submit" name="intent" value="submit">${t('submit')}</button>
<button type="submit" name="intent" value="draft" class="secondary">${t('saveDraft')}</button></div>
</form>`;
}

export function renderNewApplicationPage(ctx: PageContext, m: { editionName: string; form: ApplicationFormModel }): string {
  const title = ctx.t('newApplicationTitle', { edition: m.editionName });
  return page(ctx, title, html`<h1>${title}</h1>${applicationForm(ctx, m.form)}<p><a href="${PAGES.dashboard}">${ctx.t('backToDashboard')}</a></p>`);
}

export interface ApplicationPageModel {
  application: ApplicationResponse;
  editionName: string;
  history: StatusChangeResponse[];
  flash?: Notice;
  /** The form, when the application may still be edited. */
  form?: ApplicationFormModel;
  uploadError?: { kind: UploadKind; text: string };
  cancelError?: string;
  /** What the page offers (edit, cancel, upload); from the application by default. */
  offer?: ApplicationPageOffer;
  /** A hall's name from its code; the code itself by default. */
  hallName?: (code: string | null) => string;
}

export function renderApplicationPage(ctx: PageContext, m: ApplicationPageModel): string {
  const { t, lang } = ctx;
  const a = m.application;
  const title = t('applicationTitle', { edition: m.editionName });
  const offer = m.offer ?? applicationOffer(a);
  const hall = m.hallName ?? ((code: string | null): string => code ?? '');
  const body = html`<h1>${title}</h1>
${notice(m.flash)}
${a.status === 'changes_requested' && html`<div class="notice bad" role="status">${t('changesRequestedLead')}</div>`}
<dl class="facts">
<dt>${t('statusLabel')}</dt><dd id="status">${statusBadge(t, a.status)}</dd>
${a.statusReason && html`<dt>${t('reasonLabel')}</dt><dd>${a.statusReason}</dd>`}
<dt>${t('companyName')}</dt><dd>${a.companyName}</dd>
<dt>${t('booth')}</dt><dd>${t(a.booth.type === 'raw_space' ? 'rawSpace' : 'shellScheme')} × ${a.booth.count}${a.hall && html` · ${hall(a.hall)}`}</dd>
</dl>
<h2>${t('boothsAssigned')}</h2>
${a.booths.length === 0 ? html`<p>${t('noBooths')}</p>` : html`<ul id="booths">${a.booths.map((b) => html`<li>${t('boothLine', { code: b.code, kind: t(`kind_${b.kind}`), hall: hall(b.hall) })}</li>`)}</ul>`}
${a.fee && feeTable(ctx, a.fee)}
${(a.status === 'approved' || a.status === 'cancelled') && html`<p><a id="invoice-link" href="/exhibitor/applications/${a.id}/invoice?lang=${lang}">${t('invoiceLink')}</a></p>`}
${m.form && html`<h2>${t('applications')}</h2>${applicationForm(ctx, m.form)}`}
${offer.upload && ctx.user && html`<h2>${t('files')}</h2>${UPLOAD_KINDS.map((kind) => uploadForm(ctx, a, kind, m.uploadError?.kind === kind ? m.uploadError.text : undefined))}`}
<h2>${t('history')}</h2>
<ol>${m.history.map((h) => html`<li>${t('historyLine', { at: formatInstant(h.at, lang), to: statusText(t, h.to as ApplicationStatus).replace(/ /g, '\u00a0') })}${h.reason && html` — ${h.reason}`}</li>`)}</ol>
${offer.cancel && ctx.user && html`<h2>${t('cancelTitle')}</h2>
<form method="post" action="${PAGES.withdraw(a.id)}">${csrf(ctx.user.csrf)}
<div class="check"><input type="checkbox" id="f-cancel-confirm" name="confirm" value="yes" required${attrs({ 'aria-invalid': m.cancelError ? 'true' : undefined, 'aria-describedby': m.cancelError ? 'f-cancel-confirm-error' : undefined })}>
<label for="f-cancel-confirm">${t('cancelConfirm')}</label></div>${help('f-cancel-confirm', undefined, m.cancelError)}
<button type="submit" class="danger">${t('cancelButton')}</button></form>`}
<p><a href="${PAGES.dashboard}">${t('backToDashboard')}</a></p>`;
  return page(ctx, title, body);
}

function feeTable(ctx: PageContext, fee: FeeResponse): SafeHtml {
  const { t, lang } = ctx;
  const line = (code: string, qty: number, unit: number): string =>
    t(`fee_${code}` as ExhibitorMessageKey, { qty, unit: formatKrw(unit, lang) });
  return html`<h2>${t('fees')}</h2>
${!fee.final && html`<p class="hint">${t('feeEstimate')}</p>`}
<table class="fees"><tbody>
${fee.lines.map((l) => html`<tr><td>${line(l.code, l.quantity, l.unitKrw)}</td><td class="amount">${formatKrw(l.amountKrw, lang)}</td></tr>`)}
<tr><td>${t('net')}</td><td class="amount">${formatKrw(fee.netKrw, lang)}</td></tr>
<tr><td>${t('vat')}</td><td class="amount">${formatKrw(fee.vatKrw, lang)}</td></tr>
<tr><th scope="row">${t('total')}</th><td class="amount" id="fee-total"><strong>${formatKrw(fee.totalKrw, lang)}</strong></td></tr>
</tbody></table>`;
}

function uploadForm(ctx: PageContext, a: ApplicationResponse, kind: UploadKind, error: string | undefined): SafeHtml {
  const { t } = ctx;
  const id = `f-file-${kind}`;
  return html`<form method="post" action="${PAGES.upload(a.id, kind)}" enctype="multipart/form-data">${csrf(ctx.user?.csrf ?? '')}
<div class="field"><label for="${id}">${t(kind)}${a.uploads.includes(kind) && html` · ${t('fileStored')}`}</label>
<input id="${id}" name="file" type="file" required accept="${kind === 'logo' ? 'image/png,image/jpeg,image/webp' : 'application/pdf'}"${attrs({ 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': error ? `${id}-error` : undefined })}>${help(id, undefined, error)}</div>
<button type="submit" class="secondary">${t('uploadButton')}</button></form>`;
}

// ---------------------------------------------------------------- errors

export function renderErrorPage(ctx: PageContext, m: { status: number; title: string; text: string }): string {
  const body = html`<h1>${m.title}</h1>
<p role="alert">${m.text}</p>
<p><a href="${ctx.user ? PAGES.dashboard : PAGES.fairs}">${ctx.user ? ctx.t('backToDashboard') : ctx.t('backToFairs')}</a></p>`;
  return page(ctx, m.title, body);
}
