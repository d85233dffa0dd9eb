/** Turns the search state into the result document: concrete tables, interpreters and reasons. */
import { explainUnscheduled } from './reasons';
import type { ScheduleState } from './state';
import type { Meeting, ScheduleDocument, UnscheduledRequest } from './types';

/** `reasons`: requests whose reason is already known (a fixed placement that breaks a rule). */
export function buildDocument(st: ScheduleState, reasons: ReadonlyMap<number, string> = new Map()): ScheduleDocument {
  const m = st.m;
  const inst = m.inst;
  const S = m.S;
  const tableOf = new Int32Array(m.R).fill(-1);
  const interpOf = new Int32Array(m.R).fill(-1);
  for (let s = 0; s < S; s++) {
    // pool: tables claimed by pinned meetings first, then the rest in instance order
    const group = [...st.poolGroup[s]].sort((a, b) => a - b);
    const used = new Set<number>();
    for (const r of group) if (st.pinTable[r] >= 0) {
      tableOf[r] = st.pinTable[r];
      used.add(st.pinTable[r]);
    }
    let k = 0;
    for (const r of group) {
      if (tableOf[r] >= 0) continue;
      while (used.has(m.poolTables[k])) k++;
      tableOf[r] = m.poolTables[k++];
    }
    for (let l = 0; l < m.L; l++) {
      const g = [...st.langGroup[s * m.L + l]].sort((a, b) => a - b);
      const its = st.interpretersServing(s, l);
      if (its.length !== g.length) throw new Error(`internal: ${g.length} meetings but ${its.length} interpreters for ${m.langs[l]} in ${inst.slots[s].id}`);
      g.forEach((r, j) => (interpOf[r] = its[j]));
    }
  }
  const meetings: Meeting[] = [];
  const unscheduled: UnscheduledRequest[] = [];
  for (let r = 0; r < m.R; r++) {
    const s = st.slotOf[r];
    const id = inst.requests[r].id;
    if (s < 0) {
      unscheduled.push({ request: id, reason: reasons.get(r) ?? explainUnscheduled(st, r) });
      continue;
    }
    const h = m.reqHost[r];
    const mt: Meeting = { request: id, slot: inst.slots[s].id, table: inst.tables[h >= 0 ? h : tableOf[r]].id };
    if (m.reqLang[r] >= 0) {
      const i = st.pinInterp[r] >= 0 ? st.pinInterp[r] : interpOf[r];
      mt.interpreter = (inst.interpreters ?? [])[i].id;
    }
    meetings.push(mt);
  }
  return { meetings, unscheduled };
}
