import { checkSurveyForm, parseUsd, usdForInput } from './survey-answer';

describe('the survey answer', () => {
  it('reads amounts with thousands separators, a dollar sign, blanks as not given', () => {
    expect(parseUsd('12,500')).toEqual({ ok: true, value: '12500' });
    expect(parseUsd(' 1,234,567.50 ')).toEqual({ ok: true, value: '1234567.50' });
    expect(parseUsd('$ 300.5')).toEqual({ ok: true, value: '300.5' });
    expect(parseUsd('0')).toEqual({ ok: true, value: '0' });
    expect(parseUsd('007')).toEqual({ ok: true, value: '7' });
    expect(parseUsd('')).toEqual({ ok: true, value: null });
    expect(parseUsd(undefined)).toEqual({ ok: true, value: null });
  });

  it('refuses what is not a non-negative amount with at most 2 decimals', () => {
    expect(parseUsd('-5')).toEqual({ ok: false, error: 'negative' });
    expect(parseUsd('12.345')).toEqual({ ok: false, error: 'tooManyDecimals' });
    expect(parseUsd('12,34')).toEqual({ ok: false, error: 'notANumber' });
    expect(parseUsd('1.2.3')).toEqual({ ok: false, error: 'notANumber' });
    expect(parseUsd('abc')).toEqual({ ok: false, error: 'notANumber' });
    expect(parseUsd('1e5')).toEqual({ ok: false, error: 'notANumber' });
    expect(parseUsd('1234567890123')).toEqual({ ok: false, error: 'tooLarge' });
    expect(parseUsd('999999999999.99')).toEqual({ ok: true, value: '999999999999.99' });
  });

  it('answers every error of the form at once, or the answer', () => {
    expect(checkSurveyForm({ consultationUsd: '-1', expectedContractUsd: '1.234' })).toEqual({
      ok: false, errors: { satisfaction: 'required', followUp: 'required', consultationUsd: 'negative', expectedContractUsd: 'tooManyDecimals' },
    });
    expect(checkSurveyForm({ satisfaction: '6', followUp: 'maybe' })).toMatchObject({ ok: false, errors: { satisfaction: 'required', followUp: 'required' } });
    expect(checkSurveyForm({ satisfaction: '4', followUp: 'yes', consultationUsd: '12,500', expectedContractUsd: '', comment: '  좋았습니다  ', })).toEqual({
      ok: true, answer: { satisfaction: 4, followUp: true, consultationUsd: '12500', expectedContractUsd: null, comment: '좋았습니다' },
    });
    expect(checkSurveyForm({ satisfaction: '1', followUp: 'no', comment: 'x'.repeat(2001) })).toEqual({ ok: false, errors: { comment: 'tooLong' } });
  });

  it('shows a stored amount again with separators, and it reads back the same', () => {
    expect(usdForInput('30000.00')).toBe('30,000');
    expect(usdForInput('15000.75')).toBe('15,000.75');
    expect(usdForInput('1234567.50')).toBe('1,234,567.50');
    expect(usdForInput('0.00')).toBe('0');
    expect(usdForInput(null)).toBe('');
    for (const v of ['30000.00', '15000.75', '1234567.50', '0.05', '999999999999.99']) {
      const back = parseUsd(usdForInput(v));
      expect(back.ok && Number(back.value)).toBe(Number(v));
    }
  });
});
