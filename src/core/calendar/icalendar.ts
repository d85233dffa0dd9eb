import type { DefaultTimeZone } from '../time/zoned-time';

/**
 * A small RFC 5545 writer: escaping, 75-octet line folding, CRLF, a VTIMEZONE for each zone
 * used. Kept here (not a library) so every calendar Fairgate sends follows the same rules:
 * one stable UID per item, SEQUENCE from the database, METHOD matching the MIME type.
 */
import { isMailAddress } from '../mail/email-address';

export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

export interface CalendarAddress {
  email: string;
  name?: string;
}

export interface CalendarAttendee extends CalendarAddress {
  role?: 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'NON-PARTICIPANT' | 'CHAIR';
  partstat?: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  rsvp?: boolean;
}

export interface CalendarEvent {
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  lastModified?: Date;
  /** iTIP (RFC 5546) REQUEST and CANCEL need both. */
  organizer?: CalendarAddress;
  attendees?: CalendarAttendee[];
}

export interface CalendarDocument {
  method: CalendarMethod;
  name?: string;
  timezone: DefaultTimeZone;
  events: CalendarEvent[];
}

/** Asia/Seoul has kept +09:00 without daylight saving since 1988: one STANDARD block. */
const VTIMEZONE_SEOUL = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Seoul',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:KST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT values: backslash escapes, and no control characters (RFC 5545 allows none but tab). */
export function escapeText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A quoted parameter value (CN="…"): no DQUOTE, CR or LF may appear inside it. */
function paramValue(value: string): string {
  return `"${value.replace(/[\u0000-\u001f\u007f"]/g, ' ').trim()}"`;
}

const SAFE_UID = /^[A-Za-z0-9._@-]{1,255}$/;

/** `mailto:` + the address: the shared check (validation uses it too) keeps ';', ',', '"' and spaces out. */
function calAddress(a: CalendarAddress): string {
  if (!isMailAddress(a.email)) throw new Error(`not a calendar address: ${JSON.stringify(a.email)}`);
  return `mailto:${a.email}`;
}

function utc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Local Seoul time for DTSTART;TZID=Asia/Seoul. */
function seoulLocal(date: Date): string {
  return utc(new Date(date.getTime() + 9 * 3600_000)).replace(/Z$/, '');
}

export function renderCalendar(doc: CalendarDocument, now: Date = new Date()): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Fairgate//KDJ Center fairs//EN', 'CALSCALE:GREGORIAN', `METHOD:${doc.method}`];
  if (doc.name) lines.push(`X-WR-CALNAME:${escapeText(doc.name)}`, `X-WR-TIMEZONE:${doc.timezone}`);
  lines.push(...VTIMEZONE_SEOUL);
  for (const e of doc.events) {
    if (!SAFE_UID.test(e.uid)) throw new Error(`unsafe UID: ${JSON.stringify(e.uid)}`);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTAMP:${utc(now)}`,
      `DTSTART;TZID=${doc.timezone}:${seoulLocal(e.start)}`,
      `DTEND;TZID=${doc.timezone}:${seoulLocal(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `STATUS:${e.status}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.lastModified) lines.push(`LAST-MODIFIED:${utc(e.lastModified)}`);
    if (e.organizer) lines.push(`ORGANIZER${e.organizer.name ? `;CN=${paramValue(e.organizer.name)}` : ''}:${calAddress(e.organizer)}`);
    for (const a of e.attendees ?? []) {
      const params = [
        a.name ? `CN=${paramValue(a.name)}` : undefined,
        `ROLE=${a.role ?? 'REQ-PARTICIPANT'}`,
        `PARTSTAT=${a.partstat ?? 'NEEDS-ACTION'}`,
        `RSVP=${a.rsvp ? 'TRUE' : 'FALSE'}`,
      ].filter(Boolean);
      lines.push(`ATTENDEE;${params.join(';')}:${calAddress(a)}`);
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
