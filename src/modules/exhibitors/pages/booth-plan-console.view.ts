import { displayDateRange } from '../../../core/time/display';
import type { ConsoleContext } from '../../../core/web/console-context';
import { renderConsolePage } from '../../../core/web/console-frame';
import { html, type SafeHtml } from '../../../core/web/html';
import type { AutoAssignPreview, BoothPlanData, ConsoleHall } from '../booths/booths.service';
import type { BoothResponse } from '../dto/booth.dto';
import type { BoothMessageKey, BoothT } from './booth-plan-console.messages';
import type { EditionChoice } from './review-console.service';
import {
  BOOTH_STATES, BOOTHS_PAGE, boothState, candidatesFor, layoutHall, metres, waitingCount, type BoothState, type HallLayout, type PlacedBooth,
} from './booth-plan-console.view-model';

/*
 * The organizers' booth pages: the editions, an edition's plan drawn per hall as an SVG grid
 * (every booth a link, states in colour and pattern, a legend and a table as text alternative),
 * one booth's page to assign or release it, and the automatic assignment's preview.
 */

export interface BoothContext extends ConsoleContext {
  t: BoothT;
}

export type Flash = { tone: 'ok' | 'warn' | 'bad'; text: string };

const STYLES = `
.notice.warn{background:#fffaeb;border-color:#b54708}
.editions{list-style:none;padding:0;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
.editions a{display:block;border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;text-decoration:none}
.editions a span{display:block;color:#555;font-size:.9rem}
.plan{margin:0 0 1rem;border:1px solid #ddd;border-radius:6px;padding:.5rem;background:#fcfcfd;overflow-x:auto}
.plan svg{display:block;width:100%;height:auto;min-width:36rem}
.plan .code{font:600 7px system-ui,sans-serif;fill:#101828;pointer-events:none}
.plan .rowlabel{font:700 9px system-ui,sans-serif;fill:#475467}
.b-free{fill:#fff;stroke:#667085;stroke-width:.8}
.b-reserved{fill:url(#hatch);stroke:#b54708;stroke-width:1.2;stroke-dasharray:3 1.5}
.b-sold{fill:#1849a9;stroke:#102a56;stroke-width:.8}
.b-sold + .code{fill:#fff}
.plan a:hover rect,.plan a:focus rect{stroke:#f59e0b;stroke-width:2.5}
.plan a:focus{outline:none}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0;margin:.25rem 0 .75rem}
.legend svg{width:1.6rem;height:1rem;vertical-align:middle;margin-right:.3rem}
.summary{margin:.2rem 0}
.hall-head{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline}
table.booths{border-collapse:collapse;font-size:.85rem;width:100%}
.booths th,.booths td{border-bottom:1px solid #e3e3e3;padding:.25rem .4rem;text-align:left}
details{margin:.25rem 0 1rem}
dl.facts{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.25rem 1rem}
dl.facts dt{font-weight:600;color:#444}dl.facts dd{margin:0;overflow-wrap:anywhere}
.box{border:1px solid #ddd;border-radius:6px;padding:.75rem;margin:1rem 0}
ul.preview{list-style:none;padding:0}
ul.preview li{border-left:4px solid #1849a9;padding:.3rem .5rem;margin-bottom:.25rem;background:#f5f8ff}
ul.preview.refused li{border-color:#b42318;background:#fef3f2}
`;

function notice(flash: Flash | undefined): SafeHtml | '' {
  return flash ? html`<div class="notice ${flash.tone}" role="${flash.tone === 'ok' ? 'status' : 'alert'}">${flash.text}</div>` : '';
}

function hallLabel(halls: ConsoleHall[], code: string | null, lang: 'ko' | 'en'): string {
  const h = halls.find((x) => x.code === code);
  return h ? (lang === 'ko' ? h.nameKo : h.nameEn) : (code ?? '');
}

export function boothHref(edition: string, code: string): string {
  return `${BOOTHS_PAGE}/${edition}/booths/${code}`;
}

function boothWords(t: BoothT, b: BoothResponse & { state: BoothState }): string {
  const words = { code: b.code, kind: t(`kind_${b.kind}` as BoothMessageKey), size: t('size', { w: metres(b.widthM), d: metres(b.depthM) }), state: t(`stateShort_${b.state}`) };
  return b.companyName ? t('boothLabelOwned', { ...words, company: b.companyName }) : t('boothLabel', words);
}

const HATCH = html`<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fef0c7"/><rect width="2" height="4" fill="#fdb022"/></pattern></defs>`;

function legend(t: BoothT): SafeHtml {
  return html`<ul class="legend" aria-label="${t('legend')}">${BOOTH_STATES.map((s) => html`<li><svg viewBox="0 0 16 10" aria-hidden="true">${s === 'reserved' ? HATCH : ''}<rect class="b-${s}" x="1" y="1" width="14" height="8"/></svg>${t(`state_${s}`)}</li>`)}</ul>`;
}

/** One hall's plan as an SVG: the row letters at the left, every booth a link to its page. */
function hallSvg(ctx: BoothContext, edition: string, hallName: string, layout: HallLayout): SafeHtml {
  const { t } = ctx;
  const pad = 4;
  const booth = (b: PlacedBooth): SafeHtml => html`<a href="${boothHref(edition, b.code)}" aria-label="${boothWords(t, b)}"><title>${boothWords(t, b)}</title><rect class="b-${b.state}" x="${b.x + 0.6}" y="${b.y + 0.6}" width="${b.w - 1.2}" height="${b.h - 1.2}" rx="1"/><text class="code" x="${b.x + b.w / 2}" y="${b.y + b.h / 2 + 2.4}" text-anchor="middle">${b.code}</text></a>`;
  return html`<svg viewBox="${-pad} ${-pad} ${layout.width + 2 * pad} ${layout.height + 2 * pad}" role="group" aria-label="${t('planAlt', { hall: hallName })}" style="max-width:${Math.round(layout.width * 1.7)}px">
${HATCH}${layout.rows.map((r) => html`<text class="rowlabel" x="12" y="${r.y + r.h / 2 + 3}" text-anchor="middle" aria-hidden="true">${r.row}</text>`)}
${layout.booths.map(booth)}</svg>`;
}

function editionList(ctx: BoothContext, editions: EditionChoice[]): SafeHtml {
  const { t, lang } = ctx;
  if (editions.length === 0) return html`<p>${t('noEditions')}</p>`;
  return html`<ul class="editions">${editions.map((e) => html`<li><a href="${BOOTHS_PAGE}/${e.code}">${lang === 'ko' ? e.nameKo : e.nameEn}<span>${displayDateRange(e.startsOn, e.endsOn, lang, { weekday: false })}</span></a></li>`)}</ul>`;
}

export function renderBoothEditions(ctx: BoothContext, editions: EditionChoice[]): string {
  const { t } = ctx;
  const body = html`<h1>${t('boothsTitle')}</h1><h2>${t('pickEdition')}</h2><p>${t('pickEditionIntro')}</p>${editionList(ctx, editions)}`;
  return renderConsolePage(ctx, { title: t('boothsTitle'), section: 'booths', body, extraStyles: STYLES });
}

function editionTitle(ctx: BoothContext, plan: BoothPlanData): string {
  return ctx.lang === 'ko' ? plan.edition.nameKo : plan.edition.nameEn;
}

export function renderBoothPlan(ctx: BoothContext, plan: BoothPlanData, flash?: Flash): string {
  const { t, lang } = ctx;
  const edition = plan.edition.code;
  const waiting = waitingCount(plan.applications);
  const halls = plan.halls.map((h) => {
    const name = lang === 'ko' ? h.nameKo : h.nameEn;
    const layout = layoutHall(h.code, plan.booths, plan.applications);
    const c = layout.counts;
    return html`<section aria-labelledby="hall-${h.code}"><div class="hall-head"><h2 id="hall-${h.code}">${name}</h2>
<p class="summary">${t('hallSummary', { total: c.total, sold: c.sold, reserved: c.reserved, free: c.free })}</p></div>
${layout.booths.length === 0 ? html`<p>${t('noBoothsInHall')}</p>` : html`<figure class="plan">${hallSvg(ctx, edition, name, layout)}</figure>
<details><summary>${t('textAlternative', { hall: name })}</summary><div class="scroll"><table class="booths"><thead><tr><th scope="col">${t('boothCol')}</th><th scope="col">${t('rowCol')}</th><th scope="col">${t('kind')}</th><th scope="col">${t('stateCol')}</th><th scope="col">${t('companyCol')}</th></tr></thead>
<tbody>${layout.booths.map((b) => html`<tr><th scope="row"><a href="${boothHref(edition, b.code)}">${b.code}</a></th><td>${b.row}</td><td>${t(`kind_${b.kind}` as BoothMessageKey)}</td><td>${t(`stateShort_${b.state}`)}</td><td>${b.companyName ?? ''}</td></tr>`)}</tbody></table></div></details>`}
</section>`;
  });
  const body = html`<p><a href="${BOOTHS_PAGE}">← ${t('backToEditions')}</a></p>
<h1>${t('planTitle', { edition: editionTitle(ctx, plan) })}</h1>
${notice(flash)}
<div class="box"><p>${t('waiting', { count: waiting })}</p><a class="button" href="${BOOTHS_PAGE}/${edition}/auto-assign">${t('autoAssign')}</a></div>
${legend(t)}
${plan.halls.length === 0 ? html`<p>${t('noHalls')}</p>` : halls}`;
  return renderConsolePage(ctx, { title: t('planTitle', { edition: editionTitle(ctx, plan) }), section: 'booths', body, extraStyles: STYLES });
}

export interface BoothPageModel {
  plan: BoothPlanData;
  booth: BoothResponse;
  flash?: Flash;
  /** A refused assignment: the message next to the picker, and what was picked. */
  error?: { text: string; application: string };
}

export function renderBoothPage(ctx: BoothContext, m: BoothPageModel): string {
  const { t, lang } = ctx;
  const b = m.booth;
  const edition = m.plan.edition.code;
  const state = boothState(b, m.plan.applications);
  const csrf = ctx.user?.csrf ?? '';
  const base = boothHref(edition, b.code);
  let action: SafeHtml;
  if (state === 'free') {
    const choices = candidatesFor(b, m.plan.applications);
    action = choices.length === 0 && !m.error
      ? html`<p>${t('noCandidates')}</p>`
      : html`<form method="post" action="${base}/assign"><input type="hidden" name="_csrf" value="${csrf}">
<div class="field"><label for="f-application">${t('application')}</label>
<select id="f-application" name="application"${m.error ? html` aria-invalid="true" aria-describedby="f-application-error"` : ''}><option value="">${t('chooseApplication')}</option>
${choices.map((a) => html`<option value="${a.id}"${m.error?.application === a.id ? html` selected` : ''}>${t('applicationChoice', { company: a.companyName, count: a.boothCount, assigned: a.assignedUnits })}</option>`)}</select>
${m.error && html`<div class="error" id="f-application-error">${m.error.text}</div>`}</div>
<button type="submit">${t('assign')}</button></form>`;
  } else {
    action = html`${m.error && html`<div class="error" role="alert">${m.error.text}</div>`}<form method="post" action="${base}/release"><input type="hidden" name="_csrf" value="${csrf}">
<p class="hint">${t('releaseHint')}</p><button type="submit" class="danger">${t('release')}</button></form>`;
  }
  const body = html`<p><a href="${BOOTHS_PAGE}/${edition}#hall-${b.hall}">← ${t('backToPlan')}</a></p>
<h1>${t('boothTitle', { code: b.code })}</h1>
${notice(m.flash)}
<dl class="facts">
<dt>${t('hall')}</dt><dd>${hallLabel(m.plan.halls, b.hall, lang)}</dd>
<dt>${t('position')}</dt><dd>${t('positionValue', { row: b.row, position: b.position })}</dd>
<dt>${t('kind')}</dt><dd>${t(`kind_${b.kind}` as BoothMessageKey)}</dd>
<dt>${t('sizeLabel')}</dt><dd>${t('size', { w: metres(b.widthM), d: metres(b.depthM) })} · ${t('unitsValue', { units: b.units })}</dd>
<dt>${t('state')}</dt><dd>${t(`state_${state}`)}</dd>
${b.applicationId && html`<dt>${t('owner')}</dt><dd><a href="/console/applications/${b.applicationId}">${b.companyName ?? ''}</a></dd>`}
</dl>
<section class="box"><h2>${state === 'free' ? t('assignTitle') : t('release')}</h2>${action}</section>`;
  return renderConsolePage(ctx, { title: `${t('boothTitle', { code: b.code })} · ${editionTitle(ctx, m.plan)}`, section: 'booths', body, extraStyles: STYLES });
}

export function renderAutoAssignPreview(ctx: BoothContext, plan: BoothPlanData, preview: AutoAssignPreview, flash?: Flash): string {
  const { t, lang } = ctx;
  const edition = plan.edition.code;
  const hallOf = (id: string): string | null => plan.applications.find((a) => a.id === id)?.hall ?? null;
  const assigned = preview.assigned.length === 0 ? '' : html`<h2>${t('previewAssigned')}</h2><ul class="preview">${preview.assigned.map((a) => html`<li><a href="/console/applications/${a.applicationId}">${a.companyName}</a> → ${hallLabel(plan.halls, a.hall, lang)}: ${t('boothsOf', { booths: a.booths.join(', ') })}</li>`)}</ul>`;
  const unassigned = preview.unassigned.length === 0 ? '' : html`<h2>${t('previewUnassigned')}</h2><ul class="preview refused">${preview.unassigned.map((u) => html`<li><a href="/console/applications/${u.applicationId}">${u.companyName}</a>: ${t('previewUnassignedWhy', { units: u.unitsNeeded, hall: hallOf(u.applicationId) ? hallLabel(plan.halls, hallOf(u.applicationId), lang) : t('noHall') })}</li>`)}</ul>`;
  const body = html`<p><a href="${BOOTHS_PAGE}/${edition}">← ${t('backToPlan')}</a></p>
<h1>${t('previewTitle')}</h1>
${notice(flash)}
${preview.assigned.length === 0 && preview.unassigned.length === 0 ? html`<p>${t('previewNone')}</p>` : html`<p>${t('previewIntro')}</p>`}
${assigned}${unassigned}
${preview.assigned.length > 0 && html`<form method="post" action="${BOOTHS_PAGE}/${edition}/auto-assign"><input type="hidden" name="_csrf" value="${ctx.user?.csrf ?? ''}"><input type="hidden" name="version" value="${preview.version}">
<button type="submit">${t('confirm')}</button></form>`}`;
  return renderConsolePage(ctx, { title: `${t('previewTitle')} · ${editionTitle(ctx, plan)}`, section: 'booths', body, extraStyles: STYLES });
}
