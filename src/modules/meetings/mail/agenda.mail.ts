import { greeting, html, htmlFrame, type MailAttachment, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText } from '../../../core/mail/mail-text';
import { displayTimeRange } from '../../../core/time/display';
import { meetingsMailReason } from './meetings-mail-reason';
import { agendaCalendar, type AgendaMeeting } from '../domain/agenda-calendar';
import { DEFAULT_TIME_ZONE } from '../../../core/time/zoned-time';

/** One meeting as the agenda email shows it; times are ISO instants. */
export interface AgendaMailMeeting {
  /** The request id: the meeting's calendar UID for its whole life, across moves. */
  uid: string;
  sequence: number;
  start: string;
  end: string;
  counterpartCompany: string;
  counterpartCountry: string;
  table: string;
  interpreter: string | null;
  status: 'confirmed' | 'cancelled';
  /** Changed since the participant last heard: its calendar event goes with this email. */
  changed: boolean;
}

export interface AgendaMailParams {
  participantName: string;
  participantEmail: string;
  companyName: string;
  editionNameKo: string;
  editionNameEn: string;
  organizerEmail: string;
  /** First publication (false) or an update (true). */
  update: boolean;
  meetings: AgendaMailMeeting[];
}


const PUBLISHED = 'meetings.agenda.published';
const UPDATED = 'meetings.agenda.updated';

/** The words before the agenda (the meeting list, place, calendar note and the .ics files stay code). */
const editable: EditableMailText<AgendaMailParams> = {
  kinds: [
    {
      key: PUBLISHED,
      label: { ko: '수출상담회 일정 안내', en: 'Export meeting agenda' },
      trigger: { ko: '주최 측이 상담 일정을 처음 공개할 때 (상담 목록, 장소와 캘린더 파일이 본문 아래에 붙습니다)', en: 'The organizers publish the meeting schedule (the list of meetings, the place and the calendar files follow the text)' },
      defaults: {
        ko: { subject: '[Fairgate] 수출상담회 일정 안내: {{edition_name}}', body: '수출상담 일정은 다음과 같습니다 (한국 시간):' },
        en: { subject: '[Fairgate] Your export meeting agenda: {{edition_name}}', body: 'Here are your export business meetings (times in Korea, UTC+9):' },
      },
    },
    {
      key: UPDATED,
      label: { ko: '수출상담회 일정 변경 안내', en: 'Export meeting agenda changed' },
      trigger: { ko: '공개된 상담 일정이 바뀔 때 (바뀐 상담 목록, 장소와 캘린더 파일이 본문 아래에 붙습니다)', en: 'A published meeting schedule changes (the updated list of meetings, the place and the calendar files follow the text)' },
      defaults: {
        ko: { subject: '[Fairgate] 수출상담회 일정 변경 안내: {{edition_name}}', body: '수출상담 일정이 변경되었습니다. 현재 일정은 다음과 같습니다 (한국 시간):' },
        en: { subject: '[Fairgate] Your export meeting agenda has changed: {{edition_name}}', body: 'Your export business meetings have changed. Your agenda now reads (times in Korea, UTC+9):' },
      },
    },
  ],
  kindOf: (p) => (p.update ? UPDATED : PUBLISHED),
  placeholders: [
    { name: 'participant_name', description: { ko: '받는 사람 이름', en: 'The reader' } },
    { name: 'company_name', description: { ko: '받는 사람의 회사', en: "The reader's company" } },
    { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
    { name: 'meeting_count', description: { ko: '확정된 상담 수', en: 'The number of confirmed meetings' } },
  ],
  values: (p, locale) => ({
    participant_name: p.participantName,
    company_name: p.companyName,
    edition_name: locale === 'ko' ? p.editionNameKo : p.editionNameEn,
    meeting_count: String(p.meetings.filter((m) => m.status === 'confirmed').length),
  }),
  sample: {
    participantName: 'Nguyen Van An', participantEmail: 'an.nguyen@example.vn', companyName: 'Saigon Precision Co., Ltd.', editionNameKo: '2027 국제뿌리산업전시회',
    editionNameEn: '2027 PPURI Fair', organizerEmail: 'no-reply@fairgate.example', update: false,
    meetings: [{
      uid: '7c1e4b2a-3f5d-4e8a-9b61-2d0f5a7c9e13', sequence: 0, start: '2027-04-28T01:00:00.000Z', end: '2027-04-28T01:30:00.000Z', counterpartCompany: '빛고을정밀 주식회사',
      counterpartCountry: 'KR', table: 'T07', interpreter: null, status: 'confirmed', changed: true,
    }],
  },
  sampleFor: (kind) => ({ ...editable.sample, update: kind === UPDATED }),
};

/**
 * A participant's export-meeting agenda, with one calendar file per changed meeting: REQUEST for
 * a new or moved meeting, CANCEL for a cancelled one (RFC 5546 wants one UID per iTIP message).
 */
export const agendaMail: MailTemplate<AgendaMailParams> = {
  name: 'meetings.agenda',
  editable,
  render(p, locale, context, custom) {
    const live = p.meetings.filter((m) => m.status === 'confirmed').sort((a, b) => a.start.localeCompare(b.start));
    const cancelled = p.meetings.filter((m) => m.status === 'cancelled' && m.changed);
    const edition = locale === 'ko' ? p.editionNameKo : p.editionNameEn;
    const w = WORDS[locale];
    const words = wordsOf(editable, p, locale, context, custom);
    const subject = words.subject;
    const line = (m: AgendaMailMeeting): string =>
      `${displayTimeRange(m.start, m.end, locale, DEFAULT_TIME_ZONE)} · ${m.counterpartCompany} (${m.counterpartCountry}) · ${w.table} ${m.table}${m.interpreter ? ` · ${w.interpreter}: ${m.interpreter}` : ''}`;
    const text = [
      greeting(p.participantName, locale),
      '',
      words.text,
      '',
      ...(live.length > 0 ? live.map((m) => `- ${line(m)}${m.changed && p.update ? ` (${w.changed})` : ''}`) : [w.none]),
      ...(cancelled.length > 0 ? ['', w.cancelledTitle, ...cancelled.map((m) => `- ${line(m)}`)] : []),
      '',
      w.place,
      w.calendar,
    ].join('\n');
    const body = html`<p>${greeting(p.participantName, locale)}</p>${words.html}${
      live.length > 0
        ? html`<ul>${live.map((m) => html`<li>${line(m)}${m.changed && p.update && html` <strong>(${w.changed})</strong>`}</li>`)}</ul>`
        : html`<p>${w.none}</p>`}${
      cancelled.length > 0 && html`<p>${w.cancelledTitle}</p><ul>${cancelled.map((m) => html`<li><s>${line(m)}</s></li>`)}</ul>`}<p>${w.place}</p><p>${w.calendar}</p>`;
    const attachments: MailAttachment[] = p.meetings
      .filter((m) => m.changed)
      .map((m) => {
        const method = m.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
        const meeting: AgendaMeeting = {
          id: m.uid, sequence: m.sequence, start: new Date(m.start), end: new Date(m.end), counterpartCompany: m.counterpartCompany,
          table: m.table, interpreter: m.interpreter, status: m.status,
        };
        const ics = agendaCalendar({ method, participantName: p.participantName, participantEmail: p.participantEmail, organizerEmail: p.organizerEmail, locale, meetings: [meeting] });
        // The MIME method must equal the METHOD inside, or calendar apps ignore the update.
        return { filename: `meeting-${m.uid}.ics`, content: ics, contentType: `text/calendar; charset=utf-8; method=${method}` };
      });
    const reason = meetingsMailReason(locale, edition);
    return { subject, text, html: htmlFrame(locale, subject, body, reason), reason, attachments };
  },
};

const WORDS: Record<MailLocale, {
  none: string; table: string;
  interpreter: string; changed: string; cancelledTitle: string; place: string; calendar: string;
}> = {
  en: {
    none: 'You have no meetings at the moment.',
    table: 'table',
    interpreter: 'interpreter',
    changed: 'new or changed',
    cancelledTitle: 'Cancelled:',
    place: 'Place: Kim Dae-jung Convention Center, 30 Sangmunuri-ro, Seo-gu, Gwangju, Korea.',
    calendar: 'The attached calendar files add or update these meetings in your calendar.',
  },
  ko: {
    none: '현재 예정된 상담이 없습니다.',
    table: '테이블',
    interpreter: '통역',
    changed: '신규·변경',
    cancelledTitle: '취소된 상담:',
    place: '장소: 김대중컨벤션센터 (광주광역시 서구 상무누리로 30)',
    calendar: '첨부된 캘린더 파일로 일정이 캘린더에 추가·변경됩니다.',
  },
};
