import { Injectable } from '@nestjs/common';
import { IsNull, Not, type EntityManager } from 'typeorm';
import { ApplicationStatusChange } from '../entities/application-status-change.entity';
import { BoothAssignment } from '../entities/booth-assignment.entity';
import { EditionExhibitorTerms } from '../entities/edition-exhibitor-terms.entity';
import { EditionHall } from '../entities/edition-hall.entity';
import { ExhibitorApplication } from '../entities/exhibitor-application.entity';
import type { BoothKind } from '../domain/booth-kinds';
import type { NewOutboxMessage } from '../../../core/outbox/outbox.service';
import type { CompanyIdentifierKind } from '../domain/company-identifier';
import { queryPrepared } from '../../../core/database/prepared-statement';

export interface AssignedBoothRow {
  applicationId: string;
  boothId: string;
  code: string;
  kind: BoothKind;
  units: number;
  hallCode: string;
}

export interface HallRow {
  spaceId: string;
  code: string;
  nameKo: string;
  nameEn: string;
  boothCapacity: number;
  boothsTaken: number;
}

/** The columns of an application the anonymous form inserts already submitted, with its fee. */
export type NewSubmittedApplication = Pick<
  ExhibitorApplication,
  | 'id' | 'editionId' | 'companyName' | 'businessRegistrationNumber' | 'companyCountry' | 'companyAddress' | 'companyWebsite'
  | 'contactName' | 'contactEmail' | 'contactPhone' | 'boothType' | 'boothCount' | 'productCategories' | 'locale' | 'submittedAt'
  | 'feeLines' | 'feeNetKrw' | 'feeVatKrw' | 'feeTotalKrw' | 'feeEarlyBird' | 'companyAlternateName' | 'companyIdentifierKind' | 'companyIdentifier'
>;

export interface HistoryRow {
  fromStatus: string | null;
  toStatus: string;
  action: string;
  actorRole: string;
  actorName: string | null;
  reason: string | null;
  at: Date;
}

/** Every query of applications, their history, the edition's halls and terms. */
@Injectable()
export class ExhibitorApplicationsRepository {
  /**
   * The application of this company identifier (country, kind, identifier) for the edition among
   * companies' own ('company') or among the anonymous form's ('anonymous'): each kind is unique on
   * its own, and never blocks the other.
   */
  findIdByCompanyIdentifier(
    manager: EntityManager, editionId: string, company: { country: string; kind: CompanyIdentifierKind; identifier: string }, kind: 'company' | 'anonymous',
  ): Promise<ExhibitorApplication | null> {
    const identifier = company.kind === 'kr-brn'
      ? { businessRegistrationNumber: company.identifier }
      : { companyCountry: company.country, companyIdentifierKind: company.kind, companyIdentifier: company.identifier };
    return manager.getRepository(ExhibitorApplication).findOne({
      where: { editionId, ...identifier, companyId: kind === 'company' ? Not(IsNull()) : IsNull() },
      select: { id: true },
    });
  }

  insert(manager: EntityManager, application: Partial<ExhibitorApplication>): Promise<ExhibitorApplication> {
    const repo = manager.getRepository(ExhibitorApplication);
    return repo.save(repo.create(application));
  }

  /**
   * A new anonymous application inserted straight as 'submitted', its two history rows ('create'
   * into draft, then 'submit') and its confirmation email's outbox row, in ONE statement: atomic on
   * its own (no BEGIN/COMMIT round trips), so the mail exists iff the application does. The unique
   * index on (edition, number) still refuses a second application of a number. Answers created_at.
   */
  async insertSubmittedAnonymous(
    manager: EntityManager, a: NewSubmittedApplication, mail: NewOutboxMessage, hook: { sql: string; params: unknown[] },
  ): Promise<{ createdAt: Date; webhookDeliveries: number }> {
    const rows = await queryPrepared<{ created_at: Date; webhook_deliveries: number }>(
      manager,
      'exhibitors.insert-submitted-anonymous',
      `WITH application AS (
         INSERT INTO exhibitor_applications (id, edition_id, status, company_name, business_registration_number, company_country,
             company_address, company_website, contact_name, contact_email, contact_phone, booth_type, booth_count,
             product_categories, locale, submitted_at, fee_lines, fee_net_krw, fee_vat_krw, fee_total_krw, fee_early_bird,
             company_alternate_name, company_identifier_kind, company_identifier)
         VALUES ($1, $2, 'submitted', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18, $19, $20, $27, $28, $29)
         RETURNING id, created_at
       ), history AS (
         INSERT INTO application_status_changes (application_id, from_status, to_status, action, actor_account_id, actor_role, reason)
         SELECT application.id, h.from_status, h.to_status, h.action, NULL, 'anonymous', NULL
           FROM application, (VALUES (1, NULL::text, 'draft', 'create'), (2, 'draft', 'submitted', 'submit')) AS h (n, from_status, to_status, action)
          ORDER BY h.n
       ), mail AS (
         INSERT INTO outbox_messages (template, recipient, locale, params, batch_id, scope_id)
         SELECT $21, $22, $23, $24::jsonb, $25::uuid, $26::uuid FROM application
       ), ${hook.sql}
       SELECT created_at, (SELECT count(*)::int FROM webhook_deliveries_written) AS webhook_deliveries FROM application`,
      [
        a.id, a.editionId, a.companyName, a.businessRegistrationNumber, a.companyCountry, a.companyAddress, a.companyWebsite,
        a.contactName, a.contactEmail, a.contactPhone, a.boothType, a.boothCount, a.productCategories, a.locale, a.submittedAt,
        JSON.stringify(a.feeLines), a.feeNetKrw, a.feeVatKrw, a.feeTotalKrw, a.feeEarlyBird,
        mail.template, mail.recipient, mail.locale, JSON.stringify(mail.params), mail.batchId ?? null, mail.scopeId ?? null,
        a.companyAlternateName, a.companyIdentifierKind, a.companyIdentifier,
        ...hook.params,
      ],
    );
    return { createdAt: rows[0].created_at, webhookDeliveries: rows[0].webhook_deliveries };
  }

  findById(manager: EntityManager, id: string): Promise<ExhibitorApplication | null> {
    return manager.getRepository(ExhibitorApplication).findOneBy({ id });
  }

  findByIds(manager: EntityManager, ids: string[]): Promise<ExhibitorApplication[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.getRepository(ExhibitorApplication).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids }).getMany();
  }

  /** The row locked for the rest of the transaction: transitions of one application take turns. */
  lockById(manager: EntityManager, id: string): Promise<ExhibitorApplication | null> {
    return manager.getRepository(ExhibitorApplication).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  async update(manager: EntityManager, id: string, changes: Partial<ExhibitorApplication>): Promise<void> {
    await manager.getRepository(ExhibitorApplication).update({ id }, changes);
  }

  listOfCompany(manager: EntityManager, companyId: string): Promise<ExhibitorApplication[]> {
    return manager.getRepository(ExhibitorApplication).find({ where: { companyId }, order: { createdAt: 'DESC' } });
  }

  async recordChange(manager: EntityManager, change: Omit<ApplicationStatusChange, 'id' | 'at' | 'application'>): Promise<void> {
    await manager.getRepository(ApplicationStatusChange).insert(change);
  }

  history(manager: EntityManager, applicationId: string): Promise<HistoryRow[]> {
    return manager.query(
      `SELECT c.from_status AS "fromStatus", c.to_status AS "toStatus", c.action, c.actor_role AS "actorRole",
              a.display_name AS "actorName", c.reason, c.at
         FROM application_status_changes c LEFT JOIN accounts a ON a.id = c.actor_account_id
        WHERE c.application_id = $1 ORDER BY c.at, c.id`,
      [applicationId],
    );
  }

  findTerms(manager: EntityManager, editionId: string): Promise<EditionExhibitorTerms | null> {
    return manager.getRepository(EditionExhibitorTerms).findOneBy({ editionId });
  }

  async saveTerms(manager: EntityManager, terms: EditionExhibitorTerms): Promise<void> {
    await manager.getRepository(EditionExhibitorTerms).save(terms);
  }

  listHalls(manager: EntityManager, editionId: string): Promise<HallRow[]> {
    return manager.query(
      `SELECT h.space_id AS "spaceId", s.code, s.name_ko AS "nameKo", s.name_en AS "nameEn",
              h.booth_capacity AS "boothCapacity", h.booths_taken AS "boothsTaken"
         FROM edition_halls h JOIN venue_spaces s ON s.id = h.space_id
        WHERE h.edition_id = $1 ORDER BY s.code`,
      [editionId],
    );
  }

  async upsertHall(manager: EntityManager, hall: Pick<EditionHall, 'editionId' | 'spaceId' | 'boothCapacity'>): Promise<void> {
    await manager.query(
      `INSERT INTO edition_halls (edition_id, space_id, booth_capacity) VALUES ($1, $2, $3)
       ON CONFLICT (edition_id, space_id) DO UPDATE SET booth_capacity = EXCLUDED.booth_capacity`,
      [hall.editionId, hall.spaceId, hall.boothCapacity],
    );
  }

  /**
   * Takes booth units from a hall if they fit, atomically: the conditional UPDATE both checks
   * and takes, and the row lock it holds until commit makes concurrent takers queue.
   */
  async takeHallUnits(manager: EntityManager, editionId: string, spaceId: string, units: number): Promise<boolean> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE edition_halls SET booths_taken = booths_taken + $3
        WHERE edition_id = $1 AND space_id = $2 AND booths_taken + $3 <= booth_capacity RETURNING 1`,
      [editionId, spaceId, units],
    );
    return rows.length === 1;
  }

  async releaseHallUnits(manager: EntityManager, editionId: string, spaceId: string, units: number): Promise<void> {
    await manager.query(
      `UPDATE edition_halls SET booths_taken = booths_taken - $3 WHERE edition_id = $1 AND space_id = $2`,
      [editionId, spaceId, units],
    );
  }

  /** Units still free in a hall, read under the hall row's lock so promotions see a settled figure. */
  async lockHallRemaining(manager: EntityManager, editionId: string, spaceId: string): Promise<number> {
    const rows: Array<{ remaining: number }> = await manager.query(
      `SELECT booth_capacity - booths_taken AS remaining FROM edition_halls WHERE edition_id = $1 AND space_id = $2 FOR UPDATE`,
      [editionId, spaceId],
    );
    return rows[0]?.remaining ?? 0;
  }

  /** The waitlist of a hall in queue order. */
  waitlist(manager: EntityManager, editionId: string, spaceId: string): Promise<ExhibitorApplication[]> {
    return manager.getRepository(ExhibitorApplication).find({
      where: { editionId, hallId: spaceId, status: 'waitlisted' },
      order: { waitlistedAt: 'ASC', id: 'ASC' },
    });
  }

  assignedBooths(manager: EntityManager, applicationIds: string[]): Promise<AssignedBoothRow[]> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT ba.application_id AS "applicationId", b.id AS "boothId", b.code, b.kind, b.units, s.code AS "hallCode"
         FROM booth_assignments ba JOIN booths b ON b.id = ba.booth_id JOIN venue_spaces s ON s.id = b.hall_id
        WHERE ba.application_id = ANY($1) ORDER BY b.code`,
      [applicationIds],
    );
  }

  async releaseBooths(manager: EntityManager, applicationId: string): Promise<void> {
    await manager.getRepository(BoothAssignment).delete({ applicationId });
  }

  uploadKinds(manager: EntityManager, applicationIds: string[]): Promise<Array<{ applicationId: string; kind: string }>> {
    if (applicationIds.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT application_id AS "applicationId", kind FROM exhibitor_uploads WHERE application_id = ANY($1) ORDER BY kind`,
      [applicationIds],
    );
  }

  spaceCodes(manager: EntityManager, ids: string[]): Promise<Array<{ id: string; code: string; nameKo: string; nameEn: string }>> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.query(`SELECT id, code, name_ko AS "nameKo", name_en AS "nameEn" FROM venue_spaces WHERE id = ANY($1)`, [ids]);
  }
}
