import { formatLocal, localToInstant, toLocal } from './zoned-time';

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
});
