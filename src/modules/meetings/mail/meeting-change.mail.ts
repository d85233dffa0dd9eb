import { greeting, html, htmlFrame, lineBreaks, type MailAttachment, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText } from '../../../core/mail/mail-text';
import { displayTimeRange } from '../../../core/time/display';
import { DEFAULT_TIME_ZONE } from '../../../core/time/zoned-time';
import { agendaCalendar } from '../domain/agenda-calendar';
import { countryName } from '../domain/world-names';
import { meetingsMailReason } from './meetings-mail-reason';

export interface MeetingChangeParams {
  /** The reader: the other side of the meeting. */
  contactName: string;
  editionNameKo: string;
  editionNameEn: string;
  /** Who cancelled: the company and its country code. */
  counterpartCompany: string;
  counterpartCountry: string;
  /** ISO instants of the meeting. */
  start: string;
  end: string;
  table: string;
  /** The canceller's note, if it wrote one. */
  note: string | null;
  /** Path of the reader's own meeting page. */
  pagePath: string;
  /**
   * The reader's calendar event of the meeting (UID = the request id, SEQUENCE after the cancel):
   * attached as a METHOD:CANCEL invitation, so the calendar app removes the event in place.
   */
  calendar?: { uid: string; sequence: number; participantEmail: string; organizerEmail: string };
}

const WORDS: Record<MailLocale, { when: string; table: string; note: string; slot: string; page: string }> = {
  ko: {
    when: '일시 (한국 시간)',
    table: '테이블',
    note: '취소 사유',
    slot: '이 시간은 비었습니다. 다른 상담은 주최 측이 다시 배정하면 메일로 알려 드립니다. 내 상담 일정은 아래 개인 링크에서 확인할 수 있습니다.',
    page: '내 상담 일정',
  },
  en: {
    when: 'When (Korea time)',
    table: 'Table',
    note: 'Reason given',
    slot: 'This time is now free. If the organizers arrange another meeting for you, you will hear by email. Your agenda is on your private page below.',
    page: 'My meetings',
  },
};

/** The words before the meeting's details (the details, the free-slot note, the page link and the .ics file stay code). */
const editable: EditableMailText<MeetingChangeParams> = {
  kinds: [{
    key: 'meetings.meeting-change',
    label: { ko: '상담 취소 알림', en: 'Meeting cancelled' },
    trigger: {
      ko: '상대 참가자가 자기 페이지에서 공개된 상담을 취소할 때 (상담 일시·테이블, 개인 링크와 캘린더 취소 파일이 본문 아래에 붙습니다)',
      en: 'The other participant cancels a published meeting from its page (the time, table, private link and calendar cancellation follow the text)',
    },
    defaults: {
      ko: { subject: '[Fairgate] 상담 취소: {{counterpart_company}}, {{meeting_time}}', body: '{{counterpart_company}} ({{counterpart_country}})에서 아래 상담을 취소했습니다.' },
      en: { subject: '[Fairgate] Meeting cancelled: {{counterpart_company}}, {{meeting_time}}', body: '{{counterpart_company}} ({{counterpart_country}}) has cancelled the meeting below.' },
    },
  }],
  kindOf: () => 'meetings.meeting-change',
  placeholders: [
    { name: 'contact_name', description: { ko: '받는 사람 이름', en: 'The reader' } },
    { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
    { name: 'counterpart_company', description: { ko: '상담을 취소한 회사', en: 'The company that cancelled' } },
    { name: 'counterpart_country', description: { ko: '그 회사의 국가 (메일 언어로)', en: "That company's country, in the language of the mail" } },
    { name: 'meeting_time', description: { ko: '상담 일시 (한국 시간)', en: 'When the meeting was (Korea time)' } },
    { name: 'table', description: { ko: '상담 테이블', en: 'The meeting table' } },
    { name: 'page_url', description: { ko: '개인 상담 페이지 링크 (본문 아래에도 붙습니다)', en: 'Link to the private meetings page (also added after the text)' }, kind: 'url' },
  ],
  values: (p, locale, { publicUrl }) => ({
    contact_name: p.contactName,
    edition_name: locale === 'ko' ? p.editionNameKo : p.editionNameEn,
    counterpart_company: p.counterpartCompany,
    counterpart_country: countryName(p.counterpartCountry, locale),
    meeting_time: displayTimeRange(p.start, p.end, locale, DEFAULT_TIME_ZONE),
    table: p.table,
    page_url: `${publicUrl}${p.pagePath}`,
  }),
  sample: {
    contactName: '이준', editionNameKo: '2027 그린카 전시회', editionNameEn: 'Green Car Expo 2027', counterpartCompany: 'Rheinland Antrieb GmbH', counterpartCountry: 'DE',
    start: '2027-07-08T01:00:00.000Z', end: '2027-07-08T01:30:00.000Z', table: 'T01', note: null, pagePath: '/meetings/3q9Zk2sample',
  },
};

/** Tells the other side of a published meeting that a participant cancelled it from its own page. */
export const meetingChangeMail: MailTemplate<MeetingChangeParams> = {
  name: 'meetings.meeting-change',
  editable,
  render(p, locale, context, custom) {
    const w = WORDS[locale];
    const edition = locale === 'ko' ? p.editionNameKo : p.editionNameEn;
    const when = displayTimeRange(p.start, p.end, locale, DEFAULT_TIME_ZONE);
    const link = `${context.publicUrl}${p.pagePath}`;
    const words = wordsOf(editable, p, locale, context, custom);
    const subject = words.subject;
    const text = [
      greeting(p.contactName, locale),
      '',
      words.text,
      '',
      `${w.when}: ${when}`,
      `${w.table}: ${p.table}`,
      ...(p.note ? [`${w.note}: ${p.note}`] : []),
      '',
      w.slot,
      '',
      `${w.page}: ${link}`,
    ].join('\n');
    const body = html`<p>${greeting(p.contactName, locale)}</p>${words.html}
<ul><li>${w.when}: ${when}</li><li>${w.table}: ${p.table}</li>${p.note && html`<li>${w.note}: ${lineBreaks(p.note)}</li>`}</ul>
<p>${w.slot}</p><p><a href="${link}">${w.page}</a></p>`;
    const reason = meetingsMailReason(locale, edition);
    const attachments = p.calendar ? [cancellation(p, p.calendar, locale)] : undefined;
    return { subject, text, html: htmlFrame(locale, subject, body, reason), reason, ...(attachments ? { attachments } : {}) };
  },
};

function cancellation(p: MeetingChangeParams, c: NonNullable<MeetingChangeParams['calendar']>, locale: MailLocale): MailAttachment {
  const ics = agendaCalendar({
    method: 'CANCEL', participantName: p.contactName, participantEmail: c.participantEmail, organizerEmail: c.organizerEmail, locale,
    meetings: [{ id: c.uid, sequence: c.sequence, start: new Date(p.start), end: new Date(p.end), counterpartCompany: p.counterpartCompany, table: p.table, status: 'cancelled' }],
  });
  // The MIME method must equal the METHOD inside, or calendar apps ignore the update.
  return { filename: `meeting-${c.uid}.ics`, content: ics, contentType: 'text/calendar; charset=utf-8; method=CANCEL' };
}
