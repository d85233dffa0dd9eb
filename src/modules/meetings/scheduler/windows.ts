/**
 * LP windows: where interpreters are scarce but the whole LP is too large to solve (1,000+ buyers:
 * 200,000+ request-slot columns), the LP of a window of consecutive slots is small enough. Every
 * meeting outside the window is held where it is; the meetings inside it and every open request
 * (restricted to the window's slots) are the LP's to choose. The LP solution (usually integral
 * where interpreters are scarce) replaces the window's meetings, the free room is filled, and the
 * change is kept only if the weight does not drop. Windows of the grid in turn, then windows
 * shifted by half a window, until the iteration budget (reproducible: iterations x nonzeros) is used.
 */
import type { Highs } from 'highs';
import { applyLp, solveLp } from './lp';
import type { Search } from './search';
import type { ScheduleState } from './state';

const EPS = 1e-9;

export interface WindowOptions {
  /** Largest window LP (request-slot columns). */
  maxColumns: number;
  /** Iterations x nonzeros for all windows together (the reproducible budget). */
  iterationWork: number;
  /** Fewest iterations worth starting a window LP with. */
  minIterations: number;
  /** Simplex iterations one window may use. */
  iterationLimit: number;
  /** Wall-clock deadline (ms since the epoch): a safety stop. */
  deadline: number;
  /** Strict fairness: whoever has a meeting keeps one. */
  fair: boolean;
  /** At most this many passes over the grid (default 2: the second one cuts it half a window later). */
  maxRounds?: number;
}

export interface WindowStats {
  /** window LPs solved to optimality */
  solved: number;
  /** of those, how many changed the schedule (kept: not lighter) */
  kept: number;
  /** weight gained by the windows */
  gained: number;
  iterations: number;
  /** true when the clock stopped a window LP (the run is then not reproducible) */
  stoppedByTime: boolean;
  seconds: number;
}

/** Request-slot columns a window LP would have if it started at each slot: open requests there, plus the meetings held there. */
function columnsPerSlot(st: ScheduleState): Int32Array {
  const m = st.m;
  const per = new Int32Array(m.S);
  for (let r = 0; r < m.R; r++) {
    if (st.pinned[r]) continue;
    const s = st.slotOf[r];
    if (s >= 0) {
      per[s]++;
      continue;
    }
    for (let k = m.reqSlotStart[r]; k < m.reqSlotStart[r + 1]; k++) per[m.reqSlots[k]]++;
  }
  return per;
}

/** Consecutive slot ranges [from, to) covering the grid from `offset` on, each within maxColumns (at least one slot). */
export function windowRanges(per: Int32Array, maxColumns: number, offset: number): Array<[number, number]> {
  const S = per.length;
  const out: Array<[number, number]> = [];
  let a = 0;
  // the first window of a shifted pass is the partial one before the offset
  if (offset > 0 && offset < S) {
    out.push([0, offset]);
    a = offset;
  }
  while (a < S) {
    let b = a;
    let cols = 0;
    while (b < S && (b === a || cols + per[b] <= maxColumns)) cols += per[b++];
    out.push([a, b]);
    a = b;
  }
  return out;
}

/**
 * Places open requests (in `order`) in slots [a, b) where they fit as things stand. Where a slot
 * has no interpreter left for a language, requests in that language are not even tried (the
 * interpreter check is the costly part of canPlace); the cache is reset after each placement there.
 */
function fillWindow(st: ScheduleState, order: readonly number[], a: number, b: number): void {
  const m = st.m;
  const S = m.S;
  // room[l]: 0 unknown, 1 room, 2 none (for the current slot)
  const room = new Uint8Array(Math.max(1, m.L));
  for (let s = a; s < b; s++) {
    room.fill(0);
    for (const r of order) {
      if (st.slotOf[r] >= 0 || !m.reqSlotOk[r * S + s]) continue;
      if (st.partAt[m.reqBuyer[r] * S + s] !== -1 || st.partAt[m.reqExh[r] * S + s] !== -1) continue;
      const l = m.reqLang[r];
      if (l >= 0 && st.pinInterp[r] < 0) {
        if (room[l] === 0) room[l] = st.interpreterRoom(s, l) ? 1 : 2;
        if (room[l] === 2) continue;
      }
      if (st.canPlace(r, s)) {
        st.place(r, s);
        room.fill(0);
      }
    }
  }
  st.commit();
}

export function improveByLpWindows(solver: Highs, st: ScheduleState, search: Search, opts: WindowOptions): WindowStats {
  const t0 = Date.now();
  const m = st.m;
  const stats: WindowStats = { solved: 0, kept: 0, gained: 0, iterations: 0, stoppedByTime: false, seconds: 0 };
  const pinnedBefore = Uint8Array.from(st.pinned);
  const mask = new Uint8Array(m.S);
  // one snapshot buffer for all windows (40k requests: 160 KB a window, otherwise garbage)
  const snapBuf = new Int32Array(m.R);
  // heaviest first, then by index: the order in which open requests fill a window's free room
  const order: number[] = [];
  for (let r = 0; r < m.R; r++) if (!pinnedBefore[r] && m.reqSlotStart[r + 1] > m.reqSlotStart[r]) order.push(r);
  order.sort((x, y) => m.reqWeight[y] - m.reqWeight[x] || x - y);
  let work = opts.iterationWork;
  const rounds = opts.maxRounds ?? 2;
  for (let round = 0; round < rounds && work > 0; round++) {
    const per = columnsPerSlot(st);
    const first = windowRanges(per, opts.maxColumns, 0);
    // shifted passes cut the grid half a window later, so a meeting can cross the former boundary
    const offset = round % 2 === 0 ? 0 : Math.max(1, Math.floor((first[0][1] - first[0][0]) / 2));
    const ranges = round === 0 ? first : windowRanges(per, opts.maxColumns, offset);
    let keptThisRound = 0;
    for (const [a, b] of ranges) {
      if (work <= 0 || st.weight >= search.target) break;
      const remaining = (opts.deadline - Date.now()) / 1000;
      if (remaining < 0.05) {
        stats.stoppedByTime = true;
        break;
      }
      mask.fill(0);
      for (let s = a; s < b; s++) mask[s] = 1;
      const before = st.weight;
      const served = st.served;
      const snap = st.snapshot(snapBuf);
      // hold every meeting outside the window where it is
      for (let r = 0; r < m.R; r++) if (!pinnedBefore[r] && st.slotOf[r] >= 0 && !mask[st.slotOf[r]]) st.pinned[r] = 1;
      const serve = opts.fair ? Uint8Array.from(st.count, (c) => (c > 0 ? 1 : 0)) : undefined;
      const lp = solveLp(solver, st, {
        timeLimitS: remaining,
        iterationLimit: opts.iterationLimit,
        iterationWork: work,
        minIterations: opts.minIterations,
        serve,
        slots: mask,
        presolve: false,
        // applied at once, before the next window's LP
        borrow: true,
      });
      if (lp.status === 'skipped') {
        st.pinned.set(pinnedBefore);
        // too few iterations left for this window: the budget is used
        work = 0;
        break;
      }
      work -= lp.iterations * Math.max(1, lp.nonzeros);
      stats.iterations += lp.iterations;
      if (lp.status === 'time') {
        st.pinned.set(pinnedBefore);
        stats.stoppedByTime = true;
        break;
      }
      if (lp.status !== 'optimal') {
        st.pinned.set(pinnedBefore);
        continue;
      }
      stats.solved++;
      // the window's meetings are replaced by the LP's choice (applyLp clears what is not pinned)
      applyLp(st, lp);
      st.pinned.set(pinnedBefore);
      // only the window changed: fill its free room
      fillWindow(st, order, a, b);
      const worse = st.weight < before - EPS || (opts.fair && st.served < served);
      if (worse) st.restore(snap);
      else if (st.weight > before + EPS) {
        stats.kept++;
        keptThisRound++;
        stats.gained += st.weight - before;
      }
      search.report('lp-window');
    }
    if (stats.stoppedByTime || keptThisRound === 0) break;
  }
  st.pinned.set(pinnedBefore);
  stats.seconds = (Date.now() - t0) / 1000;
  return stats;
}
