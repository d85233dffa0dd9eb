import { timeToMinutes, toLocal } from '../../../core/time/zoned-time';

export interface OpeningHours {
  opensAt: string;
  closesAt: string;
  timezone: string;
}

export interface Interval {
  from: Date;
  until: Date;
}

export const MAX_SETUP_MINUTES = 7 * 24 * 60;
export const MAX_BOOKING_DAYS = 62;

/** Setup and teardown count as occupied. */
export function occupiedInterval(startsAt: Date, endsAt: Date, setupMinutes: number, teardownMinutes: number): Interval {
  return { from: new Date(startsAt.getTime() - setupMinutes * 60000), until: new Date(endsAt.getTime() + teardownMinutes * 60000) };
}

/**
 * Why a booking's times are unacceptable, per field, or an empty list. The occupied range must
 * start and end inside the venue's daily opening hours (a multi-day booking may span nights).
 */
export function timeProblems(
  b: { startsAt: Date; endsAt: Date; setupMinutes: number; teardownMinutes: number },
  hours: OpeningHours,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if (b.endsAt.getTime() <= b.startsAt.getTime()) {
    problems.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
    return problems;
  }
  if (b.endsAt.getTime() - b.startsAt.getTime() > MAX_BOOKING_DAYS * 86400_000) {
    problems.push({ field: 'endsAt', message: `a booking lasts at most ${MAX_BOOKING_DAYS} days` });
  }
  const occupied = occupiedInterval(b.startsAt, b.endsAt, b.setupMinutes, b.teardownMinutes);
  const opens = timeToMinutes(hours.opensAt);
  const closes = timeToMinutes(hours.closesAt);
  const from = toLocal(occupied.from, hours.timezone);
  const until = toLocal(occupied.until, hours.timezone);
  const window = `${hours.opensAt.slice(0, 5)}–${hours.closesAt.slice(0, 5)} (${hours.timezone})`;
  if (from.minutes < opens || from.minutes > closes) {
    problems.push({
      field: b.setupMinutes > 0 ? 'setupMinutes' : 'startsAt',
      message: `the booking${b.setupMinutes > 0 ? ' with its setup' : ''} would start outside the venue's opening hours ${window}`,
    });
  }
  // An occupied end at local midnight belongs to the day before, which closes before 24:00.
  const untilMinutes = until.minutes === 0 ? 24 * 60 : until.minutes;
  if (untilMinutes > closes || untilMinutes < opens) {
    problems.push({
      field: b.teardownMinutes > 0 ? 'teardownMinutes' : 'endsAt',
      message: `the booking${b.teardownMinutes > 0 ? ' with its teardown' : ''} would end outside the venue's opening hours ${window}`,
    });
  }
  return problems;
}

/** [window.from, window.until) minus the busy intervals: the free windows, in order. */
export function freeWindows(window: Interval, busy: Interval[]): Interval[] {
  const sorted = busy
    .filter((b) => b.until > window.from && b.from < window.until)
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  const free: Interval[] = [];
  let cursor = window.from;
  for (const b of sorted) {
    if (b.from > cursor) free.push({ from: cursor, until: b.from });
    if (b.until > cursor) cursor = b.until;
  }
  if (cursor < window.until) free.push({ from: cursor, until: window.until });
  return free;
}

/** Half-open intervals overlap when each starts before the other ends. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.from < b.until && b.from < a.until;
}
