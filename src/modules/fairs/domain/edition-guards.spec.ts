import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { assertEditionOpen } from './edition-guards';

describe('assertEditionOpen', () => {
  it('lets an edition that takes registrations pass', () => {
    expect(() => assertEditionOpen({ code: 'BIXPO-2026', status: 'registration_open' }, 'Registration')).not.toThrow();
  });

  it.each(['draft', 'published', 'registration_closed', 'finished'] as const)('refuses a %s edition with EDITION_NOT_OPEN and the same message as before', (status) => {
    let error: unknown;
    try {
      assertEditionOpen({ code: 'BIXPO-2026', status }, 'Visitor registration');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.EditionNotOpen);
    expect((error as DomainError).message).toBe(`Visitor registration for BIXPO-2026 is not open (status: ${status}).`);
  });
});
