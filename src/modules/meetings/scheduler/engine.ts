/** The scheduling entry point: validate, place locked meetings, optimize, explain what is left out. */
import { simpleBound } from './bound';
import { InstanceError, parseInstance } from './instance';
import { compileModel, type Model } from './model';
import { buildDocument } from './output';
import { pinPlacement, placeFixed } from './pin';
import { Rng } from './rng';
import { Search } from './search';
import { ScheduleState } from './state';
import { FAIRNESS_MODES, type Meeting, type ReleasedMeeting, type ScheduleOptions, type ScheduleResult, type ScheduleStats } from './types';
import type { Highs } from 'highs';
import { applyLp, lpColumns, solveLp } from './lp';
import { improveByLpWindows, type WindowStats } from './windows';

/** Work units per request when no workLimit is given, and a cap that keeps 40,000 requests within seconds. */
export const DEFAULT_WORK_PER_REQUEST = 12_000;
export const DEFAULT_WORK_CAP = 120_000_000;

/** Where interpreters are scarce a work unit is cheaper (short augmenting paths, few fits) and more of them pay. */
const SCARCE_WORK_FACTOR = 3;

export function defaultWorkLimit(m: Model): number {
  const base = Math.max(200_000, Math.min(DEFAULT_WORK_CAP, m.R * DEFAULT_WORK_PER_REQUEST));
  return interpreterPressure(m) >= LP_MIN_PRESSURE ? base * SCARCE_WORK_FACTOR : base;
}

/** The time limit the CLI, the job and the console use unless told otherwise (a safety stop: the work budget ends a run first on a quiet machine). */
export const DEFAULT_TIME_LIMIT_MS = 5_000;

/** Largest LP (x columns) the engine solves; beyond it the search works alone (40k requests: ~1M columns). */
export const DEFAULT_LP_MAX_COLUMNS = 120_000;
/** Simplex iterations the LP may use (scarce interpreters: 2,000-11,000 on 200-400 buyers, 0.5-3 s). */
export const DEFAULT_LP_ITERATIONS = 20_000;
/**
 * Iterations x nonzeros the LP may use (about 2 s of simplex on a quiet machine), and the fewest
 * iterations worth starting with. Measured: scarce-interpreter editions of 200-300 buyers have
 * 240k-360k nonzeros and need 2,400-7,600 iterations; pooled tables make rows dense and the LP
 * slow (400 buyers, 550k nonzeros, 10,000+ iterations): there it is skipped.
 */
const LP_ITERATION_WORK = 3e9;
const LP_MIN_ITERATIONS = 6_000;

/** Share of the time left that the LP may take (a safety stop; the iteration limit is the real budget). */
const LP_TIME_SHARE = 0.6;

/**
 * Interpreter pressure: meetings that need an interpreter (requests with a language that could be
 * placed) per interpreter-slot available. Above LP_MIN_PRESSURE interpreters are the bottleneck:
 * there the LP is fast (a few thousand iterations) and its solution far better than the search's
 * (+5 % on `--interp 0.15`); elsewhere the search alone is within 0.1-0.3 % and the LP (degenerate,
 * 40,000+ iterations on 300 host buyers; dense pool rows) would only spend the time.
 */
export function interpreterPressure(m: Model): number {
  let demand = 0;
  for (let r = 0; r < m.R; r++) if (m.reqLang[r] >= 0 && m.reqFixedSlot[r] < 0 && m.reqSlotStart[r + 1] > m.reqSlotStart[r]) demand++;
  let supply = 0;
  for (let k = 0; k < m.I * m.S; k++) if (!m.interpUnavail[k]) supply++;
  return demand === 0 ? 0 : supply === 0 ? Infinity : demand / supply;
}
const LP_MIN_PRESSURE = 1.5;

/**
 * LP windows (windows.ts), where interpreters are scarce and the whole LP is too large: the largest
 * window LP, and the iterations x nonzeros all windows together may use.
 */
export const WINDOW_LP_MAX_COLUMNS = 20_000;
const WINDOW_LP_WORK = 3e9;
const WINDOW_LP_MIN_ITERATIONS = 500;
/**
 * Share of the time left that the LP windows may take (a safety stop): they gain far more per
 * second than the search's later rounds (s26: +276 in its first pass over the grid).
 */
const WINDOW_TIME_SHARE = 0.85;
/**
 * Share of the work budget for the search's first rounds before the LP step or the LP windows
 * (elsewhere 25 %): the LP rebuilds the schedule anyway, and under the 5 s limit the longer rounds
 * left the LP too little time (it ended by the clock: `--interp 0.2 --seed 22` at 97.5 %).
 */
const LP_IMPROVE_SHARE = 0.05;
/** Where the whole LP will run: the share of the time left one early pass of LP windows may take. */
const EARLY_WINDOW_TIME_SHARE = 0.4;

/** All weights integers: then the weight is optimal as soon as it reaches floor(bound). */
function allIntegral(m: Model): boolean {
  for (let r = 0; r < m.R; r++) if (!Number.isInteger(m.reqWeight[r])) return false;
  return true;
}

/** Share of the work budget for each pass of the fairness tie-breaker (fairness 'weight'). */
const TIE_BREAK_SHARE = 0.05;
/** The last fairness pass may run until this share of the time limit (the search stops at 85 %). */
const FINAL_PASS_TIME = 0.9;
/**
 * After the search, where the LP step did not run because interpreters are not scarce, a small LP
 * (up to this many columns, within the same iteration budget) may still prove the weight optimal,
 * or at least give the honest gap to the LP bound.
 */
const PROOF_LP_MAX_COLUMNS = 30_000;

/** Who could have had a meeting (a request with a possible slot, maximum above 0, or a meeting), and who of them has none. */
export function servedCounts(st: ScheduleState): { couldMeet: number; leftWithout: number } {
  const m = st.m;
  let couldMeet = 0;
  let leftWithout = 0;
  for (let p = 0; p < m.P; p++) {
    let could = st.count[p] > 0;
    if (!could && m.partMax[p] > 0) {
      for (let q = m.partReqStart[p]; q < m.partReqStart[p + 1] && !could; q++) {
        const r = m.partReqs[q];
        could = !st.pinned[r] && m.reqSlotStart[r + 1] > m.reqSlotStart[r];
      }
    }
    if (!could) continue;
    couldMeet++;
    if (st.count[p] === 0) leftWithout++;
  }
  return { couldMeet, leftWithout };
}

/**
 * The cheaper proof: when the search ended short of its bound and the LP step was skipped
 * (interpreters not scarce), solve the LP of a small instance after all. Its bound may equal the
 * weight (then the run is optimal) or give the honest gap. The schedule is not changed.
 */
function proveByLp(
  solver: Highs | undefined,
  st: ScheduleState,
  search: Search,
  lpInfo: ScheduleStats['lp'],
  deadline: number,
  fair: boolean,
  options: ScheduleOptions,
  targetOf: (b: number) => number,
): ScheduleStats['lp'] {
  if (!solver || st.weight >= search.target || search.stoppedByTime || search.lim.boundKind === 'LP') return lpInfo;
  if (lpInfo !== undefined && lpInfo.status !== 'skipped') return lpInfo;
  const columns = lpColumns(st);
  if (columns > Math.min(PROOF_LP_MAX_COLUMNS, options.lpMaxColumns ?? DEFAULT_LP_MAX_COLUMNS)) return lpInfo;
  const remaining = deadline === Infinity ? 3600 : (deadline - Date.now()) / 1000;
  if (remaining < 0.2) return lpInfo;
  const serve = fair ? Uint8Array.from(st.count, (c) => (c > 0 ? 1 : 0)) : undefined;
  const lp = solveLp(solver, st, {
    timeLimitS: remaining,
    iterationLimit: options.lpIterationLimit ?? DEFAULT_LP_ITERATIONS,
    serve,
    iterationWork: LP_ITERATION_WORK,
    minIterations: LP_MIN_ITERATIONS,
  });
  if (lp.status === 'optimal' && lp.bound < search.lim.bound) {
    search.lim.bound = lp.bound;
    search.lim.boundKind = 'LP';
    search.target = targetOf(lp.bound);
  }
  // a proof that ran out of time changes nothing: the search itself had finished its budget
  return { status: lp.status, columns: lp.columns, iterations: lp.iterations, seconds: lp.seconds };
}

interface PublishedPlan {
  r: number;
  s: number;
  t: number;
  i: number;
  meeting: Meeting;
}

function resolvePublished(m: Model, published: readonly Meeting[]): PublishedPlan[] {
  return published.map((mt, k) => {
    const where = `published[${k}]`;
    const r = m.reqIndex.get(mt.request);
    if (r === undefined) throw new InstanceError(`${where}: unknown request "${mt.request}"`);
    const s = m.slotIndex.get(mt.slot);
    if (s === undefined) throw new InstanceError(`${where} (${mt.request}): unknown slot "${mt.slot}"`);
    const t = m.tableIndex.get(mt.table);
    if (t === undefined) throw new InstanceError(`${where} (${mt.request}): unknown table "${mt.table}"`);
    let i = -1;
    if (mt.interpreter !== undefined) {
      const ii = m.interpIndex.get(mt.interpreter);
      if (ii === undefined) throw new InstanceError(`${where} (${mt.request}): unknown interpreter "${mt.interpreter}"`);
      i = ii;
    }
    return { r, s, t, i, meeting: mt };
  });
}

/**
 * Schedules an instance (a parsed b2b-schedule/1 document; it is validated here and an
 * InstanceError explains the first problem). Deterministic for a given input and options unless
 * `timeLimitMs` stops the search first (stats.stoppedByTime).
 */
export function schedule(input: unknown, options: ScheduleOptions = {}, solver?: Highs): ScheduleResult {
  // the time limit runs from the caller's start (CLI: the process start), else from now
  const t0 = options.startedAt ?? Date.now();
  const inst = parseInstance(input);
  const m = compileModel(inst);
  const st = new ScheduleState(m);
  const claims = new Set<number>();
  const brokenFixed = new Map<number, string>();
  placeFixed(st, claims, (msg, r) => {
    if (options.brokenFixed !== 'unschedule') throw new InstanceError(msg);
    // The entry names the request already, as `released` does: "fixed at S1, but …".
    brokenFixed.set(r, msg.replace(/^request \S+ is /, ''));
  });

  const keep = options.keepPlaced ?? true;
  const released: ReleasedMeeting[] = [];
  const moved: string[] = [];
  const plans = resolvePublished(m, options.published ?? []);
  // meetings that name their interpreter first, so the matching does not take it
  const ordered = [...plans.filter((p) => p.i >= 0), ...plans.filter((p) => p.i < 0)];
  for (const p of ordered) {
    if (m.reqFixedSlot[p.r] >= 0) continue;
    if (st.slotOf[p.r] >= 0) {
      released.push({ request: p.meeting.request, reason: 'published twice; the first placement is kept' });
      continue;
    }
    const t = keep ? p.t : -1;
    let why = pinPlacement(st, claims, p.r, p.s, t, keep ? p.i : -1, keep);
    if (why !== null && keep && p.i >= 0 && pinPlacement(st, claims, p.r, p.s, t, -1, keep) === null) {
      // the slot and table still work; only the interpreter has to change
      why = null;
      moved.push(p.meeting.request);
    }
    if (why !== null) released.push({ request: p.meeting.request, reason: `published at ${p.meeting.slot}, but ${why}` });
  }

  const bound = simpleBound(m);
  const workLimit = options.workLimit ?? defaultWorkLimit(m);
  // the search stops at 85 % of the time limit: the last fairness pass, filling and the result's reasons need the rest
  const deadline = options.timeLimitMs === undefined ? Infinity : t0 + options.timeLimitMs * 0.85;
  const rng = new Rng(options.seed ?? 1);
  const search = new Search(st, rng, { workLimit, deadline, bound, boundKind: 'simple', onProgress: options.onProgress });
  const integral = allIntegral(m);
  /** the weight that proves a schedule optimal under bound b */
  const targetOf = (b: number): number => (integral ? Math.floor(b + 1e-6) : b - 1e-9 * Math.max(1, b));
  search.target = targetOf(bound);
  const start = st.work;
  const budget = (share: number): number => start + Math.floor((workLimit - start) * share);
  search.kempeCap = 12;
  const fairness = options.fairness ?? 'weight';
  if (!FAIRNESS_MODES.includes(fairness)) throw new InstanceError(`fairness must be ${FAIRNESS_MODES.join(' or ')}, got ${String(fairness)}`);
  const fair = fairness === 'strict';
  search.fair = fair;
  search.preferServed = !fair;
  // the LP step will run: then the fairness pass before it may take the whole budget, since the
  // LP keeps a meeting for whoever that pass served (what it misses costs weight later, unbounded)
  const lpPlanned =
    solver !== undefined &&
    interpreterPressure(m) >= (options.lpMinPressure ?? LP_MIN_PRESSURE) &&
    lpColumns(st) <= (options.lpMaxColumns ?? DEFAULT_LP_MAX_COLUMNS);
  // too large for the LP step, but interpreters are scarce: LP windows instead (they improve the
  // schedule far more than the first rounds of the search, so those are short)
  const windowsPlanned =
    solver !== undefined &&
    !lpPlanned &&
    (options.lpWindows ?? true) &&
    interpreterPressure(m) >= (options.lpMinPressure ?? LP_MIN_PRESSURE);
  search.construct();
  search.fairness(false, lpPlanned ? 1 : undefined);
  // budget shares and depths tuned on the shared examples (see docs/benchmarks.md)
  search.improve(budget(windowsPlanned || lpPlanned ? LP_IMPROVE_SHARE : 0.25), 2, 0.3);
  search.fairness();

  let lpInfo: ScheduleStats['lp'];
  if (solver && st.weight < search.target && !search.stoppedByTime) {
    const columns = lpColumns(st);
    /** LP windows with `timeShare` of the time left as their own deadline. */
    const windowPass = (timeShare: number, maxRounds?: number): WindowStats => {
      search.report('lp-window');
      const seconds = deadline === Infinity ? 3600 : Math.max(0.05, ((deadline - Date.now()) / 1000) * timeShare);
      return improveByLpWindows(solver, st, search, {
        maxColumns: options.lpWindowColumns ?? WINDOW_LP_MAX_COLUMNS,
        iterationWork: WINDOW_LP_WORK,
        minIterations: WINDOW_LP_MIN_ITERATIONS,
        iterationLimit: options.lpIterationLimit ?? DEFAULT_LP_ITERATIONS,
        deadline: Date.now() + seconds * 1000,
        fair,
        maxRounds,
      });
    };
    if (windowsPlanned) {
      // too large for one LP: LPs of windows of the grid, each around the rest of the schedule
      const w = windowPass(WINDOW_TIME_SHARE);
      // the windows' share of the time ending is not the run's end: the search rounds get the rest
      if (w.stoppedByTime && Date.now() >= deadline) search.stoppedByTime = true;
      lpInfo = { status: 'windows', columns, iterations: w.iterations, seconds: w.seconds, windows: { solved: w.solved, kept: w.kept, gained: w.gained } };
      search.fairness();
      if (!fair) search.tieBreak(TIE_BREAK_SHARE);
    } else if (!lpPlanned) lpInfo = { status: 'skipped', columns, iterations: 0, seconds: 0 };
    else {
      // first one pass of LP windows (fast, no presolve): near the optimum within a fraction of the
      // whole LP's time, which then proves it or improves on it where it finishes in time
      let early: WindowStats | undefined;
      let earlyCut = false;
      if (options.lpWindows ?? true) {
        early = windowPass(EARLY_WINDOW_TIME_SHARE, 1);
        // its share of the time ending is not the run's end: the whole LP (slower than the windows)
        // would not fit in the rest either, so the search rounds get it
        if (early.stoppedByTime) {
          if (Date.now() >= deadline) search.stoppedByTime = true;
          else earlyCut = true;
        }
        search.fairness();
      }
      const windows = early ? { windows: { solved: early.solved, kept: early.kept, gained: early.gained } } : {};
      if (search.stoppedByTime || earlyCut || st.weight >= search.target) lpInfo = { status: 'skipped', columns, iterations: early?.iterations ?? 0, seconds: early?.seconds ?? 0, ...windows };
      else {
      search.report('lp');
      // at most LP_TIME_SHARE of the time left: a slow LP (a loaded machine) must leave the search time
      const remaining = deadline === Infinity ? 3600 : Math.max(0.05, ((deadline - Date.now()) / 1000) * LP_TIME_SHARE);
      const iterationLimit = options.lpIterationLimit ?? DEFAULT_LP_ITERATIONS;
      // the fairness rule: whoever the search gave a meeting keeps one (the search never takes a last meeting away)
      const serve = fair ? Uint8Array.from(st.count, (c) => (c > 0 ? 1 : 0)) : undefined;
      const lp = solveLp(solver, st, { timeLimitS: remaining, iterationLimit, serve, iterationWork: LP_ITERATION_WORK, minIterations: LP_MIN_ITERATIONS });
      lpInfo = { status: lp.status, columns: lp.columns, iterations: lp.iterations, seconds: lp.seconds, ...windows };
      // stopped by the clock before its iteration budget: a quiet machine would have gone on, so not reproducible
      if (lp.status === 'time') search.stoppedByTime = true;
      if (lp.status === 'optimal') {
        if (lp.bound < search.lim.bound) {
          search.lim.bound = lp.bound;
          search.lim.boundKind = 'LP';
        }
        search.target = targetOf(search.lim.bound);
      }
      // the LP proved the schedule optimal (the windows often reach it first): nothing to rebuild
      if (lp.status === 'optimal' && st.weight < search.target) {
        // rebuild from the LP solution (often integral, or nearly); keep whichever schedule is heavier
        const before = st.weight;
        const snap = st.snapshot();
        applyLp(st, lp);
        search.report('lp');
        search.fill();
        search.report('lp-fill');
        search.fairness();
        search.improve(budget(0.3), 1, 0);
        search.fairness();
        if (st.weight < before) st.restore(snap);
        else search.tieBreak(TIE_BREAK_SHARE);
      }
      search.report('improve');
      }
    }
  }

  search.perturb(budget(0.9), 0.5);
  search.improve(budget(0.95), 2, 0);
  search.fairness();
  // anytime: until the budget is used or the bound reached, more rounds of kicks and ejection chains
  let round = 0;
  while (!search.exhausted() && search.openCount() > 0) {
    const w0 = st.work;
    const end = budget(Math.min(1, 0.95 + 0.01 * ++round));
    search.perturb(end, 0.5);
    search.improve(end, 2, round % 2 === 0 ? 0.3 : 0);
    search.fairness();
    if (st.work === w0) break; // nothing left to try
  }
  lpInfo = proveByLp(solver, st, search, lpInfo, deadline, fair, options, targetOf);
  // the last pass may use the time the search left (its work share is its reproducible budget)
  if (options.timeLimitMs !== undefined) search.lim.deadline = t0 + options.timeLimitMs * FINAL_PASS_TIME;
  search.fairness(true);
  search.tieBreak(TIE_BREAK_SHARE);
  search.fill();
  search.report('finish');

  const finalBound = search.lim.bound;
  const endedBy: ScheduleStats['endedBy'] = st.weight >= search.target ? 'optimal' : search.stoppedByTime ? 'time limit' : 'work limit';

  const doc = buildDocument(st, brokenFixed);
  if (!keep) {
    const at = new Map(doc.meetings.map((mt) => [mt.request, mt]));
    for (const p of plans) {
      const now = at.get(p.meeting.request);
      if (!now || now.slot !== p.meeting.slot || now.table !== p.meeting.table) moved.push(p.meeting.request);
    }
  }
  return {
    ...doc,
    stats: {
      weight: st.weight,
      meetings: st.meetings,
      unscheduled: doc.unscheduled.length,
      simpleBound: bound,
      bound: finalBound,
      boundKind: search.lim.boundKind,
      gapPercent: finalBound > 0 ? Math.max(0, Math.round(((finalBound - st.weight) / finalBound) * 1e6) / 1e4) : 0,
      endedBy,
      ...(lpInfo ? { lp: lpInfo } : {}),
      fairness,
      ...servedCounts(st),
      work: st.work,
      stoppedByTime: search.stoppedByTime,
      milliseconds: Date.now() - t0,
      released,
      brokenFixed: [...brokenFixed].map(([r, reason]) => ({ request: inst.requests[r].id, reason })),
      moved,
    },
  };
}

let solverLoad: Promise<Highs | null> | undefined;

/** Loads HiGHS (WebAssembly, ~40 ms) once per process; null when the package cannot be loaded. */
export function loadSolver(): Promise<Highs | null> {
  solverLoad ??= import('highs').then(
    async (mod) => {
      const loader = (mod as unknown as { default: (o?: object) => Promise<Highs> }).default;
      return loader();
    },
    () => null,
  );
  return solverLoad;
}

/**
 * `schedule` with the LP step: loads HiGHS (unless `exact: false`) and solves. What the CLI, the
 * BullMQ job and the console's runs call, so they all use the same engine and options.
 */
export async function scheduleAsync(input: unknown, options: ScheduleOptions = {}): Promise<ScheduleResult> {
  // loading HiGHS (the first time in a process: ~40 ms, more on a loaded machine) counts in the time limit
  const startedAt = options.startedAt ?? Date.now();
  const solver = options.exact === false ? null : await loadSolver().catch(() => null);
  return schedule(input, { ...options, startedAt }, solver ?? undefined);
}
