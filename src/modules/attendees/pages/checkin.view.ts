import { displayDateRange } from '../../../core/time/display';
import type { ConsoleContext } from '../../../core/web/console-context';
import { renderConsolePage } from '../../../core/web/console-frame';
import { CSRF_FIELD } from '../../../core/web/csrf';
import { html, type SafeHtml } from '../../../core/web/html';
import { translator } from '../../../core/web/i18n';
import { COUNTRIES, countryName } from '../../meetings/domain/world-names';
import type { ConsoleEditionRow } from '../attendees-console.service';
import { ATTENDEE_KINDS } from '../entities/attendee.entity';
import { CHECKIN_MESSAGES, type CheckInT } from './checkin.messages';
import { CHECKIN_PAGE, CHECKIN_SCRIPT, deskHref, kindWord, type DeskView } from './checkin.view-model';

/*
 * The entrance desk on a phone: the scan (a same-origin script, when the browser has BarcodeDetector),
 * the typed code that always works, the visitor and one big button, the walk-in form and the counts.
 */

const STYLES = `
.desk{max-width:36rem;word-break:keep-all;overflow-wrap:anywhere}
.desk [hidden]{display:none!important}
.result{border:2px solid #888;border-radius:10px;padding:.75rem 1rem;margin:1rem 0}
.result.ok{border-color:#137333;background:#e6f4ea}
.result.warn{border-color:#b06000;background:#fef7e0}
.result.error{border-color:#b3261e;background:#fce8e6}
.result.info{border-color:#0b57d0;background:#e8f0fe}
.result .message{font-size:1.2rem;font-weight:700;margin:.2rem 0 .5rem}
.result.error .message{color:#b3261e}
dl.card{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .75rem;margin:.25rem 0 .5rem}
dl.card dt{font-weight:700;word-break:keep-all}
dl.card dd{margin:0;min-width:0;overflow-wrap:anywhere}
button.big{display:block;width:100%;font-size:1.4rem;padding:1rem;border-radius:10px;background:#137333;color:#fff;border:0;margin:.5rem 0}
.field{margin:.5rem 0}
.field label{display:block;font-weight:700}
.field input[type=text],.field input[type=email],.field select{width:100%;max-width:24rem;box-sizing:border-box;font-size:1.1rem;padding:.4rem}
.field .error,.errors{color:#b3261e}
.errors{border:1px solid #b3261e;border-radius:6px;padding:.5rem .75rem}
.hint{color:#555}
.scan video{width:100%;max-width:24rem;border-radius:8px;background:#000}
.check label{display:flex;gap:.5rem;align-items:flex-start;font-weight:400}
.check input[type=checkbox]{width:1.25rem;height:1.25rem;flex:none;margin:.15rem 0 0}
table.counts{border-collapse:collapse}
table.counts th,table.counts td{border-bottom:1px solid #eee;padding:.25rem .5rem;text-align:left}
table.counts td{text-align:right}
.walkin{margin-top:1.5rem}
.walkin summary h2{display:inline}
ul.editions{list-style:none;padding:0}
ul.editions li{margin:.5rem 0}
ul.editions small{display:block;color:#555}
.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
`;

export const checkinT = (ctx: ConsoleContext): CheckInT => translator(CHECKIN_MESSAGES, ctx.lang);

export function renderCheckInEditions(ctx: ConsoleContext, editions: ConsoleEditionRow[]): string {
  const t = checkinT(ctx);
  const body = html`<h1>${t('editionsTitle')}</h1>
${editions.length === 0 ? html`<p>${t('noEditions')}</p>` : html`<p class="hint">${t('editionsHint')}</p>
<ul class="editions">${editions.map((e) => html`<li><a href="${deskHref(e.code)}">${ctx.lang === 'ko' ? e.nameKo : e.nameEn}</a><small>${displayDateRange(e.startsOn, e.endsOn, ctx.lang)}</small></li>`)}</ul>`}`;
  return renderConsolePage(ctx, { title: t('editionsTitle'), section: 'checkin', body, extraStyles: STYLES });
}

function csrfField(ctx: ConsoleContext): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${ctx.user?.csrf ?? ''}">`;
}

function dayField(v: DeskView): SafeHtml {
  return v.day ? html`<input type="hidden" name="day" value="${v.day}">` : html``;
}

function result(ctx: ConsoleContext, code: string, v: DeskView): SafeHtml {
  const r = v.result;
  if (!r) return html``;
  const t = checkinT(ctx);
  return html`<section class="result ${r.tone}" id="result" role="status">
<p class="message">${r.tone === 'error' ? html`${t('refused')}: ` : ''}${r.message}</p>
${r.note && html`<p>${r.note}</p>`}
${r.card && html`<dl class="card">
<dt>${t('name')}</dt><dd>${r.card.name}</dd>
<dt>${t('kind')}</dt><dd>${r.card.kind}</dd>
<dt>${t('company')}</dt><dd>${r.card.company}</dd>
<dt>${t('country')}</dt><dd>${r.card.country}</dd>
<dt>${t('days')}</dt><dd>${r.card.days}</dd>
<dt>${t('badge')}</dt><dd>${r.card.badgeCode}</dd>
</dl>`}
${r.checkInBadge && html`<form method="post" action="${deskHref(code)}">${csrfField(ctx)}${dayField(v)}
<input type="hidden" name="badge" value="${r.checkInBadge}">
<button type="submit" class="big">${t('checkIn')}</button></form>`}
${r.printHref && html`<p><a href="${r.printHref}">${t('printBadge')}</a></p>`}
</section>`;
}

function field(ctx: ConsoleContext, v: DeskView, name: 'name' | 'email' | 'company' | 'country', type: string, extra: { hint?: string; autocomplete?: string } = {}): SafeHtml {
  const t = checkinT(ctx);
  const problem = v.walkIn.errors[name];
  const id = `walkin-${name}`;
  return html`<div class="field"><label for="${id}">${t(name)}</label>
${extra.hint && html`<small class="hint" id="${id}-hint">${extra.hint}</small>`}
<input type="${type}" id="${id}" name="${name}" value="${v.walkIn.values[name]}"${extra.autocomplete ? html` autocomplete="${extra.autocomplete}"` : ''}${problem ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
${problem && html`<p class="error" id="${id}-error">${t(problem)}</p>`}</div>`;
}

function walkInForm(ctx: ConsoleContext, code: string, v: DeskView): SafeHtml {
  const t = checkinT(ctx);
  const w = v.walkIn;
  const open = w.summary.length > 0 || w.formError !== undefined;
  return html`<details class="walkin" id="walk-in"${open ? html` open` : ''}><summary><h2>${t('walkInTitle')}</h2></summary>
<p class="hint">${t('walkInHint')}</p>
${open && html`<div class="errors" role="alert"><p>${w.formError ?? t('errorsTitle')}</p>${w.summary.length > 0 && html`<ul>${w.summary.map((s) => html`<li><a href="#walkin-${s.field}">${s.label}: ${s.message}</a></li>`)}</ul>`}</div>`}
<form method="post" action="${deskHref(code)}/walk-in">${csrfField(ctx)}${dayField(v)}
${field(ctx, v, 'name', 'text', { autocomplete: 'off' })}
${field(ctx, v, 'email', 'email', { autocomplete: 'off' })}
${field(ctx, v, 'company', 'text', { autocomplete: 'off' })}
<div class="field"><label for="walkin-country">${t('country')}</label>
<select id="walkin-country" name="country"${w.errors.country ? html` aria-invalid="true" aria-describedby="walkin-country-error"` : ''}>
<option value="">—</option>
${COUNTRIES.map((c) => html`<option value="${c.code}"${c.code === w.values.country ? html` selected` : ''}>${countryName(c.code, ctx.lang)} (${c.code})</option>`)}
</select>${w.errors.country && html`<p class="error" id="walkin-country-error">${t(w.errors.country)}</p>`}</div>
<div class="field"><label for="walkin-kind">${t('kind')}</label>
<select id="walkin-kind" name="kind">${ATTENDEE_KINDS.map((k) => html`<option value="${k}"${k === w.values.kind ? html` selected` : ''}>${kindWord(k, ctx.lang)}</option>`)}</select>
${w.errors.kind && html`<p class="error" id="walkin-kind-error">${t(w.errors.kind)}</p>`}</div>
<div class="field"><label for="walkin-language">${t('language')}</label>
<select id="walkin-language" name="language">${(['ko', 'en'] as const).map((l) => html`<option value="${l}"${l === w.values.language ? html` selected` : ''}>${t(l)}</option>`)}</select></div>
<div class="field check"><label><input type="checkbox" name="consentMessages" value="yes"${w.values.consentMessages ? html` checked` : ''}> ${t('consentMessages')}</label></div>
<div class="field check"><label><input type="checkbox" name="consentShareContact" value="yes"${w.values.consentShareContact ? html` checked` : ''}> ${t('consentShareContact')}</label></div>
<button type="submit">${t('walkInSubmit')}</button>
</form></details>`;
}

export function renderCheckInDesk(ctx: ConsoleContext, code: string, v: DeskView): string {
  const t = checkinT(ctx);
  const body = html`<div class="desk">
<h1>${v.title}</h1>
<p><strong>${v.dayLine}</strong> · ${v.count}</p>
${v.dayGiven && html`<p class="hint"><a href="${v.links.today}">${t('dayGiven')}</a></p>`}
${v.notFairDay && html`<p class="errors">${v.notFairDay}</p>`}
${result(ctx, code, v)}
<section class="scan" id="scan" data-scan-unsupported="${t('scanUnsupported')}" data-scan-denied="${t('scanDenied')}" data-scan-stop="${t('scanStop')}" data-scan-start="${t('scanButton')}">
<h2>${t('scanTitle')}</h2>
<p class="hint" id="scan-status">${t('scanUnsupported')}</p>
<button type="button" id="scan-button" hidden>${t('scanButton')}</button>
<video id="scan-video" playsinline muted hidden></video>
</section>
<section aria-labelledby="typed-title">
<h2 id="typed-title">${t('typedTitle')}</h2>
<form method="get" action="${deskHref(code)}" id="lookup" class="inline">${dayField(v)}
<div class="field"><label for="badge">${t('badge')}</label><small class="hint">${t('badgeHint')}</small>
<input type="text" id="badge" name="badge" value="${v.badgeValue}" autocomplete="off" autocapitalize="characters" spellcheck="false" inputmode="text"></div>
<button type="submit">${t('lookUp')}</button>
</form>
</section>
${walkInForm(ctx, code, v)}
<section aria-labelledby="counts-title">
<h2 id="counts-title">${t('countsTitle')}</h2>
<table class="counts"><thead><tr><th scope="col">${t('perDay')}</th><th scope="col">${t('count')}</th></tr></thead>
<tbody>${v.perDay.map((d) => html`<tr><th scope="row">${d.label}</th><td>${t('people', { n: d.count })}</td></tr>`)}</tbody></table>
<p><a href="${v.links.csv}">${t('countsCsv')}</a> · <a href="${v.links.dashboard}">${t('dashboard')}</a> · <a href="${v.links.editions}">${t('backToEditions')}</a></p>
</section>
</div>
<script src="${CHECKIN_SCRIPT}" defer></script>`;
  return renderConsolePage(ctx, { title: v.title, section: 'checkin', body, extraStyles: STYLES });
}

export { CHECKIN_PAGE };
