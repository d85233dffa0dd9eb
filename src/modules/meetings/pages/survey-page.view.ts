import { displayDateTime, displayTimeRange } from '../../../core/time/display';
import { html, raw, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { renderSitePage } from '../../../core/web/site-frame';
import { countryName } from '../domain/world-names';
import type { SurveyField } from '../domain/survey-answer';
import type { SurveyPageModel } from '../meeting-surveys.service';
import { surveyPath } from '../meeting-surveys.service';
import type { SurveyKey, SurveyT } from './survey-page.messages';

/*
 * The after-meeting survey on the participant's private link: one plain form (no script) that
 * posts and comes back with a 303; a refused answer comes back with the errors next to each field
 * and summarised on top (with links to the fields), the values as typed.
 */

export interface SurveyPageContext {
  lang: Lang;
  t: SurveyT;
  langHref: (lang: Lang) => string;
}

/** The survey page's address in a language, with an optional flash. */
export function surveyUrl(token: string, meetingId: string, lang?: Lang, done?: 'saved'): string {
  const q = new URLSearchParams({ ...(lang ? { lang } : {}), ...(done ? { done } : {}) }).toString();
  return `${surveyPath(token, meetingId)}${q ? `?${q}` : ''}`;
}

/** The fields in form order, with their label. */
const FIELDS: Array<[SurveyField, SurveyKey]> = [
  ['satisfaction', 'satisfaction'],
  ['followUp', 'followUp'],
  ['consultationUsd', 'consultationUsd'],
  ['expectedContractUsd', 'expectedContractUsd'],
  ['comment', 'comment'],
];

/** The id a field's first control has (the target of the summary's links). */
const controlId = (f: SurveyField): string => (f === 'satisfaction' ? 'f-satisfaction-1' : f === 'followUp' ? 'f-followUp-yes' : `f-${f}`);

export function renderSurveyPage(ctx: SurveyPageContext, m: SurveyPageModel, saved = false): string {
  const { t, lang } = ctx;
  const errorText = (f: SurveyField): string | undefined => (m.errors[f] ? t(`err_${m.errors[f]}` as SurveyKey) : undefined);
  const fieldError = (f: SurveyField): SafeHtml | string => {
    const text = errorText(f);
    return text ? html`<p class="field-error" id="err-${f}">${text}</p>` : '';
  };
  const describedBy = (f: SurveyField, hint?: string): SafeHtml => {
    const ids = [hint, m.errors[f] ? `err-${f}` : undefined].filter(Boolean).join(' ');
    return ids ? html` aria-describedby="${ids}"` : html``;
  };
  const invalid = (f: SurveyField): SafeHtml => (m.errors[f] ? html` aria-invalid="true"` : html``);
  const checked = (yes: boolean): SafeHtml => (yes ? raw(' checked') : raw(''));
  const failed = FIELDS.filter(([f]) => m.errors[f]);
  const summary = failed.length > 0
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="errors"><h2>${t('errorsTitle')}</h2><ul>${failed.map(
        ([f, key]) => html`<li><a href="#${controlId(f)}">${t(key)}: ${errorText(f)}</a></li>`,
      )}</ul></div>`
    : '';
  const when = displayTimeRange(m.startsAt, m.endsAt, lang);
  const action = `${surveyPath(m.token, m.meetingId)}?lang=${lang}`;
  const body = html`
<h1>${t('title')}</h1>
<p class="sub">${lang === 'ko' ? m.edition.nameKo : m.edition.nameEn} · ${m.company}</p>
${saved && html`<p class="notice ok" role="status">${t('saved')}</p>`}
${summary}
<p>${t('lead', { when, counterpart: m.counterpart, country: countryName(m.counterpartCountry, lang) })}</p>
<p class="hint">${t('times')}</p>
${m.answeredAt && html`<p class="hint">${t('answeredAt', { when: displayDateTime(m.answeredAt, lang) })}</p>`}
<form method="post" action="${action}" novalidate>
<fieldset${describedBy('satisfaction', 'hint-satisfaction')}><legend>${t('satisfaction')}</legend>
<p class="hint" id="hint-satisfaction">${t('satisfactionHint')}</p>
${fieldError('satisfaction')}
<ul class="choices">${[1, 2, 3, 4, 5].map(
    (n) => html`<li><input type="radio" id="f-satisfaction-${n}" name="satisfaction" value="${n}"${checked(m.values.satisfaction === String(n))}${invalid('satisfaction')}><label for="f-satisfaction-${n}">${t(`sat${n}` as SurveyKey)}</label></li>`,
  )}</ul>
</fieldset>
<fieldset${describedBy('followUp')}><legend>${t('followUp')}</legend>
${fieldError('followUp')}
<ul class="choices">
<li><input type="radio" id="f-followUp-yes" name="followUp" value="yes"${checked(m.values.followUp === 'yes')}${invalid('followUp')}><label for="f-followUp-yes">${t('yes')}</label></li>
<li><input type="radio" id="f-followUp-no" name="followUp" value="no"${checked(m.values.followUp === 'no')}${invalid('followUp')}><label for="f-followUp-no">${t('no')}</label></li>
</ul>
</fieldset>
<p class="hint" id="hint-amount">${t('amountHint')}</p>
${(['consultationUsd', 'expectedContractUsd'] as const).map(
    (f) => html`<div class="field"><label for="f-${f}">${t(f)}</label>
${fieldError(f)}
<div class="amount"><span aria-hidden="true">$</span><input type="text" inputmode="decimal" autocomplete="off" id="f-${f}" name="${f}" value="${m.values[f] ?? ''}" maxlength="24"${describedBy(f, 'hint-amount')}${invalid(f)}></div></div>`,
  )}
<div class="field"><label for="f-comment">${t('comment')}</label>
${fieldError('comment')}
<textarea id="f-comment" name="comment" rows="4" maxlength="4000"${describedBy('comment')}${invalid('comment')}>${m.values.comment ?? ''}</textarea></div>
<button type="submit">${t('submit')}</button>
</form>
<p><a href="/meetings/${encodeURIComponent(m.token)}?lang=${lang}">${t('backToPage')}</a></p>
<p class="hint">${t('privateLink')}</p>`;
  return renderSitePage({ lang, title: t('title'), langHref: ctx.langHref, body, extraStyles: STYLES, noindex: true });
}

/** An invalid link, a meeting that is not the participant's or not held, or a server error. */
export function renderSurveyMessagePage(ctx: SurveyPageContext, title: string, text: string): string {
  return renderSitePage({ lang: ctx.lang, title, langHref: ctx.langHref, body: html`<h1>${title}</h1><p>${text}</p>`, extraStyles: STYLES, noindex: true });
}

const STYLES = `
body{word-break:keep-all;overflow-wrap:anywhere}
main{max-width:40rem}
.sub{margin:-.75rem 0 1rem;color:#444}
.hint{color:#555;font-size:.9rem}
fieldset{border:1px solid #ddd;border-radius:6px;margin:0 0 1rem;padding:.5rem .75rem;min-width:0}
legend{font-weight:700;padding:0 .25rem}
ul.choices{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
ul.choices li{display:flex;align-items:center;gap:.4rem;min-height:2.75rem}
ul.choices input{width:1.4rem;height:1.4rem;min-height:0;margin:0;flex:none}
ul.choices label{display:inline;font-weight:400;margin:0;white-space:nowrap}
.field{margin:0 0 1rem}
.field label{display:block;font-weight:700;margin-bottom:.25rem}
.amount{display:flex;align-items:center;gap:.4rem}
.amount input{flex:1 1 auto;min-width:0;max-width:16rem;min-height:2.75rem}
textarea{width:100%;box-sizing:border-box}
button{min-height:2.75rem}
.field-error{color:#b42318;font-weight:600;margin:.2rem 0}
.error-summary{border:2px solid #b42318;border-radius:6px;padding:.5rem .75rem;margin:0 0 1rem;color:#b42318}
.error-summary h2{font-size:1.05rem;margin:0 0 .25rem}
.error-summary a{color:#b42318}
[aria-invalid="true"]{border-color:#b42318}
.notice.ok{color:#05603a;font-weight:600}
`;
