import fc from 'fast-check';
import { simpleBound } from './bound';
import { parseInstance } from './instance';
import { compileModel } from './model';
import { placeFixed } from './pin';
import { Rng } from './rng';
import { Search } from './search';
import { ScheduleState } from './state';
import { randomInstance } from './testing';

/** A search after construction and a few ejection rounds, as the engine has it before its tie-break passes. */
function searched(seed: number): { st: ScheduleState; search: Search } {
  const m = compileModel(parseInstance(randomInstance(seed, { maxSlots: 6, maxBuyers: 10, maxExhibitors: 10, maxRequests: 60 })));
  const st = new ScheduleState(m);
  placeFixed(st, new Set<number>(), () => undefined);
  const search = new Search(st, new Rng(seed), { workLimit: 5_000, deadline: Infinity, bound: simpleBound(m), boundKind: 'simple' });
  search.fair = false;
  search.preferServed = true;
  search.kempeCap = 12;
  search.construct();
  search.improve(2_500, 2, 0.3);
  return { st, search };
}

describe('Search.tieBreak (fairness "weight")', () => {
  it('never lowers the weight, whatever its moves do (s31 lost its optimum here: 3236 -> 3235)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { st, search } = searched(seed);
        const before = st.weight;
        search.tieBreak(1);
        expect(st.weight).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300, examples: [[211766947]] },
    );
  });
});
