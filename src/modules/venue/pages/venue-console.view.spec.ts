import { translator } from '../../../core/web/i18n';
import { CONSOLE_MESSAGES } from './messages';
import { holdValues, parseHoldForm } from './venue-console.forms';
import { addDays, localTime, mergeCells, venuePageModel, venueUrl, weekStart, zoneName } from './venue-console.view';

describe('venue console helpers', () => {
  it('merges consecutive hours of one booking and keeps free hours apart', () => {
    const blocks = mergeCells([
      { hour: 9, state: 'free' },
      { hour: 10, state: 'held', bookingId: 'a', purpose: 'A' },
      { hour: 11, state: 'held', bookingId: 'a', purpose: 'A' },
      { hour: 12, state: 'held', bookingId: 'b', purpose: 'B' },
      { hour: 13, state: 'free' },
      { hour: 14, state: 'free' },
    ]);
    expect(blocks.map((b) => [b.state, b.bookingId, b.fromHour, b.untilHour])).toEqual([
      ['free', undefined, 9, 10], ['held', 'a', 10, 12], ['held', 'b', 12, 13], ['free', undefined, 13, 14], ['free', undefined, 14, 15],
    ]);
  });

  it('finds the Monday of a week and builds grid URLs', () => {
    expect(weekStart('2027-04-28')).toBe('2027-04-26'); // a Wednesday
    expect(weekStart('2027-05-02')).toBe('2027-04-26'); // a Sunday
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(venueUrl({ date: '2027-04-28', view: 'week', flash: 'held' }, 'x')).toBe('/console/venue?date=2027-04-28&view=week&flash=held#x');
  });

  it('turns the hold form into a booking in the venue zone, or says what is wrong per field', () => {
    const t = translator(CONSOLE_MESSAGES, 'en');
    const ok = parseHoldForm(
      holdValues({ space: 'R301', date: '2027-04-28', start: '10:00', end: '12:30', setupMinutes: '', purpose: ' Seminar ' }),
      ['R301'],
      'Asia/Seoul',
      t,
    );
    expect(ok).toEqual({
      ok: true,
      dto: { space: 'R301', startsAt: '2027-04-28T10:00:00+09:00', endsAt: '2027-04-28T12:30:00+09:00', setupMinutes: 0, teardownMinutes: 0, purpose: 'Seminar' },
    });
    const bad = parseHoldForm(
      holdValues({ space: 'NOPE', date: '2027-02-30', start: '9:00', end: '', teardownMinutes: '-5', purpose: 'a\nb' }),
      ['R301'],
      'Asia/Seoul',
      t,
    );
    expect(bad).toEqual({
      ok: false,
      errors: {
        space: t('unknownSpace'), date: t('invalidDate'), start: t('invalidTime'), end: t('required'),
        teardownMinutes: t('invalidMinutes', { max: 10080 }), purpose: t('singleLine'),
      },
    });
  });
});

describe('venue page model', () => {
  const t = translator(CONSOLE_MESSAGES, 'ko');

  it('writes times as people read them, with the date when a booking runs past the day shown', () => {
    expect(localTime('2027-04-28T14:00:00+09:00', '2027-04-28', 'ko')).toBe('오후 2:00');
    expect(localTime('2027-04-29T09:30:00+09:00', '2027-04-28', 'en')).toBe('Thu 29 Apr 9:30 AM');
    expect(zoneName('Asia/Seoul', 'ko')).toBe('한국 표준시');
  });

  it('shows only the flashes it knows, in the user language', () => {
    const data = { date: '2027-04-28' } as Parameters<typeof venuePageModel>[0];
    expect(venuePageModel(data, 'held', t).flash).toEqual({ ok: true, text: '가예약이 등록되었습니다.' });
    expect(venuePageModel(data, 'not-confirmable', t).flash?.ok).toBe(false);
    expect(venuePageModel(data, '<script>', t).flash).toBeUndefined();
    expect(venuePageModel(data, undefined, t).flash).toBeUndefined();
  });
});
