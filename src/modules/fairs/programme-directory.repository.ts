import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EditionSessionRow, OpeningHoursRow, ProgrammeSessionRow, SessionInRoomRow } from './programme-directory';

/** The queries behind ProgrammeDirectory, the fairs area's read API of an edition's programme for the floors above. */
@Injectable()
export class ProgrammeDirectoryRepository {
  openingHours(manager: EntityManager, editionId: string): Promise<OpeningHoursRow[]> {
    return manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, to_char(opens_at, 'HH24:MI') AS "opensAt", to_char(closes_at, 'HH24:MI') AS "closesAt"
         FROM edition_opening_hours WHERE edition_id = $1`,
      [editionId],
    );
  }

  sessionsInRooms(manager: EntityManager, editionId: string, sessionIds: string[]): Promise<SessionInRoomRow[]> {
    return manager.query(
      `SELECT s.id, s.title_ko AS "titleKo", s.title_en AS "titleEn", r.name_ko AS "roomKo", r.name_en AS "roomEn",
              s.starts_at AS "startsAt", s.ends_at AS "endsAt"
         FROM conference_sessions s JOIN venue_spaces r ON r.id = s.room_id
        WHERE s.edition_id = $1 AND s.id = ANY ($2::uuid[]) ORDER BY s.starts_at`,
      [editionId, sessionIds],
    );
  }

  sessionsOfEdition(manager: EntityManager, editionId: string): Promise<EditionSessionRow[]> {
    return manager.query(
      `SELECT s.id, s.title_ko AS "titleKo", s.title_en AS "titleEn", s.speakers, r.code AS room, s.starts_at AS "startsAt", s.ends_at AS "endsAt",
              s.capacity
         FROM conference_sessions s JOIN venue_spaces r ON r.id = s.room_id
        WHERE s.edition_id = $1 ORDER BY s.starts_at, s.title_en, s.id`,
      [editionId],
    );
  }

  programmeOfEdition(manager: EntityManager, editionId: string): Promise<ProgrammeSessionRow[]> {
    return manager.query(
      `SELECT s.id, s.title_ko AS "titleKo", s.title_en AS "titleEn", s.speakers, r.code AS room, r.name_ko AS "roomKo", r.name_en AS "roomEn",
              s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity
         FROM conference_sessions s JOIN venue_spaces r ON r.id = s.room_id
        WHERE s.edition_id = $1 ORDER BY s.starts_at, s.title_en, s.id`,
      [editionId],
    );
  }

  async sessionOfEdition(manager: EntityManager, editionId: string, sessionId: string): Promise<{ id: string; capacity: number } | undefined> {
    const rows: Array<{ id: string; capacity: number }> = await manager.query(
      `SELECT id, capacity FROM conference_sessions WHERE edition_id = $1 AND id = $2`,
      [editionId, sessionId],
    );
    return rows[0];
  }
}
