import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovedExhibitorRow, CompanyApplicationRow, ExhibitorBoothsRow, HallSalesRow, StatusCountRow } from './exhibitors-directory';

/** A LIKE pattern matching `text` literally anywhere. */
const contains = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The queries behind ExhibitorsDirectory, the exhibitors area's read API for the floors above. */
@Injectable()
export class ExhibitorsDirectoryRepository {
  /** Approved exhibitors of an edition with hall and booths, filtered by category and name (at most 500). */
  approvedExhibitors(manager: EntityManager, editionId: string, filter: { category?: string; q?: string; applicationIds?: string[] }): Promise<ApprovedExhibitorRow[]> {
    return manager.query(
      `SELECT a.id AS "applicationId", a.company_name AS "companyName", a.company_country AS country, a.product_categories AS categories,
              h.code AS hall,
              COALESCE((SELECT array_agg(b.code ORDER BY b.code) FROM booth_assignments ba JOIN booths b ON b.id = ba.booth_id
                         WHERE ba.application_id = a.id), '{}') AS booths
         FROM exhibitor_applications a LEFT JOIN venue_spaces h ON h.id = a.hall_id
        WHERE a.edition_id = $1 AND a.status = 'approved'
          AND ($2::text IS NULL OR $2 = ANY (a.product_categories))
          AND ($3::text IS NULL OR a.company_name ILIKE $3)
          AND ($4::uuid[] IS NULL OR a.id = ANY ($4))
        ORDER BY a.company_name, a.id LIMIT 500`,
      [editionId, filter.category ?? null, filter.q ? contains(filter.q) : null, filter.applicationIds ?? null],
    );
  }

  /** The approved applications among `applicationIds` of the edition, with hall names and booth codes, by company name. */
  boothsOfApplications(manager: EntityManager, editionId: string, applicationIds: string[]): Promise<ExhibitorBoothsRow[]> {
    return manager.query(
      `SELECT a.id AS "applicationId", a.company_name AS "companyName", h.name_ko AS "hallKo", h.name_en AS "hallEn", a.product_categories AS categories,
              COALESCE((SELECT array_agg(b.code ORDER BY b.code) FROM booth_assignments ba JOIN booths b ON b.id = ba.booth_id
                         WHERE ba.application_id = a.id), '{}') AS booths
         FROM exhibitor_applications a LEFT JOIN venue_spaces h ON h.id = a.hall_id
        WHERE a.edition_id = $1 AND a.id = ANY ($2::uuid[]) AND a.status = 'approved'
        ORDER BY a.company_name`,
      [editionId, applicationIds],
    );
  }

  async isApproved(manager: EntityManager, editionId: string, applicationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM exhibitor_applications WHERE edition_id = $1 AND id = $2 AND status = 'approved'`,
      [editionId, applicationId],
    );
    return rows.length === 1;
  }

  async companyOfAccount(manager: EntityManager, accountId: string): Promise<string | undefined> {
    const rows: Array<{ company_id: string }> = await manager.query(`SELECT company_id FROM company_members WHERE account_id = $1`, [accountId]);
    return rows[0]?.company_id;
  }

  async companyExhibitsAt(manager: EntityManager, companyId: string, editionId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM exhibitor_applications WHERE company_id = $1 AND edition_id = $2 AND status = 'approved' LIMIT 1`,
      [companyId, editionId],
    );
    return rows.length === 1;
  }

  applicationsOfCompany(manager: EntityManager, companyId: string): Promise<CompanyApplicationRow[]> {
    return manager.query(
      `SELECT a.id AS "applicationId", a.edition_id AS "editionId", a.status, a.company_name AS "companyName", a.company_country AS country,
              a.contact_name AS "contactName", a.contact_email AS "contactEmail", a.product_categories AS categories, a.locale
         FROM exhibitor_applications a WHERE a.company_id = $1 ORDER BY a.created_at DESC, a.id`,
      [companyId],
    );
  }

  applicationCounts(manager: EntityManager, editionId: string): Promise<StatusCountRow[]> {
    return manager.query(
      `SELECT status, count(*)::int AS count FROM exhibitor_applications WHERE edition_id = $1 GROUP BY status ORDER BY status`,
      [editionId],
    );
  }

  hallSales(manager: EntityManager, editionId: string): Promise<HallSalesRow[]> {
    return manager.query(
      `SELECT s.code AS "hallCode", s.name_ko AS "hallKo", s.name_en AS "hallEn", h.booth_capacity AS "unitsCapacity", h.booths_taken AS "unitsTaken"
         FROM edition_halls h JOIN venue_spaces s ON s.id = h.space_id
        WHERE h.edition_id = $1 ORDER BY s.name_en, s.code`,
      [editionId],
    );
  }
}
