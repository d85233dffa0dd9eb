/**
 * A small RFC 5545 writer: escaping, 75-octet line folding, CRLF, a VTIMEZONE for each zone
 * used. Kept here (not a library) so every calendar Fairgate sends follows the same rules:
 * one stable UID per item, SEQUENCE from the database, METHOD matching the MIME type.
 */
export type CalendarMethod = 'PUBLISH' | 'REQUEST' | 'CANCEL';

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
}

export interface CalendarDocument {
  method: CalendarMethod;
  name?: string;
  timezone: 'Asia/Seoul';
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

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
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
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
