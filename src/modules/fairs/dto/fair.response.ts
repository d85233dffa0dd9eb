import { ApiProperty } from '@nestjs/swagger';
import { EDITION_STATUSES, type EditionStatus, type FairEdition } from '../entities/fair-edition.entity';
import type { FairSeries } from '../entities/fair-series.entity';
import { categoriesOfSeries } from '../product-categories';

export class ProductCategoryResponse {
  @ApiProperty({ example: 'casting' }) code: string;
  @ApiProperty({ example: '주조' }) nameKo: string;
  @ApiProperty({ example: 'Casting' }) nameEn: string;
}

export class EditionSummaryResponse {
  @ApiProperty({ example: 'green-car-2027' }) code: string;
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ example: '2027-07-07', description: 'First day, in Asia/Seoul' }) startsOn: string;
  @ApiProperty({ example: '2027-07-09', description: 'Last day, in Asia/Seoul' }) endsOn: string;
  @ApiProperty({ enum: EDITION_STATUSES }) status: EditionStatus;
  @ApiProperty({ type: [String], description: 'Figures that are assumed, not from a source' }) assumedFields: string[];
}

export class FairSeriesResponse {
  @ApiProperty({ example: 'green-car' }) code: string;
  @ApiProperty() nameKo: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() sector: string;
  @ApiProperty() descriptionKo: string;
  @ApiProperty() descriptionEn: string;
  @ApiProperty({ type: [ProductCategoryResponse] }) productCategories: ProductCategoryResponse[];
  @ApiProperty({ type: [EditionSummaryResponse] }) editions: EditionSummaryResponse[];
}

export function toEditionSummary(e: FairEdition): EditionSummaryResponse {
  return { code: e.code, year: e.year, startsOn: e.startsOn, endsOn: e.endsOn, status: e.status, assumedFields: e.assumedFields };
}

export function toFairSeriesResponse(s: FairSeries, editions: FairEdition[]): FairSeriesResponse {
  return {
    code: s.code,
    nameKo: s.nameKo,
    nameEn: s.nameEn,
    sector: s.sector,
    descriptionKo: s.descriptionKo,
    descriptionEn: s.descriptionEn,
    productCategories: categoriesOfSeries(s.code),
    editions: editions.filter((e) => e.seriesId === s.id).map(toEditionSummary),
  };
}
