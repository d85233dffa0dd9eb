import type { Instance, Meeting as EngineMeeting } from '../scheduler/types';
import { PRIORITY_WEIGHT, type Priority } from '../entities/meeting-request.entity';

/** What the platform knows, in the shape the pure scheduling engine reads (b2b-schedule/1). */
export interface ScheduleInputs {
  name: string;
  slots: Array<{ id: string; start: string; end: string }>;
  tables: string[];
  interpreters: Array<{ id: string; languages: string[]; unavailableSlots: string[] }>;
  participants: Array<{ id: string; side: 'buyer' | 'exhibitor'; languages: string[]; unavailableSlots: string[]; tableCode: string | null; maxMeetings: number | null }>;
  /** Accepted requests only. */
  requests: Array<{ id: string; buyerId: string; exhibitorId: string; priority: Priority; language: string | null }>;
  /** Requests an organizer locked to a slot and table: kept exactly. */
  locked: Array<{ requestId: string; slotId: string; tableCode: string }>;
  /** Meetings already sent to participants: kept in place unless the organizer allows moves. */
  published: Array<{ requestId: string; slotId: string; tableCode: string; interpreterId: string | null }>;
}

/**
 * The engine's instance. A lock whose slot or table no longer exists (the programme or the tables
 * changed after it was set) cannot even be stated to the engine: its request is left out and
 * listed in `staleLocks` with the reason, so a run reports it instead of failing.
 */
export function buildInstance(inputs: ScheduleInputs): { instance: Instance; published: EngineMeeting[]; staleLocks: Array<{ request: string; reason: string }> } {
  const slotIds = new Set(inputs.slots.map((s) => s.id));
  const tableIds = new Set(inputs.tables);
  const staleLocks: Array<{ request: string; reason: string }> = [];
  for (const l of inputs.locked) {
    const missing = !slotIds.has(l.slotId) ? `slot ${l.slotId} is no longer a meeting slot` : !tableIds.has(l.tableCode) ? `table ${l.tableCode} no longer exists` : null;
    if (missing) staleLocks.push({ request: l.requestId, reason: `locked at ${l.slotId} / ${l.tableCode}, but ${missing}` });
  }
  const stale = new Set(staleLocks.map((l) => l.request));
  const locked = new Map(inputs.locked.filter((m) => !stale.has(m.requestId)).map((m) => [m.requestId, m]));
  const instance: Instance = {
    format: 'b2b-schedule/1',
    name: inputs.name,
    slots: inputs.slots,
    tables: inputs.tables.map((id) => ({ id })),
    interpreters: inputs.interpreters.map((i) => ({ id: i.id, languages: i.languages, unavailable: i.unavailableSlots.filter((s) => slotIds.has(s)) })),
    participants: inputs.participants.map((p) => ({
      id: p.id,
      side: p.side,
      languages: p.languages,
      unavailable: p.unavailableSlots.filter((s) => slotIds.has(s)),
      ...(p.tableCode ? { table: p.tableCode } : {}),
      ...(p.maxMeetings ? { maxMeetings: p.maxMeetings } : {}),
    })),
    requests: inputs.requests.filter((r) => !stale.has(r.id)).map((r) => {
      const fixed = locked.get(r.id);
      return {
        id: r.id,
        buyer: r.buyerId,
        exhibitor: r.exhibitorId,
        weight: PRIORITY_WEIGHT[r.priority],
        language: r.language,
        ...(fixed ? { fixed: { slot: fixed.slotId, table: fixed.tableCode } } : {}),
      };
    }),
  };
  const published = inputs.published
    .filter((m) => !locked.has(m.requestId) && !stale.has(m.requestId))
    .map((m) => ({ request: m.requestId, slot: m.slotId, table: m.tableCode, ...(m.interpreterId ? { interpreter: m.interpreterId } : {}) }));
  return { instance, published, staleLocks };
}

/** The language an interpreter must cover, or null when buyer and exhibitor share one. */
export function interpreterLanguage(buyerLanguages: string[], exhibitorLanguages: string[]): string | null {
  if (buyerLanguages.some((l) => exhibitorLanguages.includes(l))) return null;
  return buyerLanguages.find((l) => l !== 'ko') ?? buyerLanguages[0] ?? null;
}
