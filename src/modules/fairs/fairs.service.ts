import { Injectable } from '@nestjs/common';
import { TtlCache } from '../../core/cache/ttl-cache';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { toFairSeriesResponse, type FairSeriesResponse } from './dto/fair.response';
import type { ExportMeetingSession } from './entities/edition-programme.entity';
import type { FairEdition } from './entities/fair-edition.entity';
import { FairsRepository } from './fairs.repository';

/** How long a public edition read is reused: the registration hot path reads it on every request. */
const PUBLIC_EDITION_TTL_MS = 2000;
/** How long the public list of fairs is reused: the site and every visitor's first call read it. */
const FAIR_LIST_TTL_MS = 2000;

@Injectable()
export class FairsService {
  /** Code → edition read recently; this process forgets an entry when it changes it, others within the TTL. */
  private readonly publicEditions = new TtlCache<string, FairEdition | null>(PUBLIC_EDITION_TTL_MS, 1000); // unknown codes must not grow it forever

  /** The public list of fairs (one entry): two queries and their mapping, 5 ms a request, reused for 2 s. */
  private readonly fairList = new TtlCache<'all', FairSeriesResponse[]>(FAIR_LIST_TTL_MS);

  constructor(private readonly fairs: FairsRepository) {}

  /** Called after an edition changes (status, dates) so this process never serves the old one. */
  forget(code: string): void {
    this.publicEditions.forget(code);
    this.fairList.forget('all');
  }

  async listFairs(): Promise<FairSeriesResponse[]> {
    return this.fairList.getOrLoad('all', async () => {
      const [series, editions] = await Promise.all([this.fairs.findAllSeries(), this.fairs.findPublicEditions()]);
      return series.map((s) => toFairSeriesResponse(s, editions));
    });
  }

  /** Any edition by its code (drafts included), for organizers' tools; 404 when unknown. */
  async getEdition(code: string): Promise<FairEdition> {
    const edition = await this.fairs.findEditionByCode(code);
    if (!edition) throw new DomainError(ErrorCode.NotFound, `No fair edition with code "${code}".`);
    return edition;
  }

  /** The meeting-day sessions of the edition's programme, by day: the meetings area builds its slot grid from them. */
  meetingSessions(editionId: string): Promise<ExportMeetingSession[]> {
    return this.fairs.meetingSessions(editionId);
  }

  /** Edition codes by id; ids with no edition are left out. */
  editionCodes(ids: readonly string[]): Promise<Map<string, string>> {
    return this.fairs.editionCodes(ids);
  }

  async getEditionById(id: string): Promise<FairEdition> {
    const edition = await this.fairs.findEditionById(id);
    if (!edition) throw new DomainError(ErrorCode.NotFound, `No fair edition ${id}.`);
    return edition;
  }

  /** The edition by its code, or 404 — also for drafts, which the public must not see. */
  async getPublicEdition(code: string): Promise<FairEdition> {
    const edition = await this.publicEditions.getOrLoad(code, () => this.fairs.findEditionByCode(code));
    if (!edition || edition.status === 'draft') {
      throw new DomainError(ErrorCode.NotFound, `No fair edition with code "${code}".`);
    }
    return edition;
  }
}
