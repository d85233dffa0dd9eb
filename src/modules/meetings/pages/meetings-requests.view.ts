import { html } from '../../../core/web/html';
import type { RequestFilters, RequestsModel } from './meetings-console.service';
import { consolePage, csrfField, editionName, flashNotice, subNav, type MeetingsPageContext } from './meetings-console.view';
import { consoleUrls, slotLabel } from './meetings-console.view-model';
import type { MeetingsMessage } from './messages';

/*
 * The requests page: filters (status, buyer, exhibitor) as a GET form, then one card per request
 * with the answers on behalf of its recipient and its lock.
 */

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'cancelled'] as const;

const BADGE: Record<string, string> = { pending: 'wait', accepted: 'ok', declined: 'bad', expired: 'bad', cancelled: 'bad' };

/** Only well-formed filters count: a status it knows, participant ids of this edition. */
export function requestFiltersOf(query: { status?: string; buyer?: string; exhibitor?: string }, m?: Pick<RequestsModel, 'buyers' | 'exhibitors'>): RequestFilters {
  const known = (id: string | undefined, list?: Array<{ id: string }>): string | undefined =>
    id && /^[0-9a-f-]{36}$/i.test(id) && (!list || list.some((x) => x.id === id)) ? id : undefined;
  return {
    status: (REQUEST_STATUSES as readonly string[]).includes(query.status ?? '') ? query.status : undefined,
    buyer: known(query.buyer, m?.buyers),
    exhibitor: known(query.exhibitor, m?.exhibitors),
  };
}

export function requestsListUrl(edition: string, f: RequestFilters): string {
  const params = new URLSearchParams(Object.entries(f).filter(([, v]) => v) as Array<[string, string]>);
  const q = params.toString();
  return `${consoleUrls.requests(edition)}${q ? `?${q}` : ''}`;
}

export function renderRequestsPage(ctx: MeetingsPageContext, m: RequestsModel, filters: RequestFilters, flash?: { ok: boolean; text: string }): string {
  const { t, lang } = ctx;
  const e = m.edition.code;
  const title = t('requestsTitle', { edition: editionName(m, lang) });
  const back = requestsListUrl(e, filters);
  const select = (name: 'buyer' | 'exhibitor', label: MeetingsMessage, list: Array<{ id: string; name: string }>) =>
    html`<div class="field"><label for="q-${name}">${t(label)}</label><select id="q-${name}" name="${name}"><option value="">${t('filterAny')}</option>${list.map(
      (p) => html`<option value="${p.id}"${filters[name] === p.id ? html` selected` : ''}>${p.name}</option>`,
    )}</select></div>`;
  const slotOf = (id: string): string => {
    const s = m.slots.find((x) => x.id === id);
    return s ? slotLabel(s, lang) : id;
  };
  const body = html`${subNav(ctx, e, 'requests')}
<h1>${title}</h1>
${flashNotice(flash)}
<form method="get" action="${consoleUrls.requests(e)}" class="mg-inline" role="search">
<div class="field"><label for="q-status">${t('filterStatus')}</label><select id="q-status" name="status"><option value="">${t('filterAny')}</option>${REQUEST_STATUSES.map(
    (s) => html`<option value="${s}"${filters.status === s ? html` selected` : ''}>${t(`status_${s}` as MeetingsMessage)}</option>`,
  )}</select></div>
${select('buyer', 'filterBuyer', m.buyers)}
${select('exhibitor', 'filterExhibitor', m.exhibitors)}
<button type="submit" class="secondary">${t('filter')}</button>
</form>
<p id="request-count">${t('requestCount', { count: m.requests.length })}</p>
${m.requests.length === 0 ? html`<p>${t('noRequests')}</p>` : html`<ul class="mg-cards" id="requests">${m.requests.map(
    (r) => html`<li id="r-${r.id}"><h3>${t('reqBetween', { buyer: r.buyerName, exhibitor: r.exhibitorName })}</h3>
<p class="mg-meta"><span class="mg-badge ${BADGE[r.status] ?? ''}">${t(`status_${r.status}` as MeetingsMessage)}</span> · ${t('colPriority')}: ${t(`priority_${r.priority}` as MeetingsMessage)} · ${t(`requestedBy_${r.requestedBy}` as MeetingsMessage)}</p>
${r.locked && html`<p class="mg-meta">${t('lockedAt', { slot: slotOf(r.locked.slot), table: r.locked.table })}</p>`}
<div class="actions">
${r.status === 'pending' && html`<form method="post" action="${consoleUrls.request(e, r.id, 'accept')}" class="inline">${csrfField(ctx)}<input type="hidden" name="returnTo" value="${back}"><button type="submit">${t('acceptOnBehalf')}</button></form>
<form method="post" action="${consoleUrls.request(e, r.id, 'decline')}" class="inline">${csrfField(ctx)}<input type="hidden" name="returnTo" value="${back}"><button type="submit" class="danger">${t('declineOnBehalf')}</button></form>`}
${r.locked && html`<form method="post" action="${consoleUrls.request(e, r.id, 'unlock')}" class="inline">${csrfField(ctx)}<input type="hidden" name="returnTo" value="${back}"><button type="submit" class="secondary">${t('unlock')}</button></form>`}
</div>
${r.status === 'accepted' && m.slots.length > 0 && m.tables.length > 0 && html`<details class="mg-act"><summary>${t('lockAt')}</summary>
<form method="post" action="${consoleUrls.request(e, r.id, 'lock')}" class="mg-inline">${csrfField(ctx)}<input type="hidden" name="returnTo" value="${back}">
<div class="field"><label for="ls-${r.id}">${t('fSlot')}</label><select id="ls-${r.id}" name="slot">${m.slots.map(
      (s) => html`<option value="${s.id}"${r.locked?.slot === s.id ? html` selected` : ''}>${slotLabel(s, lang)}</option>`,
    )}</select></div>
<div class="field"><label for="lt-${r.id}">${t('fTableShort')}</label><select id="lt-${r.id}" name="table">${m.tables.map(
      (c) => html`<option value="${c}"${r.locked?.table === c ? html` selected` : ''}>${c}</option>`,
    )}</select></div>
<button type="submit">${t('lockAt')}</button></form></details>`}
</li>`,
  )}</ul>`}`;
  return consolePage(ctx, title, body);
}
