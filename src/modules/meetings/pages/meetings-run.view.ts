import { html, raw } from '../../../core/web/html';
import type { RunModel } from './meetings-console.service';
import { consolePage, csrfField, editionName, flashNotice, subNav, type MeetingsPageContext } from './meetings-console.view';
import { consoleUrls, phaseWords, reasonWords, runView } from './meetings-console.view-model';
import type { MeetingsMessage } from './messages';

/*
 * The scheduler's page: the start button, then the run's progress. While the run is queued or
 * running the page reloads itself every 2 s with a <meta http-equiv="refresh"> (helmet's CSP
 * forbids inline scripts, and this needs none); once done it shows the weight placed next to the
 * engine's bound, and the requests it could not place with the reason in words.
 */
export function renderRunPage(ctx: MeetingsPageContext, m: RunModel, flash?: { ok: boolean; text: string }): string {
  const { t, lang } = ctx;
  const e = m.edition.code;
  const title = t('runTitle', { edition: editionName(m, lang) });
  const run = m.run;
  const v = run ? runView(run) : undefined;
  const phase = phaseWords(v?.phase, t);
  const progress = run && v && html`<section aria-labelledby="run-status" id="run" data-status="${run.status}">
<h2 id="run-status">${t(`runStatus_${run.status}` as MeetingsMessage)}</h2>
${v.refresh && html`${raw('<meta http-equiv="refresh" content="2">')}<p class="hint" role="status">${t('runRefreshing')}</p>
${phase && html`<p>${t('runPhase', { phase })}</p>`}
${v.weight !== undefined && html`<p class="mg-progress" id="run-progress">${v.bound !== undefined ? t('runProgress', { weight: v.weight, bound: v.bound }) : t('runProgressNoBound', { weight: v.weight })}</p>`}
${v.weight !== undefined && v.bound !== undefined && v.bound > 0 && html`<progress max="${v.bound}" value="${v.weight}">${v.weight} / ${v.bound}</progress>`}`}
${run.status === 'done' && html`<p class="mg-progress" id="run-quality">${t('runQuality', { weight: v.weight ?? 0, bound: v.bound ?? 0, ratio: v.ratio ?? 0, meetings: v.meetings ?? 0, unscheduled: v.unscheduledCount })}</p>
${v.leftWithout !== undefined && v.couldMeet !== undefined && html`<p class="mg-progress" id="run-left-without" data-left-without="${v.leftWithout}">${t(v.fairness === 'strict' ? 'runFairnessUsed_strict' : 'runFairnessUsed_weight')} ${v.leftWithout === 0 ? t('runLeftWithoutNone', { could: v.couldMeet }) : t('runLeftWithout', { left: v.leftWithout, could: v.couldMeet })}</p>`}
${v.seconds !== undefined && v.seconds >= 0.1 && html`<p class="mg-meta">${t('runWork', { seconds: v.seconds })}</p>`}
<h3>${t('unscheduledTitle')}</h3>
${(run.unscheduled ?? []).length === 0 ? html`<p id="unscheduled-none">${t('noUnscheduled')}</p>` : html`<ul class="mg-cards" id="unscheduled">${(run.unscheduled ?? []).map((u) => {
    const names = m.requestNames[u.request];
    return html`<li><strong>${names ? t('reqBetween', { buyer: names.buyer, exhibitor: names.exhibitor }) : ''}</strong><br>${reasonWords(u.reason, t, lang, m.slots)}</li>`;
  })}</ul>`}
<p><a class="button" href="${consoleUrls.grid(e)}">${t('toGrid')}</a></p>`}
${run.status === 'failed' && html`<p class="notice bad" role="alert">${t('runFailed')}</p>`}
</section>`;
  const body = html`${subNav(ctx, e, 'run')}
<h1>${title}</h1>
${flashNotice(flash)}
<p>${t('runIntro')}</p>
${m.frozen ? html`<p class="notice bad">${t('runFrozen')}</p>` : html`<form method="post" action="${consoleUrls.runs(e)}">${csrfField(ctx)}
<fieldset class="mg-checks" id="f-fairness"><legend>${t('runFairnessLegend')}</legend>
<label><input type="radio" name="fairness" value="weight" checked aria-describedby="f-fairness-weight-hint">${t('runFairnessWeight')}</label>
<p class="hint" id="f-fairness-weight-hint">${t('runFairnessWeightHint')}</p>
<label><input type="radio" name="fairness" value="strict" aria-describedby="f-fairness-strict-hint">${t('runFairnessStrict')}</label>
<p class="hint" id="f-fairness-strict-hint">${t('runFairnessStrictHint')}</p>
</fieldset>
<button type="submit"${v?.refresh ? html` disabled` : ''}>${t('runStart')}</button></form>`}
${progress}`;
  return consolePage(ctx, title, body);
}
