import { alternateNameProblem, companyNameFor } from './company-name';

describe('a company name in the reader\'s language', () => {
  it('gives a Korean reader the Hangul name and an English reader the Latin one, whichever was given first', () => {
    expect(companyNameFor('ko', { name: 'Hyundai Mobis', alternateName: '현대모비스' })).toBe('현대모비스');
    expect(companyNameFor('en', { name: 'Hyundai Mobis', alternateName: '현대모비스' })).toBe('Hyundai Mobis');
    expect(companyNameFor('ko', { name: '현대모비스', alternateName: 'Hyundai Mobis' })).toBe('현대모비스');
    expect(companyNameFor('en', { name: '현대모비스', alternateName: 'Hyundai Mobis' })).toBe('Hyundai Mobis');
  });
  it('falls back to the one name a company has', () => {
    expect(companyNameFor('ko', { name: 'Müller Maschinenbau GmbH' })).toBe('Müller Maschinenbau GmbH');
    expect(companyNameFor('en', { name: '빛고을정밀', alternateName: null })).toBe('빛고을정밀');
    expect(companyNameFor('en', { name: '빛고을정밀', alternateName: '  ' })).toBe('빛고을정밀');
  });
  it('counts a mixed name with Hangul as the Hangul one', () => {
    expect(companyNameFor('ko', { name: 'LG Electronics', alternateName: 'LG전자' })).toBe('LG전자');
    expect(companyNameFor('en', { name: 'LG Electronics', alternateName: 'LG전자' })).toBe('LG Electronics');
  });
  it('wants the other name in the other script', () => {
    expect(alternateNameProblem('현대모비스', 'Hyundai Mobis')).toBeUndefined();
    expect(alternateNameProblem('현대모비스', undefined)).toBeUndefined();
    expect(alternateNameProblem('Hyundai Mobis', 'Hyundai Mobis Co.')).toBeDefined();
    expect(alternateNameProblem('현대모비스', '현대 모비스')?.ko).toContain('다른 문자');
  });
});
