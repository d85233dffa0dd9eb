import { displayDate, displayDateRange } from '../../../core/time/display';
import { html, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { renderSitePage } from '../../../core/web/site-frame';
import { ATTENDEE_KINDS } from '../entities/attendee.entity';
import type { VisitEdition } from '../visit-registration.service';
import type { VisitKey, VisitT } from './visit-page.messages';
import { VISIT_FIELDS, type VisitErrors, type VisitField, type VisitValues } from './visit-page.view-model';

/*
 * The public visitor registration page: one form (no script), every field with its label, hint and
 * error; on a refusal the errors are listed on top, each a link to its field, and the values stay.
 */

export const visitPath = (code: string): string => `/fairs/${encodeURIComponent(code)}/visit`;

export interface VisitPageContext {
  lang: Lang;
  t: VisitT;
  langHref: (lang: Lang) => string;
}

export interface VisitFormModel {
  edition: VisitEdition;
  values: VisitValues;
  errors: VisitErrors;
  /** A message on top that belongs to no field. */
  message?: VisitKey;
  csrf: string;
}

/** Where each field's error links to: the field's first control. */
export const fieldAnchor = (field: VisitField, edition: VisitEdition): string =>
  field === 'kind' ? `v-kind-${ATTENDEE_KINDS[0]}` : field === 'days' ? `v-day-${edition.days[0] ?? ''}` : field === 'language' ? 'v-language-ko' : `v-${field}`;

const editionLabel = (e: VisitEdition, lang: Lang): string => (lang === 'ko' ? e.nameKo : e.nameEn) || e.code;

function errorText(t: VisitT, id: string, key: VisitKey | undefined): SafeHtml | '' {
  return key ? html`<p class="error" id="${id}-error">${t(key)}</p>` : '';
}

function describedBy(id: string, hint: boolean, error: boolean): string {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
}

function textField(ctx: VisitPageContext, m: VisitFormModel, field: 'name' | 'email' | 'company' | 'country', opts: {
  type?: string; hint?: VisitKey; required: boolean; autocomplete: string; maxlength: number;
}): SafeHtml {
  const { t } = ctx;
  const id = `v-${field}`;
  const err = m.errors[field];
  const described = describedBy(id, Boolean(opts.hint), Boolean(err));
  return html`<div class="field"><label for="${id}">${t(field)} <span class="req">(${t(opts.required ? 'required' : 'optional')})</span></label>
${opts.hint ? html`<p class="hint" id="${id}-hint">${t(opts.hint)}</p>` : ''}${errorText(t, id, err)}
<input id="${id}" name="${field}" type="${opts.type ?? 'text'}" value="${m.values[field]}" autocomplete="${opts.autocomplete}" maxlength="${opts.maxlength}"${
  opts.required ? html` required` : ''}${err ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}></div>`;
}

function choiceGroup(ctx: VisitPageContext, m: VisitFormModel, field: 'kind' | 'days' | 'language', legend: VisitKey, hint: VisitKey | undefined,
  options: Array<{ value: string; label: string }>, multiple: boolean): SafeHtml {
  const { t } = ctx;
  const id = `v-${field}`;
  const err = m.errors[field];
  const chosen = (value: string): boolean => (field === 'days' ? m.values.days.includes(value) : m.values[field] === value);
  const idOf = (value: string): string => (field === 'days' ? `v-day-${value}` : `v-${field}-${value}`);
  const described = describedBy(id, Boolean(hint), Boolean(err));
  return html`<fieldset class="field choices" id="${id}"${err ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}>
<legend>${t(legend)} <span class="req">(${t('required')})</span></legend>
${hint ? html`<p class="hint" id="${id}-hint">${t(hint)}</p>` : ''}${errorText(t, id, err)}
${options.map((o) => html`<label class="choice" for="${idOf(o.value)}"><input type="${multiple ? 'checkbox' : 'radio'}" id="${idOf(o.value)}" name="${field}" value="${o.value}"${
  chosen(o.value) ? html` checked` : ''}> <span>${o.label}</span></label>`)}
</fieldset>`;
}

function summary(ctx: VisitPageContext, m: VisitFormModel): SafeHtml | '' {
  const { t } = ctx;
  const wrong = VISIT_FIELDS.filter((f) => m.errors[f]);
  if (wrong.length === 0 && !m.message) return '';
  return html`<div class="notice bad summary" role="alert" tabindex="-1" id="errors">
${m.message ? html`<p>${t(m.message)}</p>` : ''}
${wrong.length > 0 ? html`<p><strong>${t('summaryTitle', { n: wrong.length })}</strong></p>
<ul>${wrong.map((f) => html`<li><a href="#${fieldAnchor(f, m.edition)}">${t(f === 'days' ? 'days' : f)}: ${t(m.errors[f] ?? 'errInvalid')}</a></li>`)}</ul>` : ''}
</div>`;
}

export function renderVisitForm(ctx: VisitPageContext, m: VisitFormModel): string {
  const { t, lang } = ctx;
  const e = m.edition;
  const name = editionLabel(e, lang);
  const checkbox = (field: 'consentMessages' | 'consentShareContact', label: VisitKey): SafeHtml =>
    html`<label class="choice" for="v-${field}"><input type="checkbox" id="v-${field}" name="${field}" value="true"${m.values[field] ? html` checked` : ''}> <span>${t(label)}</span></label>`;
  const body = html`<h1>${t('title')}</h1>
<p class="sub"><strong>${name}</strong><br>${t('when', { dates: displayDateRange(e.startsOn, e.endsOn, lang) })}</p>
${summary(ctx, m)}
<p>${t('intro', { edition: name })}</p>
<form method="post" action="${visitPath(e.code)}?lang=${lang}" class="visit" novalidate>
<input type="hidden" name="_csrf" value="${m.csrf}">
<input type="hidden" name="formKey" value="${m.values.formKey}">
${textField(ctx, m, 'name', { hint: 'nameHint', required: true, autocomplete: 'name', maxlength: 120 })}
${textField(ctx, m, 'email', { type: 'email', hint: 'emailHint', required: true, autocomplete: 'email', maxlength: 254 })}
${textField(ctx, m, 'company', { required: false, autocomplete: 'organization', maxlength: 200 })}
${textField(ctx, m, 'country', { hint: 'countryHint', required: true, autocomplete: 'country', maxlength: 2 })}
${choiceGroup(ctx, m, 'kind', 'kind', undefined, ATTENDEE_KINDS.map((k) => ({ value: k, label: t(k) })), false)}
${choiceGroup(ctx, m, 'days', 'days', 'daysHint', e.days.map((d) => ({ value: d, label: displayDate(d, lang) })), true)}
${choiceGroup(ctx, m, 'language', 'language', undefined, [{ value: 'ko', label: t('ko') }, { value: 'en', label: t('en') }], false)}
<fieldset class="field choices"><legend>${t('consents')} <span class="req">(${t('optional')})</span></legend>
<p class="hint">${t('consentsHint')}</p>
${checkbox('consentMessages', 'consentMessages')}
${checkbox('consentShareContact', 'consentShare')}
</fieldset>
<p class="hint">${t('privacy')}</p>
<button type="submit">${t('submit')}</button>
</form>`;
  return renderSitePage({ lang, langHref: ctx.langHref, title: `${t('title')} · ${name}`, body, extraStyles: STYLES });
}

/** A page with a title and a sentence (closed edition, "check your email", errors). */
export function renderVisitMessage(ctx: VisitPageContext, title: string, text: string, links: Array<{ href: string; label: string }>): string {
  const body = html`<h1>${title}</h1><p>${text}</p>${links.length > 0 ? html`<ul class="links">${links.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul>` : ''}`;
  return renderSitePage({ lang: ctx.lang, langHref: ctx.langHref, title, body, extraStyles: STYLES });
}

export { editionLabel };

const STYLES = `
main{max-width:40rem;overflow-wrap:break-word;word-break:keep-all}
.sub{color:#444;margin:0 0 1rem}
.req{font-weight:400;color:#555;font-size:.9rem}
fieldset.choices{border:1px solid #ddd;border-radius:6px;padding:.5rem .75rem;margin:0 0 .9rem}
fieldset.choices[aria-invalid=true]{border-color:#b42318;border-width:2px}
legend{font-weight:600;padding:0 .25rem}
label.choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;margin:.35rem 0;min-height:2.75rem;cursor:pointer}
label.choice input{width:1.25rem;height:1.25rem;min-height:0;margin:.15rem 0 0;flex:none}
.field .error,p.error{color:#b42318;font-weight:600;margin:.2rem 0}
.field .hint{margin:.1rem 0 .3rem}
.summary ul{margin:.3rem 0 0;padding-left:1.2rem}
.summary a{color:#b42318}
input{max-width:100%}
form.visit button{min-height:2.75rem;width:100%;max-width:24rem}
`;
