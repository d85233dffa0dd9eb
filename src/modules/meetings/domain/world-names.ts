import { COUNTRIES as COMPANY_COUNTRIES, countryName as companyCountryName } from '../../exhibitors/domain/countries';

type Lang = 'ko' | 'en';

/**
 * Countries buyers of the KDJ Center's export meetings come from, and the languages they speak,
 * named in Korean and English: the registration form offers them, the participant page shows
 * names instead of ISO codes. A code outside the list shows as the code itself.
 */
export interface Named {
  code: string;
  ko: string;
  en: string;
}

/** The countries are the exhibitors' list (one source for companies, buyers and pages). */
export const COUNTRIES: readonly Named[] = COMPANY_COUNTRIES;

export const LANGUAGES: readonly Named[] = [
  { code: 'en', ko: '영어', en: 'English' },
  { code: 'ko', ko: '한국어', en: 'Korean' },
  { code: 'zh', ko: '중국어', en: 'Chinese' },
  { code: 'ja', ko: '일본어', en: 'Japanese' },
  { code: 'vi', ko: '베트남어', en: 'Vietnamese' },
  { code: 'th', ko: '태국어', en: 'Thai' },
  { code: 'id', ko: '인도네시아어', en: 'Indonesian' },
  { code: 'ms', ko: '말레이어', en: 'Malay' },
  { code: 'mn', ko: '몽골어', en: 'Mongolian' },
  { code: 'hi', ko: '힌디어', en: 'Hindi' },
  { code: 'ru', ko: '러시아어', en: 'Russian' },
  { code: 'ar', ko: '아랍어', en: 'Arabic' },
  { code: 'es', ko: '스페인어', en: 'Spanish' },
  { code: 'fr', ko: '프랑스어', en: 'French' },
  { code: 'de', ko: '독일어', en: 'German' },
  { code: 'pt', ko: '포르투갈어', en: 'Portuguese' },
];

/** The country's name in the language; an unknown code is shown as itself. */
export const countryName = (code: string, lang: Lang): string => companyCountryName(code, lang);

/** The list sorted by its name in the language (가나다 / A–Z): code point order is both, with no ICU. */
export function sortedByName(list: readonly Named[], lang: Lang): Named[] {
  return [...list].sort((a, b) => (a[lang] < b[lang] ? -1 : a[lang] > b[lang] ? 1 : 0));
}
