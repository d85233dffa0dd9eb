import { checkSchedule } from './check';
import { loadSolver, scheduleAsync } from './engine';
import { parseInstance } from './instance';
import { compileModel } from './model';
import { buildDocument } from './output';
import { placeFixed } from './pin';
import { Rng } from './rng';
import { Search } from './search';
import { ScheduleState } from './state';
import { FORMAT_ID, type Instance, type InterpreterDef, type ParticipantDef, type RequestDef } from './types';
import { solveLp } from './lp';
import { improveByLpWindows, windowRanges } from './windows';

/** A small edition where interpreters are scarce (most buyers need one; about one interpreter per language), with a few fixed meetings. */
function scarceInstance(seed: number): Instance {
  const rng = new Rng(seed);
  const slots = Array.from({ length: 8 }, (_, i) => ({ id: `S${i + 1}` }));
  const langs = ['en', 'zh', 'vi'];
  const participants: ParticipantDef[] = [];
  const tables: { id: string }[] = [];
  for (let i = 1; i <= 12; i++) {
    tables.push({ id: `T${i}` });
    participants.push({ id: `B${i}`, side: 'buyer', languages: [langs[rng.int(3)]], table: `T${i}`, unavailable: rng.next() < 0.3 ? ['S1', 'S2'] : [] });
  }
  for (let i = 1; i <= 10; i++) participants.push({ id: `E${i}`, side: 'exhibitor', languages: ['ko'], unavailable: rng.next() < 0.2 ? ['S8'] : [] });
  const interpreters: InterpreterDef[] = langs.map((l, i) => ({ id: `I${i + 1}`, languages: [l], unavailable: i === 0 ? ['S3'] : [] }));
  interpreters.push({ id: 'I4', languages: ['zh', 'en'] });
  const requests: RequestDef[] = [];
  let n = 0;
  for (let b = 1; b <= 12; b++) {
    const lang = participants[b - 1].languages?.[0] ?? 'en';
    const seen = new Set<number>();
    for (let k = 0; k < 6; k++) {
      const e = 1 + rng.int(10);
      if (seen.has(e)) continue;
      seen.add(e);
      requests.push({ id: `R${++n}`, buyer: `B${b}`, exhibitor: `E${e}`, weight: 1 + rng.int(3), language: rng.next() < 0.85 ? lang : null });
    }
  }
  // one fixed meeting without an interpreter named: the windows must keep it and its interpreter
  const fixed = requests.find((r) => r.language === 'vi');
  if (fixed) fixed.fixed = { slot: 'S4' };
  return { format: FORMAT_ID, name: `scarce-${seed}`, slots, tables, interpreters, participants, requests };
}

describe('LP windows (windows.ts)', () => {
  it('cuts the grid into consecutive windows within the column limit (a single slot may exceed it), from the offset on', () => {
    const per = Int32Array.from([5, 5, 5, 20, 1, 1, 1, 9]);
    for (const offset of [0, 1, 3, 7]) {
      const ws = windowRanges(per, 10, offset);
      expect(ws[0][0]).toBe(0);
      expect(ws[ws.length - 1][1]).toBe(per.length);
      for (let k = 1; k < ws.length; k++) expect(ws[k][0]).toBe(ws[k - 1][1]);
      if (offset > 0) expect(ws[0]).toEqual([0, offset]);
      for (const [a, b] of ws.slice(offset > 0 ? 1 : 0)) {
        const cols = per.slice(a, b).reduce((x, y) => x + y, 0);
        expect(b > a).toBe(true);
        if (b - a > 1) expect(cols).toBeLessThanOrEqual(10);
      }
    }
    expect(windowRanges(per, 10, 0)).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 7],
      [7, 8],
    ]);
  });

  it('solves the same LP again after other windows of the same model (its reused buffers start clean each time)', async () => {
    const solver = await loadSolver();
    if (!solver) throw new Error('HiGHS did not load');
    const state = (): ScheduleState => {
      const st = new ScheduleState(compileModel(parseInstance(scarceInstance(3))));
      placeFixed(st, new Set<number>(), () => undefined);
      return st;
    };
    const mask = (from: number, to: number): Uint8Array => Uint8Array.from({ length: 8 }, (_, s) => (s >= from && s < to ? 1 : 0));
    const lpOf = (st: ScheduleState, slots?: Uint8Array) => {
      const lp = solveLp(solver, st, { timeLimitS: 60, iterationLimit: 20_000, slots, presolve: false });
      return { status: lp.status, bound: lp.bound, rows: lp.rows, nonzeros: lp.nonzeros, colReq: [...lp.colReq], colSlot: [...lp.colSlot], x: [...lp.x] };
    };
    const st = state();
    const first = lpOf(st, mask(0, 4));
    const other = lpOf(st, mask(4, 8));
    const whole = lpOf(st);
    expect(first.status).toBe('optimal');
    expect(other.colSlot.every((s) => s >= 4)).toBe(true);
    expect(lpOf(st, mask(0, 4))).toEqual(first);
    // and a fresh model (new buffers) gives the same LP
    expect(lpOf(state(), mask(0, 4))).toEqual(first);
    expect(lpOf(state())).toEqual(whole);
  });

  it('never lowers the weight, keeps every rule and the fixed meetings, restores the pins, and is deterministic', async () => {
    const solver = await loadSolver();
    expect(solver).not.toBeNull();
    if (!solver) return;
    for (let seed = 1; seed <= 8; seed++) {
      const runs: string[] = [];
      for (let twice = 0; twice < 2; twice++) {
        const inst = parseInstance(scarceInstance(seed));
        const st = new ScheduleState(compileModel(inst));
        placeFixed(st, new Set<number>(), (msg) => {
          throw new Error(msg);
        });
        const search = new Search(st, new Rng(seed), { workLimit: 1e9, deadline: Infinity, bound: Infinity, boundKind: 'simple' });
        search.construct();
        const before = st.weight;
        const pins = Uint8Array.from(st.pinned);
        const fixedAt = Array.from(st.slotOf).filter((_, r) => st.pinned[r] === 1);
        const stats = improveByLpWindows(solver, st, search, {
          maxColumns: 40,
          iterationWork: 1e12,
          minIterations: 1,
          iterationLimit: 10_000,
          deadline: Date.now() + 120_000,
          fair: false,
        });
        expect(stats.solved).toBeGreaterThan(0);
        expect(st.weight).toBeGreaterThanOrEqual(before);
        expect(st.weight - before).toBe(stats.gained);
        expect(Array.from(st.pinned)).toEqual(Array.from(pins));
        expect(Array.from(st.slotOf).filter((_, r) => st.pinned[r] === 1)).toEqual(fixedAt);
        const doc = buildDocument(st, new Map());
        expect(checkSchedule(inst, doc.meetings)).toEqual([]);
        runs.push(JSON.stringify(doc.meetings));
      }
      expect(runs[0]).toBe(runs[1]);
    }
  });

  it('runs in scheduleAsync where the whole LP is too large, and the result is valid and reproducible', async () => {
    for (let seed = 11; seed <= 14; seed++) {
      const inst = scarceInstance(seed);
      // lpMaxColumns 1: the whole LP is "too large"; lpMinPressure 0: interpreters count as scarce
      const opts = { seed, workLimit: 40_000, timeLimitMs: 120_000, lpMaxColumns: 1, lpWindowColumns: 60, lpMinPressure: 0 };
      const a = await scheduleAsync(inst, opts);
      const b = await scheduleAsync(structuredClone(inst), opts);
      expect(a.stats.lp?.status).toBe('windows');
      expect(a.stats.lp?.windows?.solved).toBeGreaterThan(0);
      expect(checkSchedule(inst, a.meetings)).toEqual([]);
      expect(JSON.stringify(a.meetings)).toBe(JSON.stringify(b.meetings));
      expect(a.stats.weight).toBeLessThanOrEqual(a.stats.bound + 1e-6);
      const off = await scheduleAsync(inst, { ...opts, lpWindows: false });
      expect(off.stats.lp?.status).toBe('skipped');
    }
  });
});
