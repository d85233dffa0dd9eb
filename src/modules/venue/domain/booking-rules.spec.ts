import fc from 'fast-check';
import { freeWindows, occupiedInterval, overlaps, timeProblems, type Interval } from './booking-rules';

const SEOUL = { opensAt: '07:00', closesAt: '23:00', timezone: 'Asia/Seoul' };
const at = (iso: string): Date => new Date(iso);

describe('booking rules', () => {
  it('counts setup and teardown as occupied', () => {
    const o = occupiedInterval(at('2027-04-28T01:00:00Z'), at('2027-04-28T03:00:00Z'), 60, 30);
    expect(o).toEqual({ from: at('2027-04-28T00:00:00Z'), until: at('2027-04-28T03:30:00Z') });
  });

  it('refuses an end before the start, and times outside opening hours, naming the field', () => {
    const base = { setupMinutes: 0, teardownMinutes: 0 };
    expect(timeProblems({ ...base, startsAt: at('2027-04-28T03:00:00Z'), endsAt: at('2027-04-28T01:00:00Z') }, SEOUL)).toEqual([
      { field: 'endsAt', message: 'endsAt must be after startsAt' },
    ]);
    // 06:00–08:00 KST starts before 07:00
    expect(timeProblems({ ...base, startsAt: at('2027-04-27T21:00:00Z'), endsAt: at('2027-04-27T23:00:00Z') }, SEOUL)[0].field).toBe('startsAt');
    // 09:00–10:00 KST with 3 h of setup starts at 06:00
    expect(timeProblems({ setupMinutes: 180, teardownMinutes: 0, startsAt: at('2027-04-28T00:00:00Z'), endsAt: at('2027-04-28T01:00:00Z') }, SEOUL)[0])
      .toMatchObject({ field: 'setupMinutes', message: expect.stringContaining('07:00–23:00 (Asia/Seoul)') });
    // 22:00–23:30 KST ends after closing
    expect(timeProblems({ ...base, startsAt: at('2027-04-28T13:00:00Z'), endsAt: at('2027-04-28T14:30:00Z') }, SEOUL)[0].field).toBe('endsAt');
    // a three-day exhibition 09:00 day 1 to 18:00 day 3 is fine
    expect(timeProblems({ ...base, startsAt: at('2027-04-28T00:00:00Z'), endsAt: at('2027-04-30T09:00:00Z') }, SEOUL)).toEqual([]);
    // exactly 07:00–23:00 is fine
    expect(timeProblems({ ...base, startsAt: at('2027-04-27T22:00:00Z'), endsAt: at('2027-04-28T14:00:00Z') }, SEOUL)).toEqual([]);
  });

  it('treats back-to-back intervals as not overlapping', () => {
    const a = { from: at('2027-01-01T01:00:00Z'), until: at('2027-01-01T02:00:00Z') };
    const b = { from: at('2027-01-01T02:00:00Z'), until: at('2027-01-01T03:00:00Z') };
    expect(overlaps(a, b)).toBe(false);
    expect(overlaps(a, { ...b, from: at('2027-01-01T01:59:00Z') })).toBe(true);
  });

  it('free windows are exactly the minutes of the window no busy interval covers (property)', () => {
    const minute = (m: number): Date => new Date(Date.UTC(2027, 0, 1) + m * 60000);
    const interval = fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 240 })).map(([s, len]): Interval => ({ from: minute(s), until: minute(s + len) }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), (busy) => {
        const window = { from: minute(60), until: minute(540) };
        const free = freeWindows(window, busy);
        for (let m = 60; m < 540; m++) {
          const point = { from: minute(m), until: minute(m + 1) };
          const isBusy = busy.some((b) => overlaps(b, point));
          const isFree = free.some((f) => overlaps(f, point));
          expect(isFree).toBe(!isBusy);
        }
        for (let i = 1; i < free.length; i++) expect(free[i - 1].until < free[i].from).toBe(true); // maximal, ordered
      }),
      { numRuns: 100 },
    );
  });
});
