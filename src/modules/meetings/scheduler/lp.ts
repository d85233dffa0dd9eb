/**
 * The LP relaxation (or, with `integer`, the MIP) of the scheduling problem around the meetings
 * that are pinned, solved with HiGHS (the `highs` npm package, WebAssembly). Same model as
 * `check.mjs --bound`: x[r,s] per request and possible slot; participants once per slot and up to
 * their maximum; pool tables per slot; interpreters as a flow (each interpreter serves at most one
 * meeting a slot, in a language it speaks). Pinned meetings are constants that use up capacity.
 * With `serve`, each of those participants gets at least one meeting (the fairness rule: the
 * bound is then the best weight among schedules that leave none of them without a meeting).
 */
import type { Highs } from 'highs';
import type { ScheduleState } from './state';

export interface LpSolution {
  /**
   * 'optimal' when HiGHS proved it; anything else means `objective` is not a bound: 'limit' (its
   * iteration budget), 'time' (the safety stop), 'failed', 'skipped' (too large for the budget).
   */
  status: 'optimal' | 'limit' | 'time' | 'failed' | 'skipped';
  /** Upper bound on the total weight (pinned meetings included) when status is 'optimal'. */
  bound: number;
  /** Column c is request colReq[c] in slot colSlot[c]; value in x[c]. */
  colReq: Int32Array;
  colSlot: Int32Array;
  x: Float64Array;
  columns: number;
  rows: number;
  /** simplex iterations used */
  iterations: number;
  nonzeros: number;
  seconds: number;
}

/** HiGHS model statuses we use (highs.constants.modelStatus). */
const OPTIMAL = 7;
const TIME_LIMIT = 13;

class Rows {
  starts: number[] = [0];
  idx: number[] = [];
  val: number[] = [];
  lo: number[] = [];
  up: number[] = [];
  add(cols: readonly number[], vals: readonly number[] | null, lo: number, up: number): void {
    for (let k = 0; k < cols.length; k++) {
      this.idx.push(cols[k]);
      this.val.push(vals ? vals[k] : 1);
    }
    this.starts.push(this.idx.length);
    this.lo.push(lo);
    this.up.push(up);
  }
}

/** Number of x columns the model would have: the size test before building anything. */
export function lpColumns(st: ScheduleState): number {
  const m = st.m;
  let n = 0;
  for (let r = 0; r < m.R; r++) if (!st.pinned[r]) n += m.reqSlotStart[r + 1] - m.reqSlotStart[r];
  return n;
}

/**
 * Solves the model. `iterationLimit` (simplex iterations) is the reproducible budget; `timeLimitS`
 * only a safety stop. The status is 'optimal' only when HiGHS proved the optimum.
 */
export function solveLp(
  highs: Highs,
  st: ScheduleState,
  opts: {
    timeLimitS: number;
    iterationLimit: number;
    integer?: boolean;
    serve?: Uint8Array;
    iterationWork?: number;
    minIterations?: number;
    /** Only these slots (1 = in): the LP of a window of the grid, the rest held as it is (pinned). */
    slots?: Uint8Array;
    /** false: no presolve (faster on small LPs). */
    presolve?: boolean;
  },
): LpSolution {
  const t0 = Date.now();
  const m = st.m;
  const { S, P, L, R } = m;
  // pinned meetings: their weight and what they use up
  let pinnedWeight = 0;
  const pinnedCount = new Int32Array(P);
  const pinnedPool = new Int32Array(S);
  const pinnedDemand = new Int32Array(S * L);
  for (let r = 0; r < R; r++) {
    const s = st.slotOf[r];
    if (s < 0 || !st.pinned[r]) continue;
    pinnedWeight += m.reqWeight[r];
    pinnedCount[m.reqBuyer[r]]++;
    pinnedCount[m.reqExh[r]]++;
    if (m.reqHost[r] < 0) pinnedPool[s]++;
    if (m.reqLang[r] >= 0 && st.pinInterp[r] < 0) pinnedDemand[s * L + m.reqLang[r]]++;
  }
  const pinnedAt = (p: number, s: number): boolean => {
    const x = st.partAt[p * S + s];
    return x >= 0 && st.pinned[x] === 1;
  };
  // tables owned by more than one participant need their own rows
  const owners = new Int32Array(m.T);
  for (let p = 0; p < P; p++) if (m.partTable[p] >= 0) owners[m.partTable[p]]++;

  const colReq: number[] = [];
  const colSlot: number[] = [];
  const byReq: number[][] = [];
  const byPS = new Map<number, number[]>();
  const byP: number[][] = Array.from({ length: P }, () => []);
  const byPool: number[][] = Array.from({ length: S }, () => []);
  const byLS = new Map<number, number[]>();
  const byTS = new Map<number, number[]>();
  const push = (map: Map<number, number[]>, k: number, c: number): void => {
    const a = map.get(k);
    if (a) a.push(c);
    else map.set(k, [c]);
  };
  for (let r = 0; r < R; r++) {
    if (st.pinned[r]) continue;
    const b = m.reqBuyer[r];
    const e = m.reqExh[r];
    const h = m.reqHost[r];
    const mine: number[] = [];
    for (let k = m.reqSlotStart[r]; k < m.reqSlotStart[r + 1]; k++) {
      const s = m.reqSlots[k];
      if (opts.slots && !opts.slots[s]) continue;
      if (pinnedAt(b, s) || pinnedAt(e, s)) continue;
      if (h >= 0) {
        const x = st.tableAt[h * S + s];
        if (x >= 0 && st.pinned[x]) continue;
      }
      const c = colReq.length;
      colReq.push(r);
      colSlot.push(s);
      mine.push(c);
      push(byPS, b * S + s, c);
      push(byPS, e * S + s, c);
      byP[b].push(c);
      byP[e].push(c);
      if (h < 0) byPool[s].push(c);
      else if (owners[h] > 1) push(byTS, h * S + s, c);
      if (m.reqLang[r] >= 0) push(byLS, s * L + m.reqLang[r], c);
    }
    byReq.push(mine);
  }
  const nx = colReq.length;
  const rows = new Rows();
  for (const cs of byReq) if (cs.length > 1) rows.add(cs, null, -Infinity, 1);
  for (const cs of byPS.values()) if (cs.length > 1) rows.add(cs, null, -Infinity, 1);
  for (const cs of byTS.values()) if (cs.length > 1) rows.add(cs, null, -Infinity, 1);
  for (let p = 0; p < P; p++) {
    const cap = m.partMax[p] - pinnedCount[p];
    if (byP[p].length > cap) rows.add(byP[p], null, -Infinity, Math.max(0, cap));
  }
  // the fairness rule: each participant in `serve` keeps at least one meeting
  if (opts.serve) for (let p = 0; p < P; p++) if (opts.serve[p] && pinnedCount[p] === 0 && byP[p].length > 0) rows.add(byP[p], null, 1, Infinity);
  for (let s = 0; s < S; s++) {
    const cap = m.poolCap - pinnedPool[s];
    if (byPool[s].length > cap) rows.add(byPool[s], null, -Infinity, Math.max(0, cap));
  }
  // pinned meetings that need an interpreter draw on the same interpreters as the columns: their
  // slot-language pairs get a flow row even where no column is left (else the LP could give their
  // interpreters away)
  for (let key = 0; key < S * L; key++) {
    if (pinnedDemand[key] > 0 && !byLS.has(key) && (!opts.slots || opts.slots[Math.floor(key / L)])) byLS.set(key, []);
  }
  // interpreter flow columns y[i,s,l]: interpreter i free in s (not away, not reserved by a pin)
  const yByIS = new Map<number, number[]>();
  const yByLS = new Map<number, number[]>();
  let ny = 0;
  for (const key of byLS.keys()) {
    const s = Math.floor(key / L);
    for (let k = m.ilStart[key]; k < m.ilStart[key + 1]; k++) {
      const i = m.ilList[k];
      if (!st.interpreterUsable(i, s)) continue;
      const c = nx + ny++;
      push(yByLS, key, c);
      push(yByIS, i * S + s, c);
    }
  }
  for (const [key, xs] of byLS) {
    const ys = yByLS.get(key) ?? [];
    const cols = [...xs, ...ys];
    const vals = [...xs.map(() => 1), ...ys.map(() => -1)];
    rows.add(cols, vals, -Infinity, -pinnedDemand[key]);
  }
  // pinned meetings without a named interpreter draw on the same interpreters: their demand is in the rows above
  for (const cs of yByIS.values()) if (cs.length > 1) rows.add(cs, null, -Infinity, 1);

  const nCols = nx + ny;
  const nRows = rows.up.length;
  // an iteration costs about as much as the matrix is large: a budget in iterations x nonzeros,
  // and no LP at all when it would allow too few iterations to finish (a reproducible decision)
  const nonzeros = rows.idx.length;
  const iterationLimit = Math.min(opts.iterationLimit, opts.iterationWork ? Math.floor(opts.iterationWork / Math.max(1, nonzeros)) : Infinity);
  if (iterationLimit < (opts.minIterations ?? 0)) {
    return { status: 'skipped', bound: NaN, colReq: new Int32Array(0), colSlot: new Int32Array(0), x: new Float64Array(0), columns: nCols, rows: nRows, iterations: 0, nonzeros, seconds: (Date.now() - t0) / 1000 };
  }
  const colCost = new Float64Array(nCols);
  for (let c = 0; c < nx; c++) colCost[c] = m.reqWeight[colReq[c]];
  const model = highs.createModel();
  let status: LpSolution['status'] = 'failed';
  let objective = NaN;
  let iterations = 0;
  const x = new Float64Array(nx);
  try {
    model.passModel({
      numCols: nCols,
      numRows: nRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost,
      colLower: new Float64Array(nCols),
      colUpper: new Float64Array(nCols).fill(1),
      rowLower: Float64Array.from(rows.lo, (v) => (v === -Infinity ? -highs.infinity : v)),
      rowUpper: Float64Array.from(rows.up, (v) => (v === Infinity ? highs.infinity : v)),
      matrix: {
        format: 'csr',
        numRows: nRows,
        numCols: nCols,
        starts: Int32Array.from(rows.starts),
        indices: Int32Array.from(rows.idx),
        values: Float64Array.from(rows.val),
      },
      ...(opts.integer ? { integrality: Int32Array.from({ length: nCols }, (_, k) => (k < nx ? 1 : 0)) } : {}),
    });
    model.options.set({ output_flag: false, time_limit: Math.max(0.1, opts.timeLimitS), mip_rel_gap: 0,
      random_seed: 0,
      simplex_iteration_limit: iterationLimit,
    });
    // small LPs solve faster without presolve (windows: half the time), deterministic either way
    if (opts.presolve === false) model.options.set({ presolve: 'off' });
    const ran = model.run();
    const code = ran.modelStatus as number;
    iterations = Number(model.info.get('simplex_iteration_count'));
    if (code === OPTIMAL) status = 'optimal';
    else if (code === TIME_LIMIT) status = 'time';
    else status = 'limit';
    objective = model.getObjectiveValue();
    const sol = model.getSolution();
    if (sol.colValue) x.set(sol.colValue.subarray(0, nx));
  } catch {
    status = 'failed';
  } finally {
    model.dispose();
  }
  return {
    status,
    bound: pinnedWeight + objective,
    colReq: Int32Array.from(colReq),
    colSlot: Int32Array.from(colSlot),
    x,
    columns: nCols,
    rows: nRows,
    iterations,
    nonzeros,
    seconds: (Date.now() - t0) / 1000,
  };
}

/**
 * Replaces every meeting that is not pinned by the LP's choice: first the requests the LP puts
 * wholly in one slot, then the fractional ones, largest share first, wherever they still fit.
 */
export function applyLp(st: ScheduleState, lp: LpSolution): void {
  const m = st.m;
  st.clearUnpinned();
  const cols: number[] = [];
  for (let c = 0; c < lp.x.length; c++) if (lp.x[c] > 1e-6) cols.push(c);
  cols.sort((a, b) => lp.x[b] - lp.x[a] || m.reqWeight[lp.colReq[b]] - m.reqWeight[lp.colReq[a]] || a - b);
  for (const c of cols) {
    const r = lp.colReq[c];
    if (st.slotOf[r] < 0 && st.canPlace(r, lp.colSlot[c])) st.place(r, lp.colSlot[c]);
  }
  st.commit();
}
