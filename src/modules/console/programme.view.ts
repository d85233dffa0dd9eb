import type { ConsoleContext } from '../../core/web/console-context';
import { renderConsolePage } from '../../core/web/console-frame';
import { html, type SafeHtml } from '../../core/web/html';
import type { SessionField } from './programme.forms';
import type { ProgrammeFormView, ProgrammeListView, ProgrammePageView } from './programme.view-model';

const STYLES = `
ul.editions{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,18rem),1fr));gap:.6rem}
ul.editions li{border:1px solid #ddd;border-radius:8px;padding:.6rem .8rem;min-width:0}
ul.editions a{font-weight:700}
.status{display:inline-block;white-space:nowrap;word-break:keep-all;font-size:.8rem;border:1px solid #888;border-radius:4px;padding:0 .3rem}
.day{margin-bottom:1.2rem}
.day h2 small{font-weight:400;color:#555;font-size:.9rem;margin-left:.4rem}
ul.sessions{list-style:none;padding:0;margin:0}
ul.sessions li{border:1px solid #ddd;border-left:4px solid #0b57d0;border-radius:6px;padding:.5rem .75rem;margin-bottom:.5rem;overflow-wrap:anywhere}
ul.sessions .meta{color:#444;font-size:.92rem}
.hint{color:#555}
form.session{border-top:1px solid #ddd;padding-top:.5rem;max-width:40rem}
.errors-summary ul{margin:.3rem 0 0;padding-left:1.1rem}
`;

export function renderProgrammeList(ctx: ConsoleContext, v: ProgrammeListView): string {
  const body = html`<h1>${v.title}</h1>
<p class="hint">${v.intro}</p>
<h2>${v.editionsTitle}</h2>
${v.empty ? html`<p>${v.empty}</p>` : html`<ul class="editions">${v.editions.map(
    (e) => html`<li><a href="${e.href}">${e.name}</a><br>${e.dates} <span class="status">${e.status}</span></li>`,
  )}</ul>`}`;
  return renderConsolePage(ctx, { title: v.title, section: 'programme', body, extraStyles: STYLES });
}

function sessionForm(ctx: ConsoleContext, f: ProgrammeFormView): SafeHtml {
  const field = (name: SessionField, input: (attrs: SafeHtml) => SafeHtml): SafeHtml => {
    const spec = f.fields[name];
    const id = `f-${name}`;
    const describedBy = [spec.hint ? `${id}-hint` : '', spec.error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const attrs = html` id="${id}" name="${name}"${spec.error ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}`;
    return html`<div class="field"><label for="${id}">${spec.label}</label>
${input(attrs)}
${spec.hint && html`<div class="hint" id="${id}-hint">${spec.hint}</div>`}
${spec.error && html`<p class="error" id="${id}-error">${spec.error}</p>`}</div>`;
  };
  const v = f.values;
  const options = (list: Array<{ value: string; label: string }>, selected: string): SafeHtml =>
    html`<option value="">—</option>${list.map((o) => html`<option value="${o.value}"${o.value === selected ? html` selected` : ''}>${o.label}</option>`)}`;
  return html`<section aria-labelledby="add-title" id="add">
<h2 id="add-title">${f.title}</h2>
<p class="hint">${f.intro}</p>
${f.summary && html`<div class="notice bad errors-summary" role="alert"><p>${f.summary.text}</p>${f.summary.links.length > 0 && html`<ul>${f.summary.links.map((l) => html`<li><a href="${l.href}">${l.label}</a></li>`)}</ul>`}</div>`}
<form method="post" action="${f.action}" class="session">
<input type="hidden" name="_csrf" value="${ctx.user?.csrf}">
${field('titleKo', (a) => html`<input${a} type="text" maxlength="200" required value="${v.titleKo}" lang="ko">`)}
${field('titleEn', (a) => html`<input${a} type="text" maxlength="200" required value="${v.titleEn}" lang="en">`)}
${field('speakers', (a) => html`<input${a} type="text" maxlength="2000" value="${v.speakers}">`)}
${field('room', (a) => html`<select${a} required>${options(f.rooms, v.room)}</select>`)}
<div class="row">
${field('day', (a) => html`<select${a} required>${options(f.days, v.day)}</select>`)}
${field('start', (a) => html`<input${a} type="time" step="300" required value="${v.start}">`)}
${field('end', (a) => html`<input${a} type="time" step="300" required value="${v.end}">`)}
</div>
${field('capacity', (a) => html`<input${a} type="number" inputmode="numeric" min="1" max="10000" required value="${v.capacity}">`)}
<button type="submit">${f.button}</button>
</form>
</section>`;
}

export function renderProgrammePage(ctx: ConsoleContext, v: ProgrammePageView): string {
  const body = html`<p><a href="${v.back.href}">← ${v.back.label}</a></p>
<h1>${v.title}</h1>
<p>${v.dates} <span class="status">${v.status}</span></p>
${v.flash && html`<div class="notice ok" role="status">${v.flash}</div>`}
${v.empty && html`<p>${v.empty}</p>`}
${v.days.map(
    (d) => html`<section class="day" aria-labelledby="${d.id}">
<h2 id="${d.id}">${d.heading}<small>${d.count}</small></h2>
${d.empty ? html`<p class="hint">${d.empty}</p>` : html`<ul class="sessions">${d.sessions.map(
        (s) => html`<li><strong>${s.title}</strong><div class="meta">${s.when} · ${s.room} · ${s.seats}</div>${s.speakers && html`<div class="meta">${s.speakers}</div>`}</li>`,
      )}</ul>`}
</section>`,
  )}
${sessionForm(ctx, v.form)}`;
  return renderConsolePage(ctx, { title: v.title, section: 'programme', body, extraStyles: STYLES });
}
