import type { ApplicationStatus } from '../entities/exhibitor-application.entity';

export type ApplicationAction = 'submit' | 'start_review' | 'approve' | 'waitlist' | 'reject' | 'request_changes' | 'cancel' | 'promote';
export type Actor = 'exhibitor' | 'organizer' | 'system';

/** Each action belongs to one actor; `from` lists the statuses it may start from. */
const RULES: Record<ApplicationAction, { actor: Actor; from: readonly ApplicationStatus[]; to: ApplicationStatus }> = {
  submit: { actor: 'exhibitor', from: ['draft', 'changes_requested'], to: 'submitted' },
  start_review: { actor: 'organizer', from: ['submitted'], to: 'under_review' },
  approve: { actor: 'organizer', from: ['submitted', 'under_review', 'waitlisted'], to: 'approved' },
  waitlist: { actor: 'organizer', from: ['submitted', 'under_review'], to: 'waitlisted' },
  // Not from approved: once approved, only the exhibitor's cancellation ends an application.
  reject: { actor: 'organizer', from: ['submitted', 'under_review', 'waitlisted'], to: 'rejected' },
  request_changes: { actor: 'organizer', from: ['submitted', 'under_review'], to: 'changes_requested' },
  cancel: { actor: 'exhibitor', from: ['draft', 'submitted', 'under_review', 'changes_requested', 'approved', 'waitlisted'], to: 'cancelled' },
  // The system moves a waitlisted application up when a place frees; an organizer approves instead.
  promote: { actor: 'system', from: ['waitlisted'], to: 'approved' },
};

const ACTIONS = Object.keys(RULES) as ApplicationAction[];

/** Actions whose organizer must say why: the exhibitor reads it in the email. */
export const REASON_REQUIRED: ReadonlySet<ApplicationAction> = new Set<ApplicationAction>(['reject', 'request_changes', 'waitlist']);

const STATUS_WORDS: Record<ApplicationStatus, string> = {
  draft: 'still a draft',
  submitted: 'submitted',
  under_review: 'under review',
  changes_requested: 'waiting for changes',
  approved: 'approved',
  waitlisted: 'waitlisted',
  rejected: 'rejected',
  cancelled: 'cancelled',
};

/** "cannot be …" */
const PASSIVE: Record<ApplicationAction, string> = {
  submit: 'submitted',
  start_review: 'taken into review',
  approve: 'approved',
  waitlist: 'waitlisted',
  reject: 'rejected',
  request_changes: 'sent back for changes',
  cancel: 'cancelled',
  promote: 'promoted from the waitlist',
};

/** "only … can …" */
const ACTIVE: Record<ApplicationAction, string> = {
  submit: 'submit',
  start_review: 'start reviewing',
  approve: 'approve',
  waitlist: 'waitlist',
  reject: 'reject',
  request_changes: 'request changes to',
  cancel: 'cancel',
  promote: 'promote',
};

const ACTOR_WORDS: Record<Actor, string> = { exhibitor: 'the exhibitor', organizer: 'an organizer', system: 'the system' };

/** Whether `actor` may apply `action` to an application in status `from`, and where it leads. Deadlines are the service's concern. */
export function transition(from: ApplicationStatus, action: ApplicationAction, actor: Actor): { ok: true; to: ApplicationStatus } | { ok: false; reason: string } {
  const rule = RULES[action];
  if (!rule.from.includes(from)) {
    const reason = from === rule.to ? `the application is already ${STATUS_WORDS[from]}` : `an application that is ${STATUS_WORDS[from]} cannot be ${PASSIVE[action]}`;
    return { ok: false, reason };
  }
  if (rule.actor !== actor) {
    return { ok: false, reason: `only ${ACTOR_WORDS[rule.actor]} can ${ACTIVE[action]} an application that is ${STATUS_WORDS[from]}, not ${ACTOR_WORDS[actor]}` };
  }
  return { ok: true, to: rule.to };
}

/** What `actor` can do now, in a stable order (for buttons and API hints). */
export function availableActions(from: ApplicationStatus, actor: Actor): ApplicationAction[] {
  return ACTIONS.filter((action) => RULES[action].actor === actor && RULES[action].from.includes(from));
}
