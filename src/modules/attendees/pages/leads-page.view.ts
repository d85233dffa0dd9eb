import { displayDateTime } from '../../../core/time/display';
import { html } from '../../../core/web/html';
import { translator, type Catalogue, type Lang, type Translate } from '../../../core/web/i18n';
import { renderSitePage } from '../../../core/web/site-frame';
import type { LeadResponse } from '../dto/lead.dto';

/*
 * The exhibitor's phone page for scanning visitor badges, pure: a text field that a QR-scanner app
 * or the keyboard fills, a note, and the company's leads below as cards, with the CSV download
 * (a page route under /exhibitor, so the page's session cookie is enough).
 */

export const LEADS_PAGE = '/exhibitor/leads';
export const LEADS_CSV = '/exhibitor/leads.csv';

type K = 'title' | 'edition' | 'badge' | 'badgeHint' | 'note' | 'save' | 'leads' | 'none' | 'notShared' | 'saved' | 'refused' | 'csv' | 'scannedAt'
  | 'errBadge' | 'errNotFound' | 'errNotExhibiting' | 'errTooMany' | 'errExpired' | 'errOther';
export type LeadsT = Translate<K>;

const M: Catalogue<K> = {
  ko: {
    title: '방문객 배지 스캔', edition: '전시회 코드', badge: '배지 코드', badgeHint: 'QR 스캐너 앱으로 읽거나 FG-XXXX-XXXX 형식으로 입력하세요.', note: '메모',
    save: '저장', leads: '스캔한 방문객', none: '아직 스캔한 방문객이 없습니다.', notShared: '(연락처 비공개)', saved: '저장했습니다.', refused: '처리하지 못했습니다',
    csv: 'CSV 내려받기', scannedAt: '스캔 {when}',
    errBadge: '배지 코드는 FG-XXXX-XXXX 형식입니다.', errNotFound: '이 전시회에서 해당 배지나 전시회를 찾을 수 없습니다.',
    errNotExhibiting: '회사에 이 전시회의 승인된 참가 신청이 없습니다.', errTooMany: '요청이 너무 많습니다. {seconds}초 뒤에 다시 시도해 주세요.',
    errExpired: '양식이 만료되었습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.', errOther: '요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.',
  },
  en: {
    title: 'Scan visitor badges', edition: 'Edition code', badge: 'Badge code', badgeHint: 'Read it with a QR scanner app or type it as FG-XXXX-XXXX.', note: 'Note',
    save: 'Save', leads: 'Scanned visitors', none: 'No visitors scanned yet.', notShared: '(contact not shared)', saved: 'Saved.', refused: 'Not done',
    csv: 'Download CSV', scannedAt: 'Scanned {when}',
    errBadge: 'A badge code looks like FG-XXXX-XXXX.', errNotFound: 'No such badge or fair at this edition.',
    errNotExhibiting: 'Your company has no approved application for this fair.', errTooMany: 'Too many requests: try again in {seconds} seconds.',
    errExpired: 'The form has expired. Reload the page and try again.', errOther: 'The request could not be done. Try again shortly.',
  },
};

export const leadsT = (lang: Lang): LeadsT => translator(M, lang);

export interface LeadCard {
  title: string;
  badgeCode: string;
  contact: string;
  note: string;
  scannedAt: string;
}

/** What each card shows: the contact only when the visitor agreed, the scan time written out. */
export function leadCards(leads: LeadResponse[], lang: Lang): LeadCard[] {
  const t = leadsT(lang);
  return leads.map((l) => ({
    title: l.contact ? l.contact.name : t('notShared'),
    badgeCode: l.badgeCode,
    contact: l.contact ? [l.contact.email, l.contact.company].filter(Boolean).join(' · ') : '',
    note: l.note,
    scannedAt: t('scannedAt', { when: displayDateTime(l.scannedAt, lang) }),
  }));
}

/** A refusal in the page's words (never the service's English). */
export function leadsRefusal(status: number, reason: unknown, retryAfterSeconds: unknown, lang: Lang): string {
  const t = leadsT(lang);
  const seconds = typeof retryAfterSeconds === 'number' ? retryAfterSeconds : 60;
  if (status === 403 && reason === 'csrf') return t('errExpired');
  if (status === 400) return t('errBadge');
  if (status === 403) return t('errNotExhibiting');
  if (status === 404) return t('errNotFound');
  if (status === 429) return t('errTooMany', { seconds });
  return t('errOther');
}

export const leadsUrl = (lang: Lang, edition: string, extra = ''): string => `${LEADS_PAGE}?lang=${lang}${edition ? `&edition=${encodeURIComponent(edition)}` : ''}${extra}`;

export function renderLeadsPage(lang: Lang, csrf: string, edition: string, leads: LeadResponse[], notice?: { ok: boolean; text: string }): string {
  const t = leadsT(lang);
  const items = leadCards(leads, lang).map((c) => html`<li class="card"><p><strong>${c.title}</strong> · <span class="code">${c.badgeCode}</span></p>
${c.contact ? html`<p>${c.contact}</p>` : ''}${c.note ? html`<p>${c.note}</p>` : ''}<p class="hint">${c.scannedAt}</p></li>`);
  const body = html`<h1>${t('title')}</h1>
${notice ? html`<p class="notice ${notice.ok ? 'ok' : 'bad'}" role="${notice.ok ? 'status' : 'alert'}">${notice.text}</p>` : ''}
<form method="post" action="${LEADS_PAGE}?lang=${lang}" class="scan">
<input type="hidden" name="_csrf" value="${csrf}">
<div class="field"><label for="edition">${t('edition')}</label><input id="edition" name="edition" value="${edition}" required autocomplete="off"></div>
<div class="field"><label for="badgeCode">${t('badge')}</label><input id="badgeCode" name="badgeCode" required autocomplete="off" autocapitalize="characters" aria-describedby="badge-hint" autofocus>
<span id="badge-hint" class="hint">${t('badgeHint')}</span></div>
<div class="field"><label for="note">${t('note')}</label><textarea id="note" name="note" rows="3" maxlength="2000"></textarea></div>
<button type="submit">${t('save')}</button></form>
${edition ? html`<h2>${t('leads')}</h2><p><a href="${LEADS_CSV}?edition=${edition}" download>${t('csv')}</a></p>${items.length === 0 ? html`<p>${t('none')}</p>` : html`<ul class="cards">${items}</ul>`}` : ''}`;
  return renderSitePage({ lang, title: t('title'), langHref: (l) => leadsUrl(l, edition), body, extraStyles: STYLES });
}

export function renderLeadsRefusal(lang: Lang, text: string): string {
  const t = leadsT(lang);
  return renderSitePage({ lang, title: t('refused'), langHref: (l) => `${LEADS_PAGE}?lang=${l}`,
    body: html`<h1>${t('refused')}</h1><p role="alert" class="notice bad">${text}</p><p><a href="${LEADS_PAGE}?lang=${lang}">${t('title')}</a></p>` });
}

const STYLES = `main{max-width:40rem;overflow-wrap:break-word;word-break:keep-all}
textarea{font:inherit;width:100%;padding:.5rem;min-height:2.75rem;border:1px solid #888;border-radius:4px}
input{max-width:100%;min-height:2.75rem}
button{min-height:2.75rem}
.hint{color:#555;font-size:.9rem}
.code{font-family:ui-monospace,monospace}
ul.cards{list-style:none;padding:0}.card{border:1px solid #ddd;border-radius:6px;padding:.5rem .75rem;margin-bottom:.5rem}.card p{margin:.2rem 0}`;
