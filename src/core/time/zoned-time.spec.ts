import { formatLocal, localToInstant, toLocal, zoneOffsetMinutes } from './zoned-time';

const at = (iso: string): Date => new Date(iso);

describe('zoned time', () => {
  it('converts Seoul wall-clock time to instants and back (+09:00, no DST)', () => {
    expect(localToInstant('2027-04-28', '10:00', 'Asia/Seoul').toISOString()).toBe('2027-04-28T01:00:00.000Z');
    expect(formatLocal(at('2027-04-28T01:00:00Z'), 'Asia/Seoul')).toBe('2027-04-28T10:00:00+09:00');
    expect(toLocal(at('2027-04-27T15:30:00Z'), 'Asia/Seoul')).toEqual({ date: '2027-04-28', minutes: 30 });
  });

  it('handles a zone with daylight saving time too', () => {
    expect(localToInstant('2027-07-01', '12:00', 'Europe/Berlin').toISOString()).toBe('2027-07-01T10:00:00.000Z');
    expect(localToInstant('2027-01-01', '12:00', 'Europe/Berlin').toISOString()).toBe('2027-01-01T11:00:00.000Z');
  });

  it('answers the zone database\'s offset at every quarter hour of days with changes (cached per day where it holds all day)', () => {
    /** The offset straight from Intl, no cache: the oracle. */
    const oracle = (t: number, zone: string): number => {
      const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date(t)).find((p) => p.type === 'timeZoneName')!.value;
      const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
      return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    };
    const days: Array<[string, string]> = [
      ['Europe/Berlin', '2027-03-28'], ['Europe/Berlin', '2027-10-31'], ['America/New_York', '2027-03-14'], ['Australia/Lord_Howe', '2027-04-04'],
      ['Asia/Seoul', '1987-05-10'], ['Asia/Seoul', '1988-10-09'], ['Africa/Casablanca', '2027-02-07'], ['Africa/Casablanca', '2027-03-14'], ['Asia/Seoul', '2027-04-28'],
    ];
    for (const [zone, date] of days) {
      // The day before and after too, visited out of order so that no cached day answers for another.
      const start = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
      const instants = Array.from({ length: 3 * 96 }, (_, i) => start + i * 15 * 60_000 + 7 * 60_000).sort((a, b) => (a * 7919) % 1009 - (b * 7919) % 1009);
      for (const t of instants) expect({ zone, at: new Date(t).toISOString(), offset: zoneOffsetMinutes(new Date(t), zone) }).toEqual({ zone, at: new Date(t).toISOString(), offset: oracle(t, zone) });
    }
  });
});
