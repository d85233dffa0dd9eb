import type { BoothKind } from './fees';

export interface FreeBooth {
  id: string;
  code: string;
  hallId: string;
  row: string;
  /** Consecutive positions in one row of one hall are adjacent and can be joined. */
  position: number;
  units: number;
  kind: BoothKind;
}

export interface BoothRequest {
  applicationId: string;
  unitsNeeded: number;
  preferredHallId: string | null;
  preferredKind: BoothKind | null;
  /** Approval or submission time: earlier goes first. */
  queuedAt: Date;
}

export interface BoothAllocation {
  applicationId: string;
  /** In row order; boothCodes matches boothIds index for index. */
  boothIds: string[];
  boothCodes: string[];
  hallId: string;
}

export interface Unallocated {
  applicationId: string;
  reason: string;
}

/** A set of free booths that could serve one request: one booth, or adjacent booths in one row. */
interface Candidate {
  booths: FreeBooth[];
  /** Lexicographic, lower is better (see allocateBooths). */
  score: number[];
}

/**
 * Assigns booths first come, first served: each request gets booths whose units add up exactly to
 * unitsNeeded, in one hall — one booth of that size or adjacent booths in one row. Among the
 * candidates it prefers, in order: the preferred hall; one containing the preferred kind; the
 * fewest islands and corners beyond the one asked for (they cost extra and others want them); the
 * fewest booths; the lowest hall, row and position. Preferences never leave a request without
 * booths. Input order does not matter: the result is the same for the same requests and booths.
 */
export function allocateBooths(requests: BoothRequest[], free: FreeBooth[]): { allocations: BoothAllocation[]; unallocated: Unallocated[] } {
  const rows = groupIntoRows(free);
  const taken = new Set<string>();
  const seen = new Set<string>();
  const allocations: BoothAllocation[] = [];
  const unallocated: Unallocated[] = [];

  const queue = [...requests].sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || compareStrings(a.applicationId, b.applicationId));
  for (const request of queue) {
    const { applicationId, unitsNeeded } = request;
    if (seen.has(applicationId)) {
      unallocated.push({ applicationId, reason: 'the application was queued twice; booths went to its first request' });
      continue;
    }
    seen.add(applicationId);
    if (!Number.isSafeInteger(unitsNeeded) || unitsNeeded < 1) {
      unallocated.push({ applicationId, reason: `units needed must be a whole number from 1, got ${unitsNeeded}` });
      continue;
    }
    let best: Candidate | undefined;
    for (const row of rows) {
      for (const booths of windowsOf(row, unitsNeeded, taken)) {
        const candidate: Candidate = { booths, score: score(request, booths) };
        if (best === undefined || compareScores(candidate.score, best.score) < 0) best = candidate;
      }
    }
    if (best === undefined) {
      unallocated.push({ applicationId, reason: `no booth or contiguous run of ${unitsNeeded} unit${unitsNeeded === 1 ? '' : 's'} left in any hall` });
      continue;
    }
    for (const b of best.booths) taken.add(b.id);
    allocations.push({ applicationId, boothIds: best.booths.map((b) => b.id), boothCodes: best.booths.map((b) => b.code), hallId: best.booths[0].hallId });
  }
  return { allocations, unallocated };
}

/** Rows sorted by hall, row and position; a booth listed twice counts once, unusable ones not at all. */
function groupIntoRows(free: FreeBooth[]): FreeBooth[][] {
  const byId = new Map<string, FreeBooth>();
  for (const b of free) if (!byId.has(b.id) && Number.isSafeInteger(b.units) && b.units > 0 && Number.isInteger(b.position)) byId.set(b.id, b);
  const sorted = [...byId.values()].sort(compareLocation);
  const rows: FreeBooth[][] = [];
  for (const b of sorted) {
    const last = rows.at(-1)?.[0];
    if (last !== undefined && last.hallId === b.hallId && last.row === b.row) rows[rows.length - 1].push(b);
    else rows.push([b]);
  }
  return rows;
}

/** Every run of adjacent untaken booths in the row whose units sum exactly to `units` (units are positive, so a sliding window finds them all). */
function* windowsOf(row: FreeBooth[], units: number, taken: ReadonlySet<string>): Generator<FreeBooth[]> {
  let start = 0;
  let sum = 0;
  for (let end = 0; end < row.length; end++) {
    const booth = row[end];
    const joinsPrevious = end > start && booth.position === row[end - 1].position + 1;
    if (taken.has(booth.id)) {
      start = end + 1;
      sum = 0;
      continue;
    }
    if (!joinsPrevious) {
      start = end;
      sum = 0;
    }
    sum += booth.units;
    while (sum > units) sum -= row[start++].units;
    if (sum === units) yield row.slice(start, end + 1);
  }
}

function score(request: BoothRequest, booths: FreeBooth[]): number[] {
  const count = (kind: BoothKind): number => booths.filter((b) => b.kind === kind).length;
  const wanted = request.preferredKind;
  const first = booths[0];
  return [
    request.preferredHallId !== null && first.hallId !== request.preferredHallId ? 1 : 0,
    wanted !== null && count(wanted) === 0 ? 1 : 0,
    // Islands before corners: an island is the scarcer and dearer of the two.
    Math.max(0, count('island') - (wanted === 'island' ? 1 : 0)),
    Math.max(0, count('corner') - (wanted === 'corner' ? 1 : 0)),
    booths.length,
  ];
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/**
 * Candidates are produced in this order, so ties on score keep the lowest hall, row and position.
 * Shorter rows first so that row Z comes before AA and 9 before 10.
 */
function compareLocation(a: FreeBooth, b: FreeBooth): number {
  return compareStrings(a.hallId, b.hallId) || a.row.length - b.row.length || compareStrings(a.row, b.row) || a.position - b.position || compareStrings(a.id, b.id);
}

/** Code-unit order: unlike localeCompare, the same on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
