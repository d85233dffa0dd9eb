/**
 * The entrance check-in's rules, pure: what a scanned or typed badge code means on a fair day,
 * and the counts of who came in (per day, per hour, by kind, by country).
 */

/** A badge as printed: `FG-XXXX-XXXX` (letters and digits). */
const BADGE = /^FG-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/**
 * A typed or scanned code as stored: upper case, spaces dropped, the dashes put back when someone
 * typed `fg7kq2m9xd`; null when it cannot be a badge code.
 */
export function normalizeBadgeCode(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const compact = input.toUpperCase().replace(/[\s\u00a0-]/g, '');
  if (!/^FG[0-9A-Z]{8}$/.test(compact)) return null;
  const code = `FG-${compact.slice(2, 6)}-${compact.slice(6)}`;
  return BADGE.test(code) ? code : null;
}

/** A registration holding the badge code (badge codes are unique per edition, not across editions). */
export interface BadgeHolder {
  id: string;
  editionId: string;
  days: readonly string[];
}

export type CheckInRefusal =
  /** No registration has this code. */
  | 'unknown'
  /** The code belongs to another edition's registration. */
  | 'otherEdition'
  /** The day asked for is not a day of this edition. */
  | 'notFairDay'
  /** The visitor registered for other days of the edition. */
  | 'wrongDay';

export type CheckInDecision<H extends BadgeHolder = BadgeHolder> =
  | { kind: 'refused'; reason: CheckInRefusal; holder?: H }
  | { kind: 'already'; holder: H; at: Date }
  | { kind: 'admit'; holder: H };

/**
 * What a badge means at this edition's entrance on `day`: refused (with the reason), already in
 * (with the time of the first check-in) or to be admitted. `existing` is the check-in of the
 * holder on that day, if any. The database's unique key decides between two admits racing.
 */
export function decideCheckIn<H extends BadgeHolder>(input: {
  editionId: string;
  editionDays: readonly string[];
  day: string;
  holders: readonly H[];
  existing?: { checkedInAt: Date } | null;
}): CheckInDecision<H> {
  const holder = input.holders.find((h) => h.editionId === input.editionId);
  if (!holder) return { kind: 'refused', reason: input.holders.length > 0 ? 'otherEdition' : 'unknown' };
  if (!input.editionDays.includes(input.day)) return { kind: 'refused', reason: 'notFairDay', holder };
  if (input.existing) return { kind: 'already', holder, at: input.existing.checkedInAt };
  if (!holder.days.includes(input.day)) return { kind: 'refused', reason: 'wrongDay', holder };
  return { kind: 'admit', holder };
}

/** Check-ins of an edition grouped by day, hour at the venue (0–23), kind and country. */
export interface CheckInCountRow {
  day: string;
  hour: number;
  kind: string;
  country: string;
  count: number;
}

export interface CheckInCounts {
  total: number;
  perDay: Array<{ day: string; count: number }>;
  /** Per day, the hours with check-ins, ascending. */
  perHour: Array<{ day: string; hour: number; count: number }>;
  byKind: Array<{ kind: string; count: number }>;
  /** Most first, then by code. */
  byCountry: Array<{ country: string; count: number }>;
}

function tally<K>(rows: readonly CheckInCountRow[], key: (r: CheckInCountRow) => K, keyOf: (k: K) => string): Map<string, { key: K; count: number }> {
  const out = new Map<string, { key: K; count: number }>();
  for (const r of rows) {
    const k = key(r);
    const id = keyOf(k);
    const entry = out.get(id) ?? { key: k, count: 0 };
    entry.count += r.count;
    out.set(id, entry);
  }
  return out;
}

/**
 * The counts the dashboard, the check-in page and the CSV show, from the grouped rows. Every day of
 * the edition is listed (0 when nobody came), days with check-ins outside it too.
 */
export function aggregateCheckIns(rows: readonly CheckInCountRow[], editionDays: readonly string[] = []): CheckInCounts {
  const days = tally(rows, (r) => r.day, (d) => d);
  const allDays = [...new Set([...editionDays, ...days.keys()])].sort();
  const hours = tally(rows, (r) => ({ day: r.day, hour: r.hour }), (k) => `${k.day} ${String(k.hour).padStart(2, '0')}`);
  const kinds = tally(rows, (r) => r.kind, (k) => k);
  const countries = tally(rows, (r) => r.country, (c) => c);
  return {
    total: rows.reduce((sum, r) => sum + r.count, 0),
    perDay: allDays.map((day) => ({ day, count: days.get(day)?.count ?? 0 })),
    perHour: [...hours.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, v]) => ({ day: v.key.day, hour: v.key.hour, count: v.count })),
    byKind: [...kinds.values()].map((v) => ({ kind: v.key, count: v.count })).sort((a, b) => a.kind.localeCompare(b.kind)),
    byCountry: [...countries.values()].map((v) => ({ country: v.key, count: v.count })).sort((a, b) => b.count - a.count || a.country.localeCompare(b.country)),
  };
}

/**
 * The counts as CSV rows (breakdown, day, key, check_ins): the check-ins of each day, then per hour,
 * kind and country within each day — the figures the dashboard shows, for a spreadsheet.
 */
export function checkInCsvRows(rows: readonly CheckInCountRow[], editionDays: readonly string[] = []): string[][] {
  const counts = aggregateCheckIns(rows, editionDays);
  const out: string[][] = [];
  for (const { day, count } of counts.perDay) {
    out.push(['day', day, '', String(count)]);
    const ofDay = rows.filter((r) => r.day === day);
    const c = aggregateCheckIns(ofDay);
    for (const h of c.perHour) out.push(['hour', day, String(h.hour).padStart(2, '0'), String(h.count)]);
    for (const k of c.byKind) out.push(['kind', day, k.kind, String(k.count)]);
    for (const k of c.byCountry) out.push(['country', day, k.country, String(k.count)]);
  }
  return out;
}
