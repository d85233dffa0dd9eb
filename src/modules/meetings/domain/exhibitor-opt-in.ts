/*
 * Whether an exhibitor company may join an edition's export meetings from its own account, and
 * why not: pure decisions, no Nest, no database. The service gathers the facts; the page says the
 * reason in its own words.
 */

/** Why an exhibitor may not opt in (or out); each has a message on the page. */
export type OptInRefusal = 'noApplication' | 'notApproved' | 'noMeetings' | 'alreadyIn' | 'published';
export type OptOutRefusal = 'notIn' | 'published';

/** The field message of an opt-in whose email is already a participant of the edition (added by the organizer, or another company's contact). */
export const EMAIL_TAKEN = 'emailTaken';

export interface OptInFacts {
  /** The company's application for the edition, if any (the newest when several). */
  applicationStatus: string | undefined;
  /** How many export-meeting days the edition has. */
  meetingDays: number;
  /** The company already takes part in the edition's meetings. */
  alreadyIn: boolean;
  /** Some meeting of the edition's schedule is published. */
  published: boolean;
}

export type Decision<R> = { may: true } | { may: false; reason: R };

/** May the company opt in? Only with an approved application, while the edition holds meetings and no schedule is out. */
export function mayOptIn(f: OptInFacts): Decision<OptInRefusal> {
  if (f.alreadyIn) return { may: false, reason: 'alreadyIn' };
  if (f.applicationStatus === undefined) return { may: false, reason: 'noApplication' };
  if (f.applicationStatus !== 'approved') return { may: false, reason: 'notApproved' };
  if (f.meetingDays === 0) return { may: false, reason: 'noMeetings' };
  if (f.published) return { may: false, reason: 'published' };
  return { may: true };
}

/** May the company leave? Only what it joined itself, and only before the schedule is published. */
export function mayOptOut(f: { selfRegistered: boolean; published: boolean }): Decision<OptOutRefusal> {
  if (!f.selfRegistered) return { may: false, reason: 'notIn' };
  if (f.published) return { may: false, reason: 'published' };
  return { may: true };
}

/** The application that speaks for the company at an edition: an approved one first, else the newest. */
export function applicationFor<A extends { editionId: string; status: string }>(applications: A[], editionId: string): A | undefined {
  const here = applications.filter((a) => a.editionId === editionId);
  return here.find((a) => a.status === 'approved') ?? here[0];
}

/** The away slots of a participant available only on `days` (YYYY-MM-DD): every slot of the other days. */
export function awaySlots(slots: Array<{ id: string; start: string }>, days: string[]): string[] {
  return slots.filter((s) => !days.includes(s.start.slice(0, 10))).map((s) => s.id);
}

/** The meeting days a participant is available on: a day counts when at least one of its slots is not away. */
export function availableDays(slots: Array<{ id: string; start: string }>, unavailable: string[]): string[] {
  const away = new Set(unavailable);
  return [...new Set(slots.filter((s) => !away.has(s.id)).map((s) => s.start.slice(0, 10)))];
}
