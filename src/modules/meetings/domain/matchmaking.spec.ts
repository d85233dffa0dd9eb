import fc from 'fast-check';
import { COMMON_LANGUAGE_BONUS, suggestCounterparts, type MatchParticipant } from './matchmaking';

const buyer = (id: string, interests: string[], languages = ['en']): MatchParticipant => ({
  id,
  side: 'buyer',
  companyName: `Buyer ${id}`,
  country: 'VN',
  languages,
  interests,
});
const exhibitor = (id: string, interests: string[], languages = ['ko']): MatchParticipant => ({
  id,
  side: 'exhibitor',
  companyName: `Exhibitor ${id}`,
  country: 'KR',
  languages,
  interests,
});

describe('suggestCounterparts', () => {
  it('explains a suggestion in English and Korean with category and language names', () => {
    const me = buyer('B1', ['casting', 'mold'], ['en', 'vi']);
    const [first] = suggestCounterparts(me, [exhibitor('E1', ['mold', 'casting'], ['ko', 'en'])]);
    expect(first.participant.id).toBe('E1');
    expect(first.sharedInterests).toEqual(['casting', 'mold']);
    expect(first.commonLanguages).toEqual(['en']);
    expect(first.reason).toEqual({
      en: 'Shares 2 product categories: Casting, Mold; speaks English',
      ko: '공통 품목 2개: 주조, 금형; 영어 가능',
    });
  });

  it('says when nothing is shared and an interpreter is needed', () => {
    const [first] = suggestCounterparts(buyer('B1', ['robots']), [exhibitor('E1', ['casting'], ['ko'])]);
    expect(first.score).toBe(0);
    expect(first.commonLanguages).toEqual([]);
    expect(first.reason.en).toBe('No shared product categories; no common language (Korean interpreter)');
    expect(first.reason.ko).toBe('공통 품목 없음; 공통 언어 없음(통역 필요)');
  });

  it('shows unknown category codes as they are', () => {
    const [first] = suggestCounterparts(buyer('B1', ['nano-coating']), [exhibitor('E1', ['nano-coating'])]);
    expect(first.reason.en).toBe('Shares 1 product category: nano-coating; no common language (Korean interpreter)');
  });

  it('values a rare shared category above a common one', () => {
    // Everyone lists casting; only E9 lists heat treatment.
    const pool = [
      exhibitor('E1', ['casting']),
      exhibitor('E2', ['casting']),
      exhibitor('E3', ['casting']),
      exhibitor('E9', ['heat-treatment', 'casting']),
      exhibitor('E5', ['casting']),
    ];
    const res = suggestCounterparts(buyer('B1', ['heat-treatment']), pool);
    expect(res[0].participant.id).toBe('E9');
    expect(res[0].score).toBeCloseTo(Math.log(1 + 5 / 1));
    expect(suggestCounterparts(buyer('B1', ['casting']), pool)[0].score).toBeCloseTo(Math.log(2));
    // The rarer the category, the higher its weight: a match on it outweighs a match on casting.
    const both = suggestCounterparts(buyer('B2', ['casting', 'heat-treatment']), pool);
    expect(both[0].participant.id).toBe('E9');
    expect(both[0].sharedInterests).toEqual(['heat-treatment', 'casting']); // rarest first
  });

  it('gives a common language a bonus, but never more than a shared category', () => {
    const me = buyer('B1', ['casting', 'mold'], ['en']);
    const res = suggestCounterparts(me, [
      exhibitor('E1', ['casting'], ['ko']),
      exhibitor('E2', ['casting'], ['ko', 'EN']),
      exhibitor('E3', ['welding'], ['en']),
      exhibitor('E4', ['casting', 'mold'], ['ko']),
    ]);
    expect(res.map((s) => s.participant.id)).toEqual(['E4', 'E2', 'E1', 'E3']);
    expect(res[1].score - res[2].score).toBeCloseTo(COMMON_LANGUAGE_BONUS);
    expect(res[3].score).toBe(COMMON_LANGUAGE_BONUS);
  });

  it('counts Korean as a common language when both speak it', () => {
    const [first] = suggestCounterparts(buyer('B1', [], ['ko', 'en']), [exhibitor('E1', [], ['ko'])]);
    expect(first.commonLanguages).toEqual(['ko']);
    expect(first.reason.ko).toBe('공통 품목 없음; 한국어 가능');
  });

  it('suggests only the other side, never me, never excluded ids, at most `limit`', () => {
    const me = buyer('B1', ['casting']);
    const pool = [me, buyer('B2', ['casting']), exhibitor('E1', ['casting']), exhibitor('E2', ['casting']), exhibitor('E3', ['casting'])];
    const res = suggestCounterparts(me, pool, { exclude: new Set(['E2']), limit: 1 });
    expect(res.map((s) => s.participant.id)).toEqual(['E1']);
    expect(suggestCounterparts(me, pool, { exclude: new Set(['E2']) }).map((s) => s.participant.id)).toEqual(['E1', 'E3']);
    expect(suggestCounterparts(me, pool, { limit: 0 })).toEqual([]);
  });

  it('does not change the other scores when a candidate is excluded (rarity is over the whole pool)', () => {
    const me = buyer('B1', ['casting', 'mold']);
    const pool = [exhibitor('E1', ['casting']), exhibitor('E2', ['mold']), exhibitor('E3', ['casting', 'mold'])];
    const all = suggestCounterparts(me, pool);
    const some = suggestCounterparts(me, pool, { exclude: new Set(['E3']) });
    for (const s of some) expect(s.score).toBe(all.find((a) => a.participant.id === s.participant.id)!.score);
  });

  it('refuses a negative or fractional limit', () => {
    expect(() => suggestCounterparts(buyer('B1', []), [], { limit: -1 })).toThrow(RangeError);
    expect(() => suggestCounterparts(buyer('B1', []), [], { limit: 1.5 })).toThrow(RangeError);
  });

  const codes = ['casting', 'welding', 'mold', 'heat-treatment', 'robots', 'iot-devices'];
  const participant = fc.record({
    id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'),
    side: fc.constantFrom<'buyer' | 'exhibitor'>('buyer', 'exhibitor'),
    companyName: fc.string(),
    country: fc.constantFrom('KR', 'VN', 'US'),
    languages: fc.subarray(['ko', 'en', 'vi', 'zh']),
    interests: fc.subarray(codes),
  });

  it('property: ranked, other side only, no exclusions, ties by id, independent of input order', () => {
    fc.assert(
      fc.property(
        participant,
        fc.array(participant, { maxLength: 12 }),
        fc.subarray(['A', 'B', 'C', 'D', 'E']),
        fc.nat({ max: 12 }),
        fc.integer(),
        (me, pool, excluded, limit, seed) => {
          const res = suggestCounterparts(me, pool, { exclude: new Set(excluded), limit });
          expect(res.length).toBeLessThanOrEqual(limit);
          for (const s of res) {
            expect(s.participant.side).not.toBe(me.side);
            expect(s.participant.id).not.toBe(me.id);
            expect(excluded).not.toContain(s.participant.id);
            expect(s.score).toBeGreaterThanOrEqual(0);
          }
          for (let k = 1; k < res.length; k++) {
            const [a, b] = [res[k - 1], res[k]];
            expect(a.score > b.score || (a.score === b.score && a.participant.id < b.participant.id)).toBe(true);
          }
          // Same candidates in another order (first occurrence of an id kept): same answer.
          const unique = pool.filter((p, k) => pool.findIndex((q) => q.id === p.id) === k);
          const shuffled = [...unique].sort((x, y) => ((x.id.charCodeAt(0) * 31 + seed) % 7) - ((y.id.charCodeAt(0) * 31 + seed) % 7));
          expect(suggestCounterparts(me, shuffled, { exclude: new Set(excluded), limit })).toEqual(res);
        },
      ),
    );
  });
});
