import type { FairEdition } from '../entities/fair-edition.entity';
import type { FairSeries } from '../entities/fair-series.entity';

/** What naming an edition needs: its year and its series' names. */
export interface NamedEdition {
  year: number;
  series?: Pick<FairSeries, 'nameKo' | 'nameEn'> | null;
}

/** The edition as people name it, in Korean or English: "2026 빛가람 국제전력기술엑스포" / "2026 BIXPO" (the year alone without a series). */
export function editionName(edition: NamedEdition, lang: 'ko' | 'en'): string {
  const series = lang === 'ko' ? edition.series?.nameKo : edition.series?.nameEn;
  return `${edition.year} ${series ?? ''}`.trim();
}

/** The same name where a page needs a title: the edition code when the series has no name in that language. */
export function editionNameOrCode(edition: Pick<FairEdition, 'year' | 'series' | 'code'>, lang: 'ko' | 'en'): string {
  const series = lang === 'ko' ? edition.series?.nameKo : edition.series?.nameEn;
  return series ? `${edition.year} ${series}` : edition.code;
}
