/** Explains, in words an organizer understands, why a request is not in the schedule. */
import type { ScheduleState } from './state';

function who(st: ScheduleState, p: number): string {
  const def = st.m.inst.participants[p];
  return `${def.side} ${def.id}`;
}

function joinOr(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

export function explainUnscheduled(st: ScheduleState, r: number): string {
  const m = st.m;
  const S = m.S;
  const b = m.reqBuyer[r];
  const e = m.reqExh[r];
  const l = m.reqLang[r];
  const lang = l >= 0 ? m.langs[l] : '';
  const away = (p: number, s: number): boolean => m.partUnavail[p * S + s] === 1;
  const busy = (p: number, s: number): boolean => st.partAt[p * S + s] !== -1;

  if (m.reqSlotStart[r + 1] === m.reqSlotStart[r]) {
    let bAny = false;
    let eAny = false;
    let both = false;
    for (let s = 0; s < S; s++) {
      bAny ||= !away(b, s);
      eAny ||= !away(e, s);
      both ||= !away(b, s) && !away(e, s);
    }
    if (!bAny) return `${who(st, b)} is unavailable in every slot`;
    if (!eAny) return `${who(st, e)} is unavailable in every slot`;
    if (!both) return `${who(st, e)} is away in every slot ${who(st, b)} is available`;
    const speaks = (m.inst.interpreters ?? []).some((it) => it.languages.includes(lang));
    if (!speaks) return `no interpreter speaks ${lang}`;
    return `no interpreter for ${lang} is available in any slot both are available`;
  }
  for (const p of [b, e]) {
    if (m.partMax[p] === 0) return `${who(st, p)} takes no meetings (maximum 0)`;
    if (st.count[p] >= m.partMax[p]) return `${who(st, p)} reached its maximum of ${m.partMax[p]} meetings`;
  }
  let bFreeOk = true;
  let eFreeOk = true;
  for (let s = 0; s < S; s++) {
    const bFree = !away(b, s) && !busy(b, s);
    const eFree = !away(e, s) && !busy(e, s);
    if (bFree && eFree) {
      bFreeOk = false;
      eFreeOk = false;
      break;
    }
    if (bFree) bFreeOk = false;
    if (eFree) eFreeOk = false;
  }
  // bFreeOk: in every slot the exhibitor is free the buyer is not (and vice versa)
  if (eFreeOk && !bFreeOk) return `${who(st, e)} is busy or away in every slot ${who(st, b)} is free`;
  if (bFreeOk && !eFreeOk) return `${who(st, b)} is busy or away in every slot ${who(st, e)} is free`;
  if (bFreeOk && eFreeOk) return `${who(st, b)} and ${who(st, e)} are busy or away in every slot`;

  let noInterp = false;
  let noPool = false;
  let hostTaken = false;
  let open = -1;
  const h = m.reqHost[r];
  for (let s = 0; s < S; s++) {
    if (away(b, s) || away(e, s) || busy(b, s) || busy(e, s)) continue;
    let blocked = false;
    if (h >= 0 && st.tableAt[h * S + s] !== -1) {
      hostTaken = true;
      blocked = true;
    }
    if (h < 0 && st.poolUsed[s] >= m.poolCap) {
      noPool = true;
      blocked = true;
    }
    if (l >= 0 && st.pinInterp[r] < 0 && (m.ilStart[s * m.L + l + 1] === m.ilStart[s * m.L + l] || !st.interpreterRoom(s, l))) {
      noInterp = true;
      blocked = true;
    }
    if (!blocked && open < 0) open = s;
  }
  if (open >= 0) return `left out by the search; it still fits in slot ${m.inst.slots[open].id}`;
  const parts: string[] = [];
  if (noInterp) parts.push(`no interpreter for ${lang} is free`);
  if (noPool) parts.push('every shared table is taken');
  if (hostTaken) parts.push(`host table ${m.inst.tables[h].id} is taken`);
  if (parts.length === 1) return `${parts[0]} in any slot both are free`;
  return `in every slot both are free, ${joinOr(parts)}`;
}
