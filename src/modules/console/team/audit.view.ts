import type { AuditRow } from '../../../core/audit/audit-log';
import type { ConsoleContext } from '../../../core/web/console-context';
import { renderConsolePage } from '../../../core/web/console-frame';
import { html, type SafeHtml } from '../../../core/web/html';
import type { Catalogue, Translate } from '../../../core/web/i18n';
import { displayDateTime } from '../../../core/time/display';

export const AUDIT_PAGE = '/console/audit';

export type AuditWord =
  | 'title' | 'intro' | 'edition' | 'anyEdition' | 'actor' | 'action' | 'from' | 'to' | 'filter' | 'csv'
  | 'when' | 'who' | 'what' | 'subject' | 'change' | 'system' | 'none' | 'empty' | 'count' | 'prev' | 'next' | 'page'
  | 'err.date' | 'errorsSummary';

export const AUDIT_WORDS: Catalogue<AuditWord> = {
  ko: {
    title: '감사 기록', intro: '주최자가 한 모든 변경입니다: 누가, 언제, 무엇을, 어떻게 바꿨는지.',
    edition: '회차', anyEdition: '모든 회차', actor: '사람 (이메일)', action: '작업', from: '시작일', to: '종료일', filter: '찾기', csv: 'CSV 내려받기',
    when: '일시', who: '사람', what: '작업', subject: '대상', change: '변경 (이전 → 이후)', system: '시스템', none: '—',
    empty: '조건에 맞는 기록이 없습니다.', count: '{n}건', prev: '이전', next: '다음', page: '{page} / {pages} 쪽',
    'err.date': '날짜를 YYYY-MM-DD 형식으로 입력하세요.', errorsSummary: '입력 내용을 확인해 주세요.',
  },
  en: {
    title: 'Audit log', intro: 'Every change organizers made: who, when, what, and how it changed.',
    edition: 'Edition', anyEdition: 'All editions', actor: 'Person (email)', action: 'Action', from: 'From', to: 'To', filter: 'Filter', csv: 'Download CSV',
    when: 'When', who: 'Who', what: 'Action', subject: 'Subject', change: 'Change (before → after)', system: 'System', none: '—',
    empty: 'No entries match.', count: '{n} entries', prev: 'Previous', next: 'Next', page: 'Page {page} of {pages}',
    'err.date': 'Enter the date as YYYY-MM-DD.', errorsSummary: 'Please check what you entered.',
  },
};

export interface AuditFilterValues {
  edition: string;
  actor: string;
  action: string;
  from: string;
  to: string;
}

export interface AuditPageData {
  values: AuditFilterValues;
  errors: Partial<Record<'from' | 'to', string>>;
  editions: Array<{ id: string; code: string; name: string }>;
  items: AuditRow[];
  total: number;
  page: number;
  pages: number;
  /** The query of this filter (without page), for the CSV link and paging. */
  query: string;
}

/** What an action and a subject kind are called on the page; the stable code stays beside it. */
const ACTION_WORDS: Record<'ko' | 'en', Record<string, string>> = {
  ko: {
    'staff.invite': '팀원 초대', 'staff.roles-set': '권한 변경', 'staff.revoke': '팀원 해지', 'staff.org-admin-grant': '조직 관리자 지정',
    'staff.org-admin-revoke': '조직 관리자 해제', 'edition.status-change': '회차 상태 변경', 'application.approve': '참가신청 승인',
    'application.reject': '참가신청 반려', 'application.waitlist': '참가신청 대기', 'application.request_changes': '참가신청 보완 요청',
    'application.start_review': '참가신청 심사 시작', route: '요청',
  },
  en: {
    'staff.invite': 'Member invited', 'staff.roles-set': 'Roles changed', 'staff.revoke': 'Member revoked', 'staff.org-admin-grant': 'Made organization admin',
    'staff.org-admin-revoke': 'Organization admin removed', 'edition.status-change': 'Edition status changed', 'application.approve': 'Application approved',
    'application.reject': 'Application rejected', 'application.waitlist': 'Application waitlisted', 'application.request_changes': 'Changes requested',
    'application.start_review': 'Review started', route: 'Request',
  },
};
const SUBJECT_WORDS: Record<'ko' | 'en', Record<string, string>> = {
  ko: { account: '계정', application: '참가신청', edition: '회차', route: '경로', booking: '대관' },
  en: { account: 'account', application: 'application', edition: 'edition', route: 'route', booking: 'booking' },
};

export function actionLabel(action: string, lang: 'ko' | 'en'): string {
  return ACTION_WORDS[lang][action] ?? ACTION_WORDS[lang][action.split('.')[0]] ?? action;
}

const STYLES = `
form.filters{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:flex-end}
form.filters .field{margin:0;min-width:0}
ol.entries{list-style:none;padding:0}
ol.entries li{border:1px solid #ddd;border-radius:8px;padding:.45rem .7rem;margin:.45rem 0;overflow-wrap:anywhere}
.meta{color:#444;font-size:.9rem}
code{overflow-wrap:anywhere}
dl.change{display:grid;grid-template-columns:minmax(0,max-content) minmax(0,1fr);gap:.1rem .6rem;margin:.3rem 0 0}
dl.change dt{font-weight:700}
dl.change dd{margin:0}
nav.paging{display:flex;gap:1rem;align-items:center}
`;

/** A value as read by a person: strings as they are, everything else as compact JSON. */
export function readable(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The keys of before and after side by side: `key: before → after`. */
export function changeLines(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Array<{ key: string; before: string; after: string }> {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((key) => ({ key, before: readable(before?.[key]), after: readable(after?.[key]) }));
}

export function renderAuditPage(ctx: ConsoleContext, t: Translate<AuditWord>, d: AuditPageData): string {
  const codeOf = new Map(d.editions.map((e) => [e.id, e.name]));
  const v = d.values;
  const invalid = (f: 'from' | 'to'): SafeHtml => (d.errors[f] ? html` aria-invalid="true" aria-describedby="audit-${f}-error"` : html``);
  const errorOf = (f: 'from' | 'to'): SafeHtml => (d.errors[f] ? html`<p class="error" id="audit-${f}-error">${d.errors[f]}</p>` : html``);
  const errorKeys = Object.keys(d.errors) as Array<'from' | 'to'>;
  const pageHref = (page: number): string => `${AUDIT_PAGE}?${d.query}${d.query ? '&' : ''}page=${page}`;
  const body = html`<h1>${t('title')}</h1>
<p class="hint">${t('intro')}</p>
${errorKeys.length > 0 && html`<div class="notice bad errors-summary" role="alert"><p>${t('errorsSummary')}</p><ul>${errorKeys.map((f) => html`<li><a href="#audit-${f}">${d.errors[f]}</a></li>`)}</ul></div>`}
<form class="filters" method="get" action="${AUDIT_PAGE}">
<div class="field"><label for="audit-edition">${t('edition')}</label><select id="audit-edition" name="edition"><option value="">${t('anyEdition')}</option>${d.editions.map((e) => html`<option value="${e.code}"${v.edition === e.code ? html` selected` : ''}>${e.name}</option>`)}</select></div>
<div class="field"><label for="audit-actor">${t('actor')}</label><input id="audit-actor" name="actor" type="text" maxlength="200" value="${v.actor}"></div>
<div class="field"><label for="audit-action">${t('action')}</label><input id="audit-action" name="action" type="text" maxlength="200" value="${v.action}"></div>
<div class="field"><label for="audit-from">${t('from')}</label><input id="audit-from" name="from" type="date" value="${v.from}"${invalid('from')}>${errorOf('from')}</div>
<div class="field"><label for="audit-to">${t('to')}</label><input id="audit-to" name="to" type="date" value="${v.to}"${invalid('to')}>${errorOf('to')}</div>
<button type="submit">${t('filter')}</button>
</form>
<p>${t('count', { n: d.total })} · <a href="${AUDIT_PAGE}/export.csv${d.query ? `?${d.query}` : ''}">${t('csv')}</a></p>
${d.items.length === 0 ? html`<p>${t('empty')}</p>` : html`<ol class="entries">${d.items.map((e) => {
    const lines = changeLines(e.before, e.after);
    return html`<li><div class="meta">${displayDateTime(e.at, ctx.lang)} · ${e.actorEmail ?? t('system')}${e.scopeId ? html` · ${codeOf.get(e.scopeId) ?? e.scopeId}` : ''}</div>
<div><strong>${actionLabel(e.action, ctx.lang)}</strong> <code>${e.action}</code> <span class="meta">${SUBJECT_WORDS[ctx.lang][e.subjectType] ?? e.subjectType}${e.subjectId ? html` <code>${e.subjectId}</code>` : ''}</span></div>
${lines.length > 0 && html`<dl class="change">${lines.map((l) => html`<dt>${l.key}</dt><dd>${l.before} → ${l.after}</dd>`)}</dl>`}</li>`;
  })}</ol>`}
${d.pages > 1 && html`<nav class="paging" aria-label="${t('page', { page: d.page, pages: d.pages })}">${d.page > 1 ? html`<a href="${pageHref(d.page - 1)}" rel="prev">${t('prev')}</a>` : ''}<span>${t('page', { page: d.page, pages: d.pages })}</span>${d.page < d.pages ? html`<a href="${pageHref(d.page + 1)}" rel="next">${t('next')}</a>` : ''}</nav>`}`;
  return renderConsolePage(ctx, { title: t('title'), section: 'audit', body, extraStyles: STYLES });
}
