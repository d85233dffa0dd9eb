import { loggedInHeader } from '../../../core/web/console-parts';
import { html, type SafeHtml } from '../../../core/web/html';
import { renderPage } from '../../../core/web/layout';
import { PRODUCT_CATEGORIES } from '../../fairs/product-categories';
import type { ApplicationResponse } from '../dto/application.dto';
import { APPLICATION_STATUSES } from '../entities/exhibitor-application.entity';
import { formatInstant, statusBadge, statusText, type Notice, type PageContext } from './exhibitor-pages.view';
import type { ExhibitorMessageKey } from './messages';

/*
 * The organizers' review list: filters as a GET form, one row per application with its
 * decisions, and a bulk approval whose checkboxes sit in the rows (form= attribute, as forms
 * cannot nest). Wide tables scroll in their own box, so the page itself stays 360 px wide.
 */

export const REVIEW_PAGE = '/console/applications';
export const DECISIONS = ['start_review', 'approve', 'waitlist', 'reject', 'request_changes'] as const;
export type Decision = (typeof DECISIONS)[number];

export const FILTER_FIELDS = ['edition', 'status', 'hall', 'category', 'country', 'q', 'sort', 'order'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type FilterValues = Record<FilterField, string>;

export interface ReviewPageModel {
  filters: FilterValues;
  filterErrors: Partial<Record<FilterField, string>>;
  editions: Array<{ code: string; name: string }>;
  halls: string[];
  items: ApplicationResponse[];
  total: number;
  /** The list's query string (with its leading ?), so a decision returns to the same list. */
  back: string;
  flash?: Notice;
  /** A decision refused for its reason: shown next to that row's reason field, with what was typed. */
  rowError?: { id: string; reason: string; text: string };
}

export function reviewUrl(filters: Partial<FilterValues>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) params.set(k, v);
  const q = params.toString();
  return `${REVIEW_PAGE}${q ? `?${q}` : ''}`;
}

function option(value: string, label: string, current: string): SafeHtml {
  return html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`;
}

function filterField(ctx: PageContext, m: ReviewPageModel, name: FilterField, label: string, control: SafeHtml): SafeHtml {
  const error = m.filterErrors[name];
  return html`<div class="field"><label for="q-${name}">${label}</label>${control}${error && html`<div class="error" id="q-${name}-error">${error}</div>`}</div>`;
}

function invalid(m: ReviewPageModel, name: FilterField): SafeHtml {
  return m.filterErrors[name] ? html` aria-invalid="true" aria-describedby="q-${name}-error"` : html``;
}

export function renderReviewPage(ctx: PageContext, m: ReviewPageModel): string {
  const { t, lang } = ctx;
  const f = m.filters;
  const csrf = ctx.user?.csrf ?? '';
  const categories = Object.values(PRODUCT_CATEGORIES).flat();
  const filters = html`<form method="get" action="${REVIEW_PAGE}" class="filters"><fieldset><legend>${t('filters')}</legend><div class="row">
${filterField(ctx, m, 'edition', t('edition'), html`<select id="q-edition" name="edition"${invalid(m, 'edition')}>${option('', t('allEditions'), f.edition)}${m.editions.map((e) => option(e.code, e.name, f.edition))}</select>`)}
${filterField(ctx, m, 'status', t('statusLabel'), html`<select id="q-status" name="status"${invalid(m, 'status')}>${option('', t('allStatuses'), f.status)}${APPLICATION_STATUSES.filter((s) => s !== 'draft').map((s) => option(s, statusText(t, s), f.status))}</select>`)}
${filterField(ctx, m, 'hall', t('hall'), html`<select id="q-hall" name="hall"${invalid(m, 'hall')}>${option('', t('allHalls'), f.hall)}${m.halls.map((h) => option(h, h, f.hall))}</select>`)}
${filterField(ctx, m, 'category', t('category'), html`<select id="q-category" name="category"${invalid(m, 'category')}>${option('', t('allCategories'), f.category)}${categories.map((c) => option(c.code, lang === 'ko' ? c.nameKo : c.nameEn, f.category))}</select>`)}
${filterField(ctx, m, 'country', t('country'), html`<input id="q-country" name="country" value="${f.country}" maxlength="2" pattern="[A-Za-z]{2}" autocomplete="off"${invalid(m, 'country')}>`)}
${filterField(ctx, m, 'q', t('search'), html`<input id="q-q" name="q" type="search" value="${f.q}" maxlength="100"${invalid(m, 'q')}>`)}
${filterField(ctx, m, 'sort', t('sort'), html`<select id="q-sort" name="sort">${(['submittedAt', 'companyName', 'status', 'boothCount', 'updatedAt'] as const).map((s) => option(s, t(`sort_${s}`), f.sort || 'submittedAt'))}</select>`)}
${filterField(ctx, m, 'order', t('order'), html`<select id="q-order" name="order">${option('asc', t('asc'), f.order || 'asc')}${option('desc', t('desc'), f.order || 'asc')}</select>`)}
</div><button type="submit">${t('apply_filters')}</button>
<a class="button secondary" href="${REVIEW_PAGE}/export.csv${m.back}" download>${t('exportCsv')}</a></fieldset></form>`;

  const rows = m.items.map((a) => {
    const decisions = DECISIONS.filter((d) => a.actions.includes(d));
    const err = m.rowError?.id === a.id ? m.rowError : undefined;
    const reasonId = `reason-${a.id}`;
    return html`<tr id="app-${a.id}">
<td>${a.status === 'submitted' || a.status === 'under_review' || a.status === 'waitlisted'
      ? html`<input type="checkbox" form="bulk" name="ids" value="${a.id}" id="sel-${a.id}" aria-label="${t('selectRow', { company: a.companyName })}">` : ''}</td>
<th scope="row">${a.companyName}</th><td>${a.country}</td><td>${a.booth.count}</td><td>${a.hall ?? '–'}</td>
<td>${statusBadge(t, a.status)}${a.statusReason && html`<div class="hint">${a.statusReason}</div>`}</td>
<td>${a.submittedAt ? formatInstant(a.submittedAt, lang) : '–'}</td>
<td>${decisions.length > 0 && html`<form method="post" action="${REVIEW_PAGE}/${a.id}/decision">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="back" value="${m.back}">
<label for="${reasonId}" class="sr-only">${t('reasonFor', { company: a.companyName })}</label>
<input id="${reasonId}" name="reason" maxlength="1000" value="${err?.reason ?? ''}" placeholder="${t('reasonLabel')}"${err ? html` aria-invalid="true" aria-describedby="${reasonId}-error"` : ''}>
${err && html`<div class="error" id="${reasonId}-error">${err.text}</div>`}
<div class="actions">${decisions.map((d) => html`<button type="submit" name="action" value="${d}" class="${d === 'approve' ? '' : 'secondary'}" aria-label="${t(`action_${d}` as ExhibitorMessageKey)}: ${a.companyName}">${t(`action_${d}` as ExhibitorMessageKey)}</button>`)}</div>
</form>`}</td></tr>`;
  });

  const body = html`<h1>${t('reviewTitle')}</h1>
${m.flash && html`<div class="notice ${m.flash.ok ? 'ok' : 'bad'}" role="${m.flash.ok ? 'status' : 'alert'}">${m.flash.text}</div>`}
${filters}
<p>${t('resultCount', { total: m.total })} · <span class="hint">${t('reasonHint')}</span></p>
<form method="post" action="${REVIEW_PAGE}/bulk-approve" id="bulk"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="back" value="${m.back}">
<button type="submit">${t('bulkApprove')}</button></form>
${m.items.length === 0 ? html`<p>${t('noResults')}</p>` : html`<div class="scroll" role="region" aria-label="${t('reviewTitle')}" tabindex="0"><table class="grid review">
<thead><tr><th scope="col">${t('select')}</th><th scope="col">${t('company')}</th><th scope="col">${t('country')}</th><th scope="col">${t('boothsCol')}</th>
<th scope="col">${t('hall')}</th><th scope="col">${t('statusLabel')}</th><th scope="col">${t('submittedAt')}</th><th scope="col">${t('actions')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`}`;
  return renderPage({
    lang, title: t('reviewTitle'), langHref: ctx.langHref, body, appName: t('consoleName'),
    headerExtra: loggedInHeader(ctx.user, { loggedInAs: t('loggedInAs', { name: ctx.user?.displayName ?? '' }), logout: t('logout') }),
    extraStyles: `.review input{max-width:14rem}.review .actions button{min-height:2.2rem;padding:.2rem .5rem}
.badge{border:1px solid;padding:0 .3rem}.filters .row .field{flex:1 1 10rem}`,
  });
}
