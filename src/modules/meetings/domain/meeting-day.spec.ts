import { dayOverview, decideRecord, endOfMeetingDay, participantChangeDeadline, participantChangeRefusal, PARTICIPANT_CHANGE_CUTOFF_HOURS } from './meeting-day';

const ZONE = 'Asia/Seoul';
const at = (local: string): Date => new Date(`${local}+09:00`);
const start = at('2027-07-08T10:00:00');
const published = { status: 'published' as const, startsAt: start, outcome: null };

describe('the fair day: may a table host record an outcome?', () => {
  it('ends the day at local midnight after the meeting', () => {
    expect(endOfMeetingDay(start, ZONE).toISOString()).toBe(at('2027-07-09T00:00:00').toISOString());
    // 23:30 local is 14:30 UTC of the same day: still that local day.
    expect(endOfMeetingDay(at('2027-07-08T23:30:00'), ZONE).toISOString()).toBe(at('2027-07-09T00:00:00').toISOString());
  });

  it('writes once the meeting has started and until the end of its day', () => {
    expect(decideRecord(published, 'held', start, ZONE)).toEqual({ kind: 'write' });
    expect(decideRecord(published, 'no_show_buyer', at('2027-07-08T23:59:59'), ZONE)).toEqual({ kind: 'write' });
    expect(decideRecord({ ...published, outcome: 'held' }, 'no_show_both', at('2027-07-08T15:00:00'), ZONE)).toEqual({ kind: 'write' });
  });

  it('changes nothing for the same outcome twice, or cancelling a cancelled meeting', () => {
    expect(decideRecord({ ...published, outcome: 'held' }, 'held', at('2027-07-08T10:10:00'), ZONE)).toEqual({ kind: 'same' });
    expect(decideRecord({ ...published, status: 'cancelled' }, 'cancelled', at('2027-07-08T10:10:00'), ZONE)).toEqual({ kind: 'same' });
  });

  it('refuses before the start, after the day, an unpublished or a cancelled meeting', () => {
    expect(decideRecord(published, 'held', at('2027-07-08T09:59:59'), ZONE)).toEqual({ kind: 'refuse', reason: 'not_started' });
    expect(decideRecord(published, 'cancelled', at('2027-07-08T09:00:00'), ZONE)).toEqual({ kind: 'refuse', reason: 'not_started' });
    expect(decideRecord(published, 'held', at('2027-07-09T00:00:00'), ZONE)).toEqual({ kind: 'refuse', reason: 'day_over' });
    expect(decideRecord({ ...published, status: 'scheduled' }, 'held', at('2027-07-08T10:30:00'), ZONE)).toEqual({ kind: 'refuse', reason: 'not_published' });
    expect(decideRecord({ ...published, status: 'cancelled' }, 'held', at('2027-07-08T10:30:00'), ZONE)).toEqual({ kind: 'refuse', reason: 'cancelled' });
  });
});

describe('the fair day: may a participant cancel or ask to move?', () => {
  it(`allows it up to ${PARTICIPANT_CHANGE_CUTOFF_HOURS} hours before the start`, () => {
    expect(participantChangeDeadline(start).toISOString()).toBe(at('2027-07-07T10:00:00').toISOString());
    expect(participantChangeRefusal(published, at('2027-07-07T10:00:00'))).toBeUndefined();
    expect(participantChangeRefusal(published, at('2027-07-07T10:00:01'))).toBe('cutoff');
    expect(participantChangeRefusal(published, at('2027-07-08T10:30:00'))).toBe('cutoff');
    expect(participantChangeRefusal(published, at('2027-07-08T07:00:00'), 2)).toBeUndefined();
  });

  it('refuses a meeting that is not published (a draft, or already cancelled)', () => {
    expect(participantChangeRefusal({ status: 'scheduled', startsAt: start }, at('2027-07-01T10:00:00'))).toBe('not_published');
    expect(participantChangeRefusal({ status: 'cancelled', startsAt: start }, at('2027-07-01T10:00:00'))).toBe('not_published');
  });
});

describe('the fair day: the overview per table', () => {
  it('counts held, no-show, cancelled and not recorded per table, every table listed, drafts left out', () => {
    const rows = dayOverview(['T01', 'T02', 'T03'], [
      { table: 'T01', status: 'published', outcome: 'held' },
      { table: 'T01', status: 'published', outcome: 'no_show_buyer' },
      { table: 'T01', status: 'published', outcome: 'no_show_both' },
      { table: 'T01', status: 'published', outcome: null },
      { table: 'T02', status: 'cancelled', outcome: null },
      { table: 'T02', status: 'scheduled', outcome: null },
      { table: 'X99', status: 'published', outcome: 'held' },
    ]);
    expect(rows).toEqual([
      { table: 'T01', held: 1, noShow: 2, cancelled: 0, notRecorded: 1 },
      { table: 'T02', held: 0, noShow: 0, cancelled: 1, notRecorded: 0 },
      { table: 'T03', held: 0, noShow: 0, cancelled: 0, notRecorded: 0 },
    ]);
  });
});
