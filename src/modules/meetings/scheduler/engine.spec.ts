import fc from 'fast-check';
import { checkSchedule } from './check';
import { schedule } from './engine';
import { greedySchedule } from './greedy';
import { InstanceError } from './instance';
import { randomInstance } from './testing';
import { FORMAT_ID, type Instance, type Meeting, type ParticipantDef, type RequestDef } from './types';

/** Could request `id` be added to `meetings` somewhere without breaking a rule? (brute force, small instances) */
function canAdd(inst: Instance, meetings: Meeting[], id: string): boolean {
  const r = inst.requests.find((q) => q.id === id);
  if (!r) return false;
  const interps = r.language ? (inst.interpreters ?? []).map((i) => i.id) : [undefined];
  for (const s of inst.slots) {
    for (const t of inst.tables) {
      for (const i of interps) {
        const mt: Meeting = { request: id, slot: s.id, table: t.id };
        if (i !== undefined) mt.interpreter = i;
        if (checkSchedule(inst, [...meetings, mt]).length === 0) return true;
      }
    }
  }
  return false;
}

function instance(parts: ParticipantDef[], requests: RequestDef[], extra: Partial<Instance> = {}): Instance {
  return {
    format: FORMAT_ID,
    slots: [{ id: 'S1' }, { id: 'S2' }, { id: 'S3' }],
    tables: [{ id: 'T1' }, { id: 'T2' }],
    interpreters: [],
    participants: parts,
    requests,
    ...extra,
  };
}

const buyer = (id: string, more: Partial<ParticipantDef> = {}): ParticipantDef => ({ id, side: 'buyer', ...more });
const exhibitor = (id: string, more: Partial<ParticipantDef> = {}): ParticipantDef => ({ id, side: 'exhibitor', ...more });
const req = (id: string, b: string, e: string, more: Partial<RequestDef> = {}): RequestDef => ({ id, buyer: b, exhibitor: e, ...more });

describe('schedule() on random instances', () => {
  const seeds = fc.integer({ min: 1, max: 2 ** 31 - 1 });

  it('always keeps every rule and accounts for every request once', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 9 }), (seed, engineSeed) => {
        const inst = randomInstance(seed);
        const res = schedule(inst, { seed: engineSeed, workLimit: 40_000 });
        expect(checkSchedule(inst, res.meetings)).toEqual([]);
        const ids = [...res.meetings.map((m) => m.request), ...res.unscheduled.map((u) => u.request)].sort();
        expect(ids).toEqual(inst.requests.map((r) => r.id).sort());
        for (const u of res.unscheduled) expect(u.reason.length).toBeGreaterThan(10);
        const w = new Map(inst.requests.map((r) => [r.id, r.weight ?? 1]));
        expect(res.stats.weight).toBe(res.meetings.reduce((sum, m) => sum + (w.get(m.request) ?? 0), 0));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps fixed meetings exactly where they are', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const inst = randomInstance(seed);
        const res = schedule(inst, { workLimit: 20_000 });
        for (const r of inst.requests) {
          if (!r.fixed) continue;
          const m = res.meetings.find((x) => x.request === r.id);
          expect(m?.slot).toBe(r.fixed.slot);
          if (r.fixed.table) expect(m?.table).toBe(r.fixed.table);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('leaves no request out that could still be added as things stand', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const inst = randomInstance(seed, { maxSlots: 4, maxRequests: 10 });
        const res = schedule(inst);
        for (const u of res.unscheduled) expect(canAdd(inst, res.meetings, u.request)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('gives a participant with no meeting none of its requests that could be added', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const inst = randomInstance(seed, { maxSlots: 4, maxRequests: 12 });
        const res = schedule(inst);
        const busy = new Set<string>();
        const byId = new Map(inst.requests.map((r) => [r.id, r]));
        for (const m of res.meetings) {
          const r = byId.get(m.request);
          if (r) busy.add(r.buyer).add(r.exhibitor);
        }
        for (const r of inst.requests) {
          if (busy.has(r.buyer) && busy.has(r.exhibitor)) continue;
          if (res.meetings.some((m) => m.request === r.id)) continue;
          expect(canAdd(inst, res.meetings, r.id)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic: same input and seed give the same JSON', () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 0, max: 1000 }), (seed, engineSeed) => {
        const inst = randomInstance(seed);
        const a = schedule(inst, { seed: engineSeed, workLimit: 50_000 });
        const b = schedule(structuredClone(inst), { seed: engineSeed, workLimit: 50_000 });
        expect(JSON.stringify({ m: a.meetings, u: a.unscheduled })).toBe(JSON.stringify({ m: b.meetings, u: b.unscheduled }));
        expect(a.stats.work).toBe(b.stats.work);
      }),
      { numRuns: 100 },
    );
  });

  it('the greedy baseline keeps every rule too', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const inst = randomInstance(seed);
        expect(checkSchedule(inst, greedySchedule(inst).meetings)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('schedule() rule by rule', () => {
  it('rule 1: schedules each request at most once and keeps fixed ones', () => {
    const inst = instance(
      [buyer('B1', { table: 'T1' }), exhibitor('E1')],
      [req('R1', 'B1', 'E1', { fixed: { slot: 'S3', table: 'T1' } }), req('R2', 'B1', 'E1', { weight: 5 })],
    );
    const res = schedule(inst);
    expect(res.meetings).toContainEqual({ request: 'R1', slot: 'S3', table: 'T1' });
    expect(res.meetings.filter((m) => m.request === 'R2')).toHaveLength(1);
  });

  it('rule 2: never in an unavailable slot, never twice in a slot, never over maxMeetings', () => {
    const inst = instance(
      [buyer('B1', { table: 'T1', unavailable: ['S1'] }), exhibitor('E1', { maxMeetings: 1 }), exhibitor('E2'), exhibitor('E3')],
      [req('R1', 'B1', 'E1'), req('R2', 'B1', 'E2'), req('R3', 'B1', 'E3'), req('R4', 'B1', 'E1')],
    );
    const res = schedule(inst);
    expect(checkSchedule(inst, res.meetings)).toEqual([]);
    expect(res.meetings.map((m) => m.slot).sort()).toEqual(['S2', 'S3']);
    expect(res.meetings.filter((m) => m.request === 'R1' || m.request === 'R4')).toHaveLength(1);
  });

  it('rule 3: meets at the host table, else at the exhibitor table, else at a free pool table', () => {
    const inst = instance(
      [buyer('B1', { table: 'T1' }), buyer('B2'), buyer('B3'), exhibitor('E1', { table: 'T2' }), exhibitor('E2')],
      [req('R1', 'B1', 'E1'), req('R2', 'B2', 'E1'), req('R3', 'B3', 'E2'), req('R4', 'B2', 'E2')],
      { tables: [{ id: 'T1' }, { id: 'T2' }, { id: 'P1' }] },
    );
    const res = schedule(inst);
    const at = new Map(res.meetings.map((m) => [m.request, m.table]));
    expect(at.get('R1')).toBe('T1');
    expect(at.get('R2')).toBe('T2');
    expect(at.get('R3')).toBe('P1');
    expect(at.get('R4')).toBe('P1');
    expect(checkSchedule(inst, res.meetings)).toEqual([]);
  });

  it('rule 3: the shared pool holds one meeting per table per slot', () => {
    const parts = [exhibitor('E1'), ...['B1', 'B2', 'B3', 'B4'].map((b) => buyer(b))];
    const inst = instance(parts, ['B1', 'B2', 'B3', 'B4'].map((b, k) => req(`R${k}`, b, 'E1')), {
      slots: [{ id: 'S1' }, { id: 'S2' }],
      tables: [{ id: 'P1' }],
    });
    const res = schedule(inst);
    expect(res.meetings).toHaveLength(2);
    expect(checkSchedule(inst, res.meetings)).toEqual([]);
  });

  it('rule 4: an available interpreter who speaks the language, one meeting per slot each', () => {
    const inst = instance(
      [buyer('B1', { table: 'T1' }), buyer('B2', { table: 'T2' }), exhibitor('E1'), exhibitor('E2')],
      [req('R1', 'B1', 'E1', { language: 'vi' }), req('R2', 'B2', 'E2', { language: 'vi' }), req('R3', 'B1', 'E2')],
      {
        slots: [{ id: 'S1' }, { id: 'S2' }],
        interpreters: [
          { id: 'I1', languages: ['en'] },
          { id: 'I2', languages: ['vi', 'en'], unavailable: ['S2'] },
        ],
      },
    );
    const res = schedule(inst);
    expect(checkSchedule(inst, res.meetings)).toEqual([]);
    const vi = res.meetings.filter((m) => m.request !== 'R3');
    expect(vi).toHaveLength(1);
    expect(vi[0]).toMatchObject({ slot: 'S1', interpreter: 'I2' });
    expect(res.meetings.find((m) => m.request === 'R3')?.interpreter).toBeUndefined();
  });

  it('re-matches interpreters who speak several languages to fit one more meeting', () => {
    // I1 speaks en and zh, I2 only en: an en meeting must leave I1 for the zh one
    const inst = instance(
      [buyer('B1', { table: 'T1' }), buyer('B2', { table: 'T2' }), exhibitor('E1'), exhibitor('E2')],
      [req('R1', 'B1', 'E1', { language: 'en', weight: 2 }), req('R2', 'B2', 'E2', { language: 'zh' })],
      { slots: [{ id: 'S1' }], interpreters: [{ id: 'I1', languages: ['en', 'zh'] }, { id: 'I2', languages: ['en'] }] },
    );
    const res = schedule(inst);
    expect(res.meetings).toHaveLength(2);
    expect(checkSchedule(inst, res.meetings)).toEqual([]);
  });

  it('prefers total weight', () => {
    const inst = instance(
      [buyer('B1', { table: 'T1' }), exhibitor('E1'), exhibitor('E2')],
      [req('R1', 'B1', 'E1', { weight: 1 }), req('R2', 'B1', 'E2', { weight: 3 })],
      { slots: [{ id: 'S1' }] },
    );
    expect(schedule(inst).meetings.map((m) => m.request)).toEqual(['R2']);
  });

  it("fairness 'strict': gives a meeting to someone who would otherwise have none, even at a cost in weight", () => {
    // E1 is free only in S1; the heavy R1 would take it, but B1 can meet E2 instead and B2 has only E1
    const inst = instance(
      [buyer('B1', { table: 'T1' }), buyer('B2', { table: 'T2' }), exhibitor('E1', { unavailable: ['S2', 'S3'] }), exhibitor('E2')],
      [req('R1', 'B1', 'E1', { weight: 3 }), req('R2', 'B2', 'E1', { weight: 1 }), req('R3', 'B1', 'E2', { weight: 1 })],
    );
    const res = schedule(inst, { fairness: 'strict' });
    const ids = res.meetings.map((m) => m.request).sort();
    expect(ids).toEqual(['R2', 'R3']);
    expect(res.unscheduled[0].reason).toBe('exhibitor E1 is busy or away in every slot buyer B1 is free');
    expect(res.stats).toMatchObject({ weight: 2, fairness: 'strict', couldMeet: 4, leftWithout: 0 });
  });
});

describe('the fairness tie-breaker (default)', () => {
  it('where strict fairness costs weight, the default keeps the weight and counts who is left without', () => {
    const inst = instance(
      [buyer('B1', { table: 'T1' }), buyer('B2', { table: 'T2' }), exhibitor('E1', { unavailable: ['S2', 'S3'] }), exhibitor('E2')],
      [req('R1', 'B1', 'E1', { weight: 3 }), req('R2', 'B2', 'E1', { weight: 1 }), req('R3', 'B1', 'E2', { weight: 1 })],
    );
    for (let seed = 1; seed <= 10; seed++) {
      const res = schedule(inst, { seed });
      expect(res.meetings.map((m) => m.request).sort()).toEqual(['R1', 'R3']);
      expect(res.stats).toMatchObject({ weight: 4, fairness: 'weight', couldMeet: 4, leftWithout: 1 });
      expect(schedule(inst, { seed, fairness: 'strict' }).stats.weight).toBe(2);
    }
  });

  it('among schedules of equal weight, serves the participant the other one would leave without', () => {
    // E1 meets once (S1 only): R1 and R2 weigh the same, but only R2 gives B2 a meeting (B1 has R3)
    const inst = instance(
      [buyer('B1', { table: 'T1' }), buyer('B2', { table: 'T2' }), exhibitor('E1', { unavailable: ['S2', 'S3'] }), exhibitor('E2')],
      [req('R1', 'B1', 'E1'), req('R2', 'B2', 'E1'), req('R3', 'B1', 'E2')],
    );
    for (let seed = 1; seed <= 20; seed++) {
      const res = schedule(inst, { seed });
      expect(res.meetings.map((m) => m.request).sort()).toEqual(['R2', 'R3']);
      expect(res.stats).toMatchObject({ weight: 2, leftWithout: 0 });
    }
  });

  it('serves a participant by an ejection chain of equal weight: the blocker moves to another slot', () => {
    // B2 can meet only in S1, where E1 sits with B1; B1 and E1 both have S2 free as well, so R1 moves there
    const inst = instance(
      [buyer('B1', { table: 'T1' }), buyer('B2', { table: 'T2', unavailable: ['S2'] }), exhibitor('E1'), exhibitor('E2', { unavailable: ['S2'] })],
      [req('R1', 'B1', 'E1', { weight: 2 }), req('R2', 'B2', 'E1', { weight: 2 }), req('R3', 'B1', 'E2', { weight: 2 })],
      { slots: [{ id: 'S1' }, { id: 'S2' }] },
    );
    for (let seed = 1; seed <= 20; seed++) {
      const res = schedule(inst, { seed });
      expect(checkSchedule(inst, res.meetings)).toEqual([]);
      expect(res.stats).toMatchObject({ weight: 6, leftWithout: 0 });
    }
  });

  it('keeps every rule, and where it proves its weight optimal that weight is at least what strict fairness reaches', () => {
    // both runs are heuristic searches, so only a proven optimum is comparable (the tie-break examples above are exact)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const inst = randomInstance(seed, { maxSlots: 4, maxRequests: 10 });
        const byWeight = schedule(inst, { workLimit: 20_000 });
        const strict = schedule(inst, { workLimit: 20_000, fairness: 'strict' });
        expect(checkSchedule(inst, byWeight.meetings)).toEqual([]);
        expect(byWeight.stats.leftWithout).toBeLessThanOrEqual(byWeight.stats.couldMeet);
        if (byWeight.stats.endedBy === 'optimal') expect(byWeight.stats.weight).toBeGreaterThanOrEqual(strict.stats.weight);
      }),
      { numRuns: 150, examples: [[832707654]] },
    );
  });

  it('rejects an unknown fairness mode', () => {
    const inst = instance([buyer('B1', { table: 'T1' }), exhibitor('E1')], [req('R1', 'B1', 'E1')]);
    expect(() => schedule(inst, { fairness: 'fair' as never })).toThrow("fairness must be weight or strict, got fair");
  });
});

describe('reasons for unscheduled requests', () => {
  const reasonOf = (inst: Instance, id: string): string | undefined => schedule(inst).unscheduled.find((u) => u.request === id)?.reason;

  it('names a participant that reached its maximum', () => {
    const inst = instance([buyer('B1', { table: 'T1', maxMeetings: 1 }), exhibitor('E1'), exhibitor('E2')], [
      req('R1', 'B1', 'E1', { weight: 2 }),
      req('R2', 'B1', 'E2'),
    ]);
    expect(reasonOf(inst, 'R2')).toBe('buyer B1 reached its maximum of 1 meetings');
  });

  it('says when the two are never available together', () => {
    const inst = instance([buyer('B1', { unavailable: ['S1', 'S2'] }), exhibitor('E1', { unavailable: ['S3'] })], [req('R1', 'B1', 'E1')]);
    expect(reasonOf(inst, 'R1')).toBe('exhibitor E1 is away in every slot buyer B1 is available');
  });

  it('says when no interpreter speaks the language or none is free', () => {
    const none = instance([buyer('B1', { table: 'T1' }), exhibitor('E1')], [req('R1', 'B1', 'E1', { language: 'vi' })]);
    expect(reasonOf(none, 'R1')).toBe('no interpreter speaks vi');
    const busy = instance(
      [buyer('B1', { table: 'T1' }), buyer('B2', { table: 'T2' }), exhibitor('E1'), exhibitor('E2')],
      [req('R1', 'B1', 'E1', { language: 'vi', weight: 3 }), req('R2', 'B2', 'E2', { language: 'vi' })],
      { slots: [{ id: 'S1' }], interpreters: [{ id: 'I1', languages: ['vi'] }] },
    );
    expect(reasonOf(busy, 'R2')).toBe('no interpreter for vi is free in any slot both are free');
  });

  it('says when the shared tables are all taken', () => {
    const inst = instance([buyer('B1'), buyer('B2'), exhibitor('E1'), exhibitor('E2')], [req('R1', 'B1', 'E1', { weight: 2 }), req('R2', 'B2', 'E2')], {
      slots: [{ id: 'S1' }],
      tables: [{ id: 'P1' }],
    });
    expect(reasonOf(inst, 'R2')).toBe('every shared table is taken in any slot both are free');
  });
});

describe('rescheduling with published meetings', () => {
  const inst = instance(
    [buyer('B1', { table: 'T1' }), buyer('B2', { table: 'T2' }), exhibitor('E1'), exhibitor('E2')],
    [req('R1', 'B1', 'E1'), req('R2', 'B2', 'E1'), req('R3', 'B2', 'E2', { weight: 3 })],
  );

  it('keeps published meetings in place by default', () => {
    const published: Meeting[] = [{ request: 'R1', slot: 'S2', table: 'T1' }];
    const res = schedule(inst, { published });
    expect(res.meetings).toContainEqual(published[0]);
    expect(res.stats.released).toEqual([]);
  });

  it('releases a published meeting that no longer keeps the rules, and schedules it again', () => {
    const away = structuredClone(inst);
    away.participants[0].unavailable = ['S2'];
    const res = schedule(away, { published: [{ request: 'R1', slot: 'S2', table: 'T1' }] });
    expect(res.stats.released).toEqual([{ request: 'R1', reason: 'published at S2, but buyer B1 is unavailable in S2' }]);
    expect(res.meetings.find((m) => m.request === 'R1')?.slot).not.toBe('S2');
    expect(checkSchedule(away, res.meetings)).toEqual([]);
  });

  it('may move published meetings when keepPlaced is false', () => {
    const res = schedule(inst, { published: [{ request: 'R1', slot: 'S2', table: 'T1' }], keepPlaced: false });
    expect(checkSchedule(inst, res.meetings)).toEqual([]);
    expect(res.meetings.some((m) => m.request === 'R1')).toBe(true);
  });

  it('rejects a published meeting for an unknown request', () => {
    expect(() => schedule(inst, { published: [{ request: 'R9', slot: 'S1', table: 'T1' }] })).toThrow(InstanceError);
  });
});

describe('bad input', () => {
  it('explains a fixed meeting that breaks a rule', () => {
    const inst = instance([buyer('B1', { table: 'T1', unavailable: ['S1'] }), exhibitor('E1')], [req('R1', 'B1', 'E1', { fixed: { slot: 'S1' } })]);
    expect(() => schedule(inst)).toThrow('request R1 is fixed at S1, but buyer B1 is unavailable in S1');
  });

  it('explains two fixed meetings that collide', () => {
    const inst = instance(
      [buyer('B1', { table: 'T1' }), exhibitor('E1'), exhibitor('E2')],
      [req('R1', 'B1', 'E1', { fixed: { slot: 'S1' } }), req('R2', 'B1', 'E2', { fixed: { slot: 'S1' } })],
    );
    expect(() => schedule(inst)).toThrow('request R2 is fixed at S1, but buyer B1 already meets in S1 (R1)');
  });

  it("with brokenFixed 'unschedule', leaves a fixed meeting that breaks a rule out, says why, and schedules the rest", () => {
    const inst = instance(
      [buyer('B1', { table: 'T1' }), exhibitor('E1'), exhibitor('E2'), exhibitor('E3')],
      [
        req('R1', 'B1', 'E1', { fixed: { slot: 'S1' } }),
        req('R2', 'B1', 'E2', { fixed: { slot: 'S1' } }),
        req('R3', 'B1', 'E3', { language: 'ja' }),
        req('R4', 'B1', 'E3', { fixed: { slot: 'S2' }, language: 'vi' }),
      ],
    );
    const res = schedule(inst, { brokenFixed: 'unschedule' });
    const why = 'fixed at S1, but buyer B1 already meets in S1 (R1)';
    expect(res.meetings.find((m) => m.request === 'R1')).toMatchObject({ slot: 'S1' });
    expect(res.meetings.some((m) => m.request === 'R2' || m.request === 'R4')).toBe(false);
    expect(res.unscheduled).toEqual(expect.arrayContaining([{ request: 'R2', reason: why }, { request: 'R4', reason: expect.stringContaining('fixed at S2, but no interpreter for vi') }]));
    expect(res.stats.brokenFixed.map((b) => b.request).sort()).toEqual(['R2', 'R4']);
    // What is scheduled keeps every rule, apart from the fixed requests it had to leave out.
    expect(checkSchedule(inst, res.meetings).filter((v) => v.code !== 'fixed-missing')).toEqual([]);
    expect(() => schedule(inst)).toThrow(`request R2 is ${why}`);
  });

  it('reports progress with phase and weight', () => {
    const seen: string[] = [];
    schedule(randomInstance(3), { onProgress: (p) => seen.push(p.phase) });
    expect(seen).toContain('finish');
  });
});
