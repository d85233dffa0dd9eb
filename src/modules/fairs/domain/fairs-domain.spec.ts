import { EDITION_STATUSES } from '../entities/fair-edition.entity';
import { allowedTransitions, illegalTransitionMessage, isLegalTransition } from './edition-lifecycle';
import { meetingSessionProblem, meetingSlots } from './meeting-slots';

describe('edition lifecycle', () => {
  it('allows exactly the forward moves and reopening registration', () => {
    const legal = EDITION_STATUSES.flatMap((from) => EDITION_STATUSES.filter((to) => isLegalTransition(from, to)).map((to) => `${from}→${to}`));
    expect(legal).toEqual([
      'draft→published',
      'published→registration_open',
      'registration_open→registration_closed',
      'registration_closed→registration_open',
      'registration_closed→finished',
    ]);
    expect(allowedTransitions('finished')).toEqual([]);
  });

  it('says what is allowed instead', () => {
    expect(illegalTransitionMessage('draft', 'registration_open')).toBe('An edition cannot go from draft to registration_open; from draft it can go to published.');
    expect(illegalTransitionMessage('finished', 'draft')).toBe('A finished edition cannot change status any more.');
  });
});

describe('export-meeting slot grid', () => {
  it('lays 30-minute slots from start to end and skips the lunch break', () => {
    const slots = meetingSlots('2027-04-28', '10:00', '13:30', 30, [{ start: '12:00', end: '12:30' }]);
    expect(slots.map((s) => s.id)).toEqual(['D2027-04-28-1000', 'D2027-04-28-1030', 'D2027-04-28-1100', 'D2027-04-28-1130', 'D2027-04-28-1230', 'D2027-04-28-1300']);
    expect(slots[0]).toEqual({ id: 'D2027-04-28-1000', start: '2027-04-28T10:00:00+09:00', end: '2027-04-28T10:30:00+09:00' });
  });

  it('restarts the grid at the end of a break that does not fall on a slot boundary', () => {
    const slots = meetingSlots('2027-04-28', '10:00', '12:00', 30, [{ start: '10:45', end: '11:00' }]);
    expect(slots.map((s) => s.id)).toEqual(['D2027-04-28-1000', 'D2027-04-28-1100', 'D2027-04-28-1130']);
  });

  it('refuses a session shorter than a slot and a break outside it', () => {
    expect(meetingSessionProblem('10:00', '10:20', 30, [])?.field).toBe('endsAt');
    expect(meetingSessionProblem('10:00', '12:00', 30, [{ start: '09:00', end: '09:30' }])?.field).toBe('breaks.0');
  });
});
