import { localToInstant, toLocal } from '../../../core/time/zoned-time';
import type { MeetingOutcome, MeetingStatus } from '../entities/meeting.entity';

/*
 * The fair day's decisions, pure: may a table host record an outcome now, may a participant still
 * cancel or ask to move a meeting, and the day's figures per table. No Nest, no TypeORM.
 */

/** What a table host taps: an outcome, or "cancelled" (the meeting is cancelled, as an organizer's cancel). */
export const DAY_CHOICES = ['held', 'no_show_buyer', 'no_show_exhibitor', 'no_show_both', 'cancelled'] as const;
export type DayChoice = (typeof DAY_CHOICES)[number];

export function isDayChoice(value: unknown): value is DayChoice {
  return typeof value === 'string' && (DAY_CHOICES as readonly string[]).includes(value);
}

/**
 * How long before its start a participant may still cancel a published meeting or ask to move it.
 * A constant, not a setting: 24 hours leaves the organizers a working day to fill the slot and to
 * reprint the table sheets.
 */
export const PARTICIPANT_CHANGE_CUTOFF_HOURS = 24;

export type RecordRefusal = 'not_published' | 'not_started' | 'day_over' | 'cancelled';
export type RecordDecision = { kind: 'write' } | { kind: 'same' } | { kind: 'refuse'; reason: RecordRefusal };

export interface DayMeeting {
  status: MeetingStatus;
  startsAt: Date;
  outcome: MeetingOutcome | null;
}

/** The end of the meeting's local day (midnight after it) in `zone`: outcomes may change until then. */
export function endOfMeetingDay(startsAt: Date, zone: string): Date {
  const { date } = toLocal(startsAt, zone);
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return localToInstant(next.toISOString().slice(0, 10), '00:00', zone);
}

/**
 * Whether recording `choice` for `m` at `now` writes, changes nothing (the same outcome again, or
 * cancelling a cancelled meeting), or is refused, and why: only a published meeting that has
 * started, until the end of its day; a cancelled meeting takes no outcome.
 */
export function decideRecord(m: DayMeeting, choice: DayChoice, now: Date, zone: string): RecordDecision {
  if (m.status === 'cancelled') return choice === 'cancelled' ? { kind: 'same' } : { kind: 'refuse', reason: 'cancelled' };
  if (m.status !== 'published') return { kind: 'refuse', reason: 'not_published' };
  if (now.getTime() < m.startsAt.getTime()) return { kind: 'refuse', reason: 'not_started' };
  if (now.getTime() >= endOfMeetingDay(m.startsAt, zone).getTime()) return { kind: 'refuse', reason: 'day_over' };
  if (choice !== 'cancelled' && choice === m.outcome) return { kind: 'same' };
  return { kind: 'write' };
}

export type ChangeRefusal = 'not_published' | 'cutoff';

/** The last instant a participant may cancel or ask to move a meeting starting at `startsAt`. */
export function participantChangeDeadline(startsAt: Date, cutoffHours: number = PARTICIPANT_CHANGE_CUTOFF_HOURS): Date {
  return new Date(startsAt.getTime() - cutoffHours * 3600_000);
}

/** A participant may cancel or ask to move a published meeting up to the cut-off before it starts. */
export function participantChangeRefusal(m: { status: MeetingStatus; startsAt: Date }, now: Date, cutoffHours: number = PARTICIPANT_CHANGE_CUTOFF_HOURS): ChangeRefusal | undefined {
  if (m.status !== 'published') return 'not_published';
  if (now.getTime() > participantChangeDeadline(m.startsAt, cutoffHours).getTime()) return 'cutoff';
  return undefined;
}

export interface TableDayCounts {
  table: string;
  held: number;
  noShow: number;
  cancelled: number;
  notRecorded: number;
}

/**
 * The day's overview, one row per table (every table, in the order given, also those without
 * meetings): held, no-show (any side), cancelled, and published meetings without an outcome.
 * Drafts are not counted: they are not on anyone's agenda.
 */
export function dayOverview(tables: string[], meetings: Array<{ table: string; status: MeetingStatus; outcome: MeetingOutcome | null }>): TableDayCounts[] {
  const rows = new Map(tables.map((table) => [table, { table, held: 0, noShow: 0, cancelled: 0, notRecorded: 0 }]));
  for (const m of meetings) {
    const row = rows.get(m.table);
    if (!row) continue;
    if (m.status === 'cancelled') row.cancelled += 1;
    else if (m.status !== 'published') continue;
    else if (m.outcome === 'held') row.held += 1;
    else if (m.outcome) row.noShow += 1;
    else row.notRecorded += 1;
  }
  return [...rows.values()];
}
