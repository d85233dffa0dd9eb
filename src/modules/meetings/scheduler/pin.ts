/** Places locked meetings (fixed in the instance, or published and kept) exactly where they were put. */
import type { ScheduleState } from './state';

/** Pool tables already taken by a pinned meeting: key t * S + s. */
export type PoolTableClaims = Set<number>;

/**
 * Places request r at slot s (with table t and interpreter i when given, else -1) if every rule
 * allows it, and marks it pinned when `lock`. Returns null, or why it cannot be placed there.
 */
export function pinPlacement(
  st: ScheduleState,
  claims: PoolTableClaims,
  r: number,
  s: number,
  t: number,
  i: number,
  lock: boolean,
): string | null {
  const m = st.m;
  const S = m.S;
  const inst = m.inst;
  const slot = inst.slots[s].id;
  for (const p of [m.reqBuyer[r], m.reqExh[r]]) {
    const def = inst.participants[p];
    const who = `${def.side} ${def.id}`;
    if (m.partUnavail[p * S + s]) return `${who} is unavailable in ${slot}`;
    const other = st.partAt[p * S + s];
    if (other !== -1) return `${who} already meets in ${slot} (${inst.requests[other].id})`;
    if (st.count[p] >= m.partMax[p]) return `${who} would exceed its maximum of ${m.partMax[p]} meetings`;
  }
  const h = m.reqHost[r];
  if (h >= 0) {
    if (t >= 0 && t !== h) return `it must be at host table ${inst.tables[h].id}, not ${inst.tables[t].id}`;
    const other = st.tableAt[h * S + s];
    if (other !== -1) return `table ${inst.tables[h].id} is already taken in ${slot} (${inst.requests[other].id})`;
  } else {
    if (t >= 0 && m.tableOwned[t]) return `table ${inst.tables[t].id} belongs to a participant; this meeting needs a shared pool table`;
    if (t >= 0 && claims.has(t * S + s)) return `table ${inst.tables[t].id} is already taken in ${slot}`;
    if (st.poolUsed[s] >= m.poolCap) return `no shared pool table is left in ${slot}`;
  }
  const l = m.reqLang[r];
  if (l < 0 && i >= 0) return 'it needs no interpreter';
  if (l >= 0) {
    const lang = m.langs[l];
    if (i >= 0) {
      const it = inst.interpreters?.[i];
      if (!it?.languages.includes(lang)) return `interpreter ${it?.id ?? i} does not speak ${lang}`;
      if (!st.interpreterFree(i, s)) return `interpreter ${it.id} is unavailable or already booked in ${slot}`;
    } else if (!st.interpreterRoom(s, l)) return `no interpreter for ${lang} is free in ${slot}`;
  }
  if (i >= 0 && l >= 0) {
    st.pinInterp[r] = i;
    st.reserveInterpreter(i, s);
  }
  if (h < 0 && t >= 0) {
    st.pinTable[r] = t;
    claims.add(t * S + s);
  }
  st.place(r, s);
  if (lock) st.pinned[r] = 1;
  st.commit();
  return null;
}

/**
 * Places every fixed request of the instance. A fixed placement that breaks a rule goes to
 * `onBroken`: it throws (an input error, the format's rule), or returns and the request stays
 * out of the schedule (the search never places a fixed request elsewhere).
 */
export function placeFixed(st: ScheduleState, claims: PoolTableClaims, onBroken: (message: string, r: number) => void): void {
  const m = st.m;
  // meetings that name their interpreter go first, so the matching cannot take that interpreter
  const order: number[] = [];
  for (let r = 0; r < m.R; r++) if (m.reqFixedSlot[r] >= 0 && m.reqFixedInterp[r] >= 0) order.push(r);
  for (let r = 0; r < m.R; r++) if (m.reqFixedSlot[r] >= 0 && m.reqFixedInterp[r] < 0) order.push(r);
  for (const r of order) {
    const why = pinPlacement(st, claims, r, m.reqFixedSlot[r], m.reqFixedTable[r], m.reqFixedInterp[r], true);
    if (why !== null) {
      onBroken(`request ${m.inst.requests[r].id} is fixed at ${m.inst.slots[m.reqFixedSlot[r]].id}, but ${why}`, r);
      st.pinned[r] = 1;
    }
  }
}
