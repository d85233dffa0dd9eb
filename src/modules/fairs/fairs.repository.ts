import { Injectable } from '@nestjs/common';
import { DataSource, In, Not, type EntityManager } from 'typeorm';
import { ConferenceSession, EditionOpeningHours, ExportMeetingSession } from './entities/edition-programme.entity';
import { EditionStatusChange } from './entities/edition-status-change.entity';
import { FairEdition, type EditionStatus } from './entities/fair-edition.entity';
import { FairSeries } from './entities/fair-series.entity';

export interface EditionFilter {
  seriesCode?: string;
  status?: EditionStatus;
  year?: number;
  includeDrafts: boolean;
  offset: number;
  limit: number;
}

/** Every query of the fairs area. */
@Injectable()
export class FairsRepository {
  constructor(private readonly dataSource: DataSource) {}

  findAllSeries(): Promise<FairSeries[]> {
    return this.dataSource.getRepository(FairSeries).find({ order: { nameEn: 'ASC' } });
  }

  /** Editions the public may see: everything past draft. */
  findPublicEditions(): Promise<FairEdition[]> {
    return this.dataSource.getRepository(FairEdition).find({
      where: { status: Not(In(['draft'])) },
      relations: { series: true },
      order: { startsOn: 'DESC' },
    });
  }

  findEditionByCode(code: string): Promise<FairEdition | null> {
    return this.dataSource.getRepository(FairEdition).findOne({ where: { code }, relations: { series: true, venue: true } });
  }

  findEditionById(id: string): Promise<FairEdition | null> {
    return this.dataSource.getRepository(FairEdition).findOne({ where: { id }, relations: { series: true, venue: true } });
  }

  findSeriesByCode(code: string): Promise<FairSeries | null> {
    return this.dataSource.getRepository(FairSeries).findOneBy({ code });
  }

  async listEditions(f: EditionFilter): Promise<{ items: FairEdition[]; total: number }> {
    const q = this.dataSource
      .getRepository(FairEdition)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.series', 's')
      .innerJoinAndSelect('e.venue', 'v');
    if (!f.includeDrafts) q.andWhere(`e.status <> 'draft'`);
    if (f.seriesCode) q.andWhere('s.code = :series', { series: f.seriesCode });
    if (f.status) q.andWhere('e.status = :status', { status: f.status });
    if (f.year) q.andWhere('e.year = :year', { year: f.year });
    const [items, total] = await q.orderBy('e.starts_on', 'DESC').addOrderBy('e.code').skip(f.offset).take(f.limit).getManyAndCount();
    return { items, total };
  }

  lockEdition(manager: EntityManager, code: string): Promise<FairEdition | null> {
    return manager
      .getRepository(FairEdition)
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.series', 's')
      .innerJoinAndSelect('e.venue', 'v')
      .setLock('pessimistic_write', undefined, ['e'])
      .where('e.code = :code', { code })
      .getOne();
  }

  statusHistory(editionId: string): Promise<Array<EditionStatusChange & { by: string }>> {
    return this.dataSource.query(
      `SELECT c.from_status AS "fromStatus", c.to_status AS "toStatus", c.changed_at AS "changedAt", c.reason, a.email AS by
         FROM edition_status_changes c JOIN accounts a ON a.id = c.changed_by
        WHERE c.edition_id = $1 ORDER BY c.changed_at, c.id`,
      [editionId],
    );
  }

  /** Edition codes by id (unknown ids left out): the venue shows them on bookings through its EditionLookup port. */
  async editionCodes(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: string; code: string }> = await this.dataSource.query(`SELECT id, code FROM fair_editions WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.code]));
  }

  openingHours(editionId: string): Promise<EditionOpeningHours[]> {
    return this.dataSource.getRepository(EditionOpeningHours).find({ where: { editionId }, order: { day: 'ASC' } });
  }

  conferenceSessions(editionId: string): Promise<ConferenceSession[]> {
    return this.dataSource.getRepository(ConferenceSession).find({ where: { editionId }, relations: { room: true }, order: { startsAt: 'ASC' } });
  }

  meetingSessions(editionId: string): Promise<ExportMeetingSession[]> {
    return this.dataSource.getRepository(ExportMeetingSession).find({ where: { editionId }, relations: { space: true }, order: { day: 'ASC' } });
  }
}
