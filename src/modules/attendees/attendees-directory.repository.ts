import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AttendeeKindCountRow, VisitorsPerDayRow } from './attendees-directory';

/** The queries behind AttendeesDirectory, the attendees area's read API for the floors above. */
@Injectable()
export class AttendeesDirectoryRepository {
  visitorsPerDay(manager: EntityManager, editionId: string): Promise<VisitorsPerDayRow[]> {
    return manager.query(
      `SELECT d.day, count(*)::int AS count FROM attendees a CROSS JOIN LATERAL unnest(a.days) AS d(day)
        WHERE a.edition_id = $1 GROUP BY d.day ORDER BY d.day`,
      [editionId],
    );
  }

  kindCounts(manager: EntityManager, editionId: string): Promise<AttendeeKindCountRow[]> {
    return manager.query(`SELECT kind, count(*)::int AS count FROM attendees WHERE edition_id = $1 GROUP BY kind ORDER BY kind`, [editionId]);
  }
}
