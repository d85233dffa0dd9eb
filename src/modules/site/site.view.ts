import { html } from '../../core/web/html';
import type { Lang } from '../../core/web/i18n';
import { renderSitePage } from '../../core/web/site-frame';
import type { EditionPageView, FrontDoorView } from './site.view-model';

const STYLES = `
.lead{font-size:1.05rem;color:#333;max-width:46rem}
.fairs{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr));gap:1rem}
.fair{border:1px solid #ddd;border-radius:8px;padding:1rem;min-width:0}
.fair h2{margin:0 0 .4rem}
.fair .edition{background:#f5f8fe;border-radius:6px;padding:.6rem .75rem;margin:.6rem 0}
.fair .edition h3{font-size:.85rem;margin:0 0 .2rem;color:#555;font-weight:600}
.fair .edition a{font-weight:700;font-size:1.05rem}
.status{display:inline-block;white-space:nowrap;word-break:keep-all;font-size:.8rem;font-weight:700;border:1px solid #0b57d0;color:#0b57d0;border-radius:4px;padding:0 .35rem;margin-left:.2rem}
.past{font-size:.9rem;color:#555}
.past ul{padding-left:1.1rem;margin:.2rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:600;color:#555}
dl.facts dd{margin:0}
.roles{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,16rem),1fr));gap:1rem}
.roles li{border:1px solid #ddd;border-radius:8px;padding:.9rem 1rem;min-width:0}
.roles h3{margin:0 0 .3rem}
.roles .why{color:#555;font-style:italic}
ul.sessions{padding-left:1.1rem}
ul.sessions li{margin-bottom:.4rem}
`;

export function renderFrontDoor(lang: Lang, langHref: (lang: Lang) => string, v: FrontDoorView): string {
  const body = html`<h1>${v.title}</h1>
<p class="lead">${v.intro}</p>
${v.empty ? html`<p>${v.empty}</p>` : html`<ul class="fairs">${v.series.map(
    (s) => html`<li class="fair" id="fair-${s.code}">
<h2>${s.name}</h2>
<p>${s.description}</p>
${s.current && html`<div class="edition"><h3>${s.current.heading}</h3>
<a href="${s.current.href}">${s.current.name}</a> <span class="status">${s.current.status}</span>
<div>${s.current.dates}</div></div>`}
${s.past.length > 0 && html`<div class="past">${v.pastTitle}<ul>${s.past.map((p) => html`<li><a href="${p.href}">${p.name}</a> · ${p.dates}</li>`)}</ul></div>`}
</li>`,
  )}</ul>`}`;
  return renderSitePage({ lang, langHref, title: v.title, body, extraStyles: STYLES });
}

export function renderEditionPage(lang: Lang, langHref: (lang: Lang) => string, v: EditionPageView): string {
  const body = html`<p><a href="${v.backHome.href}">← ${v.backHome.label}</a></p>
<h1>${v.title}</h1>
<p class="lead">${v.description}</p>
<dl class="facts">${v.facts.map((f) => html`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>
<section aria-labelledby="roles-title">
<h2 id="roles-title">${v.rolesTitle}</h2>
<ul class="roles">${v.roles.map((r) => html`<li id="role-${r.id}"><h3>${r.title}</h3><p>${r.text}</p>
${r.link ? html`<a class="button" href="${r.link.href}">${r.link.label}</a>` : html`<p class="why">${r.reason}</p>`}</li>`)}</ul>
</section>
<section aria-labelledby="halls-title">
<h2 id="halls-title">${v.hallsTitle}</h2>
${v.halls.length > 0 ? html`<ul>${v.halls.map((h) => html`<li>${h}</li>`)}</ul>` : html`<p>${v.hallsNone}</p>`}
</section>
${v.hours.length > 0 && html`<section aria-labelledby="hours-title"><h2 id="hours-title">${v.hoursTitle}</h2><ul>${v.hours.map((h) => html`<li>${h}</li>`)}</ul></section>`}
${v.programme.length > 0 && html`<section aria-labelledby="programme-title">
<h2 id="programme-title">${v.programmeTitle}</h2>
<ul class="sessions">${v.programme.map((s) => html`<li><strong>${s.title}</strong><br>${s.when} · ${s.room}${s.speakers ? html` · ${s.speakers}` : ''}</li>`)}</ul>
${v.programmeMore && html`<p>${v.programmeMore}</p>`}
</section>`}`;
  return renderSitePage({ lang, langHref, title: v.title, body, extraStyles: STYLES });
}
