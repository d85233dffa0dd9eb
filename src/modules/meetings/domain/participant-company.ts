import { companyNameFor } from '../../exhibitors/domain/company-name';
import { checkCompanyIdentity, type Bilingual, type CompanyIdentity } from '../../exhibitors/domain/company-identity';

/**
 * The company of an export-meeting participant (a buyer from abroad, or an exhibitor the organizer
 * adds): its name, the name in the other script, its country and, optionally, its identifier with
 * the kind — checked by the exhibitors' rules (a KR company's 사업자등록번호 with its check digit, an
 * EU VAT ID in its member state's format…). Field names are the participant's own.
 */
export interface ParticipantCompanyInput {
  companyName?: unknown;
  alternateCompanyName?: unknown;
  country?: unknown;
  identifierKind?: unknown;
  identifier?: unknown;
}

export type ParticipantCompanyField = 'alternateCompanyName' | 'identifierKind' | 'identifier';

export function checkParticipantCompany(
  input: ParticipantCompanyInput,
): { problems: Partial<Record<ParticipantCompanyField, Bilingual>>; identity: CompanyIdentity | null } {
  const { problems, identity } = checkCompanyIdentity(
    {
      name: input.companyName,
      alternateName: input.alternateCompanyName,
      country: input.country,
      // A Korean buyer gives its 사업자등록번호 as the identifier (kind kr-brn, or no kind).
      identifierKind: input.identifierKind,
      identifier: input.identifier,
    },
    { optional: true },
  );
  const out: Partial<Record<ParticipantCompanyField, Bilingual>> = {};
  if (problems.alternateName) out.alternateCompanyName = problems.alternateName;
  if (problems.identifierKind) out.identifierKind = problems.identifierKind;
  const identifierProblem = problems.identifier ?? problems.businessRegistrationNumber;
  if (identifierProblem) out.identifier = identifierProblem;
  // A kind without a number (or a number without a kind) is caught by the rules above only abroad.
  if (!identity && !out.identifier && !out.identifierKind && isGiven(input.identifierKind) && !isGiven(input.identifier)) {
    out.identifier = { ko: '회사 식별번호를 입력하세요', en: 'identifier is required when identifierKind is given' };
  }
  return { problems: out, identity };
}

const isGiven = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/** The columns of a participant's company identity, for a new row. */
export function participantIdentityColumns(input: ParticipantCompanyInput): {
  alternateCompanyName: string | null; identifierKind: CompanyIdentity['kind'] | null; identifier: string | null;
} {
  const { identity } = checkParticipantCompany(input);
  const alternate = typeof input.alternateCompanyName === 'string' && input.alternateCompanyName.trim() !== '' ? input.alternateCompanyName.trim() : null;
  return { alternateCompanyName: alternate, identifierKind: identity?.kind ?? null, identifier: identity?.identifier ?? null };
}

/** The participant's company name in the reader's language (the Hangul name for a Korean reader, where it has one). */
export function participantCompanyName(locale: 'ko' | 'en', p: { companyName: string; alternateCompanyName?: string | null }): string {
  return companyNameFor(locale, { name: p.companyName, alternateName: p.alternateCompanyName });
}
