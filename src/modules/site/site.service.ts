import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { DEFAULT_TIME_ZONE, toLocal } from '../../core/time/zoned-time';
import { ExhibitorsDirectory } from '../exhibitors/exhibitors-directory';
import { FairsDirectory } from '../fairs/fairs-directory';
import { ProgrammeDirectory } from '../fairs/programme-directory';
import type { EditionPageData, FrontDoorData } from './site.view-model';

/** The public site's reads: the fairs and their editions (never drafts), an edition's halls and programme. */
@Injectable()
export class SiteService {
  constructor(
    private readonly fairs: FairsDirectory,
    private readonly programme: ProgrammeDirectory,
    private readonly exhibitors: ExhibitorsDirectory,
  ) {}

  async frontDoor(now = new Date()): Promise<FrontDoorData> {
    return { editions: await this.fairs.editions({ includeDrafts: false }), today: toLocal(now, DEFAULT_TIME_ZONE).date };
  }

  /** An edition's public page; a draft or an unknown code is not found. */
  async editionPage(code: string): Promise<EditionPageData> {
    const edition = await this.fairs.edition(code);
    if (!edition || edition.status === 'draft') throw new DomainError(ErrorCode.NotFound, `No fair edition with code "${code}".`);
    const [halls, sessions, openingHours] = await Promise.all([
      this.exhibitors.hallSales(edition.id),
      this.programme.programmeOfEdition(edition.id),
      this.programme.openingHours(edition.id),
    ]);
    return { edition, halls, sessions, openingHours };
  }
}
