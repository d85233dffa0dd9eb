import fc from 'fast-check';
import ICAL from 'ical.js';
import { agendaCalendar, agendaEvents, meetingCalendars, meetingUid, type AgendaCalendarInput, type AgendaMeeting } from './agenda-calendar';

const NOW = new Date('2027-04-01T00:00:00Z');

const meeting = (over: Partial<AgendaMeeting> = {}): AgendaMeeting => ({
  id: '42',
  sequence: 0,
  start: new Date('2027-04-28T01:00:00Z'), // 10:00 KST
  end: new Date('2027-04-28T01:30:00Z'),
  counterpartCompany: '빛고을정밀 주식회사',
  table: 'T12',
  interpreter: null,
  status: 'confirmed',
  ...over,
});

const input = (over: Partial<AgendaCalendarInput> = {}): AgendaCalendarInput => ({
  method: 'REQUEST',
  participantName: 'Nguyen Van An',
  meetings: [meeting()],
  organizerEmail: 'export@fairgate.example',
  participantEmail: 'an@hanoi-metal.example',
  locale: 'en',
  now: NOW,
  ...over,
});

interface Parsed {
  method: string;
  events: { uid: string; sequence: number; status: string; start: string; end: string; summary: string; location: string; description: string }[];
}

function parse(ics: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vtimezone = calendar.getFirstSubcomponent('vtimezone');
  if (vtimezone) ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    events: calendar.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        sequence: e.sequence,
        status: String(v.getFirstPropertyValue('status')),
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
        summary: e.summary,
        location: e.location,
        description: e.description,
      };
    }),
  };
}

describe('agendaCalendar', () => {
  it('keeps one UID across the life of a meeting: invited, moved, cancelled', () => {
    const invited = parse(agendaCalendar(input()));
    const moved = parse(
      agendaCalendar(input({ meetings: [meeting({ sequence: 1, start: new Date('2027-04-28T02:00:00Z'), end: new Date('2027-04-28T02:30:00Z') })] })),
    );
    const cancelled = parse(agendaCalendar(input({ method: 'CANCEL', meetings: [meeting({ sequence: 2, status: 'cancelled' })] })));

    expect([invited, moved, cancelled].map((c) => c.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
    expect([invited, moved, cancelled].map((c) => c.events[0].uid)).toEqual(Array(3).fill('meeting-42@fairgate'));
    expect([invited, moved, cancelled].map((c) => c.events[0].sequence)).toEqual([0, 1, 2]);
    expect([invited, moved, cancelled].map((c) => c.events[0].status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(invited.events[0].start).toBe('2027-04-28T01:00:00.000Z'); // 10:00 KST = 01:00Z
    expect(invited.events[0].end).toBe('2027-04-28T01:30:00.000Z');
    expect(moved.events[0].start).toBe('2027-04-28T02:00:00.000Z');
  });

  it('writes the start in Seoul time with the Asia/Seoul VTIMEZONE', () => {
    const ics = agendaCalendar(input());
    expect(ics).toContain('DTSTART;TZID=Asia/Seoul:20270428T100000\r\n');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul\r\n');
  });

  it('writes English summary, description and location', () => {
    const [event] = parse(agendaCalendar(input({ meetings: [meeting({ interpreter: 'Tran Thi Mai' })] }))).events;
    expect(event.summary).toBe('Export meeting: 빛고을정밀 주식회사 (table T12)');
    expect(event.location).toBe('Kim Dae-jung Convention Center, Gwangju');
    expect(event.description).toBe('Meeting with: 빛고을정밀 주식회사\nTable: T12\nInterpreter: Tran Thi Mai\nParticipant: Nguyen Van An');
  });

  it('keeps Korean text intact and folds every line at 75 octets without splitting a character', () => {
    const company = '광주광역시 광산구 하남산단 빛고을정밀금형주조 주식회사, 수출상담; 참가기업 \\ 이름이 아주 깁니다';
    const ics = agendaCalendar(input({ locale: 'ko', participantName: '김민준', meetings: [meeting({ counterpartCompany: company, interpreter: '박통역' })] }));
    const [event] = parse(ics).events;
    expect(event.summary).toBe(`수출상담: ${company} (T12 테이블)`);
    expect(event.location).toBe('김대중컨벤션센터');
    expect(event.description).toBe(`상담 상대: ${company}\n테이블: T12\n통역: 박통역\n참가자: 김민준`);
    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = ics.split('\r\n');
    expect(lines.some((l) => l.startsWith(' '))).toBe(true); // something was folded
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    expect(ics.replace(/\r\n /g, '')).toContain('X-WR-CALNAME:김민준 수출상담 일정');
  });

  it('puts one VEVENT per meeting, sorted by start time', () => {
    const ics = agendaCalendar(
      input({
        meetings: [
          meeting({ id: 'b', start: new Date('2027-04-28T05:00:00Z'), end: new Date('2027-04-28T05:30:00Z'), sequence: 3 }),
          meeting({ id: 'a', counterpartCompany: 'Gwangju Mold' }),
        ],
      }),
    );
    const { events } = parse(ics);
    expect(events.map((e) => [e.uid, e.sequence])).toEqual([
      ['meeting-a@fairgate', 0],
      ['meeting-b@fairgate', 3],
    ]);
  });

  it('splits an agenda into one invitation per meeting (RFC 5546: one UID per REQUEST)', () => {
    const calendars = meetingCalendars(input({ meetings: [meeting({ id: '1' }), meeting({ id: '2', start: new Date('2027-04-28T03:00:00Z'), end: new Date('2027-04-28T03:30:00Z') })] }));
    expect(calendars.map((c) => c.meetingId)).toEqual(['1', '2']);
    expect(calendars.map((c) => parse(c.ics).events.map((e) => e.uid))).toEqual([['meeting-1@fairgate'], ['meeting-2@fairgate']]);
  });

  it('marks every event of a CANCEL as CANCELLED', () => {
    const { method, events } = parse(agendaCalendar(input({ method: 'CANCEL', meetings: [meeting({ sequence: 1, status: 'confirmed' })] })));
    expect(method).toBe('CANCEL');
    expect(events[0].status).toBe('CANCELLED');
  });

  it('refuses input that would give a wrong invitation', () => {
    expect(() => agendaCalendar(input({ meetings: [meeting({ status: 'cancelled' })] }))).toThrow(/method CANCEL/);
    expect(() => agendaCalendar(input({ meetings: [] }))).toThrow(RangeError);
    expect(() => agendaCalendar(input({ meetings: [meeting(), meeting()] }))).toThrow(/twice/);
    expect(() => agendaCalendar(input({ meetings: [meeting({ sequence: -1 })] }))).toThrow(/SEQUENCE/);
    expect(() => agendaCalendar(input({ meetings: [meeting({ end: new Date('2027-04-28T01:00:00Z') })] }))).toThrow(/end/);
    expect(() => meetingUid('a b\r\nX-INJECTED:1')).toThrow(RangeError);
  });

  it('prepares ORGANIZER and ATTENDEE for the writer (RFC 5546 REQUEST/CANCEL)', () => {
    const [event] = agendaEvents(input());
    expect(event.organizer).toEqual({ email: 'export@fairgate.example', name: 'KDJ Center export meetings' });
    expect(event.attendees).toEqual([
      { email: 'an@hanoi-metal.example', name: 'Nguyen Van An', role: 'REQ-PARTICIPANT', partstat: 'NEEDS-ACTION', rsvp: false },
    ]);
    const [bare] = agendaEvents(input({ organizerEmail: undefined, participantEmail: undefined }));
    expect(bare.organizer).toBeUndefined();
    expect(bare.attendees).toBeUndefined();
  });

  it('writes ORGANIZER and ATTENDEE as iTIP wants them, readable by a real parser', () => {
    const ics = agendaCalendar(input());
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:export@fairgate.example');
    const attendee = vevent.getFirstProperty('attendee')!;
    expect(attendee.getFirstValue()).toBe('mailto:an@hanoi-metal.example');
    expect(attendee.getParameter('cn')).toBe('Nguyen Van An');
    expect(attendee.getParameter('rsvp')).toBe('FALSE');
    expect(() => agendaCalendar(input({ participantEmail: 'x@y.example\r\nATTENDEE:mailto:evil@z.example' }))).toThrow(/not a calendar address/);
  });

  it('property: any company name round-trips through a real parser as one line, with lines ≤ 75 octets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 120 }), fc.constantFrom<'ko' | 'en'>('ko', 'en'), (company, locale) => {
        const ics = agendaCalendar(input({ locale, meetings: [meeting({ counterpartCompany: company })] }));
        for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
        const [event] = parse(ics).events;
        const clean = company.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
        expect(event.summary).toBe(locale === 'ko' ? `수출상담: ${clean} (T12 테이블)` : `Export meeting: ${clean} (table T12)`);
      }),
    );
  });
});
