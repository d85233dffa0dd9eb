import { checkParticipantCompany, participantCompanyName, participantIdentityColumns } from './participant-company';

describe('checkParticipantCompany (a buyer’s company identity)', () => {
  const de = { companyName: 'Rheinland Antrieb GmbH', country: 'DE' };

  it('accepts a buyer without any identifier', () => {
    expect(checkParticipantCompany(de)).toEqual({ problems: {}, identity: null });
    expect(checkParticipantCompany({ companyName: '빛고을무역', country: 'KR' })).toEqual({ problems: {}, identity: null });
  });

  it('checks a German VAT ID against the country, normalizes it, and says what was wrong in both languages', () => {
    expect(checkParticipantCompany({ ...de, identifierKind: 'eu-vat', identifier: '123 456 789' }).identity).toEqual({ kind: 'eu-vat', identifier: 'DE123456789', businessRegistrationNumber: null });
    const bad = checkParticipantCompany({ ...de, identifierKind: 'eu-vat', identifier: 'DE12345' });
    expect(bad.identity).toBeNull();
    expect(bad.problems.identifier).toEqual({ ko: '독일(DE) 부가가치세 번호는 DE 뒤에 숫자 9자리입니다', en: 'A Germany (DE) VAT ID is DE followed by 9 digits' });
  });

  it('a kind must fit the country; a kind needs a number and a number a kind', () => {
    expect(Object.keys(checkParticipantCompany({ ...de, identifierKind: 'gb-vat', identifier: 'GB123456789' }).problems)).toEqual(['identifier']);
    expect(Object.keys(checkParticipantCompany({ ...de, identifierKind: 'kr-brn', identifier: '220-81-62517' }).problems)).toEqual(['identifierKind']);
    expect(Object.keys(checkParticipantCompany({ ...de, identifier: 'DE123456789' }).problems)).toEqual(['identifierKind']);
    expect(Object.keys(checkParticipantCompany({ ...de, identifierKind: 'eu-vat' }).problems)).toEqual(['identifier']);
    expect(Object.keys(checkParticipantCompany({ companyName: '빛고을무역', country: 'KR', identifierKind: 'kr-brn' }).problems)).toEqual(['identifier']);
  });

  it('a Korean buyer may give its 사업자등록번호, with or without the kind; the check digit is checked', () => {
    const kr = { companyName: '빛고을무역', country: 'KR' };
    expect(checkParticipantCompany({ ...kr, identifier: '220-81-62517' }).identity).toMatchObject({ kind: 'kr-brn', identifier: '2208162517' });
    expect(checkParticipantCompany({ ...kr, identifierKind: 'kr-brn', identifier: '2208162517' }).identity).toMatchObject({ kind: 'kr-brn' });
    expect(checkParticipantCompany({ ...kr, identifier: '220-81-62518' }).problems.identifier?.ko).toContain('사업자등록번호');
  });

  it('the other-script name must be in the other script', () => {
    expect(checkParticipantCompany({ ...de, alternateCompanyName: 'Rheinland' }).problems.alternateCompanyName).toBeDefined();
    expect(checkParticipantCompany({ ...de, alternateCompanyName: '라인란트' }).problems).toEqual({});
  });

  it('gives the columns of a new row and the name in the reader’s language', () => {
    expect(participantIdentityColumns({ ...de, alternateCompanyName: ' 라인란트 ', identifierKind: 'eu-vat', identifier: 'de123456789' }))
      .toEqual({ alternateCompanyName: '라인란트', identifierKind: 'eu-vat', identifier: 'DE123456789' });
    expect(participantIdentityColumns(de)).toEqual({ alternateCompanyName: null, identifierKind: null, identifier: null });
    const p = { companyName: 'Rheinland Antrieb GmbH', alternateCompanyName: '라인란트 구동' };
    expect(participantCompanyName('ko', p)).toBe('라인란트 구동');
    expect(participantCompanyName('en', p)).toBe('Rheinland Antrieb GmbH');
    expect(participantCompanyName('ko', { companyName: 'Osaka Parts', alternateCompanyName: null })).toBe('Osaka Parts');
  });
});
