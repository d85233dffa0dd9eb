/**
 * The mutable schedule: who meets in which slot, with O(1) feasibility checks, per-slot interpreter
 * matching and an undo journal so that the search can try a move and take it back.
 */
import type { Model } from './model';

const FREE = -1;
/** interpreter reserved by a pinned meeting that named it */
const RESERVED = -2;

export class ScheduleState {
  readonly m: Model;
  /** slot of each request, or -1 */
  readonly slotOf: Int32Array;
  /** 1 = may not be moved or dropped (fixed, or published and kept) */
  readonly pinned: Uint8Array;
  /** explicit interpreter of a pinned meeting, or -1 (then the matching chooses) */
  readonly pinInterp: Int32Array;
  /** explicit pool table of a pinned meeting, or -1 */
  readonly pinTable: Int32Array;
  /** request met by participant p in slot s, or -1: partAt[p * S + s] */
  readonly partAt: Int32Array;
  /** request at host table t in slot s, or -1 */
  readonly tableAt: Int32Array;
  readonly poolUsed: Int32Array;
  readonly count: Int32Array;
  /** language an interpreter serves in a slot, FREE, or RESERVED: interpAt[i * S + s] */
  readonly interpAt: Int16Array;
  /** free interpreters per slot and language: freeIL[s * L + l] */
  readonly freeIL: Int32Array;
  /** placed requests per slot and language (without an explicit interpreter), and per slot in the pool */
  readonly langGroup: number[][];
  readonly poolGroup: number[][];
  private readonly posLang: Int32Array;
  private readonly posPool: Int32Array;
  weight = 0;
  meetings = 0;
  /** participants with at least one meeting (the fairness tie-breaker compares it among equal weights) */
  served = 0;
  /** work units done: every feasibility check and every move */
  work = 0;
  private readonly journal: number[] = [];
  // interpreter augmenting-path search scratch
  private stamp = 0;
  private readonly visit: Int32Array;
  private readonly via: Int32Array;
  private readonly prev: Int32Array;
  private readonly queue: Int32Array;
  private qlen = 0;

  constructor(m: Model) {
    this.m = m;
    const { S, P, T, I, L, R } = m;
    this.slotOf = new Int32Array(R).fill(-1);
    this.pinned = new Uint8Array(R);
    this.pinInterp = new Int32Array(R).fill(-1);
    this.pinTable = new Int32Array(R).fill(-1);
    this.partAt = new Int32Array(P * S).fill(-1);
    this.tableAt = new Int32Array(T * S).fill(-1);
    this.poolUsed = new Int32Array(S);
    this.count = new Int32Array(P);
    this.interpAt = new Int16Array(I * S).fill(FREE);
    this.freeIL = new Int32Array(S * L);
    for (let k = 0; k < S * L; k++) this.freeIL[k] = m.ilStart[k + 1] - m.ilStart[k];
    for (let i = 0; i < I; i++) for (let s = 0; s < S; s++) if (m.interpUnavail[i * S + s]) this.interpAt[i * S + s] = RESERVED;
    this.langGroup = Array.from({ length: S * L }, () => []);
    this.poolGroup = Array.from({ length: S }, () => []);
    this.posLang = new Int32Array(R).fill(-1);
    this.posPool = new Int32Array(R).fill(-1);
    this.visit = new Int32Array(Math.max(L, 1));
    this.via = new Int32Array(Math.max(L, 1));
    this.prev = new Int32Array(Math.max(L, 1));
    this.queue = new Int32Array(Math.max(L, 1));
  }

  /** Can request r be added in slot s as things stand? `self` = 1 when r is being moved (its own meeting counts). */
  canPlace(r: number, s: number, self = 0): boolean {
    const m = this.m;
    const S = m.S;
    this.work++;
    const b = m.reqBuyer[r];
    const e = m.reqExh[r];
    const pb = this.partAt[b * S + s];
    const pe = this.partAt[e * S + s];
    if ((pb !== -1 && pb !== r) || (pe !== -1 && pe !== r)) return false;
    if (this.count[b] - self >= m.partMax[b] || this.count[e] - self >= m.partMax[e]) return false;
    const h = m.reqHost[r];
    if (h >= 0) {
      const t = this.tableAt[h * S + s];
      if (t !== -1 && t !== r) return false;
    } else if (this.poolUsed[s] >= m.poolCap) return false;
    const l = m.reqLang[r];
    if (l >= 0 && this.pinInterp[r] < 0 && this.freeIL[s * m.L + l] === 0 && this.findPath(s, l) < 0) return false;
    return true;
  }

  /** Adds r in slot s; the caller has checked canPlace. */
  place(r: number, s: number): void {
    this.placeRaw(r, s);
    this.journal.push(r * 2 + 1);
  }

  remove(r: number): void {
    const s = this.slotOf[r];
    this.removeRaw(r);
    this.journal.push(s, r * 2);
  }

  mark(): number {
    return this.journal.length;
  }

  rollback(mark: number): void {
    const j = this.journal;
    while (j.length > mark) {
      const v = j.pop() ?? 0;
      if (v & 1) this.removeRaw(v >> 1);
      else this.placeRaw(v >> 1, j.pop() ?? 0);
    }
  }

  /** While > 0, commit() keeps the history, so an enclosing move can still be undone. */
  hold = 0;

  /** Forgets the undo history (after a move is accepted at the top level). */
  commit(): void {
    if (this.hold === 0) this.journal.length = 0;
  }

  private placeRaw(r: number, s: number): void {
    const m = this.m;
    const S = m.S;
    this.work++;
    const b = m.reqBuyer[r];
    const e = m.reqExh[r];
    this.slotOf[r] = s;
    this.partAt[b * S + s] = r;
    this.partAt[e * S + s] = r;
    if (this.count[b]++ === 0) this.served++;
    if (this.count[e]++ === 0) this.served++;
    const h = m.reqHost[r];
    if (h >= 0) this.tableAt[h * S + s] = r;
    else {
      this.poolUsed[s]++;
      const g = this.poolGroup[s];
      this.posPool[r] = g.length;
      g.push(r);
    }
    const l = m.reqLang[r];
    if (l >= 0 && this.pinInterp[r] < 0) {
      this.assignInterp(s, l);
      const g = this.langGroup[s * m.L + l];
      this.posLang[r] = g.length;
      g.push(r);
    }
    this.weight += m.reqWeight[r];
    this.meetings++;
  }

  private removeRaw(r: number): void {
    const m = this.m;
    const S = m.S;
    this.work++;
    const s = this.slotOf[r];
    const b = m.reqBuyer[r];
    const e = m.reqExh[r];
    this.slotOf[r] = -1;
    this.partAt[b * S + s] = -1;
    this.partAt[e * S + s] = -1;
    if (--this.count[b] === 0) this.served--;
    if (--this.count[e] === 0) this.served--;
    const h = m.reqHost[r];
    if (h >= 0) this.tableAt[h * S + s] = -1;
    else {
      this.poolUsed[s]--;
      this.dropFrom(this.poolGroup[s], this.posPool, r);
    }
    const l = m.reqLang[r];
    if (l >= 0 && this.pinInterp[r] < 0) {
      this.releaseInterp(s, l);
      this.dropFrom(this.langGroup[s * m.L + l], this.posLang, r);
    }
    this.weight -= m.reqWeight[r];
    this.meetings--;
  }

  private dropFrom(g: number[], pos: Int32Array, r: number): void {
    const k = pos[r];
    const last = g.pop() ?? r;
    if (last !== r) {
      g[k] = last;
      pos[last] = k;
    }
    pos[r] = -1;
  }

  private setInterp(i: number, s: number, v: number): void {
    const m = this.m;
    const k = i * m.S + s;
    const old = this.interpAt[k];
    if ((old === FREE) !== (v === FREE)) {
      const d = v === FREE ? 1 : -1;
      for (let q = m.interpLangStart[i]; q < m.interpLangStart[i + 1]; q++) this.freeIL[s * m.L + m.interpLangs[q]] += d;
    }
    this.interpAt[k] = v;
  }

  /**
   * Breadth-first search over languages for an augmenting path that frees an interpreter for l in s.
   * Returns a free interpreter at the end of the path or -1; the visited languages stay in `queue`.
   */
  private findPath(s: number, l: number): number {
    const m = this.m;
    const S = m.S;
    const L = m.L;
    const st = ++this.stamp;
    this.visit[l] = st;
    this.queue[0] = l;
    let qh = 0;
    let qt = 1;
    while (qh < qt) {
      const x = this.queue[qh++];
      const end = m.ilStart[s * L + x + 1];
      for (let k = m.ilStart[s * L + x]; k < end; k++) {
        const i = m.ilList[k];
        const y = this.interpAt[i * S + s];
        this.work++;
        if (y === FREE) {
          this.qlen = qt;
          this.foundLang = x;
          return i;
        }
        if (y >= 0 && this.visit[y] !== st) {
          this.visit[y] = st;
          this.via[y] = i;
          this.prev[y] = x;
          this.queue[qt++] = y;
        }
      }
    }
    this.qlen = qt;
    return -1;
  }

  private foundLang = -1;

  private assignInterp(s: number, l: number): void {
    const f = this.findPath(s, l);
    if (f < 0) throw new Error(`internal: no interpreter path for language ${l} in slot ${s}`);
    let x = this.foundLang;
    this.setInterp(f, s, x);
    while (x !== l) {
      const i = this.via[x];
      const p = this.prev[x];
      this.setInterp(i, s, p);
      x = p;
    }
  }

  private releaseInterp(s: number, l: number): void {
    const m = this.m;
    const end = m.ilStart[s * m.L + l + 1];
    for (let k = m.ilStart[s * m.L + l]; k < end; k++) {
      const i = m.ilList[k];
      if (this.interpAt[i * m.S + s] === l) {
        this.setInterp(i, s, FREE);
        return;
      }
    }
    throw new Error(`internal: no interpreter serving language ${l} in slot ${s}`);
  }

  /** Languages whose meetings in slot s, if one were removed, would make room for a meeting in language l. */
  blockingLanguages(s: number, l: number): number[] {
    if (this.findPath(s, l) >= 0) return [];
    return Array.from(this.queue.subarray(0, this.qlen));
  }

  /** Could one more meeting in language l get an interpreter in slot s? */
  interpreterRoom(s: number, l: number): boolean {
    return this.freeIL[s * this.m.L + l] > 0 || this.findPath(s, l) >= 0;
  }

  /** Can interpreter i be reserved in slot s (available and not yet serving anyone)? */
  interpreterFree(i: number, s: number): boolean {
    return this.interpAt[i * this.m.S + s] === FREE;
  }

  /** Is interpreter i available in slot s and not reserved by a pinned meeting that named it? */
  interpreterUsable(i: number, s: number): boolean {
    return this.interpAt[i * this.m.S + s] !== RESERVED;
  }

  reserveInterpreter(i: number, s: number): void {
    this.setInterp(i, s, RESERVED);
  }

  /** The slot of every request that is not pinned (-1 = unscheduled): a snapshot to restore later. */
  snapshot(into?: Int32Array): Int32Array {
    const snap = into ?? new Int32Array(this.m.R);
    for (let r = 0; r < this.m.R; r++) snap[r] = this.pinned[r] ? -1 : this.slotOf[r];
    return snap;
  }

  /** Takes out every meeting that is not pinned. */
  clearUnpinned(): void {
    for (let r = 0; r < this.m.R; r++) if (this.slotOf[r] >= 0 && !this.pinned[r]) this.remove(r);
    this.commit();
  }

  /** Back to a snapshot (every placement in it was feasible together, so each one fits again). */
  restore(snap: Int32Array): void {
    this.clearUnpinned();
    for (let r = 0; r < this.m.R; r++) if (snap[r] >= 0 && this.canPlace(r, snap[r])) this.place(r, snap[r]);
    this.commit();
  }

  /** Interpreters serving language l in slot s (for writing the result). */
  interpretersServing(s: number, l: number): number[] {
    const m = this.m;
    const out: number[] = [];
    for (let k = m.ilStart[s * m.L + l]; k < m.ilStart[s * m.L + l + 1]; k++) {
      const i = m.ilList[k];
      if (this.interpAt[i * m.S + s] === l) out.push(i);
    }
    return out;
  }
}
