import fc from 'fast-check';
import {
  checkCompanyIdentifier, COMPANY_IDENTIFIER_KINDS, EU_VAT_COUNTRIES, formatCompanyIdentifier, identifierHint, identifierKindsOf,
  normalizeCompanyIdentifier, type CompanyIdentifierKind,
} from './company-identifier';

const ok = (country: string, kind: CompanyIdentifierKind, input: string): string | undefined => {
  const r = checkCompanyIdentifier(country, kind, input);
  return r.ok ? r.normalized : undefined;
};

describe('company identifiers', () => {
  describe('Korean business registration number (kr-brn)', () => {
    it('keeps the check digit for Korean companies', () => {
      expect(ok('KR', 'kr-brn', '220-81-62517')).toBe('2208162517');
      expect(ok('KR', 'kr-brn', '220-81-62518')).toBeUndefined();
      expect(ok('KR', 'kr-brn', '22081625')).toBeUndefined();
    });
    it('is Korea\'s only: a Korean company gives no other kind, no other country gives it', () => {
      expect(ok('KR', 'tax', 'ABC12345')).toBeUndefined();
      expect(ok('DE', 'kr-brn', '2208162517')).toBeUndefined();
      expect(identifierKindsOf('KR')).toEqual(['kr-brn']);
    });
  });

  describe('EU VAT IDs, one valid and one invalid sample per member state', () => {
    const samples: Array<[string, string, string]> = [
      ['AT', 'ATU12345678', 'AT12345678'], ['BE', 'BE0123456789', 'BE2123456789'], ['BG', 'BG1234567890', 'BG12345678'],
      ['CY', 'CY12345678X', 'CY123456789'], ['CZ', 'CZ12345678', 'CZ1234567'], ['DE', 'DE123456789', 'DE12345678'],
      ['DK', 'DK12345678', 'DK1234567'], ['EE', 'EE123456789', 'EE12345678'], ['GR', 'EL123456789', 'GR123456789'],
      ['ES', 'ESX1234567X', 'ES123456789'], ['FI', 'FI12345678', 'FI123456789'], ['FR', 'FRXX123456789', 'FR123456789'],
      ['HR', 'HR12345678901', 'HR1234567890'], ['HU', 'HU12345678', 'HU1234567'], ['IE', 'IE1234567WA', 'IE12345678'],
      ['IT', 'IT12345678901', 'IT1234567890'], ['LT', 'LT123456789012', 'LT1234567890'], ['LU', 'LU12345678', 'LU123456789'],
      ['LV', 'LV12345678901', 'LV1234567890'], ['MT', 'MT12345678', 'MT1234567'], ['NL', 'NL123456789B01', 'NL123456789A01'],
      ['PL', 'PL1234567890', 'PL123456789'], ['PT', 'PT123456789', 'PT12345678'], ['RO', 'RO1234567890', 'RO0'],
      ['SE', 'SE123456789001', 'SE123456789002'], ['SI', 'SI12345678', 'SI1234567'], ['SK', 'SK1234567890', 'SK123456789'],
    ];
    it('covers all 27 member states', () => {
      expect(samples.map((s) => s[0]).sort()).toEqual([...EU_VAT_COUNTRIES].sort());
      expect(EU_VAT_COUNTRIES).toHaveLength(27);
    });
    it.each(samples)('%s: accepts %s, refuses %s', (country, valid, invalid) => {
      expect(ok(country, 'eu-vat', valid)).toBe(valid);
      expect(ok(country, 'eu-vat', invalid)).toBeUndefined();
    });
    it('refuses another member state\'s prefix and says what the format is, in both languages', () => {
      expect(ok('DE', 'eu-vat', 'FR12345678901')).toBeUndefined();
      const r = checkCompanyIdentifier('DE', 'eu-vat', 'DE12345');
      expect(r).toEqual({ ok: false, message: { ko: '독일(DE) 부가가치세 번호는 DE 뒤에 숫자 9자리입니다', en: 'A Germany (DE) VAT ID is DE followed by 9 digits' } });
    });
    it('accepts Northern Ireland (XI) for a GB company, and the VAT kind only where it exists', () => {
      expect(ok('GB', 'eu-vat', 'XI123456789')).toBe('XI123456789');
      expect(ok('VN', 'eu-vat', 'DE123456789')).toBeUndefined();
      expect(identifierKindsOf('VN')).toEqual(['register', 'tax', 'other']);
      expect(identifierKindsOf('DE')).toEqual(['eu-vat', 'register', 'tax', 'other']);
    });
    it('adds the prefix when it was left out and ignores spaces, dots, hyphens and case', () => {
      expect(ok('DE', 'eu-vat', '123 456 789')).toBe('DE123456789');
      expect(ok('AT', 'eu-vat', 'u12345678')).toBe('ATU12345678');
      expect(ok('NL', 'eu-vat', 'nl 1234.56789.b01')).toBe('NL123456789B01');
      expect(ok('GR', 'eu-vat', '123456789')).toBe('EL123456789');
    });
  });

  describe('UK VAT numbers (gb-vat)', () => {
    it('are GB and 9 or 12 digits', () => {
      expect(ok('GB', 'gb-vat', 'GB 123 4567 89')).toBe('GB123456789');
      expect(ok('GB', 'gb-vat', 'GB123456789012')).toBe('GB123456789012');
      expect(ok('GB', 'gb-vat', 'GB1234567890')).toBeUndefined();
      expect(ok('IE', 'gb-vat', 'GB123456789')).toBeUndefined();
    });
  });

  describe('register, tax and other numbers (no standard format)', () => {
    it.each(['register', 'tax', 'other'] as const)('%s: letters and digits, 3 to 40, separators aside', (kind) => {
      expect(ok('VN', kind, '0312-345-678')).toBe('0312345678');
      expect(ok('US', kind, 'ab/12.3')).toBe('AB123');
      expect(ok('VN', kind, '12')).toBeUndefined();
      expect(ok('VN', kind, 'A'.repeat(41))).toBeUndefined();
      expect(ok('VN', kind, 'ABC<script>')).toBeUndefined();
      expect(ok('VN', kind, '123_456')).toBeUndefined();
    });
  });

  it('formats a 사업자등록번호 with its hyphens and the others as stored', () => {
    expect(formatCompanyIdentifier('kr-brn', '2208162517')).toBe('220-81-62517');
    expect(formatCompanyIdentifier('eu-vat', 'DE123456789')).toBe('DE123456789');
  });

  it('hints at the country\'s format in the page\'s language', () => {
    expect(identifierHint('DE', 'ko')).toContain('독일(DE) 부가가치세 번호는 DE 뒤에 숫자 9자리입니다');
    expect(identifierHint('VN', 'en')).toContain('Company register number');
    expect(identifierHint('KR', 'ko')).toContain('사업자등록번호');
  });

  describe('normalisation (property)', () => {
    const kinds = COMPANY_IDENTIFIER_KINDS.filter((k) => k !== 'kr-brn');
    const countries = ['DE', 'FR', 'NL', 'GB', 'VN', 'US', 'AT'];
    const raw = fc.stringMatching(/^[0-9A-Za-z]{0,20}$/);
    it('is idempotent', () => {
      fc.assert(fc.property(fc.constantFrom(...kinds), fc.constantFrom(...countries), raw, (kind, country, value) => {
        const once = normalizeCompanyIdentifier(kind, country, value);
        expect(normalizeCompanyIdentifier(kind, country, once)).toBe(once);
      }));
    });
    it('does not depend on case or on separators put anywhere', () => {
      fc.assert(fc.property(
        fc.constantFrom(...kinds), fc.constantFrom(...countries), raw, fc.array(fc.constantFrom(' ', '-', '.', '/'), { maxLength: 20 }), fc.nat(),
        (kind, country, value, seps, seed) => {
          const chars = [...value];
          const sprinkled = seps.reduce((acc, sep, i) => {
            const at = (seed + i * 7) % (acc.length + 1);
            return acc.slice(0, at) + sep + acc.slice(at);
          }, chars.map((c, i) => ((seed >> (i % 16)) & 1 ? c.toLowerCase() : c.toUpperCase())).join(''));
          expect(normalizeCompanyIdentifier(kind, country, sprinkled)).toBe(normalizeCompanyIdentifier(kind, country, value));
          const verdict = checkCompanyIdentifier(country, kind, sprinkled);
          const plain = checkCompanyIdentifier(country, kind, value);
          expect(verdict.ok).toBe(plain.ok);
        },
      ));
    });
  });
});
