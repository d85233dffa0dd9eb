import { applicationFor, availableDays, awaySlots, mayOptIn, mayOptOut } from './exhibitor-opt-in';

describe('exhibitor opt-in decisions', () => {
  const open = { applicationStatus: 'approved', meetingDays: 2, alreadyIn: false, published: false };

  it('an approved exhibitor of an edition with meeting days and no published schedule may opt in', () => {
    expect(mayOptIn(open)).toEqual({ may: true });
  });

  it.each([
    [{ applicationStatus: undefined }, 'noApplication'],
    [{ applicationStatus: 'submitted' }, 'notApproved'],
    [{ applicationStatus: 'changes_requested' }, 'notApproved'],
    [{ applicationStatus: 'rejected' }, 'notApproved'],
    [{ applicationStatus: 'withdrawn' }, 'notApproved'],
    [{ meetingDays: 0 }, 'noMeetings'],
    [{ published: true }, 'published'],
    [{ alreadyIn: true }, 'alreadyIn'],
    [{ alreadyIn: true, applicationStatus: 'withdrawn' }, 'alreadyIn'],
  ] as const)('refuses %j with the reason %s', (patch, reason) => {
    expect(mayOptIn({ ...open, ...patch })).toEqual({ may: false, reason });
  });

  it('opting out: only a self-registered participant, only before publication', () => {
    expect(mayOptOut({ selfRegistered: true, published: false })).toEqual({ may: true });
    expect(mayOptOut({ selfRegistered: true, published: true })).toEqual({ may: false, reason: 'published' });
    expect(mayOptOut({ selfRegistered: false, published: false })).toEqual({ may: false, reason: 'notIn' });
  });

  it('the application for an edition: an approved one before a newer other one; none for another edition', () => {
    const apps = [
      { id: 'new', editionId: 'e1', status: 'withdrawn' },
      { id: 'ok', editionId: 'e1', status: 'approved' },
      { id: 'other', editionId: 'e2', status: 'submitted' },
    ];
    expect(applicationFor(apps, 'e1')?.id).toBe('ok');
    expect(applicationFor(apps, 'e2')?.id).toBe('other');
    expect(applicationFor(apps, 'e3')).toBeUndefined();
  });

  it('availability per day turns into away slots and back', () => {
    const slots = [
      { id: 'a', start: '2027-07-08T10:00:00+09:00' }, { id: 'b', start: '2027-07-08T10:30:00+09:00' }, { id: 'c', start: '2027-07-09T10:00:00+09:00' },
    ];
    expect(awaySlots(slots, ['2027-07-09'])).toEqual(['a', 'b']);
    expect(availableDays(slots, ['a', 'b'])).toEqual(['2027-07-09']);
    expect(availableDays(slots, ['a'])).toEqual(['2027-07-08', '2027-07-09']);
    expect(awaySlots(slots, [])).toEqual(['a', 'b', 'c']);
  });
});
