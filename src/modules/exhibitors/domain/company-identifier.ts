import { countryName } from './countries';
import { isValidBusinessRegistrationNumber, normalizeBusinessRegistrationNumber } from './business-registration-number';

/**
 * A company's identifier, whatever its country. Korean companies give their 사업자등록번호 (kind
 * `kr-brn`, check digit validated); the others give their own identifier with its kind: an EU VAT
 * ID (format per member state prefix, and XI for Northern Ireland), a UK VAT number, a company
 * register number, a tax number, or "other". Where no standard format exists only a sane charset
 * and length are checked. One company per (country, kind, normalized identifier).
 */
export const COMPANY_IDENTIFIER_KINDS = ['kr-brn', 'eu-vat', 'gb-vat', 'register', 'tax', 'other'] as const;
export type CompanyIdentifierKind = (typeof COMPANY_IDENTIFIER_KINDS)[number];

/** The kinds a foreign company may choose from (kr-brn is Korea's, and Korea's only). */
export const FOREIGN_IDENTIFIER_KINDS: readonly CompanyIdentifierKind[] = ['eu-vat', 'gb-vat', 'register', 'tax', 'other'];

interface VatFormat {
  /** The VAT prefix (Greece writes EL, Northern Ireland XI). */
  prefix: string;
  /** What follows the prefix. */
  body: RegExp;
  ko: string;
  en: string;
}

const digits = (n: number): Pick<VatFormat, 'ko' | 'en'> => ({ ko: `숫자 ${n}자리`, en: `${n} digits` });

/** The standard patterns of the VAT IDs of the 27 member states, keyed by country (ISO 3166-1). */
const EU_VAT: Record<string, VatFormat> = {
  AT: { prefix: 'AT', body: /^U\d{8}$/, ko: 'U와 숫자 8자리', en: 'U and 8 digits' },
  BE: { prefix: 'BE', body: /^[01]\d{9}$/, ko: '0 또는 1로 시작하는 숫자 10자리', en: '10 digits starting with 0 or 1' },
  BG: { prefix: 'BG', body: /^\d{9,10}$/, ko: '숫자 9~10자리', en: '9 or 10 digits' },
  CY: { prefix: 'CY', body: /^\d{8}[A-Z]$/, ko: '숫자 8자리와 영문자 1자', en: '8 digits and a letter' },
  CZ: { prefix: 'CZ', body: /^\d{8,10}$/, ko: '숫자 8~10자리', en: '8 to 10 digits' },
  DE: { prefix: 'DE', body: /^\d{9}$/, ...digits(9) },
  DK: { prefix: 'DK', body: /^\d{8}$/, ...digits(8) },
  EE: { prefix: 'EE', body: /^\d{9}$/, ...digits(9) },
  GR: { prefix: 'EL', body: /^\d{9}$/, ...digits(9) },
  ES: { prefix: 'ES', body: /^(?=.*[A-Z])[0-9A-Z]\d{7}[0-9A-Z]$/, ko: '숫자 7자리 앞뒤로 영문자 또는 숫자 1자(둘 중 하나는 영문자)', en: 'a letter or digit, 7 digits, a letter or digit (at least one letter)' },
  FI: { prefix: 'FI', body: /^\d{8}$/, ...digits(8) },
  FR: { prefix: 'FR', body: /^[0-9A-HJ-NP-Z]{2}\d{9}$/, ko: '영문자 또는 숫자 2자와 숫자 9자리', en: '2 letters or digits and 9 digits' },
  HR: { prefix: 'HR', body: /^\d{11}$/, ...digits(11) },
  HU: { prefix: 'HU', body: /^\d{8}$/, ...digits(8) },
  IE: { prefix: 'IE', body: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/, ko: '숫자 7자리와 영문자 1~2자', en: '7 digits and 1 or 2 letters' },
  IT: { prefix: 'IT', body: /^\d{11}$/, ...digits(11) },
  LT: { prefix: 'LT', body: /^(\d{9}|\d{12})$/, ko: '숫자 9자리 또는 12자리', en: '9 or 12 digits' },
  LU: { prefix: 'LU', body: /^\d{8}$/, ...digits(8) },
  LV: { prefix: 'LV', body: /^\d{11}$/, ...digits(11) },
  MT: { prefix: 'MT', body: /^\d{8}$/, ...digits(8) },
  NL: { prefix: 'NL', body: /^\d{9}B\d{2}$/, ko: '숫자 9자리, B, 숫자 2자리', en: '9 digits, B and 2 digits' },
  PL: { prefix: 'PL', body: /^\d{10}$/, ...digits(10) },
  PT: { prefix: 'PT', body: /^\d{9}$/, ...digits(9) },
  RO: { prefix: 'RO', body: /^[1-9]\d{1,9}$/, ko: '숫자 2~10자리', en: '2 to 10 digits' },
  SE: { prefix: 'SE', body: /^\d{10}01$/, ko: '숫자 10자리와 01', en: '10 digits and 01' },
  SI: { prefix: 'SI', body: /^\d{8}$/, ...digits(8) },
  SK: { prefix: 'SK', body: /^\d{10}$/, ...digits(10) },
};
/** Northern Ireland trades in goods under the EU VAT rules with the XI prefix (a GB company). */
const XI_VAT: VatFormat = { prefix: 'XI', body: /^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, ko: '숫자 9자리 또는 12자리', en: '9 or 12 digits' };
const GB_VAT: VatFormat = { prefix: 'GB', body: /^(\d{9}|\d{12})$/, ko: '숫자 9자리 또는 12자리', en: '9 or 12 digits' };

/** The member states (ISO codes) whose companies may give an EU VAT ID. */
export const EU_VAT_COUNTRIES: readonly string[] = Object.keys(EU_VAT);

/** Register, tax and other numbers: letters, digits and the usual separators, 3 to 40 characters. */
const FREE_FORM = /^[0-9A-Z]{3,40}$/;

export type IdentifierCheck =
  | { ok: true; kind: CompanyIdentifierKind; normalized: string }
  | { ok: false; message: { ko: string; en: string } };

/**
 * The canonical form: upper case, without spaces, dots, hyphens or slashes. A VAT ID written
 * without its prefix gets the country's (123456789 from Germany → DE123456789).
 */
export function normalizeCompanyIdentifier(kind: CompanyIdentifierKind, country: string, input: string): string {
  const bare = input.normalize('NFKC').toUpperCase().replace(/[\s.\-/]/g, '');
  if (kind === 'kr-brn') return normalizeBusinessRegistrationNumber(input) ?? bare;
  if (kind === 'eu-vat' || kind === 'gb-vat') {
    const format = vatFormat(kind, country, bare);
    if (format && !bare.startsWith(format.prefix) && format.body.test(bare)) return format.prefix + bare;
  }
  return bare;
}

function vatFormat(kind: 'eu-vat' | 'gb-vat', country: string, normalized: string): VatFormat | undefined {
  if (kind === 'gb-vat') return country === 'GB' ? GB_VAT : undefined;
  if (country === 'GB') return normalized.startsWith('XI') || /^\d/.test(normalized) ? XI_VAT : undefined;
  return EU_VAT[country];
}

/** Which kinds a company of this country may give; a Korean company gives its 사업자등록번호. */
export function identifierKindsOf(country: string): readonly CompanyIdentifierKind[] {
  if (country === 'KR') return ['kr-brn'];
  return FOREIGN_IDENTIFIER_KINDS.filter((k) => (k === 'eu-vat' ? EU_VAT[country] !== undefined || country === 'GB' : k === 'gb-vat' ? country === 'GB' : true));
}

const KIND_WORDS: Record<CompanyIdentifierKind, { ko: string; en: string }> = {
  'kr-brn': { ko: '사업자등록번호', en: 'business registration number' },
  'eu-vat': { ko: '유럽연합 부가가치세 번호', en: 'EU VAT ID' },
  'gb-vat': { ko: '영국 부가가치세 번호', en: 'UK VAT number' },
  register: { ko: '법인 등록번호', en: 'company register number' },
  tax: { ko: '납세자 번호', en: 'tax number' },
  other: { ko: '기타 식별번호', en: 'identifier' },
};

export function identifierKindName(kind: CompanyIdentifierKind, locale: 'ko' | 'en'): string {
  return KIND_WORDS[kind][locale];
}

/** What the page shows under the identifier field for this country: which kinds and formats. */
export function identifierHint(country: string, locale: 'ko' | 'en'): string {
  if (country === 'KR') return locale === 'ko' ? '사업자등록번호 10자리 (예: 220-81-62517)' : '10-digit business registration number (e.g. 220-81-62517)';
  const eu = EU_VAT[country];
  const vat = eu ?? (country === 'GB' ? GB_VAT : undefined);
  const name = `${countryName(country, locale)}(${country})`;
  if (vat) {
    return locale === 'ko'
      ? `${name} 부가가치세 번호는 ${vat.prefix} 뒤에 ${vat.ko}입니다. 없으면 법인 등록번호나 납세자 번호를 고르세요.`
      : `A ${countryName(country, 'en')} (${country}) VAT number is ${vat.prefix} followed by ${vat.en}. Without one, choose the company register or tax number.`;
  }
  return locale === 'ko'
    ? '법인 등록번호, 납세자 번호 또는 기타 식별번호: 영문자와 숫자 3~40자'
    : 'Company register number, tax number or another identifier: 3 to 40 letters and digits';
}

/**
 * Checks a company's identifier against its country and kind; answers the normalized form, or what
 * was wrong in both languages ("독일(DE) 부가가치세 번호는 DE 뒤에 숫자 9자리입니다").
 */
export function checkCompanyIdentifier(countryInput: string, kind: CompanyIdentifierKind, input: string): IdentifierCheck {
  const country = countryInput.toUpperCase();
  const where = { ko: `${countryName(country, 'ko')}(${country})`, en: `${countryName(country, 'en')} (${country})` };
  if (country === 'KR' || kind === 'kr-brn') {
    if (country !== 'KR' || kind !== 'kr-brn') {
      return fail('한국 회사는 사업자등록번호를, 다른 나라 회사는 그 나라의 번호를 입력합니다', 'A Korean company gives its business registration number; a company elsewhere gives its own country\'s identifier');
    }
    if (!isValidBusinessRegistrationNumber(input)) {
      return fail('사업자등록번호는 숫자 10자리이며 마지막 자리(검증 숫자)가 맞아야 합니다 (예: 220-81-62517)', 'A business registration number is 10 digits with a valid check digit (e.g. 220-81-62517)');
    }
    return { ok: true, kind, normalized: normalizeBusinessRegistrationNumber(input) ?? '' };
  }
  if (!identifierKindsOf(country).includes(kind)) {
    return fail(`${where.ko} 회사는 이 종류의 번호(${KIND_WORDS[kind].ko})를 쓸 수 없습니다`, `A company from ${where.en} cannot give a ${KIND_WORDS[kind].en}`);
  }
  const normalized = normalizeCompanyIdentifier(kind, country, input);
  if (kind === 'eu-vat' || kind === 'gb-vat') {
    const format = vatFormat(kind, country, normalized);
    if (!format) return fail(`${where.ko} 회사는 ${KIND_WORDS[kind].ko}를 쓸 수 없습니다`, `A company from ${where.en} has no ${KIND_WORDS[kind].en}`);
    if (!normalized.startsWith(format.prefix) || !format.body.test(normalized.slice(2))) {
      return fail(`${where.ko} 부가가치세 번호는 ${format.prefix} 뒤에 ${format.ko}입니다`, `A ${where.en} VAT ID is ${format.prefix} followed by ${format.en}`);
    }
    return { ok: true, kind, normalized };
  }
  if (!FREE_FORM.test(normalized)) {
    return fail(`${KIND_WORDS[kind].ko}는 영문자와 숫자 3~40자입니다 (공백, 점, 하이픈, 빗금은 빼고 셉니다)`, `A ${KIND_WORDS[kind].en} is 3 to 40 letters and digits (spaces, dots, hyphens and slashes aside)`);
  }
  return { ok: true, kind, normalized };
}

function fail(ko: string, en: string): IdentifierCheck {
  return { ok: false, message: { ko, en } };
}

/** How the identifier is shown: the 사업자등록번호 as 220-81-62517, the others as normalized. */
export function formatCompanyIdentifier(kind: CompanyIdentifierKind, normalized: string): string {
  return kind === 'kr-brn' && /^\d{10}$/.test(normalized) ? `${normalized.slice(0, 3)}-${normalized.slice(3, 5)}-${normalized.slice(5)}` : normalized;
}

/**
 * The identifier as stored: a Korean company's lives in business_registration_number (its own
 * unique keys), a foreign company's in identifier; the other column is null.
 */
export function storedIdentifier(row: { identifier: string | null; businessRegistrationNumber: string | null }): string {
  return row.identifier ?? row.businessRegistrationNumber ?? '';
}
