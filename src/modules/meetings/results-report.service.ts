import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { editionNameOrCode } from '../fairs/domain/edition-name';
import { FairsService } from '../fairs/fairs.service';
import { PRODUCT_CATEGORIES } from '../fairs/product-categories';
import type { ResultsReport } from './domain/results-report';
import { MeetingsDirectory } from './meetings-directory';

/** The results report of an edition, with the names its rows refer to. */
export interface ResultsReportModel {
  edition: { code: string; nameKo: string; nameEn: string; startsOn: string; endsOn: string };
  report: ResultsReport;
  /** Product category code → its names (for the by-category rows). */
  categoryNames: Record<string, { ko: string; en: string }>;
  /** When the figures were read (ISO). */
  generatedAt: string;
}

/** Reads an edition's published meetings and surveys and aggregates them (domain/results-report). */
@Injectable()
export class ResultsReportService {
  constructor(
    private readonly fairs: FairsService,
    private readonly directory: MeetingsDirectory,
    private readonly dataSource: DataSource,
  ) {}

  /** NotFound for an unknown edition code. */
  async report(code: string): Promise<ResultsReportModel> {
    const edition = await this.fairs.getEdition(code);
    // Meetings and surveys read in one snapshot, so an answer arriving meanwhile cannot count half.
    const report = await this.dataSource.transaction('REPEATABLE READ', (manager) => this.directory.results(edition.id, manager));
    const categoryNames: ResultsReportModel['categoryNames'] = {};
    for (const list of Object.values(PRODUCT_CATEGORIES)) for (const c of list) categoryNames[c.code] ??= { ko: c.nameKo, en: c.nameEn };
    return {
      edition: { code: edition.code, nameKo: editionNameOrCode(edition, 'ko'), nameEn: editionNameOrCode(edition, 'en'), startsOn: edition.startsOn, endsOn: edition.endsOn },
      report,
      categoryNames,
      generatedAt: new Date().toISOString(),
    };
  }
}
