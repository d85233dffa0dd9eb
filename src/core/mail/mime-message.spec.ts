import { simpleParser } from 'mailparser';
import { composedByNodemailer, readerView } from '../../../test/support/mail-reader';
import type { MailAttachment } from './mail-template';
import { composeMimeMessage, type MimeMessageParts } from './mime-message';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:수출상담 · Meeting\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
const invitation: MailAttachment = { filename: 'meeting-1.ics', content: ICS, contentType: 'text/calendar; charset=utf-8; method=REQUEST' };
const badge: MailAttachment = { filename: 'badge-AB12.png', content: PNG, encoding: 'base64', contentType: 'image/png', cid: 'badge-qr' };

const base: MimeMessageParts = {
  from: '김대중컨벤션센터 Fairgate <no-reply@fairgate.example>',
  to: 'buyer@example.com',
  subject: '[Fairgate] 수출상담회 일정 안내: 2027 국제그린카전시회 — a subject long enough to be folded over several header lines',
  messageId: '<ob-1@fairgate.example>',
  text: '김민준 님, 안녕하세요.\n\n- 2027년 4월 28일 (수) 오후 2:00 · 테이블 T01\n.\n.a line that starts with a dot\n',
  html: '<!doctype html><html lang="ko"><body><p>김민준 님 &amp; <b>Lee</b></p><p><img src="cid:badge-qr"></p></body></html>',
};

describe('composeMimeMessage: an email written in one pass', () => {
  it.each([
    ['text and HTML', base],
    ['an invitation attached', { ...base, attachments: [invitation] }],
    ['an inline image and an attachment', { ...base, attachments: [badge, invitation] }],
    ['English, printable ASCII', { ...base, from: 'no-reply@fairgate.example', subject: 'Your meetings', text: 'Dear Kim,\r\n\r\n.\r\nSee you.\n', html: '<p>Dear Kim</p>' }],
    ['a sender name to quote', { ...base, from: 'KDJ Center, Gwangju <no-reply@fairgate.example>' }],
    ['a subject that looks encoded, and a control character', { ...base, subject: 'Re: =?UTF-8?B?7ZWc?= and =?x?q?broken \u0001 done' }],
    ['a subject that looks encoded', { ...base, subject: 'Re: =?UTF-8?B?7ZWc?= and =?x?q?broken?= done' }],
    ['a carriage return alone in the text', { ...base, subject: 'Hello', text: 'one\rtwo\r\nthree\n', html: '<p>a\rb</p>' }],
    ['a plain ASCII subject over 78 characters', { ...base, subject: `Your meetings at the ${'International Green Car Industry Fair '.repeat(4)}` }],
  ] as Array<[string, MimeMessageParts]>)('%s: a mail program reads what nodemailer would have written', async (_, mail) => {
    const ours = await simpleParser(composeMimeMessage(mail));
    const theirs = await simpleParser(await composedByNodemailer(mail));
    expect(readerView(ours)).toEqual(readerView(theirs));
  });

  it('writes plain ASCII lines of at most 78 characters, ending in CRLF (no CR or LF alone)', () => {
    const raw = composeMimeMessage({ ...base, attachments: [badge, invitation] }).toString('latin1');
    const ascii = composeMimeMessage({ ...base, subject: 'Hello', text: 'one\rtwo\nthree\r\n', html: '<p>Hi</p>' }).toString('latin1');
    expect(ascii.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(raw).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('keeps printable ASCII text as it is (7bit), and encodes a line too long for SMTP', async () => {
    const short = composeMimeMessage({ ...base, subject: 'Hello', text: 'Dear Kim,\n\nSee you.\n', html: '<p>Hi</p>' }).toString('latin1');
    expect(short).toContain('Content-Transfer-Encoding: 7bit\r\n\r\nDear Kim,\r\n\r\nSee you.\r\n');
    const long = `${'x'.repeat(2000)}\n`;
    const raw = composeMimeMessage({ ...base, text: long, html: '<p>Hi</p>' });
    expect(raw.toString('latin1')).not.toContain('x'.repeat(100));
    expect((await simpleParser(raw)).text).toBe(long);
  });

  it('gives each message boundaries of its own (random, not guessable from outside)', () => {
    const a = composeMimeMessage(base).toString('latin1');
    const b = composeMimeMessage(base).toString('latin1');
    const boundaryOf = (raw: string): string => /boundary="([^"]+)"/.exec(raw)![1];
    expect(boundaryOf(a)).not.toBe(boundaryOf(b));
    expect(boundaryOf(a).length).toBeGreaterThan(20);
  });

  it('dates the message in RFC 5322 form', () => {
    const raw = composeMimeMessage(base, new Date('2027-04-28T05:00:00Z')).toString('latin1');
    expect(raw).toContain('\r\nDate: Wed, 28 Apr 2027 05:00:00 +0000\r\n');
  });
});
