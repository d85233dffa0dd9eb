import type { ConsoleContext } from '../../../core/web/console-context';
import { renderConsolePage } from '../../../core/web/console-frame';
import { html, type SafeHtml } from '../../../core/web/html';
import { translator } from '../../../core/web/i18n';
import { displayDateRange, displayDateTime } from '../../../core/time/display';
import type { MailLocale } from '../../../core/mail/mail-template';
import type { EditionListRow } from '../../fairs/fairs-directory';
import { MAIL_TEXTS_WORDS } from './mail-texts-page.messages';
import type { MailTextDetail, MailTextKindSummary, MailTextPreview } from './mail-texts.service';

export const MAIL_TEXTS_BASE = '/console/mail/texts';

const STYLES = `
ul.kinds,ul.editions{list-style:none;padding:0;margin:0}
ul.kinds li,ul.editions li{border:1px solid #ddd;border-radius:8px;padding:.6rem .8rem;margin-bottom:.5rem;overflow-wrap:anywhere}
ul.kinds .trigger{color:#444;font-size:.92rem;margin:.2rem 0}
ul.kinds .langs a{margin-right:.8rem;white-space:nowrap}
.tag{display:inline-block;font-size:.8rem;border:1px solid #888;border-radius:4px;padding:0 .3rem;margin-left:.2rem}
form.text textarea,form.text input[type=text]{width:100%;box-sizing:border-box;font:inherit}
form.text textarea{min-height:14rem}
.hint{color:#555;font-size:.92rem}
.editor{display:grid;gap:1rem;grid-template-columns:minmax(0,1fr)}
@media(min-width:900px){.editor{grid-template-columns:minmax(0,2fr) minmax(0,1fr)}}
dl.placeholders{margin:0}
dl.placeholders dt{font-family:ui-monospace,monospace;margin-top:.5rem;overflow-wrap:anywhere}
dl.placeholders dd{margin:0 0 0 .5rem;overflow-wrap:anywhere}
.buttons{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:.6rem}
.preview iframe{width:100%;min-height:28rem;border:1px solid #ccc;border-radius:6px;background:#fff}
.preview pre{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ccc;border-radius:6px;padding:.6rem;background:#fafafa}
.errors-summary ul{margin:.3rem 0 0;padding-left:1.1rem}
`;

export function textsUrl(edition?: string, lang?: string): string {
  const q = new URLSearchParams();
  if (edition) q.set('edition', edition);
  if (lang) q.set('lang', lang);
  const s = q.toString();
  return s ? `${MAIL_TEXTS_BASE}?${s}` : MAIL_TEXTS_BASE;
}

export function textUrl(edition: string, key: string, locale: MailLocale, extra: Record<string, string> = {}): string {
  return `${MAIL_TEXTS_BASE}/${encodeURIComponent(key)}/${locale}?${new URLSearchParams({ edition, ...extra }).toString()}`;
}

function editionTitle(e: EditionListRow, lang: MailLocale): string {
  return lang === 'ko' ? `${e.year} ${e.seriesKo}` : `${e.year} ${e.seriesEn}`;
}

/** No edition chosen: the editions to choose from. */
export function renderEditionPicker(ctx: ConsoleContext, editions: EditionListRow[]): string {
  const t = translator(MAIL_TEXTS_WORDS, ctx.lang);
  const body = html`<h1>${t('title')}</h1><p class="hint">${t('intro')}</p><h2>${t('pickEdition')}</h2>
${editions.length === 0 ? html`<p>${t('noEditions')}</p>` : html`<ul class="editions">${editions.map(
    (e) => html`<li><a href="${textsUrl(e.code)}">${editionTitle(e, ctx.lang)}</a><br>${displayDateRange(e.startsOn, e.endsOn, ctx.lang)}</li>`,
  )}</ul>`}`;
  return renderConsolePage(ctx, { title: t('title'), section: 'mail', body, extraStyles: STYLES });
}

/** An edition's email kinds, each with its trigger and a link per language (marked when edited). */
export function renderKindList(ctx: ConsoleContext, edition: EditionListRow, kinds: MailTextKindSummary[], flash?: string): string {
  const t = translator(MAIL_TEXTS_WORDS, ctx.lang);
  const title = `${t('title')} · ${editionTitle(edition, ctx.lang)}`;
  const lang = (k: MailTextKindSummary, locale: MailLocale): SafeHtml =>
    html`<a href="${textUrl(edition.code, k.key, locale)}">${locale === 'ko' ? t('korean') : t('english')}</a>${k.edited[locale] ? html`<span class="tag">${t('edited')}</span>` : ''}`;
  const body = html`<h1>${title}</h1><p class="hint">${t('intro')}</p>
${flash && html`<div class="notice ok" role="status">${flash}</div>`}
<ul class="kinds">${kinds.map(
    (k) => html`<li><strong>${k.label[ctx.lang]}</strong><div class="trigger">${t('trigger')}: ${k.trigger[ctx.lang]}</div><div class="langs">${lang(k, 'ko')} ${lang(k, 'en')}</div></li>`,
  )}</ul>`;
  return renderConsolePage(ctx, { title, section: 'mail', body, extraStyles: STYLES });
}

export interface TextEditorView {
  edition: EditionListRow;
  detail: MailTextDetail;
  /** What the form shows (the saved text, or what was posted). */
  values: { subject: string; body: string };
  errors: { subject?: string[]; body?: string[] };
  preview?: MailTextPreview;
  flash?: string;
}

/** One kind in one language: the editor, the placeholders beside it, the preview, reset. */
export function renderTextEditor(ctx: ConsoleContext, v: TextEditorView): string {
  const t = translator(MAIL_TEXTS_WORDS, ctx.lang);
  const d = v.detail;
  const language = d.locale === 'ko' ? t('korean') : t('english');
  const title = t('editTitle', { kind: d.label[ctx.lang], language });
  const action = textUrl(d.edition, d.key, d.locale);
  const hasErrors = Boolean(v.errors.subject?.length || v.errors.body?.length);
  const field = (name: 'subject' | 'body', label: string, input: (attrs: SafeHtml) => SafeHtml, hint?: string): SafeHtml => {
    const id = `f-${name}`;
    const errors = v.errors[name] ?? [];
    const describedBy = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
    const attrs = html` id="${id}" name="${name}" lang="${d.locale}"${errors.length ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}`;
    return html`<div class="field"><label for="${id}">${label}</label>
${input(attrs)}
${hint && html`<div class="hint" id="${id}-hint">${hint}</div>`}
${errors.length > 0 && html`<div class="error" id="${id}-error">${errors.map((e) => html`<p class="error">${e}</p>`)}</div>`}</div>`;
  };
  const status = d.isDefault ? t('isDefault') : t('isEdited', { by: d.updatedBy ?? '—', at: d.updatedAt ? displayDateTime(d.updatedAt, ctx.lang) : '—' });
  const csrf = html`<input type="hidden" name="_csrf" value="${ctx.user?.csrf}">`;
  const body = html`<p><a href="${textsUrl(d.edition)}">← ${t('back')}</a></p>
<h1>${title}</h1>
<p>${editionTitle(v.edition, ctx.lang)} · ${t('trigger')}: ${d.trigger[ctx.lang]}</p>
<p class="hint">${status} · <a href="${textUrl(d.edition, d.key, d.locale === 'ko' ? 'en' : 'ko')}">${t('otherLanguage')}: ${d.locale === 'ko' ? t('english') : t('korean')}</a></p>
${v.flash && html`<div class="notice ok" role="status">${v.flash}</div>`}
${hasErrors && html`<div class="notice bad errors-summary" role="alert"><p>${t('errorsSummary')}</p><ul>${(['subject', 'body'] as const).flatMap(
    (f) => (v.errors[f] ?? []).map((e) => html`<li><a href="#f-${f}">${f === 'subject' ? t('subject') : t('body')}: ${e}</a></li>`),
  )}</ul></div>`}
<div class="editor">
<form method="post" action="${action}" class="text">
${csrf}
${field('subject', t('subject'), (a) => html`<input${a} type="text" maxlength="400" required value="${v.values.subject}">`)}
${field('body', t('body'), (a) => html`<textarea${a} rows="14" required>${v.values.body}</textarea>`, t('bodyHint'))}
<div class="buttons"><button type="submit" name="intent" value="save">${t('save')}</button><button type="submit" name="intent" value="preview" class="secondary">${t('preview')}</button></div>
</form>
<aside aria-labelledby="ph-title"><h2 id="ph-title">${t('placeholders')}</h2>
<dl class="placeholders">${d.placeholders.map(
    (p) => html`<dt>{{${p.name}}}${p.required ? html`<span class="tag">${t('required')}</span>` : ''}</dt><dd>${p.description[ctx.lang]}</dd><dd class="hint">${t('sample')}: ${p.sample}</dd>`,
  )}</dl></aside>
</div>
${v.preview && html`<section class="preview" aria-labelledby="pv-title"><h2 id="pv-title">${t('previewTitle')}</h2>
<h3>${t('previewSubject')}</h3><p><strong>${v.preview.subject}</strong></p>
<h3>${t('previewHtml')}</h3><iframe sandbox="" title="${t('previewHtml')}" srcdoc="${v.preview.html}"></iframe>
<h3>${t('previewText')}</h3><pre>${v.preview.text}</pre></section>`}
${!d.isDefault && html`<form method="post" action="${action}" class="reset">${csrf}<input type="hidden" name="intent" value="reset"><p class="hint">${t('resetHint')}</p><button type="submit" class="secondary">${t('reset')}</button></form>`}`;
  return renderConsolePage(ctx, { title, section: 'mail', body, extraStyles: STYLES });
}
