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

export const COUNTRIES: readonly Named[] = [
  { code: 'KR', ko: '대한민국', en: 'Korea' },
  { code: 'VN', ko: '베트남', en: 'Vietnam' },
  { code: 'CN', ko: '중국', en: 'China' },
  { code: 'JP', ko: '일본', en: 'Japan' },
  { code: 'TW', ko: '대만', en: 'Taiwan' },
  { code: 'HK', ko: '홍콩', en: 'Hong Kong' },
  { code: 'MN', ko: '몽골', en: 'Mongolia' },
  { code: 'TH', ko: '태국', en: 'Thailand' },
  { code: 'ID', ko: '인도네시아', en: 'Indonesia' },
  { code: 'MY', ko: '말레이시아', en: 'Malaysia' },
  { code: 'SG', ko: '싱가포르', en: 'Singapore' },
  { code: 'PH', ko: '필리핀', en: 'Philippines' },
  { code: 'KH', ko: '캄보디아', en: 'Cambodia' },
  { code: 'LA', ko: '라오스', en: 'Laos' },
  { code: 'MM', ko: '미얀마', en: 'Myanmar' },
  { code: 'IN', ko: '인도', en: 'India' },
  { code: 'BD', ko: '방글라데시', en: 'Bangladesh' },
  { code: 'PK', ko: '파키스탄', en: 'Pakistan' },
  { code: 'UZ', ko: '우즈베키스탄', en: 'Uzbekistan' },
  { code: 'KZ', ko: '카자흐스탄', en: 'Kazakhstan' },
  { code: 'AE', ko: '아랍에미리트', en: 'United Arab Emirates' },
  { code: 'SA', ko: '사우디아라비아', en: 'Saudi Arabia' },
  { code: 'TR', ko: '튀르키예', en: 'Türkiye' },
  { code: 'IL', ko: '이스라엘', en: 'Israel' },
  { code: 'EG', ko: '이집트', en: 'Egypt' },
  { code: 'ZA', ko: '남아프리카공화국', en: 'South Africa' },
  { code: 'NG', ko: '나이지리아', en: 'Nigeria' },
  { code: 'KE', ko: '케냐', en: 'Kenya' },
  { code: 'DE', ko: '독일', en: 'Germany' },
  { code: 'FR', ko: '프랑스', en: 'France' },
  { code: 'GB', ko: '영국', en: 'United Kingdom' },
  { code: 'IT', ko: '이탈리아', en: 'Italy' },
  { code: 'ES', ko: '스페인', en: 'Spain' },
  { code: 'NL', ko: '네덜란드', en: 'Netherlands' },
  { code: 'PL', ko: '폴란드', en: 'Poland' },
  { code: 'CZ', ko: '체코', en: 'Czechia' },
  { code: 'HU', ko: '헝가리', en: 'Hungary' },
  { code: 'SE', ko: '스웨덴', en: 'Sweden' },
  { code: 'RU', ko: '러시아', en: 'Russia' },
  { code: 'US', ko: '미국', en: 'United States' },
  { code: 'CA', ko: '캐나다', en: 'Canada' },
  { code: 'MX', ko: '멕시코', en: 'Mexico' },
  { code: 'BR', ko: '브라질', en: 'Brazil' },
  { code: 'CL', ko: '칠레', en: 'Chile' },
  { code: 'AU', ko: '호주', en: 'Australia' },
  { code: 'NZ', ko: '뉴질랜드', en: 'New Zealand' },
];

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

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

/** The country's name in the language; an unknown code stays as it is. */
export function countryName(code: string, lang: Lang): string {
  const c = BY_CODE.get(code.toUpperCase());
  return c ? c[lang] : code;
}

/** The list sorted by its name in the language (가나다 / A–Z): code point order is both, with no ICU. */
export function sortedByName(list: readonly Named[], lang: Lang): Named[] {
  return [...list].sort((a, b) => (a[lang] < b[lang] ? -1 : a[lang] > b[lang] ? 1 : 0));
}
