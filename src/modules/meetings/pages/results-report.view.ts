import { csvCell } from '../../../core/csv/csv-cell';
import { displayDateRange, displayDateTime } from '../../../core/time/display';
import type { ConsoleContext } from '../../../core/web/console-context';
import { renderConsolePage } from '../../../core/web/console-frame';
import { CHART_STYLES, renderBarChart } from '../../../core/web/bar-chart';
import { html, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { centsToUsd, type GroupRow } from '../domain/results-report';
import { countryName } from '../domain/world-names';
import { participantCompanyName } from '../domain/participant-company';
import type { ResultsReportModel } from '../results-report.service';
import type { ResultsKey, ResultsT } from './results-report.messages';

/*
 * The export meetings' results report of an edition: the console page (figures, SVG charts drawn
 * on the server with the numbers also in tables), the printable A4 summary and the CSV. Pure
 * functions of the report model.
 */

export interface ResultsPageContext extends ConsoleContext {
  t: ResultsT;
}

const enc = encodeURIComponent;
export const resultsUrls = {
  page: (e: string): string => `/console/meetings/${enc(e)}/results`,
  summary: (e: string): string => `/console/meetings/${enc(e)}/results/summary`,
  csv: (e: string): string => `/console/meetings/${enc(e)}/results.csv`,
  overview: (e: string): string => `/console/meetings/${enc(e)}`,
};

// ---------------------------------------------------------------- number formats (both languages read the same digits)

/** 1234567 → "1,234,567". */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Cents → "US$12,500" or "US$12,500.50" (cents only when there are any). */
export function formatUsd(cents: number): string {
  const whole = groupDigits(Math.floor(cents / 100));
  const rest = cents % 100;
  return `US$${whole}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}

/** 0.125 → "12.5%"; null → "–". */
export function formatRate(rate: number | null): string {
  if (rate === null) return '–';
  const pct = Math.round(rate * 1000) / 10;
  return `${pct}%`;
}

/** A group row's label in the page language. */
export function groupLabel(kind: 'country' | 'category' | 'exhibitor', row: GroupRow, m: ResultsReportModel, lang: Lang, t: ResultsT): string {
  if (kind === 'country') return `${countryName(row.key, lang)} (${row.key})`;
  if (kind === 'category') return row.key === '' ? t('noCategory') : (m.categoryNames[row.key]?.[lang] ?? row.key);
  return row.name !== undefined ? participantCompanyName(lang, { companyName: row.name, alternateCompanyName: row.alternateName }) : row.key;
}

// ---------------------------------------------------------------- the page

function keyFigures(m: ResultsReportModel, t: ResultsT): SafeHtml {
  const { totals, surveys } = m.report;
  const items: Array<[ResultsKey, string, string?]> = [
    ['meetings', groupDigits(totals.meetings)],
    ['held', groupDigits(totals.held)],
    ['noShows', groupDigits(totals.noShows), t('noShowDetail', { buyer: totals.noShowBuyer, exhibitor: totals.noShowExhibitor, both: totals.noShowBoth })],
    ['notRecorded', groupDigits(totals.notRecorded)],
    ['noShowRate', formatRate(totals.noShowRate)],
    ['consultation', formatUsd(totals.consultationCents)],
    ['expectedContract', formatUsd(totals.expectedContractCents)],
    ['responseRate', formatRate(surveys.responseRate), `${groupDigits(surveys.answered)} / ${groupDigits(surveys.sent)}`],
    ['satisfactionAverage', surveys.satisfactionAverage === null ? '–' : `${(Math.round(surveys.satisfactionAverage * 10) / 10).toFixed(1)} / 5`],
    ['followUpShare', formatRate(surveys.followUpShare)],
  ];
  return html`<section aria-labelledby="kf-h"><h2 id="kf-h">${t('keyFigures')}</h2>
<dl class="rr-figures">${items.map(([key, value, note]) => html`<div class="rr-figure" id="fig-${key}"><dt>${t(key)}</dt><dd><strong>${value}</strong>${note && html`<span class="rr-note">${note}</span>`}</dd></div>`)}</dl>
</section>`;
}

function rules(t: ResultsT): SafeHtml {
  return html`<section aria-labelledby="rules-h" class="rr-rules"><h2 id="rules-h">${t('rulesTitle')}</h2>
<ul><li>${t('ruleMeetings')}</li><li>${t('ruleAmounts')}</li><li>${t('ruleCategories')}</li></ul></section>`;
}

function groupSection(ctx: ResultsPageContext, m: ResultsReportModel, kind: 'country' | 'category' | 'exhibitor', limit?: number): SafeHtml {
  const { t, lang } = ctx;
  const all = kind === 'country' ? m.report.byCountry : kind === 'category' ? m.report.byCategory : m.report.byExhibitor;
  const rows = limit ? all.slice(0, limit) : all;
  const heading: ResultsKey = kind === 'country' ? 'byCountry' : kind === 'category' ? 'byCategory' : 'byExhibitor';
  const column: ResultsKey = kind === 'country' ? 'country' : kind === 'category' ? 'category' : 'exhibitor';
  const id = `by-${kind}`;
  const chart = renderBarChart({
    id: `${id}-chart`,
    title: t('chartConsultation', { group: t(heading) }),
    bars: rows.map((r) => ({ label: groupLabel(kind, r, m, lang, t), value: r.consultationCents, text: formatUsd(r.consultationCents) })),
  });
  return html`<section aria-labelledby="${id}-h" id="${id}"><h2 id="${id}-h">${t(heading)}</h2>
${rows.length === 0 ? html`<p>${t('noData')}</p>` : html`${chart}
<div class="scroll"><table class="rr-table"><thead><tr><th scope="col">${t(column)}</th><th scope="col">${t('meetings')}</th><th scope="col">${t('held')}</th><th scope="col">${t('noShows')}</th><th scope="col">${t('noShowRate')}</th><th scope="col">${t('consultation')}</th><th scope="col">${t('expectedContract')}</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr data-key="${r.key}"><th scope="row">${groupLabel(kind, r, m, lang, t)}</th><td>${groupDigits(r.meetings)}</td><td>${groupDigits(r.held)}</td><td>${groupDigits(r.noShows)}</td><td>${formatRate(r.noShowRate)}</td><td>${formatUsd(r.consultationCents)}</td><td>${formatUsd(r.expectedContractCents)}</td></tr>`,
  )}</tbody></table></div>`}
</section>`;
}

function surveySection(ctx: ResultsPageContext, m: ResultsReportModel): SafeHtml {
  const { t } = ctx;
  const s = m.report.surveys;
  const labels: ResultsKey[] = ['sat1', 'sat2', 'sat3', 'sat4', 'sat5'];
  const chart = renderBarChart({
    id: 'satisfaction-chart',
    title: t('chartSatisfaction'),
    bars: labels.map((key, i) => ({ label: t(key), value: s.satisfaction[i], text: groupDigits(s.satisfaction[i]) })),
  });
  const side = (key: ResultsKey, x: { sent: number; answered: number }): SafeHtml =>
    html`<tr><th scope="row">${t(key)}</th><td>${groupDigits(x.sent)}</td><td>${groupDigits(x.answered)}</td><td>${formatRate(x.sent === 0 ? null : x.answered / x.sent)}</td></tr>`;
  return html`<section aria-labelledby="surveys-h" id="surveys"><h2 id="surveys-h">${t('surveysTitle')}</h2>
${chart}
<div class="scroll"><table class="rr-table" id="satisfaction-table"><thead><tr><th scope="col">${t('satisfaction')}</th><th scope="col">${t('answers')}</th></tr></thead>
<tbody>${labels.map((key, i) => html`<tr><th scope="row">${t(key)}</th><td>${groupDigits(s.satisfaction[i])}</td></tr>`)}</tbody></table></div>
<p id="follow-up">${t('followUpLine', { yes: groupDigits(s.followUpYes), answered: groupDigits(s.followUpAnswered), share: formatRate(s.followUpShare) })}</p>
<div class="scroll"><table class="rr-table" id="response-table"><thead><tr><th scope="col">${t('side')}</th><th scope="col">${t('surveysSent')}</th><th scope="col">${t('surveysAnswered')}</th><th scope="col">${t('responseRate')}</th></tr></thead>
<tbody>${side('sideBuyer', s.bySide.buyer)}${side('sideExhibitor', s.bySide.exhibitor)}${side('total', s)}</tbody></table></div>
</section>`;
}

function editionLine(ctx: ResultsPageContext, m: ResultsReportModel): SafeHtml {
  return html`<p class="rr-meta">${displayDateRange(m.edition.startsOn, m.edition.endsOn, ctx.lang)} · ${ctx.t('generatedAt', { when: displayDateTime(m.generatedAt, ctx.lang) })}</p>`;
}

const editionName = (m: ResultsReportModel, lang: Lang): string => (lang === 'ko' ? m.edition.nameKo : m.edition.nameEn);

export function renderResultsPage(ctx: ResultsPageContext, m: ResultsReportModel): string {
  const { t } = ctx;
  const e = m.edition.code;
  const title = t('title', { edition: editionName(m, ctx.lang) });
  const body = html`<nav aria-label="${t('subPages')}" class="no-print"><ul class="rr-nav">
<li><a href="${resultsUrls.overview(e)}">${t('backToOverview')}</a></li>
<li><a href="${resultsUrls.csv(e)}" download>${t('csv')}</a></li>
<li><a href="${resultsUrls.summary(e)}">${t('summary')}</a></li>
</ul></nav>
<h1>${title}</h1>
${editionLine(ctx, m)}
${keyFigures(m, t)}
${rules(t)}
${groupSection(ctx, m, 'country')}
${groupSection(ctx, m, 'category')}
${groupSection(ctx, m, 'exhibitor')}
${surveySection(ctx, m)}`;
  return renderConsolePage(ctx, { title, section: 'meetings', body, extraStyles: STYLES });
}

/** The A4 summary for the organizers' report to the city: key figures, rules, top groups, surveys. */
export function renderSummaryPage(ctx: ResultsPageContext, m: ResultsReportModel): string {
  const { t } = ctx;
  const e = m.edition.code;
  const title = t('summaryTitle', { edition: editionName(m, ctx.lang) });
  const body = html`<nav aria-label="${t('subPages')}" class="no-print"><ul class="rr-nav">
<li><a href="${resultsUrls.page(e)}">${t('navResults')}</a></li>
<li>${t('print')}</li>
</ul></nav>
<article class="rr-summary">
<h1>${title}</h1>
${editionLine(ctx, m)}
${keyFigures(m, t)}
${groupSection(ctx, m, 'country', 10)}
${groupSection(ctx, m, 'category', 10)}
${surveySection(ctx, m)}
${rules(t)}
</article>`;
  return renderConsolePage(ctx, { title, section: 'meetings', body, extraStyles: STYLES });
}

// ---------------------------------------------------------------- CSV

/**
 * The report as CSV (UTF-8 with a BOM, so Excel reads Korean): one row per group (total, country,
 * category, exhibitor) with the same columns, then the survey figures; amounts as plain numbers
 * (1234.50), rates as fractions (0.125).
 */
export function resultsCsv(m: ResultsReportModel, lang: Lang, t: ResultsT): string {
  const header = ['csvSection', 'csvKey', 'csvName', 'meetings', 'held', 'noShows', 'noShowRate', 'consultation', 'expectedContract', 'csvValue'] as const;
  const rate = (r: number | null): string => (r === null ? '' : String(Math.round(r * 10000) / 10000));
  const line = (cells: Array<string | number>): string => cells.map((c) => csvCell(String(c))).join(',');
  const group = (section: string, kind: 'country' | 'category' | 'exhibitor' | null, r: GroupRow): string =>
    line([section, r.key, kind ? groupLabel(kind, r, m, lang, t) : '', r.meetings, r.held, r.noShows, rate(r.noShowRate), centsToUsd(r.consultationCents), centsToUsd(r.expectedContractCents), '']);
  const rep = m.report;
  const s = rep.surveys;
  const survey = (key: string, name: string, value: string | number): string => line([t('csvSurvey'), key, name, '', '', '', '', '', '', value]);
  const lines = [
    line(header.map((k) => t(k))),
    group(t('csvTotal'), null, { key: '', ...rep.totals }),
    ...rep.byCountry.map((r) => group(t('country'), 'country', r)),
    ...rep.byCategory.map((r) => group(t('category'), 'category', r)),
    ...rep.byExhibitor.map((r) => group(t('exhibitor'), 'exhibitor', r)),
    survey('sent', t('csvSurveysSent'), s.sent),
    survey('answered', t('csvSurveysAnswered'), s.answered),
    survey('response_rate', t('responseRate'), rate(s.responseRate)),
    ...s.satisfaction.map((n, i) => survey(`satisfaction_${i + 1}`, t(`sat${i + 1}` as ResultsKey), n)),
    survey('follow_up_yes', t('csvFollowUpYes'), s.followUpYes),
    survey('follow_up_share', t('followUpShare'), rate(s.followUpShare)),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------- styles (screen, then print: A4)

const STYLES = `${CHART_STYLES}
.rr-nav{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:0 0 1rem;padding:0;list-style:none;align-items:center}
.rr-meta{color:#475467;margin:-.5rem 0 1rem}
.rr-figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,11.5rem),1fr));gap:.5rem;margin:0 0 1rem}
.rr-figure{border:1px solid #ddd;border-radius:6px;padding:.5rem .6rem;min-width:0}
.rr-figure dt{font-size:.85rem;color:#475467;word-break:keep-all}
.rr-figure dd{margin:0;font-size:1.15rem;font-variant-numeric:tabular-nums}
.rr-figure dd strong{white-space:nowrap}
.rr-note{display:block;font-size:.8rem;color:#475467;word-break:keep-all}
.rr-rules ul{padding-left:1.2rem}
.rr-rules li{margin:.2rem 0;word-break:keep-all}
.rr-table{border-collapse:collapse;min-width:100%}
.rr-table th,.rr-table td{border:1px solid #ddd;padding:.3rem .5rem;text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.rr-table th[scope=row],.rr-table thead th:first-child{text-align:left;white-space:normal;word-break:keep-all;min-width:8rem}
.rr-table thead th{background:#f2f4f7;word-break:keep-all}
@page{size:A4;margin:15mm 12mm}
@media print{
  .top,.skip,nav.sections,.no-print,footer{display:none !important}
  *{color:#000 !important;background:#fff !important;box-shadow:none !important}
  body{font-size:10pt}
  main{padding:0;max-width:none}
  a{text-decoration:none}
  .scroll{overflow:visible !important;border:0 !important}
  .rr-table th,.rr-table td{border:1px solid #000 !important;padding:.15rem .35rem}
  .rr-table tr,.rr-figure,.chart{break-inside:avoid;page-break-inside:avoid}
  .rr-table thead{display:table-header-group}
  svg.chart .bar{fill:#555 !important}
  .rr-figures{grid-template-columns:repeat(4,1fr)}
  section{break-inside:auto}
  h2{break-after:avoid;page-break-after:avoid}
}
`;
