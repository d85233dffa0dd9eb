import fc from 'fast-check';
import {
  businessRegistrationCheckDigit,
  formatBusinessRegistrationNumber,
  isValidBusinessRegistrationNumber,
  normalizeBusinessRegistrationNumber,
} from './business-registration-number';

describe('Korean business registration number', () => {
  it('accepts a number whose check digit matches, with or without hyphens', () => {
    // 220-81-62517: 2·1+2·3+0·7+8·1+1·3+6·7+2·1+5·3+1·5 = 83, + ⌊1·5/10⌋ = 83 → (10 − 3) % 10 = 7
    expect(isValidBusinessRegistrationNumber('2208162517')).toBe(true);
    expect(isValidBusinessRegistrationNumber('220-81-62517')).toBe(true);
  });

  it('refuses a wrong check digit, wrong length and non-digits', () => {
    expect(isValidBusinessRegistrationNumber('2208162518')).toBe(false);
    expect(isValidBusinessRegistrationNumber('220816251')).toBe(false);
    expect(isValidBusinessRegistrationNumber('22081625170')).toBe(false);
    expect(isValidBusinessRegistrationNumber('22O8162517')).toBe(false);
    expect(normalizeBusinessRegistrationNumber('abc')).toBeUndefined();
  });

  it('counts the tens of the ninth digit times five', () => {
    // 9th digit 9 → ⌊45/10⌋ = 4 is added; a formula without it would give another digit.
    const nine = '123456789';
    const withoutCarry = (10 - ([1, 3, 7, 1, 3, 7, 1, 3, 5].reduce((s, w, i) => s + w * Number(nine[i]), 0) % 10)) % 10;
    expect(businessRegistrationCheckDigit(nine)).not.toBe(withoutCarry);
    expect(isValidBusinessRegistrationNumber(`${nine}${businessRegistrationCheckDigit(nine)}`)).toBe(true);
  });

  it('exactly one check digit of ten is valid for any first nine digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const valid = [...'0123456789'].filter((c) => isValidBusinessRegistrationNumber(nine + c));
        expect(valid).toEqual([String(businessRegistrationCheckDigit(nine))]);
        expect(formatBusinessRegistrationNumber(nine + valid[0])).toMatch(/^\d{3}-\d{2}-\d{5}$/);
      }),
    );
  });
});
