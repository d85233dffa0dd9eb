import { renderMail } from '../../../core/mail/mail-template';
import { accessLinkMail } from './access-link.mail';
import { agendaMail, type AgendaMailParams } from './agenda.mail';
import { requestDigestMail } from './request-digest.mail';
import { meetingChangeMail, type MeetingChangeParams } from './meeting-change.mail';

const CONTEXT = { publicUrl: 'https://fairgate.example' };

const agenda: AgendaMailParams = {
  participantName: '김민준',
  participantEmail: 'minjun@bitgoeul.example',
  companyName: '빛고을모터',
  editionNameKo: '2027 국제그린카산업전시회',
  editionNameEn: '2027 International Green Car Industry Fair',
  organizerEmail: 'organizer@fairgate.example',
  update: true,
  meetings: [
    {
      uid: 'r1', sequence: 1, start: '2027-07-08T05:30:00Z', end: '2027-07-08T06:00:00Z', counterpartCompany: '하노이무역', counterpartCountry: 'VN',
      table: 'T01', interpreter: '이하은', status: 'confirmed', changed: true,
    },
    {
      uid: 'r2', sequence: 2, start: '2027-07-09T01:00:00Z', end: '2027-07-09T01:30:00Z', counterpartCompany: '사이공부품', counterpartCountry: 'VN',
      table: 'T02', interpreter: null, status: 'cancelled', changed: true,
    },
  ],
};

/** Latin words left once the data (codes, the brand) is taken out: none in a Korean mail. */
const englishIn = (text: string): string[] => text.replace(/Fairgate|T0\d|VN|https?:\/\/\S+/g, '').match(/[A-Za-z]{2,}/g) ?? [];

describe('meetings emails', () => {
  it('writes the Korean agenda with Korean dates, 님, the venue footer and no English', () => {
    const mail = renderMail(agendaMail, agenda, 'ko', CONTEXT);
    expect(mail.text).toContain('김민준 님, 안녕하세요.');
    expect(mail.text).toContain('- 2027년 7월 8일 (목) 오후 2:30–오후 3:00 · 하노이무역 (VN) · 테이블 T01 · 통역: 이하은 (신규·변경)');
    expect(mail.text).toContain('- 2027년 7월 9일 (금) 오전 10:00–오전 10:30 · 사이공부품 (VN) · 테이블 T02');
    expect(mail.text).toContain('2027 국제그린카산업전시회 수출상담회에 참가 등록하셨기 때문에 이 메일을 보내 드립니다.');
    expect(mail.text).toContain('김대중컨벤션센터 · 광주광역시 서구 상무누리로 30');
    expect(mail.html).toContain('<html lang="ko">');
    expect(mail.html).toContain('광주광역시 서구 상무누리로 30');
    expect(englishIn(mail.text)).toEqual([]);
    expect(englishIn(mail.html.replace(/<[^>]+>/g, ' '))).toEqual([]);
    expect(mail.text).not.toMatch(/\b(AM|PM)\b/);
  });

  it('writes the English agenda with English dates and its own footer', () => {
    const mail = renderMail(agendaMail, { ...agenda, participantName: 'Nguyen An' }, 'en', CONTEXT);
    expect(mail.text).toContain('Dear Nguyen An,');
    expect(mail.text).toContain('- Thu 8 Jul 2027, 2:30 PM–3:00 PM · 하노이무역 (VN) · table T01 · interpreter: 이하은');
    expect(mail.text).toContain('You receive this email because you are registered for the export meetings of 2027 International Green Car Industry Fair.');
    expect(mail.html).toContain('30 Sangmunuri-ro, Seo-gu, Gwangju, Korea');
  });

  it('greets with 님 and ends with the footer in the access link and the request digest', () => {
    const link = renderMail(accessLinkMail, { contactName: '김민준', editionNameKo: '2027 국제그린카산업전시회', editionNameEn: 'x', accessPath: '/meetings/abc' }, 'ko', CONTEXT);
    expect(link.text).toMatch(/^김민준 님, 안녕하세요\./);
    expect(link.text).toContain('https://fairgate.example/meetings/abc');
    expect(link.text).toContain('광주광역시 서구 상무누리로 30');
    expect(englishIn(link.text)).toEqual([]);
    const digest = renderMail(requestDigestMail, { contactName: '김민준', editionNameKo: '2027 국제그린카산업전시회', editionNameEn: 'x', items: [{ event: 'received', counterpart: '하노이무역', counterpartCountry: 'VN' }] }, 'ko', CONTEXT);
    expect(digest.text).toMatch(/^김민준 님, 안녕하세요\./);
    expect(digest.html).toContain('수출상담회에 참가 등록하셨기 때문에');
    expect(englishIn(digest.text)).toEqual([]);
  });
});

describe('the meeting-change mail (a participant cancelled)', () => {
  const params: MeetingChangeParams = {
    contactName: '김민준', editionNameKo: '2027 국제그린카산업전시회', editionNameEn: '2027 International Green Car Industry Fair',
    counterpartCompany: 'Hanoi EV Trading', counterpartCountry: 'VN', start: '2027-07-08T05:30:00Z', end: '2027-07-08T06:00:00Z', table: 'T01',
    note: 'Flight delayed', pagePath: '/meetings/tok',
  };

  it('tells the Korean reader who cancelled, when (no AM/PM) and why, with the core footer', () => {
    const mail = renderMail(meetingChangeMail, params, 'ko', CONTEXT);
    expect(mail.subject).toBe('[Fairgate] 상담 취소: Hanoi EV Trading, 2027년 7월 8일 (목) 오후 2:30–오후 3:00');
    expect(mail.text).toContain('김민준 님, 안녕하세요.');
    expect(mail.text).toContain('Hanoi EV Trading (베트남)에서 아래 상담을 취소했습니다.');
    expect(mail.text).toContain('취소 사유: Flight delayed');
    expect(mail.text).toContain('https://fairgate.example/meetings/tok');
    expect(mail.text).toContain('수출상담회에 참가 등록하셨기 때문에');
    expect(mail.text).not.toMatch(/\b(AM|PM)\b/);
  });

  it('in English, without a reason line when none was given', () => {
    const mail = renderMail(meetingChangeMail, { ...params, contactName: 'Anna Weber', note: null }, 'en', CONTEXT);
    expect(mail.subject).toBe('[Fairgate] Meeting cancelled: Hanoi EV Trading, Thu 8 Jul 2027, 2:30 PM–3:00 PM');
    expect(mail.text).toContain('Dear Anna Weber,');
    expect(mail.text).toContain('Hanoi EV Trading (Vietnam) has cancelled the meeting below.');
    expect(mail.text).not.toContain('Reason given');
    expect(mail.html).toContain('<html lang="en">');
  });
});
