import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EditionListRow, RoomRow } from './fairs-directory';

const EDITION_COLUMNS = `e.id, e.code, e.year, to_char(e.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(e.ends_on, 'YYYY-MM-DD') AS "endsOn", e.status,
       s.code AS "seriesCode", s.name_ko AS "seriesKo", s.name_en AS "seriesEn", s.description_ko AS "descriptionKo", s.description_en AS "descriptionEn",
       v.name_ko AS "venueKo", v.name_en AS "venueEn"`;

/** The queries behind FairsDirectory, the fairs area's read API of series and editions for the floors above. */
@Injectable()
export class FairsDirectoryRepository {
  editions(manager: EntityManager, includeDrafts: boolean): Promise<EditionListRow[]> {
    return manager.query(
      `SELECT ${EDITION_COLUMNS}
         FROM fair_editions e JOIN fair_series s ON s.id = e.series_id JOIN venues v ON v.id = e.venue_id
        WHERE $1::boolean OR e.status <> 'draft'
        ORDER BY e.starts_on, s.name_en, e.code`,
      [includeDrafts],
    );
  }

  async edition(manager: EntityManager, code: string): Promise<EditionListRow | undefined> {
    const rows: EditionListRow[] = await manager.query(
      `SELECT ${EDITION_COLUMNS}
         FROM fair_editions e JOIN fair_series s ON s.id = e.series_id JOIN venues v ON v.id = e.venue_id
        WHERE e.code = $1`,
      [code],
    );
    return rows[0];
  }

  rooms(manager: EntityManager, editionId: string): Promise<RoomRow[]> {
    return manager.query(
      `SELECT r.code, r.name_ko AS "nameKo", r.name_en AS "nameEn", r.seats
         FROM fair_editions e JOIN venue_spaces r ON r.venue_id = e.venue_id
        WHERE e.id = $1 AND r.seats IS NOT NULL ORDER BY r.name_en, r.code`,
      [editionId],
    );
  }
}
