import { checkSchedule } from './check';
import { scheduleAsync } from './engine';
import { randomInstance } from './testing';
import { FORMAT_ID, type Instance } from './types';

/** E1 is free only in S1; the heavy R1 would take it, but strict fairness gives B2 (who has only E1) its meeting. */
const fairnessCase = (): Instance => ({
  format: FORMAT_ID,
  slots: [{ id: 'S1' }, { id: 'S2' }, { id: 'S3' }],
  tables: [{ id: 'T1' }, { id: 'T2' }],
  interpreters: [],
  participants: [
    { id: 'B1', side: 'buyer', table: 'T1' },
    { id: 'B2', side: 'buyer', table: 'T2' },
    { id: 'E1', side: 'exhibitor', unavailable: ['S2', 'S3'] },
    { id: 'E2', side: 'exhibitor' },
  ],
  requests: [
    { id: 'R1', buyer: 'B1', exhibitor: 'E1', weight: 3 },
    { id: 'R2', buyer: 'B2', exhibitor: 'E1', weight: 1 },
    { id: 'R3', buyer: 'B1', exhibitor: 'E2', weight: 1 },
  ],
});

// lpMinPressure: 0 = solve the LP even where interpreters are not the bottleneck (these small cases have none)
describe('scheduleAsync: the LP step (HiGHS)', () => {
  it('proves the strictly fair schedule optimal with the LP bound and says so', async () => {
    const res = await scheduleAsync(fairnessCase(), { timeLimitMs: 60_000, lpMinPressure: 0, fairness: 'strict' });
    expect(res.meetings.map((m) => m.request).sort()).toEqual(['R2', 'R3']);
    expect(res.stats).toMatchObject({ weight: 2, bound: 2, boundKind: 'LP', endedBy: 'optimal', gapPercent: 0 });
    expect(res.stats.lp?.status).toBe('optimal');
  });

  it('by default maximizes the weight (optimal by the simple bound, no LP needed) and counts who is left without', async () => {
    const res = await scheduleAsync(fairnessCase(), { timeLimitMs: 60_000 });
    expect(res.meetings.map((m) => m.request).sort()).toEqual(['R1', 'R3']);
    expect(res.stats).toMatchObject({ weight: 4, endedBy: 'optimal', fairness: 'weight', couldMeet: 4, leftWithout: 1 });
  });

  it('keeps every rule, never exceeds its bound, and is deterministic: same input, options and seed give the same schedule', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const inst = randomInstance(seed);
      const opts = { seed: seed % 5, workLimit: 30_000, timeLimitMs: 120_000, lpMinPressure: 0 };
      const a = await scheduleAsync(inst, opts);
      const b = await scheduleAsync(structuredClone(inst), opts);
      expect(checkSchedule(inst, a.meetings)).toEqual([]);
      expect(JSON.stringify({ m: a.meetings, u: a.unscheduled })).toBe(JSON.stringify({ m: b.meetings, u: b.unscheduled }));
      expect(a.stats.work).toBe(b.stats.work);
      expect(a.stats.weight).toBeLessThanOrEqual(a.stats.bound + 1e-6);
      expect(['optimal', 'work limit']).toContain(a.stats.endedBy);
      if (a.stats.endedBy === 'optimal') expect(a.stats.weight).toBeGreaterThanOrEqual(Math.floor(a.stats.bound + 1e-6));
    }
  });

  it('skips the LP step where interpreters are not scarce, and proves a small result optimal by the LP afterwards', async () => {
    const res = await scheduleAsync(fairnessCase(), { timeLimitMs: 60_000, fairness: 'strict' });
    // the search reached 2 against a simple bound of 4; the LP after the search proves 2 is the best fair weight
    expect(res.stats).toMatchObject({ weight: 2, bound: 2, boundKind: 'LP', endedBy: 'optimal', leftWithout: 0 });
    expect(res.stats.lp?.status).toBe('optimal');
  });

  it('counts its time limit from startedAt (the CLI: the process start), so what came before the engine is inside the limit', async () => {
    const inst = randomInstance(7);
    const res = await scheduleAsync(inst, { timeLimitMs: 5_000, startedAt: Date.now() - 10_000 });
    expect(checkSchedule(inst, res.meetings)).toEqual([]);
    expect(res.stats.milliseconds).toBeGreaterThanOrEqual(10_000);
    // the limit was over before the engine began: it stops at once unless construction already proved the optimum
    if (res.stats.endedBy !== 'optimal') expect(res.stats).toMatchObject({ endedBy: 'time limit', stoppedByTime: true });
  });

  it('reports the LP bound in progress once it is known', async () => {
    const seen: Array<{ bound?: number; boundKind?: string }> = [];
    await scheduleAsync(fairnessCase(), { timeLimitMs: 60_000, lpMinPressure: 0, fairness: 'strict', onProgress: (p) => seen.push(p) });
    expect(seen.some((p) => p.boundKind === 'LP' && p.bound === 2)).toBe(true);
  });
});
