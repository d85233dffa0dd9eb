import { renderCalendar, type CalendarEvent, type CalendarMethod } from '../../../core/calendar/icalendar';
import { DEFAULT_TIME_ZONE } from '../../../core/time/zoned-time';

/**
 * An attendee's visit as one ordered plan, and how it changed since the last one sent.
 * Pure: the service gathers the inputs and stores the sequences; this decides the items,
 * their stable UIDs, what counts as a change (a fingerprint of what a calendar shows) and
 * the iTIP calendars to send (RFC 5546: REQUEST for new and changed, CANCEL for removed).
 */

export type Lang = 'ko' | 'en';
export type Bilingual = Record<Lang, string>;

export interface ItineraryInput {
  attendee: { id: string; name: string; email: string };
  edition: { name: Bilingual; venue: Bilingual };
  /** The chosen days with their opening hours (Seoul wall-clock, HH:MM). */
  days: Array<{ date: string; opensAt: string; closesAt: string }>;
  sessions: Array<{ id: string; title: Bilingual; room: Bilingual; startsAt: Date; endsAt: Date }>;
  meetings: Array<{ uid: string; startsAt: Date; endsAt: Date; table: string; counterpart: string }>;
  booths: Array<{ company: string; hall: Bilingual; boothCodes: string[]; categories: string[] }>;
  /** Who sends the invitations (iTIP needs an ORGANIZER). */
  organizer: { email: string; name: string };
}

export type ItemKind = 'exhibition' | 'session' | 'meeting';

export interface ItineraryItem {
  uid: string;
  kind: ItemKind;
  startsAt: Date;
  endsAt: Date;
  title: Bilingual;
  location: Bilingual;
  details: Bilingual;
  /** Changes when anything a calendar shows changes: the trigger for SEQUENCE + 1. */
  fingerprint: string;
}

/** What was last sent for one UID. */
export interface SentItem {
  uid: string;
  sequence: number;
  fingerprint: string;
  cancelled: boolean;
}

export interface ItineraryChange {
  item: ItineraryItem;
  sequence: number;
  method: 'REQUEST';
}

export interface ItineraryCancel {
  uid: string;
  sequence: number;
  method: 'CANCEL';
  /** The item as it was, for the cancellation's summary and times. */
  last: Pick<ItineraryItem, 'title' | 'startsAt' | 'endsAt' | 'location'> | null;
}

export interface ItineraryDiff {
  changed: ItineraryChange[];
  cancelled: ItineraryCancel[];
  /** Every item that stays, with its (possibly new) sequence. */
  sequences: Map<string, number>;
}

const DOMAIN = 'fairgate';
const seoul = (date: string, time: string): Date => new Date(`${date}T${time}:00+09:00`);

export const exhibitionUid = (attendeeId: string, date: string): string => `itinerary-${attendeeId}-day-${date}@${DOMAIN}`;
export const sessionUid = (attendeeId: string, sessionId: string): string => `itinerary-${attendeeId}-session-${sessionId}@${DOMAIN}`;

export function buildItinerary(input: ItineraryInput): ItineraryItem[] {
  const visits = input.booths.map((b) => ({
    ko: `${b.company} — ${b.hall.ko} ${b.boothCodes.join(', ')}`,
    en: `${b.company} — ${b.hall.en} ${b.boothCodes.join(', ')}`,
  }));
  const items: ItineraryItem[] = [
    ...input.days.map((day) => item({
      uid: exhibitionUid(input.attendee.id, day.date),
      kind: 'exhibition',
      startsAt: seoul(day.date, day.opensAt),
      endsAt: seoul(day.date, day.closesAt),
      title: { ko: `${input.edition.name.ko} 전시 관람`, en: `${input.edition.name.en}: exhibition` },
      location: input.edition.venue,
      details: {
        ko: visits.length ? `방문할 부스:\n${visits.map((v) => `· ${v.ko}`).join('\n')}` : '',
        en: visits.length ? `Booths to visit:\n${visits.map((v) => `· ${v.en}`).join('\n')}` : '',
      },
    })),
    ...input.sessions.map((s) => item({
      uid: sessionUid(input.attendee.id, s.id),
      kind: 'session',
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      title: s.title,
      location: { ko: `${input.edition.venue.ko} ${s.room.ko}`, en: `${input.edition.venue.en}, ${s.room.en}` },
      details: { ko: '학술 세션', en: 'Conference session' },
    })),
    ...input.meetings.map((m) => item({
      uid: m.uid,
      kind: 'meeting',
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      title: { ko: `수출상담회: ${m.counterpart}`, en: `Export meeting: ${m.counterpart}` },
      location: { ko: `${input.edition.venue.ko} ${m.table}`, en: `${input.edition.venue.en}, ${m.table}` },
      details: { ko: `상담 테이블 ${m.table}`, en: `Table ${m.table}` },
    })),
  ];
  return items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.uid.localeCompare(b.uid));
}

function item(fields: Omit<ItineraryItem, 'fingerprint'>): ItineraryItem {
  const fingerprint = JSON.stringify([fields.startsAt.toISOString(), fields.endsAt.toISOString(), fields.title, fields.location, fields.details]);
  return { ...fields, fingerprint };
}

/**
 * New items start at SEQUENCE 0; a changed fingerprint or a revived cancelled item goes up by
 * one; an item sent before and now gone is cancelled with SEQUENCE + 1 (RFC 5546 §3.2.5).
 */
export function diffItinerary(sent: SentItem[], current: ItineraryItem[], previous: Map<string, ItineraryCancel['last']> = new Map()): ItineraryDiff {
  const before = new Map(sent.map((s) => [s.uid, s]));
  const changed: ItineraryChange[] = [];
  const sequences = new Map<string, number>();
  for (const it of current) {
    const last = before.get(it.uid);
    const sequence = !last ? 0 : last.cancelled || last.fingerprint !== it.fingerprint ? last.sequence + 1 : last.sequence;
    sequences.set(it.uid, sequence);
    if (!last || last.cancelled || last.fingerprint !== it.fingerprint) changed.push({ item: it, sequence, method: 'REQUEST' });
  }
  const present = new Set(current.map((i) => i.uid));
  const cancelled = sent
    .filter((s) => !s.cancelled && !present.has(s.uid))
    .map((s) => ({ uid: s.uid, sequence: s.sequence + 1, method: 'CANCEL' as const, last: previous.get(s.uid) ?? null }));
  return { changed, cancelled, sequences };
}

/** One iTIP calendar per changed or cancelled item: a calendar app applies each on its own. */
export function itineraryInvitations(
  input: Pick<ItineraryInput, 'attendee' | 'organizer'>, diff: ItineraryDiff, lang: Lang, now = new Date(),
): Array<{ uid: string; method: CalendarMethod; ics: string }> {
  const people = {
    organizer: input.organizer,
    attendees: [{ email: input.attendee.email, name: input.attendee.name, role: 'REQ-PARTICIPANT' as const, partstat: 'ACCEPTED' as const, rsvp: false }],
  };
  const requests = diff.changed.map((c) => ({
    uid: c.item.uid,
    method: 'REQUEST' as const,
    ics: renderCalendar({ method: 'REQUEST', timezone: DEFAULT_TIME_ZONE, events: [{ ...toEvent(c.item, c.sequence, lang), status: 'CONFIRMED', ...people }] }, now),
  }));
  const cancels = diff.cancelled.map((c) => ({
    uid: c.uid,
    method: 'CANCEL' as const,
    ics: renderCalendar({
      method: 'CANCEL', timezone: DEFAULT_TIME_ZONE,
      events: [{
        uid: c.uid, sequence: c.sequence, status: 'CANCELLED', ...people,
        start: c.last?.startsAt ?? now, end: c.last?.endsAt ?? now,
        summary: c.last ? c.last.title[lang] : lang === 'ko' ? '취소된 일정' : 'Cancelled',
      }],
    }, now),
  }));
  return [...requests, ...cancels];
}

/** The whole plan as a plain calendar file to download (PUBLISH: no attendees, RFC 5546 §3.2.1). */
export function itineraryCalendar(items: ItineraryItem[], sequences: Map<string, number>, lang: Lang, name: string, now = new Date()): string {
  return renderCalendar({
    method: 'PUBLISH', name, timezone: DEFAULT_TIME_ZONE,
    events: items.map((i) => ({ ...toEvent(i, sequences.get(i.uid) ?? 0, lang), status: 'CONFIRMED' as const })),
  }, now);
}

function toEvent(i: ItineraryItem, sequence: number, lang: Lang): Omit<CalendarEvent, 'status'> {
  return {
    uid: i.uid, sequence, start: i.startsAt, end: i.endsAt, summary: i.title[lang], location: i.location[lang],
    ...(i.details[lang] ? { description: i.details[lang] } : {}),
  };
}
