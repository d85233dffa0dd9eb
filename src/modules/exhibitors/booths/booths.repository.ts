import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FreeBooth } from '../domain/booth-allocation';
import type { PlannedBooth } from '../domain/booth-plan';
import type { BoothKind } from '../domain/booth-kinds';

export interface BoothRow {
  id: string;
  code: string;
  hallId: string;
  hall: string;
  row: string;
  position: number;
  widthM: string;
  depthM: string;
  units: number;
  kind: BoothKind;
  applicationId: string | null;
  companyName: string | null;
}

/** Every query of booth plans and assignments. */
@Injectable()
export class BoothsRepository {
  list(manager: EntityManager, editionId: string): Promise<BoothRow[]> {
    return manager.query(
      `SELECT b.id, b.code, b.hall_id AS "hallId", s.code AS hall, b.row, b.position, b.width_m AS "widthM", b.depth_m AS "depthM",
              b.units, b.kind, ba.application_id AS "applicationId", a.company_name AS "companyName"
         FROM booths b JOIN venue_spaces s ON s.id = b.hall_id
         LEFT JOIN booth_assignments ba ON ba.booth_id = b.id
         LEFT JOIN exhibitor_applications a ON a.id = ba.application_id
        WHERE b.edition_id = $1 ORDER BY s.code, b.row, b.position`,
      [editionId],
    );
  }

  free(manager: EntityManager, editionId: string): Promise<FreeBooth[]> {
    return manager.query(
      `SELECT b.id, b.code, b.hall_id AS "hallId", b.row, b.position, b.units, b.kind
         FROM booths b WHERE b.edition_id = $1 AND NOT EXISTS (SELECT 1 FROM booth_assignments ba WHERE ba.booth_id = b.id)
        ORDER BY b.row, b.position`,
      [editionId],
    );
  }

  byCodes(manager: EntityManager, editionId: string, codes: string[]): Promise<BoothRow[]> {
    return manager.query(
      `SELECT b.id, b.code, b.hall_id AS "hallId", b.row, b.position, b.units, b.kind, ba.application_id AS "applicationId"
         FROM booths b LEFT JOIN booth_assignments ba ON ba.booth_id = b.id
        WHERE b.edition_id = $1 AND b.code = ANY($2)`,
      [editionId, codes],
    );
  }

  /** Adds booths of a plan; codes already in the edition are left as they are. Answers how many were new. */
  async insertPlan(manager: EntityManager, editionId: string, hallId: string, booths: PlannedBooth[]): Promise<number> {
    if (booths.length === 0) return 0;
    // An INSERT … RETURNING answers its rows (an UPDATE would answer [rows, count]).
    const rows = await manager.query<unknown[]>(
      `INSERT INTO booths (edition_id, hall_id, code, row, position, width_m, depth_m, units, kind)
       SELECT $1, $2, b.code, b.row, b.position, b.width_m, b.depth_m, b.units, b.kind
         FROM jsonb_to_recordset($3::jsonb) AS b(code text, row text, position int, width_m numeric, depth_m numeric, units int, kind text)
       ON CONFLICT (edition_id, code) DO NOTHING RETURNING 1`,
      [editionId, hallId, JSON.stringify(booths.map((b) => ({ code: b.code, row: b.row, position: b.position, width_m: b.widthM, depth_m: b.depthM, units: b.units, kind: b.kind })))],
    );
    return rows.length;
  }

  async assign(manager: EntityManager, applicationId: string, boothIds: string[], accountId: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO booth_assignments (booth_id, application_id, assigned_by_account_id) SELECT unnest($1::uuid[]), $2, $3`,
      [boothIds, applicationId, accountId],
    );
  }

  /** Approved applications of the edition without booths yet, in approval order. */
  unassignedApproved(manager: EntityManager, editionId: string): Promise<Array<{ id: string; boothCount: number; hallId: string | null; preferredBoothKind: BoothKind | null; decidedAt: Date }>> {
    return manager.query(
      `SELECT a.id, a.booth_count AS "boothCount", a.hall_id AS "hallId", a.preferred_booth_kind AS "preferredBoothKind", a.decided_at AS "decidedAt"
         FROM exhibitor_applications a
        WHERE a.edition_id = $1 AND a.status = 'approved'
          AND NOT EXISTS (SELECT 1 FROM booth_assignments ba WHERE ba.application_id = a.id)
        ORDER BY a.decided_at, a.id`,
      [editionId],
    );
  }

  /** Serialises booth assignment within an edition (automatic runs see each other's results). */
  async lockEdition(manager: EntityManager, editionId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('booths:' || $1))`, [editionId]);
  }

  /** Approved applications of the edition with the units already given to them (the booth picker's choices). */
  approvedWithUnits(manager: EntityManager, editionId: string): Promise<ApprovedApplicationUnits[]> {
    return manager.query(
      `SELECT a.id, a.company_name AS "companyName", a.hall_id AS "hallId", a.booth_count AS "boothCount",
              COALESCE((SELECT SUM(b.units) FROM booth_assignments ba JOIN booths b ON b.id = ba.booth_id WHERE ba.application_id = a.id), 0)::int AS "assignedUnits"
         FROM exhibitor_applications a
        WHERE a.edition_id = $1 AND a.status = 'approved'
        ORDER BY a.company_name, a.id`,
      [editionId],
    );
  }

  async releaseBooth(manager: EntityManager, boothId: string): Promise<void> {
    await manager.query(`DELETE FROM booth_assignments WHERE booth_id = $1`, [boothId]);
  }

  /**
   * The state the automatic assignment depends on, as one string: every booth with its owner and
   * every approved application with its hall, size and preference. Equal strings, equal plans.
   */
  async planState(manager: EntityManager, editionId: string): Promise<string> {
    const [row] = await manager.query<Array<{ state: string }>>(
      `SELECT COALESCE((SELECT string_agg(b.id::text || ':' || COALESCE(ba.application_id::text, '-'), ',' ORDER BY b.id)
                          FROM booths b LEFT JOIN booth_assignments ba ON ba.booth_id = b.id WHERE b.edition_id = $1), '')
              || '|' ||
              COALESCE((SELECT string_agg(a.id::text || ':' || COALESCE(a.hall_id::text, '-') || ':' || a.booth_count || ':' || COALESCE(a.preferred_booth_kind, '-'), ',' ORDER BY a.id)
                          FROM exhibitor_applications a WHERE a.edition_id = $1 AND a.status = 'approved'), '') AS state`,
      [editionId],
    );
    return row?.state ?? '';
  }
}

export interface ApprovedApplicationUnits {
  id: string;
  companyName: string;
  hallId: string | null;
  boothCount: number;
  assignedUnits: number;
}
