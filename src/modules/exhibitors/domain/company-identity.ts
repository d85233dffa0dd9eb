import { alternateNameProblem } from './company-name';
import { checkCompanyIdentifier, COMPANY_IDENTIFIER_KINDS, type CompanyIdentifierKind } from './company-identifier';

/**
 * The identity fields of a company as a form or a request gives them, checked together: the
 * identifier follows the country (a Korean company gives its 사업자등록번호, a company elsewhere its
 * own identifier and its kind), and the other-script name goes with the name. Shared by the API's
 * DTOs (one message per field, English) and the pages (the same message in the page's language).
 */
export interface CompanyIdentityInput {
  name?: unknown;
  alternateName?: unknown;
  country?: unknown;
  businessRegistrationNumber?: unknown;
  identifierKind?: unknown;
  identifier?: unknown;
}

export type CompanyIdentityField = 'alternateName' | 'businessRegistrationNumber' | 'identifierKind' | 'identifier';
export type Bilingual = { ko: string; en: string };

export interface CompanyIdentity {
  kind: CompanyIdentifierKind;
  identifier: string;
  /** The 사업자등록번호 of a Korean company, else null. */
  businessRegistrationNumber: string | null;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * What is wrong with the company's identity, per field (at most one message each), and the identity
 * when nothing is. With `optional` (buyers), giving no identifier at all is fine: the identity is null.
 */
export function checkCompanyIdentity(
  input: CompanyIdentityInput, options: { optional?: boolean } = {},
): { problems: Partial<Record<CompanyIdentityField, Bilingual>>; identity: CompanyIdentity | null } {
  const problems: Partial<Record<CompanyIdentityField, Bilingual>> = {};
  const name = str(input.name);
  const alternate = str(input.alternateName);
  if (input.alternateName !== undefined && input.alternateName !== null && typeof input.alternateName !== 'string') {
    problems.alternateName = { ko: '다른 표기 이름은 글자로 씁니다', en: 'alternateName must be a string' };
  } else if (name && alternate) {
    const p = alternateNameProblem(name, alternate);
    if (p) problems.alternateName = p;
  }
  const country = str(input.country)?.toUpperCase();
  const brn = str(input.businessRegistrationNumber);
  const kindInput = str(input.identifierKind);
  const value = str(input.identifier);
  // The country's own rule reports an unknown country; without one only a missing identifier can be named.
  if (!country || !/^[A-Z]{2}$/.test(country)) {
    if (!brn && !value && !options.optional) {
      problems.businessRegistrationNumber = {
        ko: '사업자등록번호(한국 회사) 또는 회사 식별번호를 입력하세요',
        en: 'businessRegistrationNumber (a Korean company) or identifierKind and identifier (a company elsewhere) is required',
      };
    }
    return { problems, identity: null };
  }
  for (const f of ['businessRegistrationNumber', 'identifierKind', 'identifier'] as const) {
    const v = input[f];
    if (v !== undefined && v !== null && typeof v !== 'string') problems[f] = { ko: '글자로 씁니다', en: `${f} must be a string` };
    else if (typeof v === 'string' && (v.length > 60 || /[\p{Cc}\u2028\u2029]/u.test(v))) {
      problems[f] = { ko: '60자 이내의 한 줄로 씁니다', en: `${f} must be a single line of at most 60 characters` };
    }
  }
  if (problems.businessRegistrationNumber || problems.identifierKind || problems.identifier) return { problems, identity: null };

  if (country === 'KR') {
    if (kindInput && kindInput !== 'kr-brn') {
      problems.identifierKind = { ko: '한국 회사는 사업자등록번호를 입력합니다', en: 'identifierKind of a Korean company is kr-brn: give its businessRegistrationNumber' };
      return { problems, identity: null };
    }
    const number = brn ?? value;
    if (!number) {
      if (options.optional) return { problems, identity: null };
      problems.businessRegistrationNumber = { ko: '사업자등록번호를 입력하세요 (예: 220-81-62517)', en: 'businessRegistrationNumber is required for a Korean company (country KR), e.g. 220-81-62517' };
      return { problems, identity: null };
    }
    const r = checkCompanyIdentifier('KR', 'kr-brn', number);
    if (!r.ok) {
      problems[brn ? 'businessRegistrationNumber' : 'identifier'] = {
        ko: '사업자등록번호 10자리를 확인해 주세요 (예: 220-81-62517).', en: 'businessRegistrationNumber must be 10 digits (e.g. 220-81-62517) with a valid check digit',
      };
      return { problems, identity: null };
    }
    return { problems, identity: Object.keys(problems).length > 0 ? null : { kind: 'kr-brn', identifier: r.normalized, businessRegistrationNumber: r.normalized } };
  }

  if (brn) {
    problems.businessRegistrationNumber = {
      ko: '사업자등록번호는 한국 회사만 입력합니다: 회사 식별번호의 종류와 번호를 입력하세요',
      en: 'businessRegistrationNumber is for Korean companies only: give identifierKind and identifier',
    };
    return { problems, identity: null };
  }
  if (!kindInput && !value && options.optional) return { problems, identity: null };
  if (!kindInput || !(COMPANY_IDENTIFIER_KINDS as readonly string[]).includes(kindInput)) {
    problems.identifierKind = {
      ko: '회사 식별번호의 종류를 고르세요', en: `identifierKind is required for a company outside Korea: one of ${COMPANY_IDENTIFIER_KINDS.filter((k) => k !== 'kr-brn').join(', ')}`,
    };
    return { problems, identity: null };
  }
  if (!value) {
    problems.identifier = { ko: '회사 식별번호를 입력하세요', en: 'identifier is required for a company outside Korea' };
    return { problems, identity: null };
  }
  const r = checkCompanyIdentifier(country, kindInput as CompanyIdentifierKind, value);
  if (!r.ok) {
    problems[kindInput === 'kr-brn' ? 'identifierKind' : 'identifier'] = r.message;
    return { problems, identity: null };
  }
  return { problems, identity: Object.keys(problems).length > 0 ? null : { kind: r.kind, identifier: r.normalized, businessRegistrationNumber: null } };
}
