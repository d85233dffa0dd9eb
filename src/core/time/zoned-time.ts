/**
 * Wall-clock time in a zone. Times are stored as instants (timestamptz) and shown in the venue's
 * zone (by default Asia/Seoul: +09:00 all year since 1988, but nothing here assumes that).
 */

/** The zone of a venue that names none, and of the pages and emails that do not yet read the venue's. */
export const DEFAULT_TIME_ZONE = 'Asia/Seoul';
export type DefaultTimeZone = typeof DEFAULT_TIME_ZONE;

// Building an Intl.DateTimeFormat costs ~40 µs; formatting with a kept one ~3 µs.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

// Offsets change only on quarter-hour boundaries, and on very few days: one lookup serves a whole UTC
// day when the offset is the same at its start, middle and end (a formatToParts costs ~10 µs; a venue
// hold formats several instants), otherwise one per quarter hour of that day.
const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
/** Per zone and UTC day: the offset all day long, or null on a day it changes. */
const dayOffsets = new Map<string, number | null>();
const offsets = new Map<string, number>();

/** Minutes east of UTC of `zone` at `instant`. */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const day = Math.floor(instant.getTime() / DAY_MS);
  const dayKey = `${zone}|${day}`;
  let allDay = dayOffsets.get(dayKey);
  if (allDay === undefined) {
    if (dayOffsets.size > 50_000) dayOffsets.clear();
    const start = day * DAY_MS;
    const offset = computeOffsetMinutes(new Date(start), zone);
    const same = computeOffsetMinutes(new Date(start + DAY_MS / 2), zone) === offset && computeOffsetMinutes(new Date(start + DAY_MS - 1000), zone) === offset;
    allDay = same ? offset : null;
    dayOffsets.set(dayKey, allDay);
  }
  if (allDay !== null) return allDay;
  const key = `${zone}|${Math.floor(instant.getTime() / QUARTER_HOUR_MS)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  if (offsets.size > 50_000) offsets.clear();
  const offset = computeOffsetMinutes(instant, zone);
  offsets.set(key, offset);
  return offset;
}

function computeOffsetMinutes(instant: Date, zone: string): number {
  const parts = formatterFor(zone).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** The instant of local `date` (YYYY-MM-DD) at local `time` (HH:MM[:SS]) in `zone`. */
export function localToInstant(date: string, time: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm, ss] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm, ss || 0);
  const offset = zoneOffsetMinutes(new Date(guess), zone);
  const instant = guess - offset * 60000;
  // Correct once when the offset differs on the other side of a transition.
  const offset2 = zoneOffsetMinutes(new Date(instant), zone);
  return new Date(offset2 === offset ? instant : guess - offset2 * 60000);
}

/** Local calendar date and minutes after midnight of an instant. */
export function toLocal(instant: Date, zone: string): { date: string; minutes: number } {
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(instant, zone) * 60000);
  return { date: shifted.toISOString().slice(0, 10), minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() };
}

/** ISO 8601 with the zone's offset, e.g. 2027-04-28T10:00:00+09:00 — how the API shows times. */
export function formatLocal(instant: Date, zone: string): string {
  const offset = zoneOffsetMinutes(instant, zone);
  const shifted = new Date(instant.getTime() + offset * 60000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function timeToMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** The local dates from `from` to `to` inclusive (YYYY-MM-DD). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
