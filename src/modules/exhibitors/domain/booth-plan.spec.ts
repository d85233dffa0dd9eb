import { generateBoothPlan, validateBoothPlan, type PlannedBooth } from './booth-plan';

const booth = (over: Partial<PlannedBooth> = {}): PlannedBooth => ({ code: '1A01', row: 'A', position: 1, widthM: 3, depthM: 3, units: 1, kind: 'corner', ...over });

describe('generateBoothPlan', () => {
  it('lays out rows of 3 m × 3 m booths with corners at both ends', () => {
    const plan = generateBoothPlan({ prefix: '1', rows: 2, boothsPerRow: 4 });
    expect(plan.map((b) => `${b.code}:${b.kind}`)).toEqual([
      '1A01:corner', '1A02:inline', '1A03:inline', '1A04:corner',
      '1B01:corner', '1B02:inline', '1B03:inline', '1B04:corner',
    ]);
    expect(plan[1]).toEqual({ code: '1A02', row: 'A', position: 2, widthM: 3, depthM: 3, units: 1, kind: 'inline' });
  });

  it('puts 6 m × 6 m islands of 4 units in the last rows, half as many', () => {
    const plan = generateBoothPlan({ prefix: '2', rows: 3, boothsPerRow: 6, islandRows: 2 });
    expect(plan.filter((b) => b.row === 'A')).toHaveLength(6);
    const islands = plan.filter((b) => b.kind === 'island');
    expect(islands.map((b) => b.code)).toEqual(['2B01', '2B02', '2B03', '2C01', '2C02', '2C03']);
    expect(islands[0]).toEqual({ code: '2B01', row: 'B', position: 1, widthM: 6, depthM: 6, units: 4, kind: 'island' });
  });

  it('can be all islands, and a one-booth row is a corner', () => {
    expect(generateBoothPlan({ prefix: 'H', rows: 1, boothsPerRow: 2, islandRows: 1 }).map((b) => b.code)).toEqual(['HA01']);
    expect(generateBoothPlan({ prefix: '', rows: 1, boothsPerRow: 1 })).toEqual([booth({ code: 'A01' })]);
  });

  it('goes up to row Z and position 99', () => {
    const plan = generateBoothPlan({ prefix: '9', rows: 26, boothsPerRow: 99 });
    expect(plan).toHaveLength(26 * 99);
    expect(plan.at(-1)?.code).toBe('9Z99');
  });

  it('makes plans that pass validation', () => {
    expect(validateBoothPlan(generateBoothPlan({ prefix: '1', rows: 8, boothsPerRow: 12, islandRows: 2 }))).toEqual([]);
    expect(validateBoothPlan(generateBoothPlan({ prefix: 'HALL-1234', rows: 1, boothsPerRow: 1 }))).toEqual([]);
  });

  it.each([
    [{ prefix: '1', rows: 0, boothsPerRow: 4 }, 'rows must be a whole number from 1 to 26'],
    [{ prefix: '1', rows: 27, boothsPerRow: 4 }, 'rows must be a whole number from 1 to 26'],
    [{ prefix: '1', rows: 2.5, boothsPerRow: 4 }, 'rows must be'],
    [{ prefix: '1', rows: 2, boothsPerRow: 0 }, 'boothsPerRow must be a whole number from 1 to 99'],
    [{ prefix: '1', rows: 2, boothsPerRow: 100 }, 'boothsPerRow must be a whole number from 1 to 99'],
    [{ prefix: '1', rows: 2, boothsPerRow: 4, islandRows: 3 }, 'islandRows must be a whole number from 0 to rows (2)'],
    [{ prefix: '1', rows: 2, boothsPerRow: 4, islandRows: -1 }, 'islandRows'],
    [{ prefix: '1', rows: 2, boothsPerRow: 5, islandRows: 1 }, 'boothsPerRow must be even'],
    [{ prefix: 'hall 1', rows: 2, boothsPerRow: 4 }, 'prefix must be at most 9 of A–Z, 0–9 or -'],
    [{ prefix: '1234567890', rows: 2, boothsPerRow: 4 }, 'prefix'],
  ])('rejects %j', (options, message) => {
    expect(() => generateBoothPlan(options)).toThrow(RangeError);
    expect(() => generateBoothPlan(options)).toThrow(message);
  });
});

describe('validateBoothPlan', () => {
  it('accepts a plan of well-formed booths, including free sizes', () => {
    expect(validateBoothPlan([booth(), booth({ code: '1A02', position: 2, widthM: 4.5, depthM: 4, units: 2, kind: 'inline' })])).toEqual([]);
    expect(validateBoothPlan([])).toEqual([]);
  });

  it('reports duplicate codes once, with the count', () => {
    const problems = validateBoothPlan([booth(), booth({ position: 2 }), booth({ position: 3 })]);
    expect(problems).toEqual(['booth code 1A01 appears 3 times']);
  });

  it('checks units against the area in 9 m² units', () => {
    expect(validateBoothPlan([booth({ widthM: 6, depthM: 3, units: 1 })])).toEqual(['booth 1A01: 6 m × 3 m is 2 unit(s) of 9 m², not 1']);
    // 4 m × 3 m = 12 m² rounds to 1 unit.
    expect(validateBoothPlan([booth({ widthM: 4, depthM: 3, units: 1 })])).toEqual([]);
    expect(validateBoothPlan([booth({ units: 0 })])).toEqual(['booth 1A01: units must be a whole number from 1, got 0']);
    expect(validateBoothPlan([booth({ widthM: 0 })])).toEqual(['booth 1A01: width and depth must be positive numbers of metres']);
  });

  it('checks the code pattern and the kind', () => {
    expect(validateBoothPlan([booth({ code: '1a01' })])).toEqual(['booth 1a01: the code must be 1 to 12 of A–Z, 0–9 or -, got "1a01"']);
    expect(validateBoothPlan([booth({ code: 'ABCDEFGHIJKLM' })])).toHaveLength(1);
    expect(validateBoothPlan([booth({ code: '' })])).toEqual(['booth #1: the code must be 1 to 12 of A–Z, 0–9 or -, got ""']);
    expect(validateBoothPlan([booth({ kind: 'peninsula' as PlannedBooth['kind'] })])).toEqual(['booth 1A01: the kind must be inline, corner or island, got "peninsula"']);
  });

  it('refuses two booths in one place, since allocation joins neighbours by position', () => {
    expect(validateBoothPlan([booth(), booth({ code: '1A99' })])).toEqual(['booth 1A99: row A position 1 is already taken by booth 1A01']);
    expect(validateBoothPlan([booth({ position: 0 })])).toEqual(['booth 1A01: the position must be a whole number from 1, got 0']);
    expect(validateBoothPlan([booth({ row: ' ' })])).toEqual(['booth 1A01: the row is missing']);
  });

  it('survives untyped upload data', () => {
    const junk = [{ code: 5, row: null, position: 'x', widthM: '3', depthM: 3, units: 1.5, kind: null }] as unknown as PlannedBooth[];
    expect(validateBoothPlan(junk)).toEqual([
      'booth #1: the code must be 1 to 12 of A–Z, 0–9 or -, got 5',
      'booth #1: the kind must be inline, corner or island, got null',
      'booth #1: the row is missing',
      'booth #1: the position must be a whole number from 1, got "x"',
      'booth #1: width and depth must be positive numbers of metres',
      'booth #1: units must be a whole number from 1, got 1.5',
    ]);
  });
});
