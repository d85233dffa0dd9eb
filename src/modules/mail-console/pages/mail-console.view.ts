import { displayDateTime } from '../../../core/time/display';
import { renderConsolePage } from '../../../core/web/console-frame';
import { html, type SafeHtml } from '../../../core/web/html';
import type { Lang } from '../../../core/web/i18n';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../core/outbox/outbox-message.entity';
import type { MailBatchProgress, MailMessagePage, MailMessageResponse } from '../dto/mail-console.dto';
import type { MailConsoleMessageKey, MailConsoleT } from './messages';

/*
 * Pure rendering of the mail console: data in, HTML out, every value escaped by the html template.
 * A state shows as a badge with its word (not only a colour). Times are Korea time.
 */

export const MAIL_PAGE = '/console/mail';
export const QUEUES_PAGE = '/console/queues';

export interface MailPageContext {
  lang: Lang;
  t: MailConsoleT;
  langHref: (lang: Lang) => string;
  user?: { displayName: string; csrf: string };
}

export interface MailFilters {
  status?: OutboxStatus;
  template?: string;
  q?: string;
  batch?: string;
  page?: number;
}

export interface MailPageModel {
  filters: MailFilters;
  templates: string[];
  messages: MailMessagePage;
  batches: MailBatchProgress[];
  flash?: { ok: boolean; text: string };
}

/** The page's address with these filters (empty ones left out), e.g. after a resend. */
export function mailUrl(filters: MailFilters & { flash?: string; count?: number; lang?: Lang }): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'template', 'q', 'batch', 'page', 'flash', 'count', 'lang'] as const) {
    const value = filters[key];
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${MAIL_PAGE}?${query}` : MAIL_PAGE;
}

/** An instant in Korea time, written out: 2027년 4월 28일 (수) 오전 10:15 / Wed 28 Apr 2027, 10:15 AM. */
export const mailTime = (iso: string, lang: Lang): string => displayDateTime(iso, lang);

const FLASHES: Record<string, { ok: boolean; key: MailConsoleMessageKey }> = {
  requeued: { ok: true, key: 'flashRequeued' },
  copied: { ok: true, key: 'flashCopied' },
  'resent-all': { ok: true, key: 'flashResentAll' },
  'not-resendable': { ok: false, key: 'flashNotResendable' },
  'not-found': { ok: false, key: 'flashNotFound' },
};

/** The notice after a form (?flash=, ?count=): a fixed key, never text from the URL. */
export function mailFlash(flash: string | undefined, count: string | undefined, t: MailConsoleT): { ok: boolean; text: string } | undefined {
  const known = flash && Object.hasOwn(FLASHES, flash) ? FLASHES[flash] : undefined;
  if (!known) return undefined;
  return { ok: known.ok, text: t(known.key, { count: count && /^\d{1,9}$/.test(count) ? Number(count) : 0 }) };
}

const STYLES = `
.ml-nav{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:0 0 1rem;padding:0;list-style:none}
.ml-filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin-bottom:1rem}
.ml-filters .field{flex:1 1 10rem;margin:0}
table.ml-table{border-collapse:collapse;width:100%;font-size:.9rem}
}
.ml-table th,.ml-table td{border:1px solid #e3e3e3;padding:.35rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.ml-table thead th{background:#f7f7f8}
.ml-state{display:inline-block;font-size:.8rem;font-weight:700;padding:0 .4rem;border-radius:4px;border:1px solid}
.ml-pending{color:#475467;border-color:#98a2b3;background:#f2f4f7}
.ml-dispatched{color:#175cd3;border-color:#175cd3;background:#eff8ff}
.ml-sent{color:#067647;border-color:#067647;background:#ecfdf3}
.ml-failed{color:#b42318;border-color:#b42318;background:#fef3f2}
.ml-times{list-style:none;margin:0;padding:0;font-size:.8rem}
.ml-mid{font-family:ui-monospace,monospace;font-size:.75rem;color:#475467}
.ml-reason{font-size:.85rem;color:#b42318}
.ml-reply{font-size:.8rem;color:#475467}
ul.ml-batches{list-style:none;padding:0;margin:0 0 1rem}
ul.ml-batches li{margin-bottom:.4rem}
.ml-bar{display:block;height:.5rem;background:#eaecf0;border-radius:4px;max-width:24rem}
.ml-bar span{display:block;height:100%;background:#12b76a;border-radius:4px}
.ml-pager{display:flex;gap:1rem;margin:1rem 0}
@media (max-width:48rem){
.scroll.ml-wrap{border:0;overflow:visible}
table.ml-table,.ml-table tbody,.ml-table tr,.ml-table td{display:block;width:100%}
.ml-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.ml-table tr{border:1px solid #ddd;border-radius:6px;margin-bottom:.6rem;padding:.4rem .6rem}
.ml-table td{border:0;padding:.2rem 0}
.ml-table td[data-label]::before{content:attr(data-label);display:block;font-weight:600;font-size:.8rem;color:#475467}
.ml-table td:empty{display:none}
.ml-times{white-space:normal}
`;

function stateBadge(t: MailConsoleT, status: OutboxStatus): SafeHtml {
  return html`<span class="ml-state ml-${status}">${t(`status.${status}`)}</span>`;
}

function csrfField(ctx: MailPageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.user?.csrf ?? ''}">`;
}

function batchesSection(ctx: MailPageContext, batches: MailBatchProgress[]): SafeHtml {
  const { t } = ctx;
  const items = batches.map(
    (b) => html`<li><a href="${mailUrl({ batch: b.id })}">${t('batchLine', {
      label: b.label, template: b.template, total: b.total, sent: b.sent, failed: b.failed, open: b.pending + b.dispatched, percent: b.percent,
    })}</a> (${b.finishedAt ? t('batchFinished') : t('batchRunning')})
<span class="ml-bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${b.percent}"><span style="width:${b.percent}%"></span></span></li>`,
  );
  return html`<h2>${t('batches')}</h2>${batches.length > 0 ? html`<ul class="ml-batches">${items}</ul>` : html`<p>${t('batchesNone')}</p>`}`;
}

function filtersForm(ctx: MailPageContext, m: MailPageModel): SafeHtml {
  const { t } = ctx;
  const f = m.filters;
  const statusOptions = OUTBOX_STATUSES.map((s) => html`<option value="${s}"${f.status === s ? html` selected` : ''}>${t(`status.${s}`)}</option>`);
  const templates = f.template && !m.templates.includes(f.template) ? [...m.templates, f.template] : m.templates;
  const templateOptions = templates.map((name) => html`<option value="${name}"${f.template === name ? html` selected` : ''}>${name}</option>`);
  return html`<form method="get" action="${MAIL_PAGE}" class="ml-filters" aria-label="${t('filters')}">
<div class="field"><label for="f-status">${t('status')}</label><select id="f-status" name="status"><option value="">${t('anyStatus')}</option>${statusOptions}</select></div>
<div class="field"><label for="f-template">${t('template')}</label><select id="f-template" name="template"><option value="">${t('anyTemplate')}</option>${templateOptions}</select></div>
<div class="field"><label for="f-q">${t('search')}</label><input id="f-q" name="q" type="search" value="${f.q ?? ''}" placeholder="${t('searchHint')}"></div>
${f.batch && html`<input type="hidden" name="batch" value="${f.batch}">`}
<div><button type="submit">${t('apply')}</button> <a class="button secondary" href="${MAIL_PAGE}">${t('reset')}</a></div>
</form>`;
}

function row(ctx: MailPageContext, m: MailMessageResponse, returnTo: string): SafeHtml {
  const { t } = ctx;
  const resendable = m.status === 'failed' || m.status === 'sent';
  const time = (iso: string): string => mailTime(iso, ctx.lang);
  const reason = Boolean(m.lastError) || (m.status === 'sent' && Boolean(m.smtpResponse));
  return html`<tr id="mail-${m.id}">
<td data-label="${t('recipient')}">${m.recipient}<div class="ml-mid">${t('messageId')}: ${m.messageId}</div></td>
<td data-label="${t('template')}">${m.template}</td>
<td data-label="${t('state')}">${stateBadge(t, m.status)}</td>
<td data-label="${t('attempts')}">${m.attempts}</td>
<td data-label="${t('times')}"><ul class="ml-times">
<li>${t('created', { time: time(m.createdAt) })}</li>
${m.dispatchedAt && html`<li>${t('dispatched', { time: time(m.dispatchedAt) })}</li>`}
${m.sentAt && html`<li>${t('sent', { time: time(m.sentAt) })}</li>`}
${m.failedAt && html`<li>${t('failedAt', { time: time(m.failedAt) })}</li>`}
</ul></td>
<td${reason ? html` data-label="${t('reason')}"` : ''}>${m.lastError && html`<div class="ml-reason">${m.lastError}</div>`}${m.status === 'sent' && m.smtpResponse && html`<div class="ml-reply">${m.smtpResponse}</div>`}</td>
<td>${resendable && html`<form class="inline" method="post" action="${MAIL_PAGE}/messages/${m.id}/resend">${csrfField(ctx)}<input type="hidden" name="returnTo" value="${returnTo}"><button type="submit" class="${m.status === 'failed' ? '' : 'secondary'}">${t('resend')}</button></form>`}</td>
</tr>`;
}

export function renderMailPage(ctx: MailPageContext, m: MailPageModel): string {
  const { t } = ctx;
  const { items, total, page, pageSize } = m.messages;
  const returnTo = mailUrl(m.filters);
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const filtered = Boolean(m.filters.template || m.filters.batch);
  const body = html`<h1>${t('title')}</h1>
<p><a href="/console/mail/texts">${t('texts')}</a></p>
${m.flash && html`<p class="notice ${m.flash.ok ? 'ok' : 'bad'}" role="status">${m.flash.text}</p>`}
${batchesSection(ctx, m.batches)}
<h2>${t('filters')}</h2>
${filtersForm(ctx, m)}
<div class="toolbar">
<p class="ml-summary" role="status">${total === 0 ? t('summaryNone') : t('summary', { from, to, total })}</p>
<form class="inline" method="post" action="${MAIL_PAGE}/resend-failed">${csrfField(ctx)}
${m.filters.template && html`<input type="hidden" name="template" value="${m.filters.template}">`}
${m.filters.batch && html`<input type="hidden" name="batch" value="${m.filters.batch}">`}
<input type="hidden" name="returnTo" value="${returnTo}">
<button type="submit" class="danger">${filtered ? t('resendAllFiltered') : t('resendAll')}</button></form>
</div>
${items.length > 0 && html`<div class="scroll ml-wrap"><table class="ml-table">
<thead><tr><th scope="col">${t('recipient')}</th><th scope="col">${t('template')}</th><th scope="col">${t('state')}</th><th scope="col">${t('attempts')}</th><th scope="col">${t('times')}</th><th scope="col">${t('reason')}</th><th scope="col">${t('actions')}</th></tr></thead>
<tbody>${items.map((x) => row(ctx, x, returnTo))}</tbody>
</table></div>`}
<nav class="ml-pager">
${page > 1 && html`<a href="${mailUrl({ ...m.filters, page: page - 1 })}">${t('previous')}</a>`}
${to < total && html`<a href="${mailUrl({ ...m.filters, page: page + 1 })}">${t('next')}</a>`}
</nav>`;
  return renderConsolePage(ctx, { title: t('title'), section: 'mail', body, extraStyles: STYLES });
}
