/** The instance compiled to integer indices and typed arrays, which the search works on. */
import type { Instance } from './types';

export interface Model {
  readonly inst: Instance;
  /** Counts: slots, participants, tables, interpreters, languages, requests. */
  readonly S: number;
  readonly P: number;
  readonly T: number;
  readonly I: number;
  readonly L: number;
  readonly R: number;
  readonly slotIndex: Map<string, number>;
  readonly partIndex: Map<string, number>;
  readonly tableIndex: Map<string, number>;
  readonly interpIndex: Map<string, number>;
  readonly reqIndex: Map<string, number>;
  readonly langs: string[];
  /** participant p unavailable in slot s: partUnavail[p * S + s] */
  readonly partUnavail: Uint8Array;
  /** maxMeetings, or a large number */
  readonly partMax: Int32Array;
  /** table index or -1 */
  readonly partTable: Int32Array;
  /** 1 for tables a participant owns */
  readonly tableOwned: Uint8Array;
  /** indices of the shared pool tables, in instance order */
  readonly poolTables: Int32Array;
  readonly poolCap: number;
  readonly reqBuyer: Int32Array;
  readonly reqExh: Int32Array;
  readonly reqWeight: Float64Array;
  /** language index or -1 */
  readonly reqLang: Int32Array;
  /** host table index, or -1 for the shared pool */
  readonly reqHost: Int32Array;
  readonly reqFixedSlot: Int32Array;
  readonly reqFixedTable: Int32Array;
  readonly reqFixedInterp: Int32Array;
  /** slots where both sides are available (and an interpreter could be), CSR by request */
  readonly reqSlotStart: Int32Array;
  readonly reqSlots: Int32Array;
  /** 1 when slot s is among r's possible slots: reqSlotOk[r * S + s] */
  readonly reqSlotOk: Uint8Array;
  /** requests of each participant, CSR */
  readonly partReqStart: Int32Array;
  readonly partReqs: Int32Array;
  readonly interpUnavail: Uint8Array;
  /** languages of each interpreter, CSR */
  readonly interpLangStart: Int32Array;
  readonly interpLangs: Int32Array;
  /** interpreters available in slot s who speak language l, CSR by s * L + l */
  readonly ilStart: Int32Array;
  readonly ilList: Int32Array;
}

export const NO_MAX = 0x3fffffff;

function csr(n: number, lists: number[][]): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i] + lists[i].length;
  const items = new Int32Array(start[n]);
  for (let i = 0; i < n; i++) items.set(lists[i], start[i]);
  return { start, items };
}

export function compileModel(inst: Instance): Model {
  const S = inst.slots.length;
  const P = inst.participants.length;
  const T = inst.tables.length;
  const interps = inst.interpreters ?? [];
  const I = interps.length;
  const R = inst.requests.length;
  const slotIndex = new Map(inst.slots.map((s, i) => [s.id, i]));
  const partIndex = new Map(inst.participants.map((p, i) => [p.id, i]));
  const tableIndex = new Map(inst.tables.map((t, i) => [t.id, i]));
  const interpIndex = new Map(interps.map((t, i) => [t.id, i]));
  const reqIndex = new Map(inst.requests.map((r, i) => [r.id, i]));

  const langIndex = new Map<string, number>();
  const langOf = (l: string): number => {
    let k = langIndex.get(l);
    if (k === undefined) {
      k = langIndex.size;
      langIndex.set(l, k);
    }
    return k;
  };
  for (const r of inst.requests) if (r.language) langOf(r.language);
  for (const it of interps) for (const l of it.languages) langOf(l);
  const L = langIndex.size;

  const partUnavail = new Uint8Array(P * S);
  const partMax = new Int32Array(P);
  const partTable = new Int32Array(P).fill(-1);
  const tableOwned = new Uint8Array(T);
  inst.participants.forEach((p, i) => {
    for (const s of p.unavailable ?? []) partUnavail[i * S + (slotIndex.get(s) ?? 0)] = 1;
    partMax[i] = p.maxMeetings ?? NO_MAX;
    if (p.table !== undefined) {
      const t = tableIndex.get(p.table) ?? -1;
      partTable[i] = t;
      if (t >= 0) tableOwned[t] = 1;
    }
  });
  const pool: number[] = [];
  for (let t = 0; t < T; t++) if (!tableOwned[t]) pool.push(t);

  const interpUnavail = new Uint8Array(I * S);
  const iLangLists: number[][] = [];
  const ilLists: number[][] = Array.from({ length: S * L }, () => []);
  interps.forEach((it, i) => {
    for (const s of it.unavailable ?? []) interpUnavail[i * S + (slotIndex.get(s) ?? 0)] = 1;
    const ls = [...new Set(it.languages.map(langOf))];
    iLangLists.push(ls);
    for (let s = 0; s < S; s++) if (!interpUnavail[i * S + s]) for (const l of ls) ilLists[s * L + l].push(i);
  });
  const iLang = csr(I, iLangLists);
  const il = csr(S * L, ilLists);

  const reqBuyer = new Int32Array(R);
  const reqExh = new Int32Array(R);
  const reqWeight = new Float64Array(R);
  const reqLang = new Int32Array(R).fill(-1);
  const reqHost = new Int32Array(R).fill(-1);
  const reqFixedSlot = new Int32Array(R).fill(-1);
  const reqFixedTable = new Int32Array(R).fill(-1);
  const reqFixedInterp = new Int32Array(R).fill(-1);
  const slotLists: number[][] = [];
  const partReqLists: number[][] = Array.from({ length: P }, () => []);
  inst.requests.forEach((r, k) => {
    const b = partIndex.get(r.buyer) ?? 0;
    const e = partIndex.get(r.exhibitor) ?? 0;
    reqBuyer[k] = b;
    reqExh[k] = e;
    reqWeight[k] = r.weight ?? 1;
    const l = r.language ? langOf(r.language) : -1;
    reqLang[k] = l;
    reqHost[k] = partTable[b] >= 0 ? partTable[b] : partTable[e];
    if (r.fixed) {
      reqFixedSlot[k] = slotIndex.get(r.fixed.slot) ?? -1;
      if (r.fixed.table !== undefined) reqFixedTable[k] = tableIndex.get(r.fixed.table) ?? -1;
      if (r.fixed.interpreter !== undefined) reqFixedInterp[k] = interpIndex.get(r.fixed.interpreter) ?? -1;
    }
    partReqLists[b].push(k);
    partReqLists[e].push(k);
    const ss: number[] = [];
    if (!r.fixed) {
      for (let s = 0; s < S; s++) {
        if (partUnavail[b * S + s] || partUnavail[e * S + s]) continue;
        if (l >= 0 && il.start[s * L + l + 1] === il.start[s * L + l]) continue;
        ss.push(s);
      }
    }
    slotLists.push(ss);
  });
  const rs = csr(R, slotLists);
  const reqSlotOk = new Uint8Array(R * S);
  slotLists.forEach((ss, k) => {
    for (const s of ss) reqSlotOk[k * S + s] = 1;
  });
  const pr = csr(P, partReqLists);

  return {
    inst,
    S,
    P,
    T,
    I,
    L,
    R,
    slotIndex,
    partIndex,
    tableIndex,
    interpIndex,
    reqIndex,
    langs: [...langIndex.keys()],
    partUnavail,
    partMax,
    partTable,
    tableOwned,
    poolTables: Int32Array.from(pool),
    poolCap: pool.length,
    reqBuyer,
    reqExh,
    reqWeight,
    reqLang,
    reqHost,
    reqFixedSlot,
    reqFixedTable,
    reqFixedInterp,
    reqSlotStart: rs.start,
    reqSlots: rs.items,
    reqSlotOk,
    partReqStart: pr.start,
    partReqs: pr.items,
    interpUnavail,
    interpLangStart: iLang.start,
    interpLangs: iLang.items,
    ilStart: il.start,
    ilList: il.items,
  };
}
