import { translator, type Lang } from '../../../core/web/i18n';
import type { MailMessageResponse } from '../dto/mail-console.dto';
import { filtersOf, safeReturn, withFlash } from './mail-console-page.forms';
import { mailFlash, mailTime, mailUrl, renderMailPage, type MailPageContext, type MailPageModel } from './mail-console.view';
import { MAIL_CONSOLE_MESSAGES } from './messages';

const ctx = (lang: Lang): MailPageContext => ({ lang, t: translator(MAIL_CONSOLE_MESSAGES, lang), langHref: (l) => `/console/mail?lang=${l}`, user: { displayName: 'Organizer', csrf: 'tok' } });

const message = (over: Partial<MailMessageResponse>): MailMessageResponse => ({
  id: '11111111-1111-4111-8111-111111111111', recipient: 'kim@example.com', template: 'exhibitor.application-submitted', locale: 'ko',
  status: 'sent', attempts: 1, redrives: 0, lastError: null, smtpResponse: '250 OK', rejectedRecipients: [], messageId: '<ob-1@fairgate.local>',
  batchId: null, createdAt: '2027-04-28T01:00:00.000Z', dispatchedAt: '2027-04-28T01:00:01.000Z', sentAt: '2027-04-28T01:00:02.000Z', failedAt: null, ...over,
});

const model = (items: MailMessageResponse[], over: Partial<MailPageModel> = {}): MailPageModel => ({
  filters: { page: 1 }, templates: ['exhibitor.application-submitted'], messages: { items, total: items.length, page: 1, pageSize: 50 }, batches: [], ...over,
});

describe('mail console view', () => {
  it('escapes recipients, reasons and labels', () => {
    const evil = '<script>alert("x")</script>';
    const page = renderMailPage(ctx('en'), model([message({ recipient: `${evil}@x`, status: 'failed', lastError: evil, sentAt: null, failedAt: '2027-04-28T01:00:03.000Z' })], {
      batches: [{ id: 'b', template: 't', label: evil, createdBy: null, createdAt: '2027-04-28T01:00:00.000Z', finishedAt: null, total: 2, pending: 1, dispatched: 0, sent: 1, failed: 0, percent: 50 }],
    }));
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('shows the state in words, the attempts, Korea times, and a resend form for failed and sent emails only', () => {
    const page = renderMailPage(ctx('en'), model([
      message({ id: 'a', status: 'failed', attempts: 3, lastError: 'SMTP 550: no such user', sentAt: null, failedAt: '2027-04-28T01:00:03.000Z' }),
      message({ id: 'b', status: 'dispatched', sentAt: null }),
      message({ id: 'c' }),
    ]));
    expect(page).toContain('<span class="ml-state ml-failed">failed</span>');
    expect(page).toContain('<span class="ml-state ml-dispatched">queued</span>');
    expect(page).toContain('SMTP 550: no such user');
    expect(page).toContain('failed Wed 28 Apr 2027, 10:00 AM');
    expect(page).toContain('action="/console/mail/messages/a/resend"');
    expect(page).not.toContain('action="/console/mail/messages/b/resend"');
    expect(page).toContain('action="/console/mail/messages/c/resend"');
    expect(page).toContain('name="_csrf" value="tok"');
    expect(renderMailPage(ctx('ko'), model([]))).toContain('조건에 맞는 메일이 없습니다.');
  });

  it('builds filter URLs, keeps returns on the mail page, and ignores malformed filters', () => {
    expect(mailUrl({ status: 'failed', q: 'kim+1@x', page: 1 })).toBe('/console/mail?status=failed&q=kim%2B1%40x');
    expect(safeReturn('https://evil.example/')).toBe('/console/mail');
    expect(safeReturn('/console/mailbox')).toBe('/console/mail');
    expect(safeReturn('/console/mail/messages/x/resend')).toBe('/console/mail');
    expect(safeReturn('/console/mail?status=failed')).toBe('/console/mail?status=failed');
    expect(withFlash('/console/mail?status=failed&flash=old', 'requeued')).toBe('/console/mail?status=failed&flash=requeued');
    expect(filtersOf({ status: 'gone', template: "x' OR 1=1", batch: 'nope', page: '-2', q: '  ' })).toEqual({ page: 1 });
    expect(mailTime('2027-04-28T15:30:00.000Z', 'ko')).toBe('2027년 4월 29일 (목) 오전 12:30');
  });

  it('is a console page of the mail section, Korean times without AM/PM, cells labelled for the narrow cards', () => {
    const page = renderMailPage(ctx('ko'), model([message({ status: 'failed', lastError: '550', sentAt: null, failedAt: '2027-04-28T05:00:03.000Z' })]));
    expect(page).toContain('<a href="/console/mail" aria-current="page">메일</a>');
    expect(page).toContain('실패 2027년 4월 28일 (수) 오후 2:00');
    expect(page).toContain('data-label="받는 사람"');
    expect(page).not.toMatch(/\b(AM|PM)\b/);
  });

  it('shows only known flashes, with their count', () => {
    const t = translator(MAIL_CONSOLE_MESSAGES, 'ko');
    expect(mailFlash('resent-all', '3', t)).toEqual({ ok: true, text: '실패한 메일 3건을 다시 대기열에 넣었습니다.' });
    expect(mailFlash('resent-all', 'x', t)?.text).toContain('0건');
    expect(mailFlash('toString', undefined, t)).toBeUndefined();
    expect(mailFlash(undefined, undefined, t)).toBeUndefined();
  });
});
