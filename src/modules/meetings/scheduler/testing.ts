/**
 * Small random instances for tests (and for trying the engine by hand). Every instance is valid,
 * including its fixed meetings, which are only added where they keep the rules.
 */
import { checkSchedule } from './check';
import { Rng } from './rng';
import { FORMAT_ID, type Instance, type InterpreterDef, type Meeting, type ParticipantDef, type RequestDef } from './types';

export interface RandomInstanceOptions {
  maxSlots?: number;
  maxBuyers?: number;
  maxExhibitors?: number;
  maxRequests?: number;
}

export function randomInstance(seed: number, o: RandomInstanceOptions = {}): Instance {
  const rng = new Rng(seed);
  const between = (lo: number, hi: number): number => lo + rng.int(hi - lo + 1);
  const S = between(1, o.maxSlots ?? 6);
  const nb = between(1, o.maxBuyers ?? 5);
  const ne = between(1, o.maxExhibitors ?? 5);
  const langs = ['en', 'zh', 'vi'];
  const slots = Array.from({ length: S }, (_, i) => ({ id: `S${i + 1}` }));
  const unav = (share: number): string[] => slots.filter(() => rng.next() < share).map((s) => s.id);
  const tables: { id: string }[] = [];
  const participants: ParticipantDef[] = [];
  const mode = rng.int(3); // 0 buyers host, 1 pool only, 2 mixed
  for (let i = 1; i <= nb; i++) {
    const p: ParticipantDef = { id: `B${i}`, side: 'buyer', languages: [langs[rng.int(3)]], unavailable: unav(0.2) };
    if (mode === 0 || (mode === 2 && rng.next() < 0.5)) {
      tables.push({ id: `TB${i}` });
      p.table = `TB${i}`;
    }
    if (rng.next() < 0.25) p.maxMeetings = rng.int(4);
    participants.push(p);
  }
  for (let i = 1; i <= ne; i++) {
    const p: ParticipantDef = { id: `E${i}`, side: 'exhibitor', languages: ['ko'], unavailable: unav(0.2) };
    if (mode === 2 && rng.next() < 0.3) {
      tables.push({ id: `TE${i}` });
      p.table = `TE${i}`;
    }
    if (rng.next() < 0.2) p.maxMeetings = rng.int(4);
    participants.push(p);
  }
  const pool = mode === 0 ? rng.int(2) : between(0, 3);
  for (let i = 1; i <= pool; i++) tables.push({ id: `TP${i}` });
  const interpreters: InterpreterDef[] = Array.from({ length: rng.int(4) }, (_, i) => ({
    id: `I${i + 1}`,
    languages: langs.filter(() => rng.next() < 0.5),
    unavailable: unav(0.2),
  }));
  const requests: RequestDef[] = [];
  const nr = between(0, o.maxRequests ?? 14);
  for (let k = 1; k <= nr; k++) {
    requests.push({
      id: `R${k}`,
      buyer: `B${1 + rng.int(nb)}`,
      exhibitor: `E${1 + rng.int(ne)}`,
      weight: 1 + rng.int(3),
      language: rng.next() < 0.4 ? langs[rng.int(3)] : null,
    });
  }
  const inst: Instance = { format: FORMAT_ID, name: `random-${seed}`, slots, tables, interpreters, participants, requests };
  // lock a few requests where that keeps every rule, so that instances stay feasible
  const locked: Meeting[] = [];
  for (const r of requests) {
    if (rng.next() > 0.15) continue;
    const slot = slots[rng.int(S)].id;
    const table = tables.length > 0 ? tables[rng.int(tables.length)].id : 'none';
    const it = r.language ? interpreters.filter((i) => i.languages.includes(r.language ?? '')) : [];
    const mt: Meeting = { request: r.id, slot, table };
    if (r.language) {
      if (it.length === 0) continue;
      mt.interpreter = it[rng.int(it.length)].id;
    }
    if (checkSchedule(inst, [...locked, mt]).length > 0) continue;
    locked.push(mt);
    r.fixed = rng.next() < 0.5 ? { slot, table } : { slot };
  }
  return inst;
}
