import type { FairEdition } from '../entities/fair-edition.entity';

/** The edition as people name it, in Korean or English: "2026 빛가람 국제전력기술엑스포" / "2026 BIXPO" (the year alone without a series). */
export function editionName(edition: Pick<FairEdition, 'year' | 'series'>, lang: 'ko' | 'en'): string {
  const series = lang === 'ko' ? edition.series?.nameKo : edition.series?.nameEn;
  return `${edition.year} ${series ?? ''}`.trim();
}

/** The same name where a page needs a title: the edition code when the series has no name in that language. */
export function editionNameOrCode(edition: Pick<FairEdition, 'year' | 'series' | 'code'>, lang: 'ko' | 'en'): string {
  const series = lang === 'ko' ? edition.series?.nameKo : edition.series?.nameEn;
  return series ? `${edition.year} ${series}` : edition.code;
}
