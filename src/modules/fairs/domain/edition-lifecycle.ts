import type { EditionStatus } from '../entities/fair-edition.entity';

/**
 * The legal moves of an edition: forward through its life, and registration may reopen
 * after closing (a deadline extended). Everything else is refused with the allowed moves.
 */
export const EDITION_TRANSITIONS: Record<EditionStatus, EditionStatus[]> = {
  draft: ['published'],
  published: ['registration_open'],
  registration_open: ['registration_closed'],
  registration_closed: ['registration_open', 'finished'],
  finished: [],
};

export function allowedTransitions(from: EditionStatus): EditionStatus[] {
  return EDITION_TRANSITIONS[from];
}

export function isLegalTransition(from: EditionStatus, to: EditionStatus): boolean {
  return EDITION_TRANSITIONS[from].includes(to);
}

/** What a person reads when a move is refused. */
export function illegalTransitionMessage(from: EditionStatus, to: EditionStatus): string {
  const allowed = EDITION_TRANSITIONS[from];
  if (from === to) return `The edition is already ${from}.`;
  return allowed.length === 0
    ? `A ${from} edition cannot change status any more.`
    : `An edition cannot go from ${from} to ${to}; from ${from} it can go to ${allowed.join(' or ')}.`;
}
