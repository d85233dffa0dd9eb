/**
 * The countries the KDJ Center's fairs actually see, with their Korean and English names: a
 * checked-in table (not Intl.DisplayNames) so every process shows the same words whatever its ICU.
 * Any other ISO 3166-1 alpha-2 code is accepted too ("other"); it is shown as its code.
 */
export interface Country {
  code: string;
  ko: string;
  en: string;
}

export const COUNTRIES: readonly Country[] = [
  { code: 'KR', ko: '대한민국', en: 'Korea' },
  { code: 'CN', ko: '중국', en: 'China' },
  { code: 'JP', ko: '일본', en: 'Japan' },
  { code: 'VN', ko: '베트남', en: 'Vietnam' },
  { code: 'TH', ko: '태국', en: 'Thailand' },
  { code: 'ID', ko: '인도네시아', en: 'Indonesia' },
  { code: 'MY', ko: '말레이시아', en: 'Malaysia' },
  { code: 'PH', ko: '필리핀', en: 'Philippines' },
  { code: 'SG', ko: '싱가포르', en: 'Singapore' },
  { code: 'IN', ko: '인도', en: 'India' },
  { code: 'TW', ko: '대만', en: 'Taiwan' },
  { code: 'HK', ko: '홍콩', en: 'Hong Kong' },
  { code: 'US', ko: '미국', en: 'United States' },
  { code: 'CA', ko: '캐나다', en: 'Canada' },
  { code: 'MX', ko: '멕시코', en: 'Mexico' },
  { code: 'BR', ko: '브라질', en: 'Brazil' },
  { code: 'DE', ko: '독일', en: 'Germany' },
  { code: 'FR', ko: '프랑스', en: 'France' },
  { code: 'IT', ko: '이탈리아', en: 'Italy' },
  { code: 'ES', ko: '스페인', en: 'Spain' },
  { code: 'NL', ko: '네덜란드', en: 'Netherlands' },
  { code: 'BE', ko: '벨기에', en: 'Belgium' },
  { code: 'PL', ko: '폴란드', en: 'Poland' },
  { code: 'CZ', ko: '체코', en: 'Czechia' },
  { code: 'AT', ko: '오스트리아', en: 'Austria' },
  { code: 'SE', ko: '스웨덴', en: 'Sweden' },
  { code: 'FI', ko: '핀란드', en: 'Finland' },
  { code: 'DK', ko: '덴마크', en: 'Denmark' },
  { code: 'IE', ko: '아일랜드', en: 'Ireland' },
  { code: 'PT', ko: '포르투갈', en: 'Portugal' },
  { code: 'GR', ko: '그리스', en: 'Greece' },
  { code: 'HU', ko: '헝가리', en: 'Hungary' },
  { code: 'RO', ko: '루마니아', en: 'Romania' },
  { code: 'SK', ko: '슬로바키아', en: 'Slovakia' },
  { code: 'GB', ko: '영국', en: 'United Kingdom' },
  { code: 'CH', ko: '스위스', en: 'Switzerland' },
  { code: 'NO', ko: '노르웨이', en: 'Norway' },
  { code: 'TR', ko: '튀르키예', en: 'Türkiye' },
  { code: 'AE', ko: '아랍에미리트', en: 'United Arab Emirates' },
  { code: 'SA', ko: '사우디아라비아', en: 'Saudi Arabia' },
  { code: 'AU', ko: '호주', en: 'Australia' },
  { code: 'NZ', ko: '뉴질랜드', en: 'New Zealand' },
  { code: 'RU', ko: '러시아', en: 'Russia' },
  { code: 'KZ', ko: '카자흐스탄', en: 'Kazakhstan' },
  { code: 'UZ', ko: '우즈베키스탄', en: 'Uzbekistan' },
  { code: 'MN', ko: '몽골', en: 'Mongolia' },
  { code: 'KH', ko: '캄보디아', en: 'Cambodia' },
  { code: 'LA', ko: '라오스', en: 'Laos' },
  { code: 'MM', ko: '미얀마', en: 'Myanmar' },
  { code: 'BD', ko: '방글라데시', en: 'Bangladesh' },
  { code: 'PK', ko: '파키스탄', en: 'Pakistan' },
  { code: 'IL', ko: '이스라엘', en: 'Israel' },
  { code: 'EG', ko: '이집트', en: 'Egypt' },
  { code: 'ZA', ko: '남아프리카공화국', en: 'South Africa' },
  { code: 'NG', ko: '나이지리아', en: 'Nigeria' },
  { code: 'KE', ko: '케냐', en: 'Kenya' },
  { code: 'CL', ko: '칠레', en: 'Chile' },
];

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

export function findCountry(code: string): Country | undefined {
  return BY_CODE.get(code.toUpperCase());
}

/** 독일 / Germany; an unlisted code is shown as itself. */
export function countryName(code: string, locale: 'ko' | 'en'): string {
  return findCountry(code)?.[locale] ?? code.toUpperCase();
}
