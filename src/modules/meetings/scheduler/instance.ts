/** Parses and validates a b2b-schedule/1 instance; every problem becomes one clear InstanceError. */
import {
  FORMAT_ID,
  type FixedPlacement,
  type Instance,
  type InterpreterDef,
  type ParticipantDef,
  type RequestDef,
  type SlotDef,
  type TableDef,
} from './types';

export class InstanceError extends Error {
  override readonly name = 'InstanceError';
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(where: string, msg: string): never {
  throw new InstanceError(`${where}: ${msg}`);
}

function str(o: Obj, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length === 0) fail(where, `"${key}" must be a non-empty string`);
  return v;
}

function optStr(o: Obj, key: string, where: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length === 0) fail(where, `"${key}" must be a non-empty string when present`);
  return v;
}

function strList(o: Obj, key: string, where: string, required: boolean): string[] {
  const v = o[key];
  if (v === undefined || v === null) {
    if (required) fail(where, `"${key}" must be a list of strings`);
    return [];
  }
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) fail(where, `"${key}" must be a list of strings`);
  return v as string[];
}

function list(o: Obj, key: string, required: boolean): unknown[] {
  const v = o[key];
  if (v === undefined && !required) return [];
  if (!Array.isArray(v)) fail('instance', `"${key}" must be a list`);
  return v;
}

function uniqueIds<T extends { id: string }>(items: T[], what: string): Set<string> {
  const ids = new Set<string>();
  for (const it of items) {
    if (ids.has(it.id)) fail(what, `duplicate id "${it.id}"`);
    ids.add(it.id);
  }
  return ids;
}

function knownSlots(slotIds: Set<string>, ids: string[], where: string): void {
  for (const s of ids) if (!slotIds.has(s)) fail(where, `unknown slot "${s}" in "unavailable"`);
}

/** Validates the shape and the references of an instance. It does not check that fixed meetings fit together: the engine does. */
export function parseInstance(raw: unknown): Instance {
  if (!isObj(raw)) throw new InstanceError('instance: expected a JSON object');
  if (raw.format !== FORMAT_ID) {
    fail('instance', `"format" must be "${FORMAT_ID}", got ${JSON.stringify(raw.format ?? null)}`);
  }
  const name = optStr(raw, 'name', 'instance');

  const slots: SlotDef[] = list(raw, 'slots', true).map((v, i) => {
    const where = `slots[${i}]`;
    if (!isObj(v)) fail(where, 'expected an object');
    return { id: str(v, 'id', where), start: optStr(v, 'start', where), end: optStr(v, 'end', where) };
  });
  if (slots.length === 0) fail('instance', '"slots" is empty: there is no time to meet');
  const slotIds = uniqueIds(slots, 'slots');

  const tables: TableDef[] = list(raw, 'tables', true).map((v, i) => {
    const where = `tables[${i}]`;
    if (!isObj(v)) fail(where, 'expected an object');
    return { id: str(v, 'id', where) };
  });
  const tableIds = uniqueIds(tables, 'tables');

  const interpreters: InterpreterDef[] = list(raw, 'interpreters', false).map((v, i) => {
    const where = `interpreters[${i}]`;
    if (!isObj(v)) fail(where, 'expected an object');
    const id = str(v, 'id', where);
    const w = `${where} (${id})`;
    const unavailable = strList(v, 'unavailable', w, false);
    knownSlots(slotIds, unavailable, w);
    return { id, languages: strList(v, 'languages', w, true), unavailable };
  });
  const interpreterIds = uniqueIds(interpreters, 'interpreters');

  const participants: ParticipantDef[] = list(raw, 'participants', true).map((v, i) => {
    const where = `participants[${i}]`;
    if (!isObj(v)) fail(where, 'expected an object');
    const id = str(v, 'id', where);
    const w = `${where} (${id})`;
    const side = v.side;
    if (side !== 'buyer' && side !== 'exhibitor') fail(w, `"side" must be "buyer" or "exhibitor", got ${JSON.stringify(side ?? null)}`);
    const unavailable = strList(v, 'unavailable', w, false);
    knownSlots(slotIds, unavailable, w);
    const table = optStr(v, 'table', w);
    if (table !== undefined && !tableIds.has(table)) fail(w, `unknown table "${table}"`);
    const mm = v.maxMeetings;
    let maxMeetings: number | undefined;
    if (mm !== undefined && mm !== null) {
      if (typeof mm !== 'number' || !Number.isInteger(mm) || mm < 0) fail(w, '"maxMeetings" must be a non-negative integer');
      maxMeetings = mm;
    }
    const p: ParticipantDef = { id, side, languages: strList(v, 'languages', w, false), unavailable };
    if (table !== undefined) p.table = table;
    if (maxMeetings !== undefined) p.maxMeetings = maxMeetings;
    return p;
  });
  uniqueIds(participants, 'participants');
  const sideOf = new Map(participants.map((p) => [p.id, p.side]));

  const requests: RequestDef[] = list(raw, 'requests', true).map((v, i) => {
    const where = `requests[${i}]`;
    if (!isObj(v)) fail(where, 'expected an object');
    const id = str(v, 'id', where);
    const w = `${where} (${id})`;
    const buyer = str(v, 'buyer', w);
    const exhibitor = str(v, 'exhibitor', w);
    if (sideOf.get(buyer) !== 'buyer') fail(w, `"${buyer}" is not a buyer of this instance`);
    if (sideOf.get(exhibitor) !== 'exhibitor') fail(w, `"${exhibitor}" is not an exhibitor of this instance`);
    const wt = v.weight ?? 1;
    if (typeof wt !== 'number' || !Number.isFinite(wt) || wt < 0) fail(w, '"weight" must be a non-negative number');
    const language = optStr(v, 'language', w) ?? null;
    const r: RequestDef = { id, buyer, exhibitor, weight: wt, language };
    if (v.fixed !== undefined && v.fixed !== null) {
      if (!isObj(v.fixed)) fail(w, '"fixed" must be an object with "slot" (and optionally "table")');
      const fx: FixedPlacement = { slot: str(v.fixed, 'slot', `${w} fixed`) };
      if (!slotIds.has(fx.slot)) fail(w, `fixed slot "${fx.slot}" is not a slot of this instance`);
      const t = optStr(v.fixed, 'table', `${w} fixed`);
      if (t !== undefined) {
        if (!tableIds.has(t)) fail(w, `fixed table "${t}" is not a table of this instance`);
        fx.table = t;
      }
      const it = optStr(v.fixed, 'interpreter', `${w} fixed`);
      if (it !== undefined) {
        if (!interpreterIds.has(it)) fail(w, `fixed interpreter "${it}" is not an interpreter of this instance`);
        fx.interpreter = it;
      }
      r.fixed = fx;
    }
    return r;
  });
  uniqueIds(requests, 'requests');

  const inst: Instance = { format: FORMAT_ID, slots, tables, interpreters, participants, requests };
  if (name !== undefined) inst.name = name;
  return inst;
}

/** Parses JSON text, turning a syntax error into an InstanceError. */
export function parseInstanceJson(text: string): Instance {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InstanceError(`instance: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseInstance(raw);
}
