import { displayDate } from '../../../core/time/display';
import type { ConsoleContext } from '../../../core/web/console-context';
import { renderConsolePage } from '../../../core/web/console-frame';
import { html, raw, type SafeHtml } from '../../../core/web/html';
import { translator, type Lang } from '../../../core/web/i18n';
import type { AttendeeFilter } from '../attendees.repository';
import { BADGE_MESSAGES, type BadgeKey, type BadgeT } from './badge.messages';
import { BADGE_SIZES, badgeGeometry, nameFontPt, qrSvg, sheetsOf, slotOf, type BadgeSize, type BadgeView, type PaperSpec } from './badge.view-model';

/*
 * The print page of badges: in the console frame on screen (paper choice, PDF link, a preview that
 * scrolls in its own box), and on paper only the badges — one sheet per CSS page of the chosen size.
 */

const BASE = '/console/attendees';

export const badgeT = (lang: Lang): BadgeT => translator(BADGE_MESSAGES, lang);

function query(params: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

const sizeParam = (size?: BadgeSize): string | undefined => (size && size !== 'a6' ? size : undefined);

export const badgeUrl = (code: string, id: string, size?: BadgeSize): string =>
  `${BASE}/${encodeURIComponent(code)}/${encodeURIComponent(id)}/badge${query({ size: sizeParam(size) })}`;
export const badgePdfUrl = (code: string, id: string, size?: BadgeSize): string =>
  `${BASE}/${encodeURIComponent(code)}/${encodeURIComponent(id)}/badge.pdf${query({ size: sizeParam(size) })}`;
export const badgesUrl = (code: string, filter: AttendeeFilter = {}, size?: BadgeSize): string =>
  `${BASE}/${encodeURIComponent(code)}/badges${query({ q: filter.q, kind: filter.kind, day: filter.day, size: sizeParam(size) })}`;
export const badgesPdfUrl = (code: string, filter: AttendeeFilter = {}, size?: BadgeSize): string =>
  `${BASE}/${encodeURIComponent(code)}/badges.pdf${query({ q: filter.q, kind: filter.kind, day: filter.day, size: sizeParam(size) })}`;

export interface BadgeSheetEdition {
  code: string;
  nameKo: string;
  nameEn: string;
}

/** What the print page (and the PDF) of one or many badges holds. */
export interface BadgeSheet {
  edition: BadgeSheetEdition;
  scope: { kind: 'one'; attendeeId: string; name: string } | { kind: 'bulk'; filter: AttendeeFilter };
  paper: PaperSpec;
  badges: BadgeView[];
  /** How many attendees match; more than `max` prints none (the organizer narrows the filters). */
  total: number;
  max: number;
}

export const tooMany = (s: BadgeSheet): boolean => s.total > s.max;

const editionName = (e: BadgeSheetEdition, lang: Lang): string => (lang === 'ko' ? e.nameKo : e.nameEn) || e.code;

/** One badge, positioned on its sheet in millimetres; the name's size comes from the view model. */
export function badgeHtml(b: BadgeView, paper: PaperSpec, index: number): SafeHtml {
  const slot = slotOf(index, paper);
  const landscape = paper.orientation === 'landscape';
  const namePt = nameFontPt(b.name, badgeGeometry(paper).textWidthMm, badgeGeometry(paper).nameMaxPt);
  return html`<article class="name-badge ${landscape ? 'landscape' : 'portrait'}" lang="${b.lang}" style="left:${slot.xMm}mm;top:${slot.yMm}mm;width:${paper.badgeWidthMm}mm;height:${paper.badgeHeightMm}mm" data-badge-code="${b.badgeCode}">
<div class="band" style="background:${b.band.background};color:${b.band.text}"><span lang="ko">${b.band.ko}</span> <span lang="en">${b.band.en}</span></div>
<div class="body">
<div class="text">
<p class="edition">${b.editionName}</p>
<p class="name" lang="${b.nameLang}" style="font-size:${namePt}pt">${b.name}</p>
${b.latinName ? html`<p class="latin" lang="en">${b.latinName}</p>` : ''}
${b.company ? html`<p class="company">${b.company}</p>` : ''}
<p class="country">${b.country}</p>
</div>
<div class="qr">${raw(qrSvg(b.qr, b.badgeCode))}<p class="code">${b.badgeCode}</p></div>
</div>
</article>`;
}

function sheetsHtml(s: BadgeSheet): SafeHtml {
  let i = 0;
  return html`${sheetsOf(s.badges, s.paper).map((sheet) => html`<section class="sheet">${sheet.map((b) => badgeHtml(b, s.paper, i++))}</section>`)}`;
}

function filterSummary(t: BadgeT, s: BadgeSheet, lang: Lang): string {
  if (s.scope.kind !== 'bulk') return '';
  const f = s.scope.filter;
  return [
    f.kind ? t(f.kind as BadgeKey) : t('anyKind'),
    f.day ? displayDate(f.day, lang) : t('anyDay'),
    ...(f.q ? [t('search', { q: f.q })] : []),
  ].join(' · ');
}

export function renderBadgeSheetPage(ctx: ConsoleContext, s: BadgeSheet): string {
  const t = badgeT(ctx.lang);
  const code = s.edition.code;
  const one = s.scope.kind === 'one' ? s.scope : null;
  const filter = s.scope.kind === 'bulk' ? s.scope.filter : {};
  const title = one ? t('oneTitle', { name: one.name }) : t('bulkTitle', { edition: editionName(s.edition, ctx.lang) });
  const back = one
    ? html`<a href="${BASE}/${encodeURIComponent(code)}/${encodeURIComponent(one.attendeeId)}">${t('backToDetail')}</a>`
    : html`<a href="${BASE}/${encodeURIComponent(code)}${query({ q: filter.q, kind: filter.kind, day: filter.day })}">${t('backToList')}</a>`;
  const action = one ? badgeUrl(code, one.attendeeId) : badgesUrl(code);
  const pdf = one ? badgePdfUrl(code, one.attendeeId, s.paper.size) : badgesPdfUrl(code, filter, s.paper.size);
  const sheets = sheetsOf(s.badges, s.paper).length;
  const body = html`<div class="no-print">
<p>${back}</p>
<h1>${title}</h1>
${one ? '' : html`<p>${t('filters')}: ${filterSummary(t, s, ctx.lang)}</p>`}
<form method="get" action="${action}" class="paper">
${(['q', 'kind', 'day'] as const).flatMap((k) => (filter[k] ? [html`<input type="hidden" name="${k}" value="${filter[k]}">`] : []))}
<div class="field"><label for="b-size">${t('size')}</label><select id="b-size" name="size">${BADGE_SIZES.map((z) => html`<option value="${z}"${z === s.paper.size ? html` selected` : ''}>${t(`size.${z}` as BadgeKey)}</option>`)}</select></div>
<div class="buttons"><button type="submit">${t('show')}</button>${s.badges.length > 0 ? html` <a class="button secondary" href="${pdf}">${t('pdf')}</a>` : ''}</div>
</form>
${tooMany(s) ? html`<p class="error" role="alert">${t('tooMany', { total: s.total, max: s.max })}</p>`
    : s.badges.length === 0 ? html`<p role="status">${t('none')}</p>`
      : html`<p role="status">${t('count', { n: s.badges.length, sheets })}</p><p class="hint">${t('printHint')}</p>`}
</div>
<div class="preview" role="region" aria-label="${title}" tabindex="0">${sheetsHtml(s)}</div>`;
  return renderConsolePage(ctx, { title, section: 'attendees', body, extraStyles: printStyles(s.paper) });
}

/** The page's rules: the sheet and badge geometry in millimetres, and for print only the sheets. */
export function printStyles(paper: PaperSpec): string {
  const g = badgeGeometry(paper);
  // On a phone the preview shows whole sheets, scaled down (screen only: paper prints at 100%).
  const narrowZoom = Math.min(1, 300 / ((paper.pageWidthMm * 96) / 25.4)).toFixed(2);
  return `
@page{size:${paper.pageWidthMm}mm ${paper.pageHeightMm}mm;margin:0}
form.paper{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin-bottom:.5rem}
form.paper .field{flex:0 1 22rem;margin:0}
.hint{color:#555;font-size:.9rem}
.error{color:#b42318}
.preview{overflow:auto;max-width:100%;background:#e5e7eb;padding:8px;border-radius:6px}
.sheet{position:relative;overflow:hidden;background:#fff;width:${paper.pageWidthMm}mm;height:${paper.pageHeightMm}mm;margin:0 auto 8px;box-shadow:0 1px 4px rgba(0,0,0,.3)}
.name-badge{position:absolute;display:flex;flex-direction:column;overflow:hidden;outline:1px dashed #d0d5dd;outline-offset:-1px;color:#111;
 font-family:"NanumGothic","Nanum Gothic","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;word-break:keep-all;overflow-wrap:anywhere;
 -webkit-print-color-adjust:exact;print-color-adjust:exact}
.name-badge:lang(en),.name-badge [lang=en]{font-family:system-ui,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans","NanumGothic","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
.name-badge [lang=ko]{font-family:"NanumGothic","Nanum Gothic","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif}
.name-badge p{margin:0}
.name-badge .band{flex:none;display:flex;align-items:center;justify-content:center;gap:3mm;font-weight:800;letter-spacing:.02em;white-space:nowrap}
.name-badge .band{height:${g.bandMm}mm;font-size:${g.bandPt}pt}
.name-badge .body{flex:1;display:flex;min-height:0}
.name-badge.portrait .body{flex-direction:column;align-items:center;padding:4mm 6mm 3mm;text-align:center}
.name-badge.landscape .body{flex-direction:row;align-items:center;padding:2mm 3mm 2mm 5mm;gap:2mm}
.name-badge .text{flex:1;min-width:0;display:flex;flex-direction:column;justify-content:center;gap:1.5mm;width:100%}
.name-badge .edition{font-size:9pt;color:#444}
.name-badge .name{font-weight:800;line-height:1.15;max-height:2.4em;overflow:hidden}
.name-badge .latin{font-size:11pt}
.name-badge .company{font-size:12pt;font-weight:600}
.name-badge .country{font-size:10pt;color:#333}
.name-badge .qr{flex:none;display:flex;flex-direction:column;align-items:center}
.name-badge .qr svg{width:${g.qrMm}mm;height:${g.qrMm}mm}
.name-badge .code{font:600 9pt ui-monospace,"DejaVu Sans Mono",monospace;letter-spacing:.05em}
@media screen and (max-width:40rem){.preview .sheet{zoom:${narrowZoom}}}
@media print{
 body{margin:0}
 body>*:not(main),.skip,.no-print{display:none!important}
 main{padding:0!important;margin:0!important;max-width:none!important}
 .preview{overflow:visible;background:none;padding:0;border-radius:0}
 .sheet{margin:0;box-shadow:none;break-after:page;page-break-after:always}
 .sheet:last-child{break-after:auto;page-break-after:auto}
 ${paper.size === 'a4' ? '' : '.name-badge{outline:none}'}
}
`;
}

export type BadgePdfFailure =
  | { reason: 'font-missing'; path: string; sheet: BadgeSheet }
  | { reason: 'glyphs-missing'; who: Array<{ name: string; badgeCode: string; characters: string[] }>; sheet: BadgeSheet }
  | { reason: 'too-many' | 'none'; sheet: BadgeSheet };

/** Why a PDF was not made, as a status and a page with a way to the print page. */
export function renderBadgePdfFailure(ctx: ConsoleContext, f: BadgePdfFailure): { status: number; page: string } {
  const t = badgeT(ctx.lang);
  const s = f.sheet;
  const one = s.scope.kind === 'one' ? s.scope : null;
  const printUrl = one ? badgeUrl(s.edition.code, one.attendeeId, s.paper.size) : badgesUrl(s.edition.code, s.scope.kind === 'bulk' ? s.scope.filter : {}, s.paper.size);
  const status = f.reason === 'font-missing' ? 503 : f.reason === 'none' ? 404 : 422;
  const text = f.reason === 'font-missing' ? t('fontMissing', { path: f.path })
    : f.reason === 'glyphs-missing' ? t('glyphsMissing', { who: f.who.map((w) => `${w.name} (${w.badgeCode}: ${w.characters.join(' ')})`).join(', ') })
      : f.reason === 'too-many' ? t('tooMany', { total: s.total, max: s.max }) : t('none');
  const body = html`<h1>${t('pdfFailedTitle')}</h1><p class="error" role="alert">${text}</p><p><a href="${printUrl}">${t('usePrintPage')}</a></p>`;
  return { status, page: renderConsolePage(ctx, { title: t('pdfFailedTitle'), section: 'attendees', body, extraStyles: '.error{color:#b42318}' }) };
}
