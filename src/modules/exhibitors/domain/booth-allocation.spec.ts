import fc from 'fast-check';
import { allocateBooths, type BoothRequest, type FreeBooth } from './booth-allocation';
import { generateBoothPlan } from './booth-plan';
import type { BoothKind } from './fees';

const T0 = Date.parse('2027-03-01T00:00:00Z');

/** Free booths of a standard generated plan, ids = codes. */
function hall(hallId: string, prefix: string, rows: number, boothsPerRow: number, islandRows = 0): FreeBooth[] {
  return generateBoothPlan({ prefix, rows, boothsPerRow, islandRows }).map((b) => ({ id: b.code, code: b.code, hallId, row: b.row, position: b.position, units: b.units, kind: b.kind }));
}

let seq = 0;
function request(unitsNeeded: number, over: Partial<BoothRequest> = {}): BoothRequest {
  seq++;
  return { applicationId: `app-${String(seq).padStart(3, '0')}`, unitsNeeded, preferredHallId: null, preferredKind: null, queuedAt: new Date(T0 + seq * 1000), ...over };
}

const codesOf = (result: ReturnType<typeof allocateBooths>): Record<string, string[]> =>
  Object.fromEntries(result.allocations.map((a) => [a.applicationId, a.boothCodes]));

describe('allocateBooths', () => {
  it('gives inline booths to those who did not ask for a corner', () => {
    const r = request(2);
    expect(codesOf(allocateBooths([r], hall('h1', '1', 1, 6)))).toEqual({ [r.applicationId]: ['1A02', '1A03'] });
  });

  it('gives a run with exactly one corner to a corner request', () => {
    const r = request(3, { preferredKind: 'corner' });
    expect(codesOf(allocateBooths([r], hall('h1', '1', 1, 6)))).toEqual({ [r.applicationId]: ['1A01', '1A02', '1A03'] });
  });

  it('hands out corners only when no inline run is left', () => {
    const [a, b] = [request(4), request(1)];
    // Row of 5: the 4 inline-only units do not exist (2..4 is 3), so a takes a corner; b gets the last one.
    expect(codesOf(allocateBooths([a, b], hall('h1', '1', 1, 5)))).toEqual({ [a.applicationId]: ['1A01', '1A02', '1A03', '1A04'], [b.applicationId]: ['1A05'] });
  });

  it('gives an island to an island request and keeps islands from the others', () => {
    const booths = hall('h1', '1', 2, 8, 1); // row A: 8 standard booths, row B: 4 islands
    const [plain, island] = [request(4), request(4, { preferredKind: 'island' })];
    expect(codesOf(allocateBooths([plain, island], booths))).toEqual({ [plain.applicationId]: ['1A02', '1A03', '1A04', '1A05'], [island.applicationId]: ['1B01'] });
  });

  it('prefers one booth of the exact size to a run of smaller ones', () => {
    const booths: FreeBooth[] = [
      { id: 'a1', code: 'A01', hallId: 'h1', row: 'A', position: 1, units: 1, kind: 'inline' },
      { id: 'a2', code: 'A02', hallId: 'h1', row: 'A', position: 2, units: 1, kind: 'inline' },
      { id: 'b1', code: 'B01', hallId: 'h1', row: 'B', position: 1, units: 2, kind: 'inline' },
    ];
    const r = request(2);
    expect(allocateBooths([r], booths).allocations).toEqual([{ applicationId: r.applicationId, boothIds: ['b1'], boothCodes: ['B01'], hallId: 'h1' }]);
  });

  it('prefers the preferred hall over everything else', () => {
    const booths = [...hall('h1', '1', 1, 6), ...hall('h2', '2', 1, 2)];
    const r = request(2, { preferredHallId: 'h2' });
    // Hall 2's only run is two corners; hall 1 has inline booths, but the hall comes first.
    expect(allocateBooths([r], booths).allocations[0]).toMatchObject({ hallId: 'h2', boothCodes: ['2A01', '2A02'] });
  });

  it('falls back to another hall when the preferred one is full', () => {
    const booths = [...hall('h1', '1', 1, 6), ...hall('h2', '2', 1, 2)];
    const r = request(3, { preferredHallId: 'h2' });
    expect(allocateBooths([r], booths).allocations[0]).toMatchObject({ hallId: 'h1', boothCodes: ['1A02', '1A03', '1A04'] });
  });

  it('puts a run in one row of one hall, with consecutive positions', () => {
    const booths: FreeBooth[] = [
      { id: 'x1', code: 'A01', hallId: 'h1', row: 'A', position: 1, units: 1, kind: 'inline' },
      { id: 'x3', code: 'A03', hallId: 'h1', row: 'A', position: 3, units: 1, kind: 'inline' }, // A02 is sold
      { id: 'y1', code: 'B01', hallId: 'h1', row: 'B', position: 1, units: 1, kind: 'inline' },
      { id: 'z1', code: 'A01', hallId: 'h2', row: 'A', position: 2, units: 1, kind: 'inline' },
    ];
    const r = request(2);
    expect(allocateBooths([r], booths)).toEqual({ allocations: [], unallocated: [{ applicationId: r.applicationId, reason: 'no booth or contiguous run of 2 units left in any hall' }] });
  });

  it('serves requests in queue order, ties by application id, whatever the input order', () => {
    const booths = hall('h1', '1', 1, 3); // A01 corner, A02 inline, A03 corner
    const at = new Date(T0);
    const late = { ...request(1), applicationId: 'a-late', queuedAt: new Date(T0 + 1) };
    const b = { ...request(1), applicationId: 'b', queuedAt: at };
    const a = { ...request(1), applicationId: 'a', queuedAt: at };
    const result = allocateBooths([late, b, a], booths);
    expect(codesOf(result)).toEqual({ a: ['1A02'], b: ['1A01'], 'a-late': ['1A03'] });
    expect(result.allocations.map((x) => x.applicationId)).toEqual(['a', 'b', 'a-late']);
  });

  it('explains each request left without booths, singular or plural', () => {
    const [big, one, two] = [request(3), request(1), request(2)];
    const result = allocateBooths([big, one, two], hall('h1', '1', 1, 3));
    expect(codesOf(result)).toEqual({ [big.applicationId]: ['1A01', '1A02', '1A03'] });
    expect(result.unallocated).toEqual([
      { applicationId: one.applicationId, reason: 'no booth or contiguous run of 1 unit left in any hall' },
      { applicationId: two.applicationId, reason: 'no booth or contiguous run of 2 units left in any hall' },
    ]);
  });

  it('refuses nonsense requests and a second request of one application', () => {
    const first = request(1);
    const again = { ...first, queuedAt: new Date(first.queuedAt.getTime() + 1) };
    const zero = request(0);
    const result = allocateBooths([again, first, zero], hall('h1', '1', 1, 6));
    expect(result.allocations.map((a) => a.applicationId)).toEqual([first.applicationId]);
    expect(result.unallocated).toEqual([
      { applicationId: first.applicationId, reason: 'the application was queued twice; booths went to its first request' },
      { applicationId: zero.applicationId, reason: 'units needed must be a whole number from 1, got 0' },
    ]);
  });

  it('counts a booth listed twice once', () => {
    const booth: FreeBooth = { id: 'b', code: 'A01', hallId: 'h1', row: 'A', position: 1, units: 1, kind: 'inline' };
    const result = allocateBooths([request(1), request(1)], [booth, { ...booth }]);
    expect(result.allocations).toHaveLength(1);
    expect(result.unallocated).toHaveLength(1);
  });

  describe('properties', () => {
    const kinds: BoothKind[] = ['inline', 'corner', 'island'];
    const boothsArb = fc
      .uniqueArray(
        fc.record({ hall: fc.constantFrom('h1', 'h2'), row: fc.constantFrom('A', 'B', 'C'), position: fc.integer({ min: 1, max: 12 }), units: fc.integer({ min: 1, max: 4 }), kind: fc.constantFrom(...kinds) }),
        { selector: (b) => `${b.hall}${b.row}${b.position}`, maxLength: 60 },
      )
      .map((list) => list.map((b): FreeBooth => ({ id: `${b.hall}-${b.row}${b.position}`, code: `${b.row}${String(b.position).padStart(2, '0')}`, hallId: b.hall, row: b.row, position: b.position, units: b.units, kind: b.kind })));
    const requestsArb = fc.uniqueArray(
      fc.record({
        applicationId: fc.string({ minLength: 1, maxLength: 4 }),
        unitsNeeded: fc.integer({ min: 1, max: 8 }),
        preferredHallId: fc.constantFrom(null, 'h1', 'h2'),
        preferredKind: fc.constantFrom(null, ...kinds),
        queuedAt: fc.integer({ min: 0, max: 5 }).map((s) => new Date(T0 + s)),
      }),
      { selector: (r) => r.applicationId, maxLength: 25 },
    );

    it('assigns each booth at most once, exact unit sums, one hall, one contiguous row', () => {
      fc.assert(fc.property(requestsArb, boothsArb, (requests, free) => {
        const byId = new Map(free.map((b) => [b.id, b]));
        const { allocations, unallocated } = allocateBooths(requests, free);
        const used = allocations.flatMap((a) => a.boothIds);
        expect(new Set(used).size).toBe(used.length);
        expect([...allocations, ...unallocated].map((x) => x.applicationId).sort()).toEqual(requests.map((r) => r.applicationId).sort());
        for (const a of allocations) {
          const booths = a.boothIds.map((id) => byId.get(id)!);
          expect(booths.every(Boolean)).toBe(true);
          expect(a.boothCodes).toEqual(booths.map((b) => b.code));
          expect(booths.reduce((s, b) => s + b.units, 0)).toBe(requests.find((r) => r.applicationId === a.applicationId)!.unitsNeeded);
          expect(booths.every((b) => b.hallId === a.hallId && b.row === booths[0].row)).toBe(true);
          for (let i = 1; i < booths.length; i++) expect(booths[i].position).toBe(booths[i - 1].position + 1);
        }
        // Booths only get scarcer, so a request left out must find no fitting run even among what is left at the end.
        const left = free.filter((b) => !used.includes(b.id));
        for (const u of unallocated) {
          const need = requests.find((r) => r.applicationId === u.applicationId)!.unitsNeeded;
          expect(hasRun(left, need)).toBe(false);
        }
      }));
    });

    it('does not depend on the order of its input', () => {
      fc.assert(fc.property(requestsArb, boothsArb, fc.integer(), (requests, free, seed) => {
        const shuffle = <T>(xs: T[]): T[] => xs.map((x, i) => ({ x, k: Math.imul(i + 1, seed | 1) ^ seed })).sort((p, q) => p.k - q.k).map((p) => p.x);
        expect(allocateBooths(shuffle(requests), shuffle(free))).toEqual(allocateBooths(requests, free));
      }));
    });
  });
});

function hasRun(booths: FreeBooth[], units: number): boolean {
  return booths.some((start) => {
    let sum = 0;
    for (let p = start.position; ; p++) {
      const b = booths.find((x) => x.hallId === start.hallId && x.row === start.row && x.position === p);
      if (b === undefined) return false;
      sum += b.units;
      if (sum === units) return true;
      if (sum > units) return false;
    }
  });
}
