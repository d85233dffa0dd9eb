import { greeting, html, htmlFrame, singleLine, type MailAttachment, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
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


/**
 * A participant's export-meeting agenda, with one calendar file per changed meeting: REQUEST for
 * a new or moved meeting, CANCEL for a cancelled one (RFC 5546 wants one UID per iTIP message).
 */
export const agendaMail: MailTemplate<AgendaMailParams> = {
  name: 'meetings.agenda',
  render(p, locale) {
    const live = p.meetings.filter((m) => m.status === 'confirmed').sort((a, b) => a.start.localeCompare(b.start));
    const cancelled = p.meetings.filter((m) => m.status === 'cancelled' && m.changed);
    const edition = locale === 'ko' ? p.editionNameKo : p.editionNameEn;
    const w = WORDS[locale];
    const subject = singleLine(`[Fairgate] ${p.update ? w.updated : w.agenda}: ${edition}`);
    const line = (m: AgendaMailMeeting): string =>
      `${displayTimeRange(m.start, m.end, locale, DEFAULT_TIME_ZONE)} · ${m.counterpartCompany} (${m.counterpartCountry}) · ${w.table} ${m.table}${m.interpreter ? ` · ${w.interpreter}: ${m.interpreter}` : ''}`;
    const text = [
      greeting(p.participantName, locale),
      '',
      p.update ? w.leadUpdate : w.lead,
      '',
      ...(live.length > 0 ? live.map((m) => `- ${line(m)}${m.changed && p.update ? ` (${w.changed})` : ''}`) : [w.none]),
      ...(cancelled.length > 0 ? ['', w.cancelledTitle, ...cancelled.map((m) => `- ${line(m)}`)] : []),
      '',
      w.place,
      w.calendar,
    ].join('\n');
    const body = html`<p>${greeting(p.participantName, locale)}</p><p>${p.update ? w.leadUpdate : w.lead}</p>${
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
  agenda: string; updated: string; lead: string; leadUpdate: string; none: string; table: string;
  interpreter: string; changed: string; cancelledTitle: string; place: string; calendar: string;
}> = {
  en: {
    agenda: 'Your export meeting agenda',
    updated: 'Your export meeting agenda has changed',
    lead: 'Here are your export business meetings (times in Korea, UTC+9):',
    leadUpdate: 'Your export business meetings have changed. Your agenda now reads (times in Korea, UTC+9):',
    none: 'You have no meetings at the moment.',
    table: 'table',
    interpreter: 'interpreter',
    changed: 'new or changed',
    cancelledTitle: 'Cancelled:',
    place: 'Place: Kim Dae-jung Convention Center, 30 Sangmunuri-ro, Seo-gu, Gwangju, Korea.',
    calendar: 'The attached calendar files add or update these meetings in your calendar.',
  },
  ko: {
    agenda: '수출상담회 일정 안내',
    updated: '수출상담회 일정 변경 안내',
    lead: '수출상담 일정은 다음과 같습니다 (한국 시간):',
    leadUpdate: '수출상담 일정이 변경되었습니다. 현재 일정은 다음과 같습니다 (한국 시간):',
    none: '현재 예정된 상담이 없습니다.',
    table: '테이블',
    interpreter: '통역',
    changed: '신규·변경',
    cancelledTitle: '취소된 상담:',
    place: '장소: 김대중컨벤션센터 (광주광역시 서구 상무누리로 30)',
    calendar: '첨부된 캘린더 파일로 일정이 캘린더에 추가·변경됩니다.',
  },
};
