import { displayDate } from '../../../core/time/display';
import { html, raw, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { renderSitePage } from '../../../core/web/site-frame';
import { BUYER_FIELDS, FIELD_LABEL, type BuyerField, type BuyerValues, type FieldErrors } from './buyer-registration-page.forms';
import type { BuyerRegistrationKey, BuyerRegistrationT } from './buyer-registration-page.messages';
import { COUNTRIES, LANGUAGES, sortedByName } from '../domain/world-names';
import { COMPANY_IDENTIFIER_KINDS, identifierHint, identifierKindName } from '../../exhibitors/domain/company-identifier';

/*
 * Pure rendering of the buyers' registration page /fairs/:code/buyers: data in, HTML out, every
 * value escaped by the html template, no script. Plus the decisions of the controller (which page
 * or redirect answers a submission), as pure functions tested beside.
 */

export interface BuyerPageContext {
  lang: Lang;
  t: BuyerRegistrationT;
  langHref: (lang: Lang) => string;
}

/** What the service knows of the edition for the form, in both languages. */
export interface BuyerFormModel {
  code: string;
  editionName: { ko: string; en: string };
  /** Buyers may register now. */
  open: boolean;
  categories: Array<{ code: string; nameKo: string; nameEn: string }>;
  /** The export-meeting days (YYYY-MM-DD), in order; empty when no session is set. */
  days: string[];
}

export interface FormState {
  csrf: string;
  formKey: string;
  values: BuyerValues;
  errors: FieldErrors;
  /** A refusal that belongs to no field (the form was used, registration just closed). */
  message?: string;
}

/** What the service answers to a submitted form. */
export type SubmitOutcome =
  | { kind: 'registered'; token: string }
  | { kind: 'invalid'; model: BuyerFormModel; errors: FieldErrors; message?: BuyerRegistrationKey; newFormKey?: boolean }
  | { kind: 'closed'; model: BuyerFormModel };

export const buyerPageUrl = (code: string, lang?: Lang): string => `/fairs/${encodeURIComponent(code)}/buyers${lang ? `?lang=${lang}` : ''}`;

/** The participant page a new buyer lands on, in the language it registered in. */
export const landingUrl = (token: string, lang: Lang): string => `/meetings/${encodeURIComponent(token)}?lang=${lang}&done=registered`;

/**
 * The answer to a submitted form: a 303 to the new participant page, the form again with its
 * errors (400), or the closed notice (409).
 */
export function submitAnswer(
  outcome: SubmitOutcome,
  ctx: BuyerPageContext,
  form: { csrf: string; formKey: string; freshKey: string; values: BuyerValues },
): { redirect: string } | { status: number; page: string } {
  if (outcome.kind === 'registered') return { redirect: landingUrl(outcome.token, ctx.lang) };
  if (outcome.kind === 'closed') return { status: 409, page: renderBuyerRegistrationPage(ctx, outcome.model, undefined) };
  return {
    status: 400,
    page: renderBuyerRegistrationPage(ctx, outcome.model, {
      csrf: form.csrf,
      formKey: outcome.newFormKey ? form.freshKey : form.formKey,
      values: form.values,
      errors: outcome.errors,
      message: outcome.message && ctx.t(outcome.message),
    }),
  };
}

/** "30초" / "2분": how long a refused visitor waits, in words of the page. */
export function waitWords(seconds: number, t: BuyerRegistrationT): string {
  return seconds < 120 ? t('waitSeconds', { n: Math.max(1, Math.ceil(seconds)) }) : t('waitMinutes', { n: Math.ceil(seconds / 60) });
}

// ---------------------------------------------------------------- the page

const fieldId = (f: BuyerField): string => `f-${f}`;

export function renderBuyerRegistrationPage(ctx: BuyerPageContext, m: BuyerFormModel, form: FormState | undefined): string {
  const { t, lang } = ctx;
  const edition = m.editionName[lang];
  if (!m.open || !form) {
    const body = html`<h1>${t('closedTitle')}</h1>
<p class="notice bad" role="status">${t('closedText', { edition })}</p>
<p><a href="/?lang=${lang}">${t('backHome')}</a></p>`;
    return frame(ctx, t('closedTitle'), body);
  }
  const e = form.errors;
  const v = form.values;
  const wrong = BUYER_FIELDS.filter((f) => e[f]);
  const summary = wrong.length > 0
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="errors"><h2>${t('errorSummary', { count: wrong.length })}</h2>
<ul>${wrong.map((f) => html`<li><a href="#${fieldId(f)}">${t(FIELD_LABEL[f])}: ${e[f]}</a></li>`)}</ul></div>`
    : undefined;
  const categories = [...m.categories].map((c) => ({ code: c.code, name: lang === 'ko' ? c.nameKo : c.nameEn }));
  const body = html`<h1>${t('title')}</h1>
<p class="sub">${edition}</p>
<p>${t('intro', { edition })}</p>
${summary}
${form.message && html`<p class="notice bad" role="alert">${form.message}</p>`}
<form method="post" action="${buyerPageUrl(m.code, lang)}" novalidate>
<input type="hidden" name="_csrf" value="${form.csrf}">
<input type="hidden" name="formKey" value="${form.formKey}">
<fieldset class="group"><legend>${t('companySection')}</legend>
${textField(ctx, 'companyName', v.companyName, e, { autocomplete: 'organization', maxlength: '200' })}
${textField(ctx, 'alternateCompanyName', v.alternateCompanyName, e, { maxlength: '200' }, t('alternateCompanyNameHint'), false)}
${selectField(ctx, 'country', v.country, e)}
${kindField(ctx, v.identifierKind, e)}
${textField(ctx, 'identifier', v.identifier, e, { maxlength: '60', autocapitalize: 'characters' }, v.country ? identifierHint(v.country, lang) : t('identifierHint'), false)}
</fieldset>
<fieldset class="group"><legend>${t('contactSection')}</legend>
${textField(ctx, 'contactName', v.contactName, e, { autocomplete: 'name', maxlength: '100' })}
${textField(ctx, 'email', v.email, e, { type: 'email', autocomplete: 'email', maxlength: '254', inputmode: 'email' }, t('emailHint'))}
</fieldset>
${choiceField(ctx, 'interests', categories, v.interests, e, t('interestsHint'), 'wide')}
${choiceField(ctx, 'languages', sortedByName(LANGUAGES, lang).map((l) => ({ code: l.code, name: l[lang] })), v.languages, e, t('languagesHint'))}
${m.days.length > 0
    ? choiceField(ctx, 'days', m.days.map((d) => ({ code: d, name: displayDate(d, lang) })), v.days, e, t('daysHint'), 'wide')
    : html`<fieldset class="group"><legend>${t('days')}</legend><p class="hint">${t('daysNone')}</p></fieldset>`}
<div class="field${raw(e.purchasePlans ? ' has-error' : '')}"><label for="${fieldId('purchasePlans')}">${t('purchasePlans')}</label>
<p class="hint" id="${fieldId('purchasePlans')}-hint">${t('purchasePlansHint')}</p>
${errorLine('purchasePlans', e)}
<textarea id="${fieldId('purchasePlans')}" name="purchasePlans" rows="4" maxlength="1000" aria-describedby="${describedBy('purchasePlans', e, true)}"${invalid('purchasePlans', e)}>${v.purchasePlans}</textarea></div>
<fieldset class="group" id="${fieldId('locale')}"><legend>${t('locale')}</legend>
<ul class="choices">${(['ko', 'en'] as const).map(
    (l) => html`<li><input type="radio" id="f-locale-${l}" name="locale" value="${l}"${raw(v.locale === l ? ' checked' : '')}><label for="f-locale-${l}">${t(l === 'ko' ? 'localeKo' : 'localeEn')}</label></li>`,
  )}</ul></fieldset>
<p><button type="submit">${t('submit')}</button></p>
</form>`;
  return frame(ctx, t('title'), body);
}

/** A refusal of the whole page (too many attempts, an expired form, an unknown fair). */
export function renderBuyerMessagePage(ctx: BuyerPageContext, title: string, text: string, back?: string): string {
  const body = html`<h1>${title}</h1><p class="error-text" role="alert">${text}</p>${back && html`<p><a href="${back}">${ctx.t('backToForm')}</a></p>`}`;
  return frame(ctx, title, body);
}

function frame(ctx: BuyerPageContext, title: string, body: SafeHtml): string {
  return renderSitePage({ lang: ctx.lang, langHref: ctx.langHref, title, body, extraStyles: STYLES });
}

// ---------------------------------------------------------------- fields

const describedBy = (f: BuyerField, e: FieldErrors, hint: boolean): string =>
  [hint ? `${fieldId(f)}-hint` : '', e[f] ? `${fieldId(f)}-error` : ''].filter(Boolean).join(' ');
const invalid = (f: BuyerField, e: FieldErrors): SafeHtml => raw(e[f] ? ' aria-invalid="true"' : '');
const errorLine = (f: BuyerField, e: FieldErrors): SafeHtml | undefined => e[f] ? html`<p class="error" id="${fieldId(f)}-error">${e[f]}</p>` : undefined;
const requiredMark = (t: BuyerRegistrationT): SafeHtml => html` <span class="req">(${t('required')})</span>`;

function textField(
  { t }: BuyerPageContext, f: BuyerField, value: string, e: FieldErrors, attrs: Record<string, string>, hint?: string, required = true,
): SafeHtml {
  const extra = Object.entries(attrs).map(([k, v]) => html` ${k}="${v}"`);
  return html`<div class="field${raw(e[f] ? ' has-error' : '')}"><label for="${fieldId(f)}">${t(FIELD_LABEL[f])}${required ? requiredMark(t) : undefined}</label>
${hint && html`<p class="hint" id="${fieldId(f)}-hint">${hint}</p>`}
${errorLine(f, e)}
<input id="${fieldId(f)}" name="${f}" value="${value}"${raw(required ? ' required' : '')}${extra}${invalid(f, e)} aria-describedby="${describedBy(f, e, Boolean(hint))}"></div>`;
}

function selectField({ t, lang }: BuyerPageContext, f: BuyerField, value: string, e: FieldErrors): SafeHtml {
  const options = sortedByName(COUNTRIES, lang).map((c) => html`<option value="${c.code}"${raw(c.code === value ? ' selected' : '')}>${c[lang]}</option>`);
  return html`<div class="field${raw(e[f] ? ' has-error' : '')}"><label for="${fieldId(f)}">${t(FIELD_LABEL[f])}${requiredMark(t)}</label>
${errorLine(f, e)}
<select id="${fieldId(f)}" name="${f}" required autocomplete="country"${invalid(f, e)} aria-describedby="${describedBy(f, e, false)}">
<option value="">${t('countryChoose')}</option>${options}</select></div>`;
}

/** The kind of the optional identifier: a Korean buyer's 사업자등록번호, or its own country's kinds. */
function kindField({ t, lang }: BuyerPageContext, value: string, e: FieldErrors): SafeHtml {
  const f: BuyerField = 'identifierKind';
  const options = COMPANY_IDENTIFIER_KINDS.map((k) => html`<option value="${k}"${raw(k === value ? ' selected' : '')}>${identifierKindName(k, lang)}</option>`);
  return html`<div class="field${raw(e[f] ? ' has-error' : '')}"><label for="${fieldId(f)}">${t(FIELD_LABEL[f])}</label>
${errorLine(f, e)}
<select id="${fieldId(f)}" name="${f}"${invalid(f, e)} aria-describedby="${describedBy(f, e, false)}">
<option value="">${t('identifierKindChoose')}</option>${options}</select></div>`;
}

function choiceField(
  { t }: BuyerPageContext, f: BuyerField, choices: Array<{ code: string; name: string }>, picked: string[], e: FieldErrors, hint: string, kind = '',
): SafeHtml {
  const ticked = new Set(picked);
  return html`<fieldset class="group${raw(e[f] ? ' has-error' : '')}" id="${fieldId(f)}" tabindex="-1" aria-describedby="${describedBy(f, e, true)}"><legend>${t(FIELD_LABEL[f])}${requiredMark(t)}</legend>
<p class="hint" id="${fieldId(f)}-hint">${hint}</p>
${errorLine(f, e)}
<ul class="choices${raw(kind ? ` ${kind}` : '')}">${choices.map(
    (c, i) => html`<li><input type="checkbox" id="${fieldId(f)}-${i}" name="${f}" value="${c.code}"${raw(ticked.has(c.code) ? ' checked' : '')}><label for="${fieldId(f)}-${i}">${c.name}</label></li>`,
  )}</ul></fieldset>`;
}

// Added after the site stylesheet: the form's groups and checkboxes, errors in the error colour.
const STYLES = `
body{word-break:keep-all;overflow-wrap:anywhere}
main{max-width:44rem}
.sub{margin:-.75rem 0 1rem;color:#444;font-weight:600}
fieldset.group{border:1px solid #ddd;border-radius:6px;margin:0 0 1rem;padding:.5rem .9rem .75rem;min-width:0}
fieldset.group legend{font-weight:700;padding:0 .3rem}
fieldset.group:focus{outline:3px solid #f59e0b}
.hint{color:#555;font-size:.9rem;margin:.1rem 0 .4rem}
.req{font-weight:400;color:#555;font-size:.85rem;white-space:nowrap}
textarea{font:inherit;padding:.4rem;border:1px solid #888;border-radius:4px;width:100%;max-width:36rem}
ul.choices{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:.1rem 1rem}
ul.choices.wide{grid-template-columns:repeat(auto-fill,minmax(14rem,1fr))}
ul.choices li{display:flex;align-items:center;gap:.5rem;min-height:2.75rem}
ul.choices input{width:1.3rem;height:1.3rem;min-height:0;margin:0;flex:none}
ul.choices label{display:inline;font-weight:400;margin:0}
.error,.error-text{color:#b42318;font-weight:600;margin:.2rem 0}
.has-error{border-color:#b42318}
fieldset.group.has-error{border-width:2px}
.error-summary{border:2px solid #b42318;border-radius:6px;padding:.5rem 1rem;margin:0 0 1rem;background:#fef3f2}
.error-summary h2{margin:.25rem 0 .5rem;color:#b42318;font-size:1.05rem}
.error-summary ul{margin:0;padding-left:1.2rem}
.error-summary a{color:#b42318;font-weight:600}
button[type=submit]{min-width:10rem}
`;
