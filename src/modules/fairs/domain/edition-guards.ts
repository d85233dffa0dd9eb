import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import type { FairEdition } from '../entities/fair-edition.entity';

/**
 * Refuses (409 EDITION_NOT_OPEN) unless the edition takes registrations. `what` names the
 * registration in the message: 'Registration', 'Visitor registration', 'Exhibitor registration'.
 */
export function assertEditionOpen(edition: Pick<FairEdition, 'code' | 'status'>, what: string): void {
  if (edition.status !== 'registration_open') {
    throw new DomainError(ErrorCode.EditionNotOpen, `${what} for ${edition.code} is not open (status: ${edition.status}).`);
  }
}
