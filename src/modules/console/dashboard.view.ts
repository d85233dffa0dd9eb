import type { ConsoleContext } from '../../core/web/console-context';
import { renderConsolePage } from '../../core/web/console-frame';
import { html, type SafeHtml } from '../../core/web/html';
import { CHART_STYLES, renderBarChart } from '../../core/web/bar-chart';
import type { DashboardView, Figure, Panel } from './dashboard.view-model';

const STYLES = `${CHART_STYLES}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));gap:1rem}
.panel{border:1px solid #ddd;border-radius:8px;padding:.75rem 1rem;min-width:0}
.panel h2{margin:.1rem 0 .5rem}
.total{font-size:1.05rem;margin:.2rem 0 .4rem}
.total a{font-weight:700;font-size:1.3rem}
table.figures{border-collapse:collapse;width:100%;font-size:.95rem}
.figures th,.figures td{border-bottom:1px solid #eee;padding:.3rem .25rem;text-align:left}
.figures td.n{text-align:right;white-space:nowrap}
.figures caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
nav.editions{margin-top:1.5rem}
ul.editions{list-style:none;margin:0 0 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
ul.editions a,ul.editions strong{display:inline-block;padding:.3rem .6rem;border:1px solid #c6d4f0;border-radius:6px;text-decoration:none}
ul.editions strong{background:#0b57d0;color:#fff;border-color:#0b57d0}
ul.editions small{display:block;font-weight:400;font-size:.8rem}
.status{display:inline-block;white-space:nowrap;word-break:keep-all;font-size:.8rem;border:1px solid #888;border-radius:4px;padding:0 .3rem}
.hint{color:#555}
`;

/** A figure's value, linked to its section when the member may open it. */
function figureValue(f: Figure, text: string): SafeHtml {
  return f.href ? html`<a href="${f.href}">${text}</a>` : html`${text}`;
}

function figureTable(caption: string, columns: [string, string], rows: Figure[]): SafeHtml {
  return html`<table class="figures"><caption>${caption}</caption>
<thead><tr><th scope="col">${columns[0]}</th><th scope="col" class="n">${columns[1]}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td class="n">${figureValue(r, r.text ?? String(r.value))}</td></tr>`)}</tbody>
</table>`;
}

function panel(p: Panel): SafeHtml {
  return html`<section class="panel" aria-labelledby="panel-${p.id}" id="${p.id}">
<h2 id="panel-${p.id}">${p.title}</h2>
${p.total && html`<p class="total">${p.total.label}: ${figureValue(p.total, String(p.total.value))}</p>`}
${p.empty ? html`<p class="hint">${p.empty}</p>` : html`${p.chart && renderBarChart(p.chart)}
${p.rows.length > 0 && figureTable(p.title, p.columns, p.rows)}`}
${p.extra && html`<ul>${p.extra.map((f) => html`<li>${f.label}: ${figureValue(f, String(f.value))}</li>`)}</ul>`}
${p.hint && html`<p class="hint">${p.hint}</p>`}
</section>`;
}

/** The dashboard's refresh while the fair runs: a same-origin script (the CSP forbids inline ones). */
export const DASHBOARD_LIVE_SCRIPT = '/console/dashboard-live.js';
export const DASHBOARD_LIVE_SOURCE = `(function () {
  'use strict';
  // Reload every minute while the page is shown; a hidden tab waits until it is shown again.
  var due = Date.now() + 60000;
  setInterval(function () {
    if (Date.now() >= due && document.visibilityState !== 'hidden') location.reload();
  }, 5000);
})();
`;

export function renderDashboardPage(ctx: ConsoleContext, v: DashboardView): string {
  const body = html`<h1>${v.title}</h1>
${v.live && html`<p class="hint">${v.live}</p><script src="${DASHBOARD_LIVE_SCRIPT}" defer></script>`}
${v.edition && html`<p>${v.edition.dates} <span class="status">${v.edition.status}</span> · <a href="#editions-title">${v.otherEditions}</a></p>`}
<div class="panels">${v.panels.map(panel)}</div>
<nav aria-labelledby="editions-title" class="editions">
<h2 id="editions-title">${v.editionsTitle}</h2>
${v.noEditions ? html`<p>${v.noEditions}</p>` : html`<p class="hint">${v.editionsHint}</p>
<ul class="editions">${v.editions.map((e) =>
      e.current
        ? html`<li><strong aria-current="page">${e.name}<small>${e.dates} · ${e.status}</small></strong></li>`
        : html`<li><a href="${e.href}">${e.name}<small>${e.dates} · ${e.status}</small></a></li>`,
    )}</ul>`}
</nav>`;
  return renderConsolePage(ctx, { title: v.title, section: 'dashboard', body, extraStyles: STYLES });
}
