/**
 * A pure validator of a schedule against the rules of FORMAT.md, for results and for manual moves
 * on the platform. Each violation names the rule it breaks.
 */
import type { Instance, Meeting } from './types';

export type ViolationCode =
  | 'unknown-request'
  | 'duplicate-request'
  | 'fixed-moved'
  | 'fixed-missing'
  | 'unknown-slot'
  | 'participant-unavailable'
  | 'participant-double-booked'
  | 'max-meetings'
  | 'unknown-table'
  | 'wrong-table'
  | 'table-double-booked'
  | 'interpreter-missing'
  | 'interpreter-language'
  | 'interpreter-unavailable'
  | 'interpreter-double-booked'
  | 'interpreter-not-needed';

export interface Violation {
  /** The numbered rule of FORMAT.md: 1 requests, 2 participants, 3 tables, 4 interpreters. */
  rule: 1 | 2 | 3 | 4;
  code: ViolationCode;
  /** The request concerned, when there is one. */
  request?: string;
  message: string;
}

export function checkSchedule(inst: Instance, meetings: readonly Meeting[]): Violation[] {
  const out: Violation[] = [];
  const add = (rule: Violation['rule'], code: ViolationCode, message: string, request?: string): void => {
    out.push(request === undefined ? { rule, code, message } : { rule, code, request, message });
  };
  const slots = new Set(inst.slots.map((s) => s.id));
  const tables = new Set(inst.tables.map((t) => t.id));
  const owned = new Set<string>();
  for (const p of inst.participants) if (p.table !== undefined) owned.add(p.table);
  const parts = new Map(inst.participants.map((p) => [p.id, { def: p, unav: new Set(p.unavailable ?? []) }]));
  const interps = new Map((inst.interpreters ?? []).map((i) => [i.id, { def: i, unav: new Set(i.unavailable ?? []) }]));
  const reqs = new Map(inst.requests.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const partSlot = new Map<string, string>();
  const tableSlot = new Map<string, string>();
  const interpSlot = new Map<string, string>();
  const count = new Map<string, number>();

  for (const mt of meetings) {
    const r = reqs.get(mt.request);
    if (!r) {
      add(1, 'unknown-request', `unknown request ${mt.request}`, mt.request);
      continue;
    }
    if (seen.has(r.id)) {
      add(1, 'duplicate-request', `request ${r.id} is scheduled twice`, r.id);
      continue;
    }
    seen.add(r.id);
    if (r.fixed && (r.fixed.slot !== mt.slot || (r.fixed.table !== undefined && r.fixed.table !== mt.table) || (r.fixed.interpreter !== undefined && r.fixed.interpreter !== mt.interpreter))) {
      add(1, 'fixed-moved', `${r.id} is fixed at ${r.fixed.slot}${r.fixed.table ? ' / ' + r.fixed.table : ''} but placed at ${mt.slot} / ${mt.table}`, r.id);
    }
    if (!slots.has(mt.slot)) {
      add(2, 'unknown-slot', `${r.id}: unknown slot ${mt.slot}`, r.id);
      continue;
    }
    for (const pid of [r.buyer, r.exhibitor]) {
      const p = parts.get(pid);
      if (!p) continue;
      if (p.unav.has(mt.slot)) add(2, 'participant-unavailable', `${r.id}: ${p.def.side} ${pid} is unavailable in ${mt.slot}`, r.id);
      const k = `${pid}|${mt.slot}`;
      const other = partSlot.get(k);
      if (other !== undefined) add(2, 'participant-double-booked', `${p.def.side} ${pid} has ${other} and ${r.id} in ${mt.slot}`, r.id);
      else partSlot.set(k, r.id);
      count.set(pid, (count.get(pid) ?? 0) + 1);
    }
    const host = parts.get(r.buyer)?.def.table ?? parts.get(r.exhibitor)?.def.table;
    if (!tables.has(mt.table)) add(3, 'unknown-table', `${r.id}: unknown table ${mt.table}`, r.id);
    else if (host !== undefined && mt.table !== host) add(3, 'wrong-table', `${r.id}: must be at host table ${host}, not ${mt.table}`, r.id);
    else if (host === undefined && owned.has(mt.table)) add(3, 'wrong-table', `${r.id}: table ${mt.table} belongs to a participant; this meeting needs a shared pool table`, r.id);
    const tk = `${mt.table}|${mt.slot}`;
    const atTable = tableSlot.get(tk);
    if (atTable !== undefined) add(3, 'table-double-booked', `table ${mt.table} has ${atTable} and ${r.id} in ${mt.slot}`, r.id);
    else tableSlot.set(tk, r.id);
    if (r.language) {
      const it = mt.interpreter === undefined ? undefined : interps.get(mt.interpreter);
      if (!it) add(4, 'interpreter-missing', `${r.id}: needs a ${r.language} interpreter, got ${mt.interpreter ?? 'none'}`, r.id);
      else {
        if (!it.def.languages.includes(r.language)) add(4, 'interpreter-language', `${r.id}: interpreter ${it.def.id} does not speak ${r.language}`, r.id);
        if (it.unav.has(mt.slot)) add(4, 'interpreter-unavailable', `${r.id}: interpreter ${it.def.id} is unavailable in ${mt.slot}`, r.id);
        const ik = `${it.def.id}|${mt.slot}`;
        const other = interpSlot.get(ik);
        if (other !== undefined) add(4, 'interpreter-double-booked', `interpreter ${it.def.id} has ${other} and ${r.id} in ${mt.slot}`, r.id);
        else interpSlot.set(ik, r.id);
      }
    } else if (mt.interpreter !== undefined) {
      add(4, 'interpreter-not-needed', `${r.id}: needs no interpreter, got ${mt.interpreter}`, r.id);
    }
  }
  for (const [pid, c] of count) {
    const p = parts.get(pid);
    const mx = p?.def.maxMeetings;
    if (p && mx !== undefined && c > mx) add(2, 'max-meetings', `${p.def.side} ${pid} has ${c} meetings, more than its maximum of ${mx}`);
  }
  for (const r of inst.requests) if (r.fixed && !seen.has(r.id)) add(1, 'fixed-missing', `fixed request ${r.id} is not scheduled`, r.id);
  return out;
}
