/**
 * A cheap upper bound for progress display: each buyer (and, separately, each exhibitor) can at best
 * get its heaviest possible requests, as many as its maximum and its available slots allow.
 * It is weaker than the LP bound of check.mjs.
 */
import type { Model } from './model';

export function simpleBound(m: Model): number {
  let best = Infinity;
  for (const side of ['buyer', 'exhibitor'] as const) {
    let sum = 0;
    for (let p = 0; p < m.P; p++) {
      if (m.inst.participants[p].side !== side) continue;
      let avail = 0;
      for (let s = 0; s < m.S; s++) if (!m.partUnavail[p * m.S + s]) avail++;
      const ws: number[] = [];
      for (let q = m.partReqStart[p]; q < m.partReqStart[p + 1]; q++) {
        const r = m.partReqs[q];
        if (m.reqFixedSlot[r] >= 0 || m.reqSlotStart[r + 1] > m.reqSlotStart[r]) ws.push(m.reqWeight[r]);
      }
      ws.sort((a, b) => b - a);
      const k = Math.min(ws.length, avail, m.partMax[p]);
      for (let j = 0; j < k; j++) sum += ws[j];
    }
    best = Math.min(best, sum);
  }
  return best;
}
