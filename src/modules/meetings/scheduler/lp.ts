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

/** A growable Int32Array (or Float64Array): the LP is built from these, not from arrays of arrays. */
class IntBuf {
  a: Int32Array;
  n = 0;
  constructor(cap = 1024) {
    this.a = new Int32Array(cap);
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  view(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}

class FloatBuf {
  a: Float64Array;
  n = 0;
  constructor(cap = 1024) {
    this.a = new Float64Array(cap);
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  view(): Float64Array {
    return this.a.subarray(0, this.n);
  }
}

/**
 * Lists of columns keyed by an integer, with what a Map of arrays gives: keys in the order they
 * were first used, items in the order they were added (so the rows, and HiGHS's path, are the
 * same). Linked lists in typed arrays, kept per model and cleared after each LP: the LP windows
 * build tens of LPs a run, and Maps of arrays left ~10 MiB of garbage each (40k requests: the
 * heap grew by ~100 MiB over the windows).
 */
class Groups {
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  readonly size: Int32Array;
  private readonly item = new IntBuf();
  private readonly next = new IntBuf();
  readonly keys = new IntBuf();
  constructor(keySpace: number) {
    this.head = new Int32Array(keySpace).fill(-1);
    this.tail = new Int32Array(keySpace);
    this.size = new Int32Array(keySpace);
  }
  has(k: number): boolean {
    return this.head[k] !== -1;
  }
  /** Makes k a key (with no items yet) if it is not one. */
  touch(k: number): void {
    if (this.head[k] !== -1) return;
    this.head[k] = -2; // a key without items
    this.keys.push(k);
  }
  add(k: number, v: number): void {
    const e = this.item.n;
    this.item.push(v);
    this.next.push(-1);
    const h = this.head[k];
    if (h === -1) this.keys.push(k);
    if (h < 0) this.head[k] = e;
    else this.next.a[this.tail[k]] = e;
    this.tail[k] = e;
    this.size[k]++;
  }
  /** The items of k, in order, appended to `out` (with `val` each to `vals`). */
  copyTo(k: number, out: IntBuf, vals: FloatBuf, val: number): void {
    for (let e = this.head[k]; e >= 0; e = this.next.a[e]) {
      out.push(this.item.a[e]);
      vals.push(val);
    }
  }
  clear(): void {
    const ks = this.keys.view();
    for (let j = 0; j < ks.length; j++) {
      this.head[ks[j]] = -1;
      this.size[ks[j]] = 0;
    }
    this.keys.n = 0;
    this.item.n = 0;
    this.next.n = 0;
  }
}

class Rows {
  starts = new IntBuf();
  idx = new IntBuf(1 << 14);
  val = new FloatBuf(1 << 14);
  lo = new FloatBuf();
  up = new FloatBuf();
  constructor() {
    this.starts.push(0);
  }
  reset(): void {
    this.starts.n = 1;
    this.idx.n = 0;
    this.val.n = 0;
    this.lo.n = 0;
    this.up.n = 0;
  }
  private end(lo: number, up: number): void {
    this.starts.push(this.idx.n);
    this.lo.push(lo);
    this.up.push(up);
  }
  /** Columns from..to-1. */
  addRange(from: number, to: number, lo: number, up: number): void {
    for (let c = from; c < to; c++) {
      this.idx.push(c);
      this.val.push(1);
    }
    this.end(lo, up);
  }
  addGroup(g: Groups, k: number, lo: number, up: number): void {
    g.copyTo(k, this.idx, this.val, 1);
    this.end(lo, up);
  }
  /** The flow row of a slot-language pair: its x columns (+1) and its interpreter columns from..to-1 (-1). */
  addFlow(g: Groups, k: number, from: number, to: number, up: number): void {
    g.copyTo(k, this.idx, this.val, 1);
    for (let c = from; c < to; c++) {
      this.idx.push(c);
      this.val.push(-1);
    }
    this.end(-Infinity, up);
  }
  get count(): number {
    return this.lo.n;
  }
}

/** Per model: the groupings' typed arrays (sized by participants x slots and so on), reused by every LP. */
interface Scratch {
  byPS: Groups;
  byTS: Groups;
  byP: Groups;
  byPool: Groups;
  byLS: Groups;
  yByIS: Groups;
  rows: Rows;
  colReq: IntBuf;
  colSlot: IntBuf;
  reqRanges: IntBuf;
  /** column costs, lower and upper bounds */
  cost: FloatBuf;
  lower: FloatBuf;
  upper: FloatBuf;
  /** the solution, when borrowed */
  x: FloatBuf;
}
const scratchOf = new WeakMap<object, Scratch>();

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
    /**
     * The result's colReq, colSlot and x are views of buffers that the next LP of this model
     * reuses: for a caller that applies the LP at once (the windows: tens of LPs a run).
     */
    borrow?: boolean;
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

  let scratch = scratchOf.get(m);
  if (!scratch) {
    scratch = {
      byPS: new Groups(P * S),
      byTS: new Groups(m.T * S),
      byP: new Groups(P),
      byPool: new Groups(S),
      byLS: new Groups(S * L),
      yByIS: new Groups(m.I * S),
      rows: new Rows(),
      colReq: new IntBuf(),
      colSlot: new IntBuf(),
      reqRanges: new IntBuf(),
      cost: new FloatBuf(),
      lower: new FloatBuf(),
      upper: new FloatBuf(),
      x: new FloatBuf(),
    };
    scratchOf.set(m, scratch);
  }
  // all reused from the model's previous LP (no garbage, and no churn in the allocator's heap)
  const { byPS, byTS, byP, byPool, byLS, yByIS, rows, reqRanges } = scratch;
  const colReqBuf = scratch.colReq;
  const colSlotBuf = scratch.colSlot;
  rows.reset();
  reqRanges.n = 0;
  colReqBuf.n = 0;
  colSlotBuf.n = 0;
  let nx = 0;
  let ny = 0;
  try {
  for (let r = 0; r < R; r++) {
    if (st.pinned[r]) continue;
    const b = m.reqBuyer[r];
    const e = m.reqExh[r];
    const h = m.reqHost[r];
    const first = colReqBuf.n;
    for (let k = m.reqSlotStart[r]; k < m.reqSlotStart[r + 1]; k++) {
      const s = m.reqSlots[k];
      if (opts.slots && !opts.slots[s]) continue;
      if (pinnedAt(b, s) || pinnedAt(e, s)) continue;
      if (h >= 0) {
        const x = st.tableAt[h * S + s];
        if (x >= 0 && st.pinned[x]) continue;
      }
      const c = colReqBuf.n;
      colReqBuf.push(r);
      colSlotBuf.push(s);
      byPS.add(b * S + s, c);
      byPS.add(e * S + s, c);
      byP.add(b, c);
      byP.add(e, c);
      if (h < 0) byPool.add(s, c);
      else if (owners[h] > 1) byTS.add(h * S + s, c);
      if (m.reqLang[r] >= 0) byLS.add(s * L + m.reqLang[r], c);
    }
    if (colReqBuf.n - first > 1) {
      reqRanges.push(first);
      reqRanges.push(colReqBuf.n);
    }
  }
  nx = colReqBuf.n;
  const rr = reqRanges.view();
  for (let j = 0; j < rr.length; j += 2) rows.addRange(rr[j], rr[j + 1], -Infinity, 1);
  for (const k of byPS.keys.view()) if (byPS.size[k] > 1) rows.addGroup(byPS, k, -Infinity, 1);
  for (const k of byTS.keys.view()) if (byTS.size[k] > 1) rows.addGroup(byTS, k, -Infinity, 1);
  for (let p = 0; p < P; p++) {
    const cap = m.partMax[p] - pinnedCount[p];
    if (byP.size[p] > cap) rows.addGroup(byP, p, -Infinity, Math.max(0, cap));
  }
  // the fairness rule: each participant in `serve` keeps at least one meeting
  if (opts.serve) for (let p = 0; p < P; p++) if (opts.serve[p] && pinnedCount[p] === 0 && byP.size[p] > 0) rows.addGroup(byP, p, 1, Infinity);
  for (let s = 0; s < S; s++) {
    const cap = m.poolCap - pinnedPool[s];
    if (byPool.size[s] > cap) rows.addGroup(byPool, s, -Infinity, Math.max(0, cap));
  }
  // pinned meetings that need an interpreter draw on the same interpreters as the columns: their
  // slot-language pairs get a flow row even where no column is left (else the LP could give their
  // interpreters away)
  for (let key = 0; key < S * L; key++) {
    if (pinnedDemand[key] > 0 && !byLS.has(key) && (!opts.slots || opts.slots[Math.floor(key / L)])) byLS.touch(key);
  }
  // interpreter flow columns y[i,s,l]: interpreter i free in s (not away, not reserved by a pin);
  // those of one slot-language pair are consecutive
  const lsKeys = byLS.keys.view();
  const yFrom = new Int32Array(lsKeys.length + 1);
  for (let j = 0; j < lsKeys.length; j++) {
    const key = lsKeys[j];
    const s = Math.floor(key / L);
    yFrom[j] = nx + ny;
    for (let k = m.ilStart[key]; k < m.ilStart[key + 1]; k++) {
      const i = m.ilList[k];
      if (!st.interpreterUsable(i, s)) continue;
      yByIS.add(i * S + s, nx + ny++);
    }
  }
  yFrom[lsKeys.length] = nx + ny;
  for (let j = 0; j < lsKeys.length; j++) rows.addFlow(byLS, lsKeys[j], yFrom[j], yFrom[j + 1], -pinnedDemand[lsKeys[j]]);
  // pinned meetings without a named interpreter draw on the same interpreters: their demand is in the rows above
  for (const k of yByIS.keys.view()) if (yByIS.size[k] > 1) rows.addGroup(yByIS, k, -Infinity, 1);
  } finally {
    // the groupings are reused by the next LP of this model
    for (const g of [byPS, byTS, byP, byPool, byLS, yByIS]) g.clear();
  }
  // the result keeps its own copies (the buffers serve the next LP) unless it borrows them
  const colReq = opts.borrow ? colReqBuf.view() : colReqBuf.view().slice();
  const colSlot = opts.borrow ? colSlotBuf.view() : colSlotBuf.view().slice();
  const nCols = nx + ny;
  const nRows = rows.count;
  // an iteration costs about as much as the matrix is large: a budget in iterations x nonzeros,
  // and no LP at all when it would allow too few iterations to finish (a reproducible decision)
  const nonzeros = rows.idx.n;
  const iterationLimit = Math.min(opts.iterationLimit, opts.iterationWork ? Math.floor(opts.iterationWork / Math.max(1, nonzeros)) : Infinity);
  if (iterationLimit < (opts.minIterations ?? 0)) {
    return { status: 'skipped', bound: NaN, colReq: new Int32Array(0), colSlot: new Int32Array(0), x: new Float64Array(0), columns: nCols, rows: nRows, iterations: 0, nonzeros, seconds: (Date.now() - t0) / 1000 };
  }
  const { cost, lower, upper } = scratch;
  cost.n = lower.n = upper.n = 0;
  for (let c = 0; c < nCols; c++) {
    cost.push(c < nx ? m.reqWeight[colReq[c]] : 0);
    lower.push(0);
    upper.push(1);
  }
  // HiGHS's infinity, in place (the row bounds are rebuilt by the next LP)
  const lo = rows.lo.view();
  const up = rows.up.view();
  for (let k = 0; k < lo.length; k++) {
    if (lo[k] === -Infinity) lo[k] = -highs.infinity;
    if (up[k] === Infinity) up[k] = highs.infinity;
  }
  const model = highs.createModel();
  let status: LpSolution['status'] = 'failed';
  let objective = NaN;
  let iterations = 0;
  let x: Float64Array;
  if (opts.borrow) {
    const xs = scratch.x;
    xs.n = 0;
    for (let c = 0; c < nx; c++) xs.push(0);
    x = xs.view();
  } else x = new Float64Array(nx);
  try {
    model.passModel({
      numCols: nCols,
      numRows: nRows,
      sense: highs.constants.objectiveSense.maximize,
      // views of reused buffers: HiGHS copies them into its own memory
      colCost: cost.view(),
      colLower: lower.view(),
      colUpper: upper.view(),
      rowLower: lo,
      rowUpper: up,
      matrix: {
        format: 'csr',
        numRows: nRows,
        numCols: nCols,
        starts: rows.starts.view(),
        indices: rows.idx.view(),
        values: rows.val.view(),
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
    colReq,
    colSlot,
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
