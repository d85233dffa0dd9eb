import { aggregateCheckIns, checkInCsvRows, decideCheckIn, normalizeBadgeCode, type CheckInCountRow } from './check-in';

describe('normalizeBadgeCode', () => {
  it('accepts the printed form, lower case, spaces and missing dashes; refuses anything else', () => {
    expect(normalizeBadgeCode('FG-7KQ2-M9XD')).toBe('FG-7KQ2-M9XD');
    expect(normalizeBadgeCode(' fg-7kq2-m9xd ')).toBe('FG-7KQ2-M9XD');
    expect(normalizeBadgeCode('FG7KQ2M9XD')).toBe('FG-7KQ2-M9XD');
    expect(normalizeBadgeCode('fg 7kq2 m9xd')).toBe('FG-7KQ2-M9XD');
    for (const bad of ['', 'hello', 'FG-7KQ2-M9X', 'XX-7KQ2-M9XD', 'FG-7KQ2-M9XD1', 'FG-7KQ2-M9X!', undefined, 42]) expect(normalizeBadgeCode(bad)).toBeNull();
  });
});

describe('decideCheckIn', () => {
  const days = ['2027-07-07', '2027-07-08', '2027-07-09'];
  const mine = { id: 'a1', editionId: 'e1', days: ['2027-07-07', '2027-07-08'] };
  const other = { id: 'a2', editionId: 'e2', days: ['2027-04-28'] };
  const base = { editionId: 'e1', editionDays: days, day: '2027-07-07' };

  it('admits a visitor of this edition on one of their days the first time', () => {
    expect(decideCheckIn({ ...base, holders: [mine] })).toEqual({ kind: 'admit', holder: mine });
    // The same code at another edition too: this edition's registration is the one.
    expect(decideCheckIn({ ...base, holders: [other, mine] })).toEqual({ kind: 'admit', holder: mine });
  });

  it('says "already" with the first check-in\'s time the second time', () => {
    const at = new Date('2027-07-07T01:42:00Z');
    expect(decideCheckIn({ ...base, holders: [mine], existing: { checkedInAt: at } })).toEqual({ kind: 'already', holder: mine, at });
  });

  it('refuses another day, a day outside the fair, another edition\'s badge and an unknown code', () => {
    expect(decideCheckIn({ ...base, day: '2027-07-09', holders: [mine] })).toEqual({ kind: 'refused', reason: 'wrongDay', holder: mine });
    expect(decideCheckIn({ ...base, day: '2027-07-10', holders: [mine] })).toEqual({ kind: 'refused', reason: 'notFairDay', holder: mine });
    expect(decideCheckIn({ ...base, holders: [other] })).toEqual({ kind: 'refused', reason: 'otherEdition' });
    expect(decideCheckIn({ ...base, holders: [] })).toEqual({ kind: 'refused', reason: 'unknown' });
  });
});

describe('aggregateCheckIns and the CSV rows', () => {
  const rows: CheckInCountRow[] = [
    { day: '2027-07-07', hour: 9, kind: 'buyer', country: 'VN', count: 2 },
    { day: '2027-07-07', hour: 9, kind: 'trade_visitor', country: 'KR', count: 5 },
    { day: '2027-07-07', hour: 11, kind: 'trade_visitor', country: 'KR', count: 1 },
    { day: '2027-07-08', hour: 10, kind: 'press', country: 'KR', count: 3 },
  ];

  it('sums per day (every edition day, zeros included), per hour, by kind and by country (most first)', () => {
    const c = aggregateCheckIns(rows, ['2027-07-07', '2027-07-08', '2027-07-09']);
    expect(c.total).toBe(11);
    expect(c.perDay).toEqual([{ day: '2027-07-07', count: 8 }, { day: '2027-07-08', count: 3 }, { day: '2027-07-09', count: 0 }]);
    expect(c.perHour).toEqual([{ day: '2027-07-07', hour: 9, count: 7 }, { day: '2027-07-07', hour: 11, count: 1 }, { day: '2027-07-08', hour: 10, count: 3 }]);
    expect(c.byKind).toEqual([{ kind: 'buyer', count: 2 }, { kind: 'press', count: 3 }, { kind: 'trade_visitor', count: 6 }]);
    expect(c.byCountry).toEqual([{ country: 'KR', count: 9 }, { country: 'VN', count: 2 }]);
    expect(aggregateCheckIns([])).toEqual({ total: 0, perDay: [], perHour: [], byKind: [], byCountry: [] });
  });

  it('writes each day, then its hours, kinds and countries; every breakdown adds up to the day', () => {
    const csv = checkInCsvRows(rows, ['2027-07-07', '2027-07-08']);
    expect(csv.slice(0, 6)).toEqual([
      ['day', '2027-07-07', '', '8'],
      ['hour', '2027-07-07', '09', '7'],
      ['hour', '2027-07-07', '11', '1'],
      ['kind', '2027-07-07', 'buyer', '2'],
      ['kind', '2027-07-07', 'trade_visitor', '6'],
      ['country', '2027-07-07', 'KR', '6'],
    ]);
    for (const breakdown of ['hour', 'kind', 'country']) {
      const sum = csv.filter((r) => r[0] === breakdown && r[1] === '2027-07-08').reduce((s, r) => s + Number(r[3]), 0);
      expect(sum).toBe(3);
    }
  });
});
