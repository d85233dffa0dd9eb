/**
 * A company's name in the reader's language. A company gives its name and, where it has one, the
 * name in the other script (`Hyundai Mobis` / `현대모비스`). A Korean reader sees the Hangul name if
 * the company has one, else the Latin; an English reader the Latin name if there is one, else the
 * Hangul. Which of the two is Hangul is read from the names themselves.
 */
export interface CompanyNames {
  name: string;
  alternateName?: string | null;
}

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/u;

export function hasHangul(text: string): boolean {
  return HANGUL.test(text);
}

export function companyNameFor(locale: 'ko' | 'en', names: CompanyNames): string {
  const alternate = names.alternateName?.trim();
  if (!alternate) return names.name;
  const [hangul, latin] = hasHangul(names.name) ? [names.name, alternate] : [alternate, names.name];
  return locale === 'ko' ? hangul : latin;
}

/**
 * Why an alternate name does not go with the name: the two must be in different scripts (one
 * with Hangul, one without), else there is nothing to choose between. Undefined when fine.
 */
export function alternateNameProblem(name: string, alternateName: string | undefined | null): { ko: string; en: string } | undefined {
  const alternate = alternateName?.trim();
  if (!alternate) return undefined;
  if (hasHangul(name) === hasHangul(alternate)) {
    return {
      ko: '다른 표기 이름은 회사 이름과 다른 문자로 씁니다 (한글 이름이면 영문, 영문 이름이면 한글)',
      en: 'The other name is the company name in the other script (Latin for a Hangul name, Hangul for a Latin name)',
    };
  }
  return undefined;
}
