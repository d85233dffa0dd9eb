import { timeToMinutes } from '../../../core/time/zoned-time';

export interface BreakWindow {
  start: string;
  end: string;
}

export interface SlotDefinition {
  /** Stable id, e.g. D2027-04-28-1000 (used by the meeting scheduler's interchange format). */
  id: string;
  start: string;
  end: string;
}

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The slot grid of one export-meeting session day: back-to-back slots of slotMinutes from
 * start to end, skipping any slot that touches a break. Times are local (HH:MM) on `day`.
 */
export function meetingSlots(day: string, start: string, end: string, slotMinutes: number, breaks: BreakWindow[]): SlotDefinition[] {
  const from = timeToMinutes(start);
  const until = timeToMinutes(end);
  const pauses = breaks.map((b) => [timeToMinutes(b.start), timeToMinutes(b.end)] as const);
  const slots: SlotDefinition[] = [];
  for (let t = from; t + slotMinutes <= until; ) {
    const clash = pauses.find(([s, e]) => t < e && s < t + slotMinutes);
    if (clash) {
      t = Math.max(t + 1, clash[1]);
      continue;
    }
    slots.push({ id: `D${day}-${hhmm(t).replace(':', '')}`, start: `${day}T${hhmm(t)}:00+09:00`, end: `${day}T${hhmm(t + slotMinutes)}:00+09:00` });
    t += slotMinutes;
  }
  return slots;
}

/** Why a session's times do not make sense, or undefined. */
export function meetingSessionProblem(start: string, end: string, slotMinutes: number, breaks: BreakWindow[]): { field: string; message: string } | undefined {
  if (timeToMinutes(end) - timeToMinutes(start) < slotMinutes) return { field: 'endsAt', message: 'the session must last at least one slot' };
  for (const [i, b] of breaks.entries()) {
    if (timeToMinutes(b.end) <= timeToMinutes(b.start)) return { field: `breaks.${i}.end`, message: 'a break must end after it starts' };
    if (timeToMinutes(b.start) < timeToMinutes(start) || timeToMinutes(b.end) > timeToMinutes(end)) {
      return { field: `breaks.${i}`, message: 'a break must lie inside the session' };
    }
  }
  return undefined;
}
