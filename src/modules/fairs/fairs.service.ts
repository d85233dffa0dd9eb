import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';
import { toFairSeriesResponse, type FairSeriesResponse } from './dto/fair.response';
import type { FairEdition } from './entities/fair-edition.entity';
import { FairsRepository } from './fairs.repository';

@Injectable()
export class FairsService {
  constructor(private readonly fairs: FairsRepository) {}

  async listFairs(): Promise<FairSeriesResponse[]> {
    const [series, editions] = await Promise.all([this.fairs.findAllSeries(), this.fairs.findPublicEditions()]);
    return series.map((s) => toFairSeriesResponse(s, editions));
  }

  /** Any edition by its code (drafts included), for organizers' tools; 404 when unknown. */
  async getEdition(code: string): Promise<FairEdition> {
    const edition = await this.fairs.findEditionByCode(code);
    if (!edition) throw new DomainError(ErrorCode.NotFound, `No fair edition with code "${code}".`);
    return edition;
  }

  async getEditionById(id: string): Promise<FairEdition> {
    const edition = await this.fairs.findEditionById(id);
    if (!edition) throw new DomainError(ErrorCode.NotFound, `No fair edition ${id}.`);
    return edition;
  }

  /** The edition by its code, or 404 — also for drafts, which the public must not see. */
  async getPublicEdition(code: string): Promise<FairEdition> {
    const edition = await this.fairs.findEditionByCode(code);
    if (!edition || edition.status === 'draft') {
      throw new DomainError(ErrorCode.NotFound, `No fair edition with code "${code}".`);
    }
    return edition;
  }
}
