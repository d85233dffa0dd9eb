/**
 * The optimizer: a constructive pass (heaviest and least flexible requests first), then rounds of
 * insertions by ejection chains (a blocking meeting is moved elsewhere, or dropped when the
 * trade gains weight), and a fairness pass that gives a meeting to whoever has none.
 * All choices come from the seeded Rng and the work counter, never from the clock.
 */
import type { Rng } from './rng';
import type { ScheduleState } from './state';
import type { ScheduleProgress } from './types';

const EPS = 1e-9;
/** Share of the work budget one fairness pass may use (where interpreters are scarce, thousands of buyers may have none). */
const FAIRNESS_SHARE = 0.5;

export interface SearchLimits {
  workLimit: number;
  deadline: number;
  /** The best upper bound known so far (reported with progress), and what it is. */
  bound: number;
  boundKind: 'LP' | 'simple';
  onProgress?: (p: ScheduleProgress) => void;
}

export class Search {
  /** meetings dropped by the move under evaluation */
  private readonly lost: number[] = [];
  private checks = 0;
  private lastReport = 0;
  private phase = 'construct';
  stoppedByTime = false;
  /** largest group a Kempe move may swap; 0 = no Kempe moves */
  kempeCap = 0;
  /** The strict fairness rule (see fairness()): no move takes a participant's last meeting away. */
  fair = true;
  /** The tie-breaker (fairness 'weight'): an equal-weight move is taken only if it serves no fewer participants. */
  preferServed = false;
  /** participants the fairness pass could not serve: later passes skip them (the last one retries) */
  private unservable: Uint8Array | null = null;
  /** The search stops once the weight reaches this (a proven upper bound: nothing better exists). */
  target = Infinity;

  constructor(
    private readonly st: ScheduleState,
    private readonly rng: Rng,
    readonly lim: SearchLimits,
  ) {}

  /** True once the work budget (or, as a safety stop, the clock) is used up. */
  exhausted(workEnd = this.lim.workLimit): boolean {
    const st = this.st;
    if (st.work - this.lastReport >= this.lim.workLimit / 50) this.report();
    if (st.work >= workEnd || this.stoppedByTime || st.weight >= this.target) return true;
    if ((++this.checks & 127) === 0 && Date.now() > this.lim.deadline) this.stoppedByTime = true;
    return this.stoppedByTime;
  }

  report(phase = this.phase): void {
    this.phase = phase;
    this.lastReport = this.st.work;
    this.lim.onProgress?.({
      phase,
      weight: this.st.weight,
      bound: this.lim.bound,
      boundKind: this.lim.boundKind,
      fraction: Math.min(1, this.st.work / this.lim.workLimit),
    });
  }

  private slotCount(r: number): number {
    const m = this.st.m;
    return m.reqSlotStart[r + 1] - m.reqSlotStart[r];
  }

  /** Requests the search may still place: not pinned, unscheduled, with at least one possible slot. */
  private open(): number[] {
    const st = this.st;
    const out: number[] = [];
    for (let r = 0; r < st.m.R; r++) if (st.slotOf[r] < 0 && !st.pinned[r] && this.slotCount(r) > 0) out.push(r);
    return out;
  }

  /** How many requests the search could still place. */
  openCount(): number {
    return this.open().length;
  }

  /** Heaviest first, then least flexible, ties broken by the seed. */
  private order(rs: number[]): number[] {
    const m = this.st.m;
    const key = new Float64Array(m.R);
    for (const r of rs) key[r] = this.rng.next();
    return rs.sort((a, b) => m.reqWeight[b] - m.reqWeight[a] || this.slotCount(a) - this.slotCount(b) || key[a] - key[b]);
  }

  /** Room left for r's scarce resources in slot s: prefer slots that keep interpreters and pool tables free. */
  private slack(r: number, s: number): number {
    const st = this.st;
    const m = st.m;
    let v = 1 << 20;
    const l = m.reqLang[r];
    if (l >= 0) v = st.freeIL[s * m.L + l];
    if (m.reqHost[r] < 0) v = Math.min(v, m.poolCap - st.poolUsed[s]);
    return v;
  }

  /** The best slot other than r's own where r fits without moving anyone, or -1. */
  bestDirectSlot(r: number, self = 0): number {
    const st = this.st;
    const m = st.m;
    const a = m.reqSlotStart[r];
    const n = m.reqSlotStart[r + 1] - a;
    if (n === 0) return -1;
    const cur = st.slotOf[r];
    const k0 = this.rng.int(n);
    let best = -1;
    let bestScore = -1;
    for (let j = 0; j < n; j++) {
      let k = k0 + j;
      if (k >= n) k -= n;
      const s = m.reqSlots[a + k];
      if (s === cur || !st.canPlace(r, s, self)) continue;
      const sc = this.slack(r, s);
      if (sc > bestScore) {
        bestScore = sc;
        best = s;
      }
    }
    return best;
  }

  private canMoveElsewhere(x: number): boolean {
    const st = this.st;
    const m = st.m;
    const cur = st.slotOf[x];
    for (let k = m.reqSlotStart[x]; k < m.reqSlotStart[x + 1]; k++) {
      const s = m.reqSlots[k];
      if (s !== cur && st.canPlace(x, s, 1)) return true;
    }
    return false;
  }

  /** Among movable meetings in the groups, one that can go elsewhere, else the lightest. */
  private pickVictim(groups: number[][]): number {
    const st = this.st;
    const w = st.m.reqWeight;
    let total = 0;
    for (const g of groups) total += g.length;
    if (total === 0) return -1;
    let best = -1;
    let bestKey = Infinity;
    let tried = 0;
    const k0 = this.rng.int(total);
    for (let j = 0; j < total && tried < 6; j++) {
      let k = (k0 + j) % total;
      let gi = 0;
      while (k >= groups[gi].length) k -= groups[gi++].length;
      const x = groups[gi][k];
      if (st.pinned[x]) continue;
      tried++;
      const key = this.canMoveElsewhere(x) ? 0 : w[x];
      if (key < bestKey) {
        bestKey = key;
        best = x;
        if (key === 0) break;
      }
    }
    // the lightest meeting may be outside the sample
    if (bestKey > 0) {
      for (const g of groups) for (const x of g) if (!st.pinned[x] && w[x] < bestKey) {
        bestKey = w[x];
        best = x;
      }
    }
    return best;
  }

  /** The lightest movable meeting of participant p. */
  private lightestOf(p: number): number {
    const st = this.st;
    const m = st.m;
    let best = -1;
    for (let s = 0; s < m.S; s++) {
      const x = st.partAt[p * m.S + s];
      if (x >= 0 && !st.pinned[x] && (best < 0 || m.reqWeight[x] < m.reqWeight[best])) best = x;
    }
    return best;
  }

  /** No meeting dropped by the current move leaves one of its participants with none. */
  private fairOk(from: number): boolean {
    if (!this.fair) return true;
    const st = this.st;
    const m = st.m;
    for (let k = from; k < this.lost.length; k++) {
      const x = this.lost[k];
      if (st.count[m.reqBuyer[x]] === 0 || st.count[m.reqExh[x]] === 0) return false;
    }
    return true;
  }

  /**
   * Puts r in slot s, taking out whatever blocks it; each meeting taken out is moved to another
   * slot if it fits (directly, or with depth > 1 by a further ejection), else dropped.
   * Returns the dropped weight, or -1 when impossible (the caller rolls back).
   */
  private ejectInsert(r: number, s: number, depth: number): number {
    const st = this.st;
    const m = st.m;
    const S = m.S;
    const ej: number[] = [];
    const out = (x: number): boolean => {
      if (x < 0 || st.pinned[x]) return false;
      st.remove(x);
      ej.push(x);
      return true;
    };
    const b = m.reqBuyer[r];
    const e = m.reqExh[r];
    let x = st.partAt[b * S + s];
    if (x >= 0 && !out(x)) return -1;
    x = st.partAt[e * S + s];
    if (x >= 0 && !out(x)) return -1;
    const h = m.reqHost[r];
    if (h >= 0) {
      x = st.tableAt[h * S + s];
      if (x >= 0 && !out(x)) return -1;
    }
    if (st.count[b] >= m.partMax[b] && !out(this.lightestOf(b))) return -1;
    if (st.count[e] >= m.partMax[e] && !out(this.lightestOf(e))) return -1;
    if (h < 0 && st.poolUsed[s] >= m.poolCap && !out(this.pickVictim([st.poolGroup[s]]))) return -1;
    const l = m.reqLang[r];
    if (l >= 0 && st.pinInterp[r] < 0 && st.freeIL[s * m.L + l] === 0) {
      const langs = st.blockingLanguages(s, l);
      if (langs.length > 0 && !out(this.pickVictim(langs.map((y) => st.langGroup[s * m.L + y])))) return -1;
    }
    if (!st.canPlace(r, s)) return -1;
    st.place(r, s);
    let lostW = 0;
    if (ej.length > 1) ej.sort((p, q) => m.reqWeight[q] - m.reqWeight[p]);
    for (const y of ej) {
      const t = this.bestDirectSlot(y);
      if (t >= 0) {
        st.place(y, t);
        continue;
      }
      const wy = m.reqWeight[y];
      const sub = depth > 1 ? this.chain(y, depth - 1) : -1;
      if (sub >= 0) {
        lostW += sub;
        continue;
      }
      lostW += wy;
      this.lost.push(y);
    }
    return lostW;
  }

  /** Re-places y by one more ejection, accepting it only if it drops less than y weighs; returns the weight dropped or -1. */
  private chain(y: number, depth: number): number {
    const st = this.st;
    const m = st.m;
    const a = m.reqSlotStart[y];
    const n = m.reqSlotStart[y + 1] - a;
    const wy = m.reqWeight[y];
    const k0 = this.rng.int(n);
    for (let j = 0; j < n; j++) {
      const s = m.reqSlots[a + ((k0 + j) % n)];
      const mk = st.mark();
      const lm = this.lost.length;
      const sub = this.ejectInsert(y, s, depth);
      if (sub >= 0 && sub < wy - EPS && this.fairOk(lm)) return sub;
      st.rollback(mk);
      this.lost.length = lm;
    }
    return -1;
  }

  private compMark: Int32Array | null = null;
  private compStamp = 0;

  /**
   * A Kempe-chain move: frees slot s1 for r by swapping slots s1 and s2 for every meeting in the
   * connected group (in those two slots) of the meetings that block r's buyer and exhibitor at s1.
   * Nobody is dropped. Returns false when it does not work (the caller rolls back).
   */
  private kempe(r: number, s1: number, s2: number, cap: number): boolean {
    const st = this.st;
    const m = st.m;
    const S = m.S;
    const mark = (this.compMark ??= new Int32Array(m.R));
    const stamp = ++this.compStamp;
    const comp: number[] = [];
    const add = (x: number): boolean => {
      if (x < 0 || mark[x] === stamp) return true;
      if (st.pinned[x] || comp.length >= cap) return false;
      const t = st.slotOf[x] === s1 ? s2 : s1;
      if (!m.reqSlotOk[x * S + t]) return false;
      mark[x] = stamp;
      comp.push(x);
      return true;
    };
    if (!add(st.partAt[m.reqBuyer[r] * S + s1]) || !add(st.partAt[m.reqExh[r] * S + s1])) return false;
    if (comp.length === 0) return false;
    for (let k = 0; k < comp.length; k++) {
      const x = comp[k];
      for (const p of [m.reqBuyer[x], m.reqExh[x]]) {
        if (!add(st.partAt[p * S + s1]) || !add(st.partAt[p * S + s2])) return false;
      }
    }
    const target = comp.map((x) => (st.slotOf[x] === s1 ? s2 : s1));
    for (const x of comp) st.remove(x);
    for (let k = 0; k < comp.length; k++) {
      if (!st.canPlace(comp[k], target[k])) return false;
      st.place(comp[k], target[k]);
    }
    if (!st.canPlace(r, s1)) return false;
    st.place(r, s1);
    return true;
  }

  /** Tries Kempe moves over all slot pairs of r; keeps the first that works. */
  private kempeInsert(r: number, cap: number): boolean {
    const st = this.st;
    const m = st.m;
    const a = m.reqSlotStart[r];
    const n = m.reqSlotStart[r + 1] - a;
    const k0 = this.rng.int(n);
    const o0 = this.rng.int(m.S);
    const S = m.S;
    const b = m.reqBuyer[r];
    const e = m.reqExh[r];
    for (let j = 0; j < n; j++) {
      const s1 = m.reqSlots[a + ((k0 + j) % n)];
      const xb = st.partAt[b * S + s1];
      const xe = st.partAt[e * S + s1];
      if (xb < 0 && xe < 0) continue;
      for (let o = 0; o < S; o++) {
        const s2 = (o0 + o) % S;
        // whoever is busy in s1 must be free in s2, or its meeting could not move there
        if (s2 === s1 || (xb >= 0 && st.partAt[b * S + s2] !== -1) || (xe >= 0 && st.partAt[e * S + s2] !== -1)) continue;
        st.work++;
        const mk = st.mark();
        if (this.kempe(r, s1, s2, cap)) return true;
        st.rollback(mk);
      }
    }
    return false;
  }

  /** Dropped meetings of the accepted move, which go back to the queue. */
  private takeLost(): void {
    this.lost.length = 0;
  }

  /**
   * Tries to schedule r: directly, else by the best ejection move over all its slots.
   * Equal-weight trades are taken with probability `plateau`. Returns the weight gained.
   */
  tryInsert(r: number, depth: number, plateau: number): number {
    const st = this.st;
    const m = st.m;
    const w = m.reqWeight[r];
    st.work++;
    const direct = this.bestDirectSlot(r);
    if (direct >= 0) {
      st.place(r, direct);
      st.commit();
      return w;
    }
    if (depth === 0) return 0;
    const a = m.reqSlotStart[r];
    const n = m.reqSlotStart[r + 1] - a;
    const k0 = this.rng.int(n);
    let bestGain = -Infinity;
    let bestS = -1;
    let bestRng = 0;
    for (let j = 0; j < n; j++) {
      const s = m.reqSlots[a + ((k0 + j) % n)];
      const rs = this.rng.state;
      const mk = st.mark();
      const lw = this.ejectInsert(r, s, depth);
      if (lw >= 0 && this.fairOk(0)) {
        const gain = w - lw;
        if (gain >= w - EPS) {
          st.commit();
          this.takeLost();
          return gain;
        }
        if (gain > bestGain + EPS) {
          bestGain = gain;
          bestS = s;
          bestRng = rs;
        }
      }
      st.rollback(mk);
      this.lost.length = 0;
      if (this.exhausted()) break;
    }
    if (this.kempeCap > 0 && this.kempeInsert(r, this.kempeCap)) {
      st.commit();
      return w;
    }
    if (bestS < 0) return 0;
    if (bestGain > EPS || (bestGain > -EPS && plateau > 0 && this.rng.next() < plateau)) {
      this.rng.state = bestRng;
      const served = st.served;
      const mk = st.mark();
      const lw = this.ejectInsert(r, bestS, depth);
      if (lw >= 0 && this.fairOk(0) && (w - lw > EPS || (w - lw > -EPS && this.servesNoFewer(served)))) {
        st.commit();
        this.takeLost();
        return w - lw;
      }
      st.rollback(mk);
      this.lost.length = 0;
    }
    return 0;
  }

  /**
   * A perturbation: forces r into a random slot even at a loss, then repairs by re-inserting what
   * it pushed out (with further ejections) and the open requests of the people involved. Kept when
   * the total weight does not drop (equal weight with probability `plateau`), else undone.
   */
  kick(r: number, plateau: number): void {
    const st = this.st;
    const m = st.m;
    const a = m.reqSlotStart[r];
    const n = m.reqSlotStart[r + 1] - a;
    st.work++; // every kick costs work, so the loop ends even when all of them fail at once
    if (n === 0 || st.slotOf[r] >= 0) return;
    const before = st.weight;
    const served = st.served;
    st.hold++;
    const mk = st.mark();
    const lw = this.ejectInsert(r, m.reqSlots[a + this.rng.int(n)], 1);
    const ok = lw >= 0 && this.fairOk(0);
    const dropped = [...this.lost];
    this.lost.length = 0;
    if (ok) {
      dropped.sort((p, q) => m.reqWeight[q] - m.reqWeight[p]);
      // cheap repairs only: many small kicks beat few deep ones
      for (const x of dropped) if (st.slotOf[x] < 0) this.tryInsert(x, 0, 0);
      for (const x of dropped) {
        for (const p of [m.reqBuyer[x], m.reqExh[x]]) {
          for (let q = m.partReqStart[p]; q < m.partReqStart[p + 1]; q++) {
            const y = m.partReqs[q];
            if (st.slotOf[y] < 0 && !st.pinned[y]) {
              const t = this.bestDirectSlot(y);
              if (t >= 0) st.place(y, t);
            }
          }
        }
      }
    }
    st.hold--;
    const keep =
      ok && (st.weight > before + EPS || (st.weight > before - EPS && this.rng.next() < plateau && this.servesNoFewer(served))) && this.noneLeftEmpty(dropped);
    if (keep) st.commit();
    else {
      st.rollback(mk);
      st.commit();
    }
  }

  /** Among equal weights, the tie-breaker keeps a move only if it leaves no more participants without a meeting. */
  private servesNoFewer(servedBefore: number): boolean {
    return !this.preferServed || this.st.served >= servedBefore;
  }

  private noneLeftEmpty(xs: number[]): boolean {
    if (!this.fair) return true;
    const st = this.st;
    const m = st.m;
    for (const x of xs) if (st.slotOf[x] < 0 && (st.count[m.reqBuyer[x]] === 0 || st.count[m.reqExh[x]] === 0)) return false;
    return true;
  }

  /** Kicks on random open requests (the heavier of two draws) until the budget is used. */
  perturb(workEnd: number, plateau: number): void {
    this.report('perturb');
    let open = this.open();
    let sinceRefresh = 0;
    while (open.length > 0 && !this.exhausted(workEnd)) {
      const w = this.st.m.reqWeight;
      const x = open[this.rng.int(open.length)];
      const y = open[this.rng.int(open.length)];
      this.kick(w[y] > w[x] ? y : x, plateau);
      if (++sinceRefresh >= 64) {
        open = this.open();
        sinceRefresh = 0;
      }
    }
  }

  construct(): void {
    const st = this.st;
    this.report('construct');
    for (const r of this.order(this.open())) {
      const s = this.bestDirectSlot(r);
      if (s >= 0) st.place(r, s);
      if ((r & 255) === 0 && this.exhausted()) break;
    }
    st.commit();
  }

  /** Rounds over the unscheduled requests, deepening the ejection when a round gains nothing. */
  improve(workEnd: number, maxDepth: number, plateau: number): void {
    const st = this.st;
    this.report('improve');
    let depth = 1;
    let idle = 0;
    while (!this.exhausted(workEnd)) {
      const before = st.weight;
      let moved = 0;
      for (const r of this.order(this.open())) {
        if (st.slotOf[r] >= 0) continue;
        const mk = st.meetings;
        if (this.tryInsert(r, depth, plateau) > -EPS && st.meetings !== mk) moved++;
        if (this.exhausted(workEnd)) break;
      }
      if (st.weight > before + EPS) idle = 0;
      else if (depth < maxDepth) depth++;
      else if (moved === 0 || ++idle >= 3) break;
    }
  }

  /** Adds every request that still fits somewhere as is, so no free room is left unused. */
  fill(): void {
    const st = this.st;
    for (const r of this.order(this.open())) {
      const s = this.bestDirectSlot(r);
      if (s >= 0) st.place(r, s);
    }
    st.commit();
  }

  /**
   * The fairness tie-breaker (fairness 'weight'): gives a meeting to participants who have none
   * only by moves that keep the total weight or raise it — an equal-weight trade, an ejection chain
   * that moves the blockers elsewhere, a Kempe swap of two slots — and that take nobody's last
   * meeting. Never costs weight. `share` of the work budget at most.
   */
  tieBreak(share: number): void {
    if (this.fair) return;
    const strict = this.fair;
    this.fair = true; // while it runs: a move may not take someone's last meeting
    try {
      this.serveUnserved(true, share, 0);
    } finally {
      this.fair = strict;
    }
  }

  /**
   * Gives one meeting to every participant who has none but could, at the least cost in weight.
   * Participants it could not serve before are retried only when `retry`. One pass stops after
   * FAIRNESS_SHARE of the work budget (the rest wait for the next pass).
   */
  fairness(retry = false, share = FAIRNESS_SHARE): void {
    if (!this.fair) return;
    this.serveUnserved(retry, share, Infinity);
  }

  /** The fairness passes: serve each participant without a meeting at a cost in weight of at most `maxLoss`. */
  private serveUnserved(retry: boolean, share: number, maxLoss: number): void {
    const st = this.st;
    const m = st.m;
    this.report('fairness');
    const unservable = (this.unservable ??= new Uint8Array(m.P));
    // its own share of the budget (reproducible), and the clock as the safety stop
    const end = st.work + this.lim.workLimit * share;
    for (let p = 0; p < m.P; p++) {
      if (st.count[p] > 0 || m.partMax[p] === 0 || (unservable[p] && !retry)) continue;
      if (st.work > end) break;
      // the clock at every participant: one can try hundreds of ejection chains (40k requests, a
      // loaded machine: 16 of them between two looks took a second past the limit)
      if (Date.now() > this.lim.deadline) {
        this.stoppedByTime = true;
        break;
      }
      let bestLoss = Infinity;
      let bestR = -1;
      let bestS = -1;
      let bestRng = 0;
      for (let q = m.partReqStart[p]; q < m.partReqStart[p + 1] && bestLoss > 0; q++) {
        const r = m.partReqs[q];
        if (st.slotOf[r] >= 0 || st.pinned[r]) continue;
        if ((++this.checks & 7) === 0 && Date.now() > this.lim.deadline) break;
        for (let k = m.reqSlotStart[r]; k < m.reqSlotStart[r + 1]; k++) {
          const s = m.reqSlots[k];
          const rs = this.rng.state;
          const w0 = st.weight;
          const mk = st.mark();
          const lw = this.ejectInsert(r, s, 2);
          // the loss as the state counts it (the dropped weight alone misses what a chain moved)
          if (lw >= 0 && this.fairOk(0) && w0 - st.weight < bestLoss) {
            bestLoss = w0 - st.weight;
            bestR = r;
            bestS = s;
            bestRng = rs;
          }
          st.rollback(mk);
          this.lost.length = 0;
          if (bestLoss <= -m.reqWeight[r]) break;
        }
      }
      if (bestR >= 0 && bestLoss > maxLoss + EPS) bestR = -1;
      if (bestR < 0 && maxLoss <= 0 && this.kempeCap > 0) {
        // no trade of equal weight: a Kempe swap of two slots places a request without dropping anyone
        const mk = st.mark();
        let placed = false;
        for (let q = m.partReqStart[p]; q < m.partReqStart[p + 1] && !placed; q++) {
          // each request tries every pair of slots (24 slots: 552 swaps): the clock before each
          if (Date.now() > this.lim.deadline) break;
          const r = m.partReqs[q];
          if (st.slotOf[r] < 0 && !st.pinned[r] && this.slotCount(r) > 0) placed = this.kempeInsert(r, this.kempeCap);
        }
        if (placed) {
          st.commit();
          unservable[p] = 0;
          continue;
        }
        st.rollback(mk);
      }
      if (bestR < 0) {
        unservable[p] = 1;
        continue;
      }
      unservable[p] = 0;
      this.rng.state = bestRng;
      const w0 = st.weight;
      const mk = st.mark();
      const lw = this.ejectInsert(bestR, bestS, 2);
      // the replay is kept only within the loss allowed (the tie-breaker: none), whatever it did
      if (lw >= 0 && this.fairOk(0) && w0 - st.weight <= maxLoss + EPS) st.commit();
      else st.rollback(mk);
      this.lost.length = 0;
    }
    st.commit();
  }
}
