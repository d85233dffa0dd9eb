import { displayDateTime } from '../../../../core/time/display';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../../core/webhooks/webhook-delivery.entity';
import type { DeliveryView } from '../../../../core/webhooks/webhook-subscriptions.service';
import { renderConsolePage } from '../../../../core/web/console-frame';
import { html, type SafeHtml } from '../../../../core/web/html';
import type { Lang } from '../../../../core/web/i18n';
import type { EditionListRow } from '../../../fairs/fairs-directory';
import { WEBHOOK_EVENT_TYPES } from '../webhook-catalogue';
import type { WebhookResponse } from '../webhooks.dto';
import type { WebhookMessageKey, WebhookT } from './webhooks.messages';

/* Pure rendering of /console/webhooks: data in, HTML out, every value escaped by the html tag. */

export const WEBHOOKS_PAGE = '/console/webhooks';

export interface WebhooksPageContext {
  lang: Lang;
  t: WebhookT;
  langHref: (lang: Lang) => string;
  user?: { displayName: string; csrf: string };
}

export interface DeliveryFilterValues {
  event?: string;
  status?: DeliveryStatus;
  page: number;
}

/** What the create form holds after a refusal (values kept) and what was wrong, by field. */
export interface CreateFormState {
  values: { url: string; description: string; events: string[]; edition: string };
  errors: Partial<Record<'url' | 'events' | 'edition', WebhookMessageKey>>;
}

export interface WebhooksPageModel {
  subscriptions: WebhookResponse[];
  editions: EditionListRow[];
  deliveries: { items: DeliveryView[]; total: number; page: number; pageSize: number };
  filters: DeliveryFilterValues;
  flash?: { ok: boolean; text: string };
  /** Right after create or rotate: the secret, shown this once. */
  secret?: { subscriptionId: string; value: string };
  form?: CreateFormState;
}

export function webhooksUrl(params: { event?: string; status?: string; page?: number; flash?: string; lang?: Lang }): string {
  const q = new URLSearchParams();
  for (const key of ['event', 'status', 'page', 'flash', 'lang'] as const) {
    const v = params[key];
    if (v !== undefined && v !== '' && !(key === 'page' && v === 1)) q.set(key, String(v));
  }
  const s = q.toString();
  return s ? `${WEBHOOKS_PAGE}?${s}` : WEBHOOKS_PAGE;
}

const FLASHES = ['created', 'events-saved', 'enabled', 'disabled', 'deleted', 'test-sent', 'requeued', 'copied', 'not-resendable', 'not-found'] as const;
const BAD_FLASHES = new Set<string>(['not-resendable', 'not-found']);

/** The notice after a form (?flash=): a fixed key, never text from the URL. */
export function webhooksFlash(flash: string | undefined, t: WebhookT): { ok: boolean; text: string } | undefined {
  const known = FLASHES.find((f) => f === flash);
  return known ? { ok: !BAD_FLASHES.has(known), text: t(`flash.${known}`) } : undefined;
}

function eventLabel(type: string, lang: Lang): string {
  return WEBHOOK_EVENT_TYPES.find((e) => e.type === type)?.labels[lang] ?? (type === 'webhook.test' ? (lang === 'ko' ? '테스트 이벤트' : 'Test event') : type);
}

const STYLES = `
.wh-secret{border:2px solid #b54708;background:#fffaeb;padding:.75rem;border-radius:6px;margin:1rem 0}
.wh-secret code{display:block;font-size:.9rem;overflow-wrap:anywhere;user-select:all;background:#fff;padding:.4rem;border:1px solid #f79009}
.wh-events{border:0;padding:0;margin:0 0 .75rem}
.wh-events label{display:flex;align-items:center;gap:.4rem;min-height:2.75rem;font-weight:400;margin:0}
.wh-events input[type=checkbox]{width:1.4rem;height:1.4rem;min-height:0;margin:0;flex:none}
.wh-sub{border:1px solid #e3e3e3;border-radius:6px;padding:.6rem .8rem;margin-bottom:.8rem}
.wh-sub h3{margin:.1rem 0 .4rem;font-size:1rem;overflow-wrap:anywhere}
.wh-actions{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.5rem}
.wh-state{display:inline-block;font-size:.8rem;font-weight:700;padding:0 .4rem;border-radius:4px;border:1px solid}
.wh-pending,.wh-dispatched,.wh-sending,.wh-off{color:#475467;border-color:#98a2b3;background:#f2f4f7}
.wh-delivered,.wh-on{color:#067647;border-color:#067647;background:#ecfdf3}
.wh-failed{color:#b42318;border-color:#b42318;background:#fef3f2}
.wh-filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin-bottom:1rem}
.wh-filters .field{flex:1 1 10rem;margin:0}
table.wh-table{border-collapse:collapse;width:100%;font-size:.9rem}
.wh-table th,.wh-table td{border:1px solid #e3e3e3;padding:.35rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.wh-table thead th{background:#f7f7f8}
.wh-times{list-style:none;margin:0;padding:0;font-size:.8rem}
.wh-id{font-family:ui-monospace,monospace;font-size:.75rem;color:#475467}
.wh-pager{display:flex;gap:1rem;margin:1rem 0}
@media (max-width:48rem){
table.wh-table,.wh-table tbody,.wh-table tr,.wh-table td{display:block;width:100%}
.wh-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.wh-table tr{border:1px solid #ddd;border-radius:6px;margin-bottom:.6rem;padding:.4rem .6rem}
.wh-table td{border:0;padding:.2rem 0}
.wh-table td[data-label]::before{content:attr(data-label);display:block;font-weight:600;font-size:.8rem;color:#475467}
}
`;

function csrf(ctx: WebhooksPageContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.user?.csrf ?? ''}">`;
}

function eventBoxes(ctx: WebhooksPageContext, idPrefix: string, checked: readonly string[]): SafeHtml {
  return html`${WEBHOOK_EVENT_TYPES.map((e) => html`<label for="${idPrefix}-${e.type}"><input type="checkbox" id="${idPrefix}-${e.type}" name="events" value="${e.type}"${checked.includes(e.type) ? html` checked` : ''}> ${e.labels[ctx.lang]}${ctx.lang === 'en' && html` <code>${e.type}</code>`}</label>`)}`;
}

function fieldError(ctx: WebhooksPageContext, id: string, key: WebhookMessageKey | undefined): SafeHtml | string {
  return key ? html`<p class="error" id="${id}-error">${ctx.t(key)}</p>` : '';
}

function createForm(ctx: WebhooksPageContext, m: WebhooksPageModel): SafeHtml {
  const { t } = ctx;
  const v = m.form?.values ?? { url: '', description: '', events: [], edition: '' };
  const e = m.form?.errors ?? {};
  const problems = Object.entries<WebhookMessageKey>(e);
  return html`<h2>${t('create')}</h2>
${problems.length > 0 && html`<div class="errors" role="alert"><p><strong>${t('errorsTitle')}</strong></p><ul>${problems.map(([field, key]) => html`<li><a href="#wh-${field}">${t(key)}</a></li>`)}</ul></div>`}
<form method="post" action="${WEBHOOKS_PAGE}">${csrf(ctx)}
<div class="field"><label for="wh-url">${t('url')}</label><input id="wh-url" name="url" type="url" inputmode="url" required value="${v.url}" aria-describedby="wh-url-hint${e.url ? ' wh-url-error' : ''}"${e.url ? html` aria-invalid="true"` : ''}>
<p class="hint" id="wh-url-hint">${t('urlHint')}</p>${fieldError(ctx, 'wh-url', e.url)}</div>
<div class="field"><label for="wh-description">${t('description')}</label><input id="wh-description" name="description" maxlength="200" value="${v.description}"></div>
<fieldset class="wh-events" id="wh-events"><legend>${t('events')}</legend>${eventBoxes(ctx, 'wh-new', v.events)}${fieldError(ctx, 'wh-events', e.events)}</fieldset>
<div class="field"><label for="wh-edition">${t('edition')}</label><select id="wh-edition" name="edition"><option value="">${t('allEditions')}</option>${m.editions.map((ed) => html`<option value="${ed.code}"${v.edition === ed.code ? html` selected` : ''}>${ctx.lang === 'ko' ? ed.seriesKo : ed.seriesEn} ${ed.year} (${ed.code})</option>`)}</select>${fieldError(ctx, 'wh-edition', e.edition)}</div>
<button type="submit">${t('subscribe')}</button>
</form>`;
}

function subscriptionCard(ctx: WebhooksPageContext, s: WebhookResponse, editions: EditionListRow[]): SafeHtml {
  const { t } = ctx;
  const edition = s.edition ? editions.find((e) => e.code === s.edition) : undefined;
  const editionText = edition ? `${ctx.lang === 'ko' ? edition.seriesKo : edition.seriesEn} ${edition.year}` : t('allEditions');
  const base = `${WEBHOOKS_PAGE}/${s.id}`;
  return html`<section class="wh-sub" id="sub-${s.id}" aria-labelledby="sub-${s.id}-url">
<h3 id="sub-${s.id}-url">${s.url}</h3>
<p><span class="wh-state ${s.active ? 'wh-on' : 'wh-off'}">${s.active ? t('active') : t('inactive')}</span> ${editionText}${s.description && html` · ${s.description}`}</p>
<form method="post" action="${base}/events">${csrf(ctx)}<fieldset class="wh-events"><legend>${t('events')}</legend>${eventBoxes(ctx, `sub-${s.id}`, s.events)}</fieldset><button type="submit" class="secondary">${t('saveEvents')}</button></form>
<div class="wh-actions">
<form class="inline" method="post" action="${base}/active">${csrf(ctx)}<input type="hidden" name="active" value="${s.active ? 'false' : 'true'}"><button type="submit" class="secondary">${s.active ? t('disable') : t('enable')}</button></form>
<form class="inline" method="post" action="${base}/test">${csrf(ctx)}<button type="submit" class="secondary">${t('test')}</button></form>
<form class="inline" method="post" action="${base}/rotate">${csrf(ctx)}<button type="submit" class="secondary">${t('rotate')}</button></form>
<form class="inline" method="post" action="${base}/delete">${csrf(ctx)}<button type="submit" class="danger" aria-describedby="sub-${s.id}-del">${t('delete')}</button><span class="hint" id="sub-${s.id}-del" hidden>${t('deleteConfirm')}</span></form>
</div>
</section>`;
}

function deliveryRow(ctx: WebhooksPageContext, d: DeliveryView, returnTo: string): SafeHtml {
  const { t } = ctx;
  const time = (iso: string): string => displayDateTime(iso, ctx.lang);
  const result = d.lastStatusCode !== null ? t('answered', { code: d.lastStatusCode }) : d.attempts > 0 && d.lastError ? t('networkError') : '';
  return html`<tr id="delivery-${d.id}">
<td data-label="${t('event')}">${eventLabel(d.type, ctx.lang)}<div class="wh-id">${t('deliveryId')}: ${d.id}</div></td>
<td data-label="${t('endpoint')}">${d.url}</td>
<td data-label="${t('status')}"><span class="wh-state wh-${d.status}">${t(`status.${d.status}`)}</span></td>
<td data-label="${t('attempts')}">${d.attempts}</td>
<td data-label="${t('times')}"><ul class="wh-times"><li>${t('created', { time: time(d.createdAt) })}</li>
${d.nextAttemptAt && d.attempts > 0 && html`<li>${t('nextAttempt', { time: time(d.nextAttemptAt) })}</li>`}
${d.deliveredAt && html`<li>${t('deliveredAt', { time: time(d.deliveredAt) })}</li>`}
${d.failedAt && html`<li>${t('failedAt', { time: time(d.failedAt) })}</li>`}</ul></td>
<td data-label="${t('result')}">${result}${ctx.lang === 'en' && d.lastStatusCode === null && d.lastError && html`<div class="wh-id">${d.lastError}</div>`}</td>
<td>${(d.status === 'failed' || d.status === 'delivered') && html`<form class="inline" method="post" action="${WEBHOOKS_PAGE}/deliveries/${d.id}/resend">${csrf(ctx)}<input type="hidden" name="returnTo" value="${returnTo}"><button type="submit" class="${d.status === 'failed' ? '' : 'secondary'}">${t('resend')}</button></form>`}</td>
</tr>`;
}

function deliveriesSection(ctx: WebhooksPageContext, m: WebhooksPageModel): SafeHtml {
  const { t } = ctx;
  const f = m.filters;
  const { items, total, page, pageSize } = m.deliveries;
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const returnTo = webhooksUrl(f);
  return html`<h2 id="deliveries">${t('deliveries')}</h2>
<form method="get" action="${WEBHOOKS_PAGE}" class="wh-filters">
<div class="field"><label for="f-event">${t('filterEvent')}</label><select id="f-event" name="event"><option value="">${t('any')}</option>${WEBHOOK_EVENT_TYPES.map((e) => html`<option value="${e.type}"${f.event === e.type ? html` selected` : ''}>${e.labels[ctx.lang]}</option>`)}<option value="webhook.test"${f.event === 'webhook.test' ? html` selected` : ''}>${eventLabel('webhook.test', ctx.lang)}</option></select></div>
<div class="field"><label for="f-status">${t('filterStatus')}</label><select id="f-status" name="status"><option value="">${t('any')}</option>${DELIVERY_STATUSES.map((s) => html`<option value="${s}"${f.status === s ? html` selected` : ''}>${t(`status.${s}`)}</option>`)}</select></div>
<div><button type="submit">${t('apply')}</button> <a class="button secondary" href="${WEBHOOKS_PAGE}">${t('reset')}</a></div>
</form>
<p role="status">${total === 0 ? t('noDeliveries') : t('summary', { from, to, total })}</p>
${items.length > 0 && html`<table class="wh-table"><thead><tr><th scope="col">${t('event')}</th><th scope="col">${t('endpoint')}</th><th scope="col">${t('status')}</th><th scope="col">${t('attempts')}</th><th scope="col">${t('times')}</th><th scope="col">${t('result')}</th><th scope="col">${t('actions')}</th></tr></thead>
<tbody>${items.map((d) => deliveryRow(ctx, d, returnTo))}</tbody></table>`}
<nav class="wh-pager">${page > 1 && html`<a href="${webhooksUrl({ ...f, page: page - 1 })}">${t('previous')}</a>`}${to < total && html`<a href="${webhooksUrl({ ...f, page: page + 1 })}">${t('next')}</a>`}</nav>`;
}

export function renderWebhooksPage(ctx: WebhooksPageContext, m: WebhooksPageModel): string {
  const { t } = ctx;
  const body = html`<h1>${t('title')}</h1>
<p>${t('intro')} ${t('docs')}</p>
${m.flash && html`<p class="notice ${m.flash.ok ? 'ok' : 'bad'}" role="status">${m.flash.text}</p>`}
${m.secret && html`<div class="wh-secret" role="alert"><h2>${t('secretTitle')}</h2><p>${t('secretOnce')}</p><code id="wh-secret">${m.secret.value}</code></div>`}
<h2>${t('subscriptions')}</h2>
${m.subscriptions.length === 0 ? html`<p>${t('noSubscriptions')}</p>` : m.subscriptions.map((s) => subscriptionCard(ctx, s, m.editions))}
${createForm(ctx, m)}
${deliveriesSection(ctx, m)}`;
  return renderConsolePage(ctx, { title: t('title'), section: 'webhooks', body, extraStyles: STYLES });
}
