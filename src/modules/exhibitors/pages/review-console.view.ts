import { displayDateRange, displayDateTime } from '../../../core/time/display';
import type { ConsoleContext } from '../../../core/web/console-context';
import { renderConsolePage } from '../../../core/web/console-frame';
import { html, type SafeHtml } from '../../../core/web/html';
import type { ProductCategory } from '../../fairs/product-categories';
import type { ConsoleHall } from '../booths/booths.service';
import type { ApplicationResponse, StatusChangeResponse } from '../dto/application.dto';
import { APPLICATION_STATUSES } from '../entities/exhibitor-application.entity';
import type { ReviewMessageKey, ReviewT } from './review-console.messages';
import type { EditionChoice } from './review-console.service';
import { companyNameFor } from '../domain/company-name';
import { countryName } from '../domain/countries';
import { identifierKindName } from '../domain/company-identifier';
import {
  BULK_DECISIONS, DECISIONS, isRefused, outcomeText, pagination, REVIEW_PAGE, reviewUrl,
  type Decision, type FilterField, type FilterValues, type Outcome, type Tone,
} from './review-console.view-model';

/*
 * The organizers' application pages: the list (filters, pages, select-all and bulk decisions with
 * a result per application) and one application's page (everything it holds, its history, the
 * decisions). Wide tables become cards on a phone.
 */

export interface ReviewContext extends ConsoleContext {
  t: ReviewT;
}

export interface RowError {
  id: string;
  field: 'hall' | 'reason' | 'action';
  text: string;
  reason: string;
  hall: string;
}

export interface ReviewListModel {
  filters: FilterValues;
  filterErrors: Partial<Record<FilterField, string>>;
  page: number;
  /** ?select=all: every checkbox of the page ticked. */
  selectAll: boolean;
  editions: EditionChoice[];
  halls: ConsoleHall[];
  categories: ProductCategory[];
  items: ApplicationResponse[];
  total: number;
  /** The list's query string with its leading ?, so a decision returns to the same list. */
  back: string;
  flash?: { tone: Tone; text: string };
  /** A bulk result: each application and what happened to it. */
  results?: Array<{ id: string; company: string; outcome: Outcome }>;
  bulkError?: string;
  rowError?: RowError;
}

export interface ReviewDetailModel {
  application: ApplicationResponse;
  history: StatusChangeResponse[];
  halls: ConsoleHall[];
  edition?: EditionChoice;
  categories: ProductCategory[];
  flash?: { tone: Tone; text: string };
  error?: RowError;
}

const STYLES = `
.notice.warn{background:#fffaeb;border-color:#b54708}
.badge{border:1px solid;padding:0 .35rem;white-space:nowrap;word-break:keep-all}
.st-approved{color:#05603a}.st-rejected,.st-cancelled{color:#b42318}.st-waitlisted,.st-changes_requested{color:#93370d}
.filters fieldset{border:1px solid #ddd;border-radius:6px;padding:.5rem .75rem}
.filters .row .field{flex:1 1 8rem}
.apps input[type=checkbox]{width:1.4rem;height:1.4rem;min-height:0}
.editions{list-style:none;padding:0;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))}
.editions a{display:block;border:1px solid #ddd;border-radius:6px;padding:.6rem .8rem;text-decoration:none}
.editions a span{display:block;color:#555;font-size:.9rem}
.results{list-style:none;padding:0;margin:0 0 1rem}
.results li{padding:.3rem .5rem;border-left:4px solid #12b76a;margin-bottom:.2rem;background:#f6fef9}
.results li.refused{border-color:#b42318;background:#fef3f2}
.bulk{border:1px solid #ddd;border-radius:6px;padding:.5rem .75rem;margin:0 0 1rem}
.bulk .row .field{flex:1 1 12rem}
.pager ul{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0}
.pager a,.pager span{display:inline-block;min-width:2.4rem;padding:.35rem .5rem;border:1px solid #ccd;border-radius:4px;text-align:center}
.pager [aria-current]{background:#0b57d0;color:#fff;border-color:#0b57d0}
table.apps{border-collapse:collapse;width:100%;font-size:.9rem}
.apps th,.apps td{border-bottom:1px solid #e3e3e3;padding:.4rem;text-align:left;vertical-align:top}
.apps thead th{background:#f7f7f8}
.apps input,.apps select{max-width:13rem;min-height:2.2rem}
.apps .actions button{min-height:2.2rem;padding:.2rem .55rem}
.apps .error{color:#b42318}
dl.facts{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{font-weight:600;color:#444;word-break:keep-all}dl.facts dd{margin:0;overflow-wrap:anywhere;word-break:keep-all}
.detail{display:grid;gap:0 2rem;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr))}
.history th,.history td{word-break:keep-all}
.logo{max-width:12rem;max-height:8rem;border:1px solid #ddd;padding:.25rem;background:#fff}
table.history{border-collapse:collapse;width:100%;font-size:.9rem}
.history th,.history td{border-bottom:1px solid #e3e3e3;padding:.35rem;text-align:left;vertical-align:top}
.decide{border:1px solid #ddd;border-radius:6px;padding:.75rem}
@media (max-width:760px){
 table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
 table.cards,table.cards tbody,table.cards tr,table.cards td,table.cards th{display:block;width:100%}
 table.cards tr{border:1px solid #ddd;border-radius:6px;margin-bottom:.75rem;padding:.4rem}
 table.cards td,table.cards th{border:0;padding:.2rem .3rem}
 table.cards td[data-label]{display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem .4rem}
 table.cards td[data-label]::before{content:attr(data-label);flex:0 0 5.5rem;font-size:.85rem;color:#555;font-weight:600}
 table.cards td.wide{display:block}
 table.cards td.wide::before{display:block}
 table.cards td:empty{display:none}
 dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}
}`;

export function statusBadge(t: ReviewT, status: string): SafeHtml {
  return html`<span class="badge st-${status}">${t(`app_${status}` as ReviewMessageKey)}</span>`;
}

export function hallName(halls: ConsoleHall[], code: string | null, lang: 'ko' | 'en'): string | null {
  if (!code) return null;
  const hall = halls.find((h) => h.code === code);
  return hall ? (lang === 'ko' ? hall.nameKo : hall.nameEn) : code;
}

function option(value: string, label: string, current: string): SafeHtml {
  return html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`;
}

function notice(flash: { tone: Tone; text: string } | undefined): SafeHtml | '' {
  return flash ? html`<div class="notice ${flash.tone}" role="${flash.tone === 'ok' ? 'status' : 'alert'}">${flash.text}</div>` : '';
}

function filterField(m: ReviewListModel, name: FilterField, label: string, control: SafeHtml): SafeHtml {
  const error = m.filterErrors[name];
  return html`<div class="field"><label for="q-${name}">${label}</label>${control}${error && html`<div class="error" id="q-${name}-error">${error}</div>`}</div>`;
}

function invalid(m: ReviewListModel, name: FilterField): SafeHtml {
  return m.filterErrors[name] ? html` aria-invalid="true" aria-describedby="q-${name}-error"` : html``;
}

/** The decision form of one application: reason, the hall when it has none, one button per decision. */
function decisionForm(ctx: ReviewContext, a: ApplicationResponse, halls: ConsoleHall[], back: string, err: RowError | undefined, idPrefix: string): SafeHtml | '' {
  const { t } = ctx;
  const decisions = DECISIONS.filter((d) => a.actions.includes(d));
  if (decisions.length === 0) return '';
  const reasonId = `${idPrefix}reason-${a.id}`;
  const hallId = `${idPrefix}hall-${a.id}`;
  const needsHall = !a.hall && decisions.includes('approve');
  const errorOn = (f: RowError['field']): boolean => err?.field === f;
  return html`<form method="post" action="${REVIEW_PAGE}/${a.id}/decision">
<input type="hidden" name="_csrf" value="${ctx.user?.csrf ?? ''}"><input type="hidden" name="back" value="${back}">
${needsHall ? html`<div class="field"><label for="${hallId}">${t('hallFor', { company: a.companyName })}</label>
<select id="${hallId}" name="hall"${errorOn('hall') ? html` aria-invalid="true" aria-describedby="${hallId}-error"` : ''}>${option('', t('chooseHall'), err?.hall ?? '')}${halls.map((h) => option(h.code, t('hallOption', { name: ctx.lang === 'ko' ? h.nameKo : h.nameEn, free: h.boothsFree }), err?.hall ?? ''))}</select>
${errorOn('hall') && html`<div class="error" id="${hallId}-error">${err?.text}</div>`}</div>` : ''}
<div class="field"><label for="${reasonId}"${idPrefix ? '' : html` class="sr-only"`}>${idPrefix ? t('reasonLabel') : t('reasonFor', { company: a.companyName })}</label>
<input id="${reasonId}" name="reason" maxlength="1000" value="${err?.reason ?? ''}" placeholder="${t('reasonLabel')}"${errorOn('reason') ? html` aria-invalid="true" aria-describedby="${reasonId}-error"` : ''}>
${errorOn('reason') && html`<div class="error" id="${reasonId}-error">${err?.text}</div>`}</div>
${errorOn('action') && html`<div class="error" role="alert">${err?.text}</div>`}
<div class="actions">${decisions.map((d: Decision) => html`<button type="submit" name="action" value="${d}" class="${d === 'approve' ? '' : 'secondary'}" aria-label="${t(`action_${d}`)}: ${a.companyName}">${t(`action_${d}`)}</button>`)}</div>
</form>`;
}

function editionPicker(ctx: ReviewContext, editions: EditionChoice[], href: (code: string) => string): SafeHtml {
  const { t, lang } = ctx;
  if (editions.length === 0) return html`<p>${t('noEditions')}</p>`;
  return html`<ul class="editions">${editions.map((e) => html`<li><a href="${href(e.code)}">${lang === 'ko' ? e.nameKo : e.nameEn}
<span>${displayDateRange(e.startsOn, e.endsOn, lang, { weekday: false })} · ${t(`editionStatus_${e.status}` as ReviewMessageKey)}</span></a></li>`)}</ul>`;
}

/** The application with the company's name in the reader's language (domain/company-name). */
function inReaderLanguage(a: ApplicationResponse, lang: 'ko' | 'en'): ApplicationResponse {
  return { ...a, companyName: companyNameFor(lang, { name: a.companyName, alternateName: a.companyAlternateName }) };
}

export function renderReviewList(ctx: ReviewContext, m: ReviewListModel): string {
  const { t, lang } = ctx;
  const f = m.filters;
  const csrf = ctx.user?.csrf ?? '';
  const filters = html`<form method="get" action="${REVIEW_PAGE}" class="filters"><fieldset><legend>${t('filters')}</legend><div class="row">
${filterField(m, 'edition', t('edition'), html`<select id="q-edition" name="edition"${invalid(m, 'edition')}>${option('', t('allEditions'), f.edition)}${m.editions.map((e) => option(e.code, lang === 'ko' ? e.nameKo : e.nameEn, f.edition))}</select>`)}
${filterField(m, 'status', t('statusLabel'), html`<select id="q-status" name="status"${invalid(m, 'status')}>${option('', t('allStatuses'), f.status)}${APPLICATION_STATUSES.filter((s) => s !== 'draft').map((s) => option(s, t(`app_${s}`), f.status))}</select>`)}
${filterField(m, 'q', t('search'), html`<input id="q-q" name="q" type="search" value="${f.q}" maxlength="100"${invalid(m, 'q')}>`)}
${filterField(m, 'hall', t('hall'), html`<select id="q-hall" name="hall"${invalid(m, 'hall')}>${option('', t('allHalls'), f.hall)}${m.halls.map((h) => option(h.code, lang === 'ko' ? h.nameKo : h.nameEn, f.hall))}</select>`)}
${filterField(m, 'category', t('category'), html`<select id="q-category" name="category"${invalid(m, 'category')}>${option('', t('allCategories'), f.category)}${m.categories.map((c) => option(c.code, lang === 'ko' ? c.nameKo : c.nameEn, f.category))}</select>`)}
${filterField(m, 'country', t('country'), html`<input id="q-country" name="country" value="${f.country}" maxlength="3" autocomplete="off"${invalid(m, 'country')}>`)}
${filterField(m, 'sort', t('sort'), html`<select id="q-sort" name="sort">${(['submittedAt', 'companyName', 'status', 'boothCount', 'updatedAt'] as const).map((s) => option(s, t(`sort_${s}`), f.sort || 'submittedAt'))}</select>`)}
${filterField(m, 'order', t('order'), html`<select id="q-order" name="order">${option('asc', t('asc'), f.order || 'asc')}${option('desc', t('desc'), f.order || 'asc')}</select>`)}
</div><div class="actions"><button type="submit">${t('applyFilters')}</button>
${f.edition && html`<a class="button secondary" href="${REVIEW_PAGE}/export.csv${m.back}" download>${t('exportCsv')}</a>`}</div></fieldset></form>`;

  const results = m.results && m.results.length > 0
    ? html`<section aria-labelledby="results-h"><h2 id="results-h">${t('bulkResults')}</h2><ul class="results">${m.results.map((r) => html`<li class="${isRefused(r.outcome) ? 'refused' : 'done'}"><a href="${REVIEW_PAGE}/${r.id}">${r.company || r.id}</a> → ${outcomeText(r.outcome, t)}</li>`)}</ul></section>`
    : '';

  let main: SafeHtml;
  if (!f.edition || !m.editions.some((e) => e.code === f.edition)) {
    main = html`<h2>${t('pickEdition')}</h2><p>${t('pickEditionIntro')}</p>${editionPicker(ctx, m.editions, (code) => reviewUrl({ edition: code }))}`;
  } else {
    const p = pagination(m.total, m.page);
    const pageQuery = `${m.back}${m.back ? '&' : '?'}page=${p.page}`;
    const rows = m.items.map((row) => {
      const a = inReaderLanguage(row, lang);
      const err = m.rowError?.id === a.id ? m.rowError : undefined;
      const selectable = a.actions.some((x) => (BULK_DECISIONS as readonly string[]).includes(x));
      return html`<tr id="app-${a.id}">
<td data-label="${t('select')}">${selectable ? html`<input type="checkbox" form="bulk" name="ids" value="${a.id}" id="sel-${a.id}"${m.selectAll ? html` checked` : ''} aria-label="${t('selectRow', { company: a.companyName })}">` : ''}</td>
<th scope="row"><a href="${REVIEW_PAGE}/${a.id}" aria-label="${t('detailsOf', { company: a.companyName })}">${a.companyName}</a></th>
<td data-label="${t('country')}">${a.country}</td><td data-label="${t('boothsCol')}">${a.booth.count}</td>
<td data-label="${t('hall')}">${hallName(m.halls, a.hall, lang) ?? t('noHallYet')}</td>
<td data-label="${t('statusLabel')}">${statusBadge(t, a.status)}${a.statusReason && html`<div class="hint">${a.statusReason}</div>`}</td>
<td data-label="${t('submittedAt')}">${a.submittedAt ? displayDateTime(a.submittedAt, lang) : '–'}</td>
<td class="wide" data-label="${t('actions')}">${decisionForm(ctx, a, m.halls, pageQuery, err, '')}</td></tr>`;
    });
    const pageHref = (n: number): string => `${REVIEW_PAGE}${m.back}${m.back ? '&' : '?'}page=${n}`;
    const pager = p.lastPage > 1
      ? html`<nav class="pager" aria-label="${t('pages')}"><ul>
${p.page > 1 ? html`<li><a href="${pageHref(p.page - 1)}" rel="prev">${t('previous')}</a></li>` : ''}
${p.links.map((n) => (n === null ? html`<li><span aria-hidden="true">…</span></li>` : n === p.page
    ? html`<li><span aria-current="page" aria-label="${t('pageN', { n })}">${n}</span></li>`
    : html`<li><a href="${pageHref(n)}" aria-label="${t('pageN', { n })}">${n}</a></li>`))}
${p.page < p.lastPage ? html`<li><a href="${pageHref(p.page + 1)}" rel="next">${t('next')}</a></li>` : ''}
</ul></nav>`
      : '';
    main = html`<p id="range"><strong>${p.total === 0 ? t('noResults') : t('range', { from: p.from, to: p.to, total: p.total })}</strong></p>
${m.items.length > 0 ? html`<form method="post" action="${REVIEW_PAGE}/bulk" id="bulk" class="bulk"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="back" value="${pageQuery}">
<p class="actions">${m.selectAll ? html`<a href="${REVIEW_PAGE}${pageQuery}">${t('clearSelection')}</a>` : html`<a href="${REVIEW_PAGE}${pageQuery}&select=all">${t('selectAll')}</a>`}</p>
${m.bulkError && html`<div class="error" role="alert" id="bulk-error">${m.bulkError}</div>`}
<div class="row"><div class="field"><label for="bulk-action">${t('bulkAction')}</label><select id="bulk-action" name="action">${BULK_DECISIONS.map((d) => option(d, t(`action_${d}`), 'approve'))}</select></div>
<div class="field"><label for="bulk-reason">${t('bulkReason')}</label><input id="bulk-reason" name="reason" maxlength="1000"></div></div>
<button type="submit">${t('bulkSubmit')}</button></form>
<p class="hint">${t('reasonHint')}</p>
<table class="apps cards"><caption class="sr-only">${t('reviewTitle')}</caption>
<thead><tr><th scope="col">${t('select')}</th><th scope="col">${t('company')}</th><th scope="col">${t('country')}</th><th scope="col">${t('boothsCol')}</th>
<th scope="col">${t('hall')}</th><th scope="col">${t('statusLabel')}</th><th scope="col">${t('submittedAt')}</th><th scope="col">${t('actions')}</th></tr></thead>
<tbody>${rows}</tbody></table>${pager}` : ''}`;
  }

  const body = html`<h1>${t('reviewTitle')}</h1>
${notice(m.flash)}${results}
${filters}
${main}`;
  return renderConsolePage(ctx, { title: t('reviewTitle'), section: 'applications', body, extraStyles: STYLES });
}

function money(amount: number, lang: 'ko' | 'en'): string {
  const digits = Math.abs(amount).toLocaleString('en-US');
  return lang === 'ko' ? `${amount < 0 ? '-' : ''}${digits}원` : `${amount < 0 ? '-' : ''}KRW ${digits}`;
}

export function renderReviewDetail(ctx: ReviewContext, m: ReviewDetailModel): string {
  const { t, lang } = ctx;
  const a = inReaderLanguage(m.application, lang);
  const base = `${REVIEW_PAGE}/${a.id}`;
  const back = m.edition ? reviewUrl({ edition: m.edition.code }) : REVIEW_PAGE;
  const categoryName = (code: string): string => {
    const c = m.categories.find((x) => x.code === code);
    return c ? (lang === 'ko' ? c.nameKo : c.nameEn) : code;
  };
  const fee = a.fee
    ? html`<table class="history"><tbody>${a.fee.lines.map((l) => html`<tr><th scope="row">${t(`feeLine_${l.code}` as ReviewMessageKey)}</th><td>${l.code === 'booths' || l.quantity > 1 ? `${l.quantity} × ${money(l.unitKrw, lang)}` : ''}</td><td>${money(l.amountKrw, lang)}</td></tr>`)}
<tr><th scope="row">${t('feeNet')}</th><td></td><td>${money(a.fee.netKrw, lang)}</td></tr><tr><th scope="row">${t('feeVat')}</th><td></td><td>${money(a.fee.vatKrw, lang)}</td></tr>
<tr><th scope="row">${t('feeTotal')}</th><td></td><td><strong>${money(a.fee.totalKrw, lang)}</strong></td></tr></tbody></table>${a.fee.final ? '' : html`<p class="hint">${t('feeProvisional')}</p>`}`
    : html`<p>${t('feeNone')}</p>`;
  const uploads = a.uploads.length === 0
    ? html`<p>${t('noUploads')}</p>`
    : html`${a.uploads.includes('logo') && html`<p><img class="logo" src="${base}/uploads/logo" alt="${t('logoAlt', { company: a.companyName })}"></p>`}
${a.uploads.includes('brochure') && html`<p><a href="${base}/uploads/brochure">${t('brochure')}</a></p>`}`;
  const history = html`<table class="history cards"><thead><tr><th scope="col">${t('historyAt')}</th><th scope="col">${t('historyChange')}</th><th scope="col">${t('historyWho')}</th><th scope="col">${t('historyReason')}</th></tr></thead>
<tbody>${m.history.map((h) => html`<tr><td data-label="${t('historyAt')}">${displayDateTime(h.at, lang)}</td>
<td data-label="${t('historyChange')}">${h.from ? html`${statusBadge(t, h.from)} → ` : ''}${statusBadge(t, h.to)}</td>
<td data-label="${t('historyWho')}">${h.actorName ? `${h.actorName} (${t(`role_${h.actorRole}` as ReviewMessageKey)})` : t(`role_${h.actorRole}` as ReviewMessageKey)}</td>
<td data-label="${t('historyReason')}">${h.reason ?? '–'}</td></tr>`)}</tbody></table>`;
  const decisions = decisionForm(ctx, a, m.halls, `/${a.id}`, m.error, 'd-');
  const body = html`<p><a href="${back}">← ${t('backToList')}</a></p>
<h1>${a.companyName} ${statusBadge(t, a.status)}</h1>
${notice(m.flash)}
${a.statusReason && html`<p>${t('reasonLabel')}: ${a.statusReason}</p>`}
<div class="detail">
<section><h2>${t('companySection')}</h2><dl class="facts">
<dt>${t('company')}</dt><dd>${a.companyName}</dd>${m.application.companyAlternateName && html`<dt>${t('otherName')}</dt><dd>${a.companyName === m.application.companyName ? m.application.companyAlternateName : m.application.companyName}</dd>`}
<dt>${a.companyIdentifierKind === 'kr-brn' ? t('businessNumber') : identifierKindName(a.companyIdentifierKind, lang)}</dt><dd>${a.companyIdentifier}</dd><dt>${t('country')}</dt><dd>${countryName(a.country, lang)} (${a.country})</dd>
<dt>${t('edition')}</dt><dd>${m.edition ? (lang === 'ko' ? m.edition.nameKo : m.edition.nameEn) : a.edition}</dd>
<dt>${t('submittedAt')}</dt><dd>${a.submittedAt ? displayDateTime(a.submittedAt, lang) : '–'}</dd></dl></section>
<section><h2>${t('contactSection')}</h2><dl class="facts">
<dt>${t('contactName')}</dt><dd>${a.contact.name}</dd><dt>${t('email')}</dt><dd><a href="mailto:${a.contact.email}">${a.contact.email}</a></dd><dt>${t('phone')}</dt><dd>${a.contact.phone}</dd></dl></section>
<section><h2>${t('boothRequest')}</h2><dl class="facts">
<dt>${t('boothsCol')}</dt><dd>${t(`boothType_${a.booth.type}` as ReviewMessageKey)} · ${t('boothCount', { count: a.booth.count })}</dd>
<dt>${t('hall')}</dt><dd>${hallName(m.halls, a.hall, lang) ?? t('noHallYet')}</dd>
<dt>${t('preferredKind')}</dt><dd>${a.preferredBoothKind ? t(`kind_${a.preferredBoothKind}` as ReviewMessageKey) : t('noPreference')}</dd>
<dt>${t('categories')}</dt><dd>${a.productCategories.map(categoryName).join(', ')}</dd>
<dt>${t('assignedBooths')}</dt><dd>${a.booths.length ? a.booths.map((b) => `${b.code} (${t(`kind_${b.kind}` as ReviewMessageKey)})`).join(', ') : t('noBooths')}
${a.status === 'approved' && html`<br><a href="/console/booths/${a.edition}">${t('boothPlanLink')}</a>`}</dd></dl></section>
<section><h2>${t('uploads')}</h2>${uploads}</section>
<section><h2>${t('fee')}</h2>${fee}</section>
<section><h2>${t('notes')}</h2><p>${a.notes ?? t('noNotes')}</p></section>
</div>
<section class="decide"><h2>${t('decisionTitle')}</h2>${decisions ? html`${decisions}<p class="hint">${t('reasonHint')}</p>` : html`<p>${t('noDecisions')}</p>`}</section>
<section><h2>${t('history')}</h2>${history}</section>`;
  return renderConsolePage(ctx, { title: `${a.companyName} · ${t('reviewTitle')}`, section: 'applications', body, extraStyles: STYLES });
}

/** The list's address helpers, also where they were before (review-console.view). */
export { REVIEW_PAGE, reviewUrl };
