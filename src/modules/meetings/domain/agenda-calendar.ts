/**
 * The iCalendar a buyer or exhibitor receives with their export-meeting agenda (rule 11 of
 * shared/reliability.md): one UID per meeting for its whole life, SEQUENCE from the database,
 * METHOD REQUEST for invitations and updates, CANCEL with STATUS:CANCELLED for cancellations.
 */
import { renderCalendar, type CalendarAddress, type CalendarAttendee, type CalendarEvent } from '../../../core/calendar/icalendar';
import { DEFAULT_TIME_ZONE } from '../../../core/time/zoned-time';

export type AgendaMethod = 'REQUEST' | 'CANCEL';
export type AgendaLocale = 'ko' | 'en';

export interface AgendaMeeting {
  /** Database id; becomes the UID, so it must never change for the meeting. */
  id: string;
  /** Stored SEQUENCE: incremented on every significant change and on cancellation. */
  sequence: number;
  start: Date;
  end: Date;
  counterpartCompany: string;
  /** Table label, e.g. "T12". */
  table: string;
  interpreter?: string | null;
  status: 'confirmed' | 'cancelled';
}

export interface AgendaCalendarInput {
  method: AgendaMethod;
  participantName: string;
  /** The participant's address, written as the ATTENDEE. */
  participantEmail?: string;
  meetings: AgendaMeeting[];
  organizerEmail?: string;
  locale: AgendaLocale;
  /** DTSTAMP; defaults to the current time. */
  now?: Date;
}

export type AgendaEvent = CalendarEvent;

const LOCATION: Record<AgendaLocale, string> = {
  en: 'Kim Dae-jung Convention Center, Gwangju',
  ko: '김대중컨벤션센터',
};

/** Ids go into the UID unescaped (UID is not escaped by the writer): keep them to a safe alphabet. */
const MEETING_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function meetingUid(id: string): string {
  if (!MEETING_ID.test(id)) throw new RangeError(`meeting id ${JSON.stringify(id)} cannot be used in a UID`);
  return `meeting-${id}@fairgate`;
}

/** The VEVENTs of the agenda, sorted by start time, with the iTIP parties the writer does not output yet. */
export function agendaEvents(input: AgendaCalendarInput): AgendaEvent[] {
  if (input.meetings.length === 0) throw new RangeError('an agenda calendar needs at least one meeting');
  const ids = new Set<string>();
  const organizerName = input.locale === 'ko' ? '김대중컨벤션센터 수출상담회' : 'KDJ Center export meetings';
  const organizer: CalendarAddress | undefined =
    input.organizerEmail === undefined ? undefined : { email: input.organizerEmail, name: organizerName };
  // The organizer schedules the meetings, so the participant is not asked to answer (RSVP=FALSE).
  const attendees: CalendarAttendee[] | undefined =
    input.participantEmail === undefined
      ? undefined
      : [{ email: input.participantEmail, name: singleLine(input.participantName), role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: false }];

  return [...input.meetings]
    .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m): AgendaEvent => {
      if (ids.has(m.id)) throw new RangeError(`meeting ${m.id} appears twice`);
      ids.add(m.id);
      if (!Number.isInteger(m.sequence) || m.sequence < 0) throw new RangeError(`meeting ${m.id}: SEQUENCE must be a non-negative integer`);
      if (!(m.end.getTime() > m.start.getTime())) throw new RangeError(`meeting ${m.id}: end must be after start`);
      const event: AgendaEvent = {
        uid: meetingUid(m.id),
        sequence: m.sequence,
        start: m.start,
        end: m.end,
        summary: summary(m, input.locale),
        description: description(m, input.participantName, input.locale),
        location: LOCATION[input.locale],
        status: eventStatus(input.method, m),
      };
      if (organizer) event.organizer = organizer;
      if (attendees) event.attendees = attendees;
      return event;
    });
}

export function agendaCalendar(input: AgendaCalendarInput): string {
  const name = singleLine(input.participantName);
  return renderCalendar(
    {
      method: input.method,
      name: input.locale === 'ko' ? `${name} 수출상담 일정` : `Export meetings: ${name}`,
      timezone: DEFAULT_TIME_ZONE,
      events: agendaEvents(input),
    },
    input.now,
  );
}

/**
 * One calendar per meeting. RFC 5546 requires every component of a REQUEST or CANCEL to share
 * one UID, and Gmail/Outlook only act on the first VEVENT of an invitation, so a mail that
 * invites to several meetings should attach one of these per meeting.
 */
export function meetingCalendars(input: AgendaCalendarInput): { meetingId: string; ics: string }[] {
  return input.meetings.map((m) => ({ meetingId: m.id, ics: agendaCalendar({ ...input, meetings: [m] }) }));
}

function eventStatus(method: AgendaMethod, meeting: AgendaMeeting): CalendarEvent['status'] {
  switch (method) {
    case 'CANCEL':
      // A CANCEL cancels every event it carries, whatever the row said when it was loaded.
      return 'CANCELLED';
    case 'REQUEST':
      switch (meeting.status) {
        case 'confirmed':
          return 'CONFIRMED';
        case 'cancelled':
          // Calendar apps ignore STATUS:CANCELLED inside a REQUEST; the cancellation must go out as CANCEL.
          throw new RangeError(`meeting ${meeting.id} is cancelled: send it with method CANCEL, not REQUEST`);
      }
  }
}

function summary(m: AgendaMeeting, locale: AgendaLocale): string {
  const company = singleLine(m.counterpartCompany);
  const table = singleLine(m.table);
  switch (locale) {
    case 'ko':
      return `수출상담: ${company} (${table} 테이블)`;
    case 'en':
      return `Export meeting: ${company} (table ${table})`;
  }
}

function description(m: AgendaMeeting, participantName: string, locale: AgendaLocale): string {
  const interpreter = m.interpreter ? singleLine(m.interpreter) : null;
  const company = singleLine(m.counterpartCompany);
  const table = singleLine(m.table);
  const participant = singleLine(participantName);
  switch (locale) {
    case 'ko':
      return [`상담 상대: ${company}`, `테이블: ${table}`, ...(interpreter ? [`통역: ${interpreter}`] : []), `참가자: ${participant}`].join('\n');
    case 'en':
      return [`Meeting with: ${company}`, `Table: ${table}`, ...(interpreter ? [`Interpreter: ${interpreter}`] : []), `Participant: ${participant}`].join('\n');
  }
}

/** Names come from sign-up forms: RFC 5545 TEXT allows no control characters, and a summary is one line. */
function singleLine(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}
