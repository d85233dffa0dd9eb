import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AttendeeKindCountRow, VisitorsPerDayRow } from './attendees-directory';
import type { CheckInCountRow } from './domain/check-in';

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

  /** Check-ins grouped by day, hour at the venue (`zone`), kind and country. */
  checkInCounts(manager: EntityManager, editionId: string, zone: string): Promise<CheckInCountRow[]> {
    return manager.query(
      `SELECT c.day, extract(hour FROM c.checked_in_at AT TIME ZONE $2)::int AS hour, a.kind, a.country, count(*)::int AS count
         FROM attendee_check_ins c JOIN attendees a ON a.id = c.attendee_id
        WHERE c.edition_id = $1
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      [editionId, zone],
    );
  }
}
