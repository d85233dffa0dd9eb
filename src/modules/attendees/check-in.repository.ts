import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AttendeeKind } from './entities/attendee.entity';

/** A registration as the entrance sees it. */
export interface BadgeHolderRow {
  id: string;
  editionId: string;
  name: string;
  company: string | null;
  country: string;
  kind: AttendeeKind;
  days: string[];
  badgeCode: string;
}

const HOLDER_COLUMNS = `id, edition_id AS "editionId", name, company, country, kind, days, badge_code AS "badgeCode"`;

/** The check-ins' queries: the badge holders, the one insert that counts, the existing check-in. */
@Injectable()
export class CheckInRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every registration with this badge code (one per edition at most). */
  holdersOfBadge(badgeCode: string): Promise<BadgeHolderRow[]> {
    return this.dataSource.query(`SELECT ${HOLDER_COLUMNS} FROM attendees WHERE badge_code = $1 ORDER BY created_at LIMIT 20`, [badgeCode]);
  }

  async holderById(editionId: string, attendeeId: string): Promise<BadgeHolderRow | null> {
    const rows: BadgeHolderRow[] = await this.dataSource.query(`SELECT ${HOLDER_COLUMNS} FROM attendees WHERE edition_id = $1 AND id = $2`, [editionId, attendeeId]);
    return rows[0] ?? null;
  }

  async holderByEmail(editionId: string, email: string): Promise<BadgeHolderRow | null> {
    const rows: BadgeHolderRow[] = await this.dataSource.query(`SELECT ${HOLDER_COLUMNS} FROM attendees WHERE edition_id = $1 AND email = $2`, [editionId, email]);
    return rows[0] ?? null;
  }

  /**
   * The check-in, if it is the first of this visitor on this day: the unique key (attendee, day)
   * makes every other insert — a second tap, another phone at the same moment — a no-op (null).
   */
  async insertFirstCheckIn(
    row: { editionId: string; attendeeId: string; day: string; walkIn: boolean; checkedInBy: string | null },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ checkedInAt: Date } | null> {
    const rows: Array<{ checkedInAt: Date }> = await manager.query(
      `INSERT INTO attendee_check_ins (edition_id, attendee_id, day, walk_in, checked_in_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING checked_in_at AS "checkedInAt"`,
      [row.editionId, row.attendeeId, row.day, row.walkIn, row.checkedInBy],
    );
    return rows[0] ?? null;
  }

  /** The visitor's check-in on that day (the earliest, should the unique key ever be missing). */
  async checkInOf(attendeeId: string, day: string): Promise<{ checkedInAt: Date } | null> {
    const rows: Array<{ checkedInAt: Date }> = await this.dataSource.query(
      `SELECT checked_in_at AS "checkedInAt" FROM attendee_check_ins WHERE attendee_id = $1 AND day = $2 ORDER BY checked_in_at LIMIT 1`,
      [attendeeId, day],
    );
    return rows[0] ?? null;
  }
}
