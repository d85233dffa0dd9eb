import { APPLICATION_STATUSES } from '../entities/exhibitor-application.entity';
import { availableActions, REASON_REQUIRED, transition, type Actor, type ApplicationAction } from './application-lifecycle';

const ACTORS: Actor[] = ['exhibitor', 'organizer', 'system'];
const ACTIONS: ApplicationAction[] = ['submit', 'start_review', 'approve', 'waitlist', 'reject', 'request_changes', 'cancel', 'promote'];

/** The whole machine, written out once more by hand: "actor action: from → to". */
const ALLOWED = [
  'exhibitor submit: draft → submitted',
  'exhibitor submit: changes_requested → submitted',
  'exhibitor cancel: draft → cancelled',
  'exhibitor cancel: submitted → cancelled',
  'exhibitor cancel: under_review → cancelled',
  'exhibitor cancel: changes_requested → cancelled',
  'exhibitor cancel: approved → cancelled',
  'exhibitor cancel: waitlisted → cancelled',
  'organizer start_review: submitted → under_review',
  'organizer approve: submitted → approved',
  'organizer approve: under_review → approved',
  'organizer approve: waitlisted → approved',
  'organizer waitlist: submitted → waitlisted',
  'organizer waitlist: under_review → waitlisted',
  'organizer reject: submitted → rejected',
  'organizer reject: under_review → rejected',
  'organizer reject: waitlisted → rejected',
  'organizer request_changes: submitted → changes_requested',
  'organizer request_changes: under_review → changes_requested',
  'system promote: waitlisted → approved',
];

describe('transition', () => {
  it('allows exactly the transitions of the table, for every status, action and actor', () => {
    const allowed: string[] = [];
    for (const actor of ACTORS) {
      for (const action of ACTIONS) {
        for (const from of APPLICATION_STATUSES) {
          const result = transition(from, action, actor);
          if (result.ok) allowed.push(`${actor} ${action}: ${from} → ${result.to}`);
          else expect(result.reason).not.toBe('');
        }
      }
    }
    expect(allowed.sort()).toEqual([...ALLOWED].sort());
  });

  it('names the status and the action when the status forbids it', () => {
    expect(transition('rejected', 'approve', 'organizer')).toEqual({ ok: false, reason: 'an application that is rejected cannot be approved' });
    expect(transition('approved', 'reject', 'organizer')).toEqual({ ok: false, reason: 'an application that is approved cannot be rejected' });
    expect(transition('under_review', 'submit', 'exhibitor')).toEqual({ ok: false, reason: 'an application that is under review cannot be submitted' });
    expect(transition('changes_requested', 'start_review', 'organizer')).toEqual({ ok: false, reason: 'an application that is waiting for changes cannot be taken into review' });
    expect(transition('draft', 'approve', 'exhibitor')).toEqual({ ok: false, reason: 'an application that is still a draft cannot be approved' });
  });

  it('says "already" for an action that would not move the application', () => {
    expect(transition('cancelled', 'cancel', 'exhibitor')).toEqual({ ok: false, reason: 'the application is already cancelled' });
    expect(transition('approved', 'approve', 'organizer')).toEqual({ ok: false, reason: 'the application is already approved' });
  });

  it('names who may act when the status allows it but the actor may not', () => {
    expect(transition('submitted', 'approve', 'exhibitor')).toEqual({ ok: false, reason: 'only an organizer can approve an application that is submitted, not the exhibitor' });
    expect(transition('waitlisted', 'promote', 'organizer')).toEqual({ ok: false, reason: 'only the system can promote an application that is waitlisted, not an organizer' });
    expect(transition('draft', 'submit', 'organizer')).toEqual({ ok: false, reason: 'only the exhibitor can submit an application that is still a draft, not an organizer' });
    expect(transition('approved', 'cancel', 'system')).toEqual({ ok: false, reason: 'only the exhibitor can cancel an application that is approved, not the system' });
  });

  it('keeps rejected and cancelled terminal for everyone', () => {
    for (const actor of ACTORS) {
      for (const action of ACTIONS) {
        expect(transition('rejected', action, actor).ok).toBe(false);
        expect(transition('cancelled', action, actor).ok).toBe(false);
      }
    }
  });
});

describe('availableActions', () => {
  it('lists what each actor can do from each status, consistent with transition', () => {
    for (const actor of ACTORS) {
      for (const from of APPLICATION_STATUSES) {
        expect(availableActions(from, actor)).toEqual(ACTIONS.filter((a) => transition(from, a, actor).ok));
      }
    }
  });

  it('gives the expected buttons', () => {
    expect(availableActions('submitted', 'organizer')).toEqual(['start_review', 'approve', 'waitlist', 'reject', 'request_changes']);
    expect(availableActions('waitlisted', 'organizer')).toEqual(['approve', 'reject']);
    expect(availableActions('waitlisted', 'system')).toEqual(['promote']);
    expect(availableActions('changes_requested', 'exhibitor')).toEqual(['submit', 'cancel']);
    expect(availableActions('approved', 'organizer')).toEqual([]);
    expect(availableActions('rejected', 'exhibitor')).toEqual([]);
  });
});

describe('REASON_REQUIRED', () => {
  it('holds the organizer decisions the exhibitor must be told the reason for', () => {
    expect([...REASON_REQUIRED].sort()).toEqual(['reject', 'request_changes', 'waitlist']);
  });
});
