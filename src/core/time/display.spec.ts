import { displayClock, displayDate, displayDateRange, displayDateTime, displayTime, displayTimeRange } from './display';

describe('display dates and times', () => {
  it('writes a Korean date and time as Koreans read it, never AM/PM', () => {
    // 05:00Z is 14:00 in Seoul.
    expect(displayDateTime('2027-04-28T05:00:00Z', 'ko')).toBe('2027년 4월 28일 (수) 오후 2:00');
    expect(displayDateTime(new Date('2027-02-27T01:00:00Z'), 'ko')).toBe('2027년 2월 27일 (토) 오전 10:00');
    expect(displayDateTime('2027-04-28T05:00:00Z', 'ko')).not.toMatch(/AM|PM/);
  });

  it('writes an English date and time', () => {
    expect(displayDateTime('2027-04-28T05:00:00Z', 'en')).toBe('Wed 28 Apr 2027, 2:00 PM');
  });

  it('knows noon and midnight', () => {
    expect(displayClock(0, 'ko')).toBe('오전 12:00');
    expect(displayClock(12 * 60 + 30, 'ko')).toBe('오후 12:30');
    expect(displayClock(0, 'en')).toBe('12:00 AM');
    expect(displayClock(23 * 60 + 59, 'en')).toBe('11:59 PM');
  });

  it('writes dates with and without weekday and year', () => {
    expect(displayDate('2027-04-28', 'ko')).toBe('2027년 4월 28일 (수)');
    expect(displayDate('2027-04-28', 'ko', { weekday: false })).toBe('2027년 4월 28일');
    expect(displayDate('2027-04-28', 'ko', { year: false })).toBe('4월 28일 (수)');
    expect(displayDate('2027-04-28', 'en', { year: false })).toBe('Wed 28 Apr');
  });

  it('uses the zone it is given', () => {
    expect(displayTime('2027-04-28T05:00:00Z', 'en', 'UTC')).toBe('5:00 AM');
    expect(displayTime('2027-04-28T05:00:00Z', 'ko')).toBe('오후 2:00');
  });

  it('writes ranges once where they share a date', () => {
    expect(displayTimeRange('2027-04-28T05:00:00Z', '2027-04-28T05:30:00Z', 'ko')).toBe('2027년 4월 28일 (수) 오후 2:00–오후 2:30');
    expect(displayDateRange('2027-04-28', '2027-04-30', 'ko')).toBe('2027년 4월 28일 (수) – 4월 30일 (금)');
    expect(displayDateRange('2027-04-28', '2027-04-28', 'en')).toBe('Wed 28 Apr 2027');
  });
});
