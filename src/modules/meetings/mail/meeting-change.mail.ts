import { greeting, html, htmlFrame, lineBreaks, singleLine, type MailAttachment, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
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

const WORDS: Record<MailLocale, { subject: string; lead: (company: string) => string; when: string; table: string; note: string; slot: string; page: string }> = {
  ko: {
    subject: '상담 취소',
    lead: (company) => `${company}에서 아래 상담을 취소했습니다.`,
    when: '일시 (한국 시간)',
    table: '테이블',
    note: '취소 사유',
    slot: '이 시간은 비었습니다. 다른 상담은 주최 측이 다시 배정하면 메일로 알려 드립니다. 내 상담 일정은 아래 개인 링크에서 확인할 수 있습니다.',
    page: '내 상담 일정',
  },
  en: {
    subject: 'Meeting cancelled',
    lead: (company) => `${company} has cancelled the meeting below.`,
    when: 'When (Korea time)',
    table: 'Table',
    note: 'Reason given',
    slot: 'This time is now free. If the organizers arrange another meeting for you, you will hear by email. Your agenda is on your private page below.',
    page: 'My meetings',
  },
};

/** Tells the other side of a published meeting that a participant cancelled it from its own page. */
export const meetingChangeMail: MailTemplate<MeetingChangeParams> = {
  name: 'meetings.meeting-change',
  render(p, locale, { publicUrl }) {
    const w = WORDS[locale];
    const edition = locale === 'ko' ? p.editionNameKo : p.editionNameEn;
    const when = displayTimeRange(p.start, p.end, locale, DEFAULT_TIME_ZONE);
    const company = `${p.counterpartCompany} (${countryName(p.counterpartCountry, locale)})`;
    const link = `${publicUrl}${p.pagePath}`;
    const subject = singleLine(`[Fairgate] ${w.subject}: ${p.counterpartCompany}, ${when}`);
    const text = [
      greeting(p.contactName, locale),
      '',
      w.lead(company),
      '',
      `${w.when}: ${when}`,
      `${w.table}: ${p.table}`,
      ...(p.note ? [`${w.note}: ${p.note}`] : []),
      '',
      w.slot,
      '',
      `${w.page}: ${link}`,
    ].join('\n');
    const body = html`<p>${greeting(p.contactName, locale)}</p><p>${w.lead(company)}</p>
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
