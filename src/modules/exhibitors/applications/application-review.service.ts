import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { AuditTrail, changedFields } from '../../../core/audit/audit-trail';
import type { Principal } from '../../../core/auth/principal';
import { editionsWhere, type StaffGrant } from '../../../core/auth/staff-access';
import { TransactionRunner } from '../../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { ApplicationViews } from './application-views';
import { ApplicationWorkflow } from './application-workflow.service';
import type { ApplicationAction } from '../domain/application-lifecycle';
import { applicationsCsv } from '../domain/applications-csv';
import type { ApplicationListQuery, ApplicationListResponse, ApplicationResponse, BulkApproveResponse, StatusChangeResponse } from '../dto/application.dto';
import { ExhibitorApplication, type ApplicationStatus } from '../entities/exhibitor-application.entity';
import { ExhibitorApplicationsRepository } from './exhibitor-applications.repository';
import { companyNameFor } from '../domain/company-name';

/** Sort keys → columns: the only way a caller's word reaches ORDER BY. */
const SORT_COLUMNS = {
  submittedAt: 'a.submitted_at',
  companyName: 'a.company_name',
  status: 'a.status',
  boothCount: 'a.booth_count',
  updatedAt: 'a.updated_at',
} as const;

/** Whose team roles limit a listing: an organizer's access (organization admin, grants per edition). */
export interface ReviewerAccess {
  orgAdmin: boolean;
  grants: readonly StaffGrant[];
}

export type OrganizerDecision = Extract<ApplicationAction, 'start_review' | 'approve' | 'waitlist' | 'reject' | 'request_changes'>;

/** Why one decision was refused, in terms a page can put into words (never the English message). */
export interface DecisionRefusal {
  code: ErrorCode;
  /** The field a validation error names (hall, reason). */
  field?: string;
  /** The application's status when the transition was illegal. */
  status?: string;
  /** A service's own word for a conflict (e.g. taken, free, plan_changed). */
  reason?: string;
}

/** What happened to one application of a bulk decision. */
export interface BulkDecisionRow {
  id: string;
  companyName: string;
  /** The new status when it was done. */
  status?: ApplicationStatus;
  refusal?: DecisionRefusal;
}

/** A refusal as data: the code, the field named, the status it was in. */
export function decisionRefusal(error: DomainError): DecisionRefusal {
  const status = typeof error.details.status === 'string' ? error.details.status : undefined;
  const reason = typeof error.details.reason === 'string' ? error.details.reason : undefined;
  return { code: error.code, field: error.details.errors?.[0]?.field, ...(status ? { status } : {}), ...(reason ? { reason } : {}) };
}

/** The organizer's side: the review list, decisions one by one or in bulk, and the CSV export. */
@Injectable()
export class ApplicationReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly applications: ExhibitorApplicationsRepository,
    private readonly workflow: ApplicationWorkflow,
    private readonly views: ApplicationViews,
    private readonly audit: AuditTrail,
  ) {}

  /** The list, limited to the editions where the viewer reviews (a list without ?edition= would otherwise show every edition). */
  async list(query: ApplicationListQuery, viewer: ReviewerAccess): Promise<ApplicationListResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.filtered(query, viewer)
      .orderBy(SORT_COLUMNS[query.sort ?? 'submittedAt'], query.order === 'desc' ? 'DESC' : 'ASC', 'NULLS LAST')
      .addOrderBy('a.id', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { items: await this.views.toResponses(this.dataSource.manager, rows, 'organizer'), total, page, pageSize };
  }

  /** All matching applications as CSV (UTF-8 with BOM, so Excel shows Korean). */
  async exportCsv(query: ApplicationListQuery, viewer: ReviewerAccess, locale: 'ko' | 'en' = 'ko'): Promise<string> {
    const rows = await this.filtered(query, viewer).orderBy(SORT_COLUMNS[query.sort ?? 'submittedAt'], query.order === 'desc' ? 'DESC' : 'ASC', 'NULLS LAST').addOrderBy('a.id').getMany();
    const views = await this.views.toResponses(this.dataSource.manager, rows, 'organizer');
    return applicationsCsv(views.map((v, i) => ({
      id: v.id, editionCode: v.edition, status: v.status, companyName: companyNameFor(locale, { name: v.companyName, alternateName: v.companyAlternateName }),
      businessRegistrationNumber: v.businessRegistrationNumber, companyIdentifierKind: v.companyIdentifierKind, companyIdentifier: v.companyIdentifier,
      country: v.country, contactName: v.contact.name, contactEmail: v.contact.email, contactPhone: v.contact.phone,
      boothType: v.booth.type, boothCount: v.booth.count, hallCode: v.hall, boothCodes: v.booths.map((b) => b.code),
      productCategories: v.productCategories, totalKrw: v.fee?.totalKrw ?? null, submittedAt: rows[i].submittedAt, updatedAt: rows[i].updatedAt,
    })));
  }

  async get(id: string): Promise<ApplicationResponse> {
    const row = await this.applications.findById(this.dataSource.manager, id);
    if (!row) throw new DomainError(ErrorCode.NotFound, 'No such application.');
    return this.views.toResponse(this.dataSource.manager, row, 'organizer');
  }

  async history(id: string): Promise<StatusChangeResponse[]> {
    if (!(await this.applications.findById(this.dataSource.manager, id))) throw new DomainError(ErrorCode.NotFound, 'No such application.');
    const rows = await this.applications.history(this.dataSource.manager, id);
    return rows.map((r) => ({ from: r.fromStatus, to: r.toStatus, action: r.action, actorRole: r.actorRole, actorName: r.actorName, reason: r.reason, at: r.at.toISOString() }));
  }

  /** One decision; approving into a full hall waitlists instead (the answer's status says which). */
  async decide(principal: Principal, id: string, action: OrganizerDecision, reason: string | null, hallCode?: string): Promise<ApplicationResponse> {
    return this.transactions.run(async (tx) => {
      const application = await this.applications.lockById(tx.manager, id);
      if (!application) throw new DomainError(ErrorCode.NotFound, 'No such application.');
      const before = { status: application.status, hallId: application.hallId, reason: application.statusReason };
      if (hallCode && action === 'approve') {
        const hall = (await this.applications.listHalls(tx.manager, application.editionId)).find((h) => h.code === hallCode);
        if (!hall) throw DomainError.validation([{ field: 'hall', messages: [`hall ${hallCode} is not a hall of this edition`] }]);
        application.hallId = hall.spaceId;
        await this.applications.update(tx.manager, id, { hallId: hall.spaceId });
      }
      if (action === 'approve' && application.feeTotalKrw === null) await this.workflow.refreshFee(tx.manager, application, []);
      await this.workflow.apply(tx, application, action, { role: 'organizer', accountId: principal.accountId }, reason);
      await this.audit.record(tx.manager, {
        actor: { accountId: principal.accountId, email: principal.email }, scopeId: application.editionId, action: `application.${action}`,
        subjectType: 'application', subjectId: id, ...changedFields(before, { status: application.status, hallId: application.hallId, reason }),
      });
      return this.views.toResponse(tx.manager, application, 'organizer');
    });
  }

  /**
   * Approves many, each in its own transaction (one refusal does not undo the others), in
   * submission order so the hall's capacity goes to those who applied first.
   */
  async bulkApprove(principal: Principal, ids: string[]): Promise<BulkApproveResponse> {
    const rows = await this.applications.findByIds(this.dataSource.manager, ids);
    // The guard only knew "reviewer in some edition": every id must be in one of the caller's.
    const outside = outsideCallersEditions(principal, rows);
    if (outside.length > 0) {
      const names = outside.map((r) => r.id);
      throw new DomainError(ErrorCode.Forbidden, `Your team roles do not allow this: you have no reviewer role in the edition of ${names.join(', ')}. Nothing was approved.`, {
        reason: 'staff-role', staffRoles: ['reviewer'], ids: names,
      });
    }
    const known = new Set(rows.map((r) => r.id));
    const result: BulkApproveResponse = { approved: [], waitlisted: [], refused: ids.filter((id) => !known.has(id)).map((id) => ({ id, reason: 'no such application' })) };
    rows.sort((a, b) => (a.submittedAt?.getTime() ?? Infinity) - (b.submittedAt?.getTime() ?? Infinity) || a.id.localeCompare(b.id));
    for (const row of rows) {
      try {
        const answer = await this.decide(principal, row.id, 'approve', null);
        (answer.status === 'approved' ? result.approved : result.waitlisted).push(row.id);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.refused.push({ id: row.id, reason: error.message });
      }
    }
    return result;
  }

  /**
   * One decision on many (approve, reject or request changes with one reason), each in its own
   * transaction, in submission order; answers per application what happened or why not.
   */
  async bulkDecide(principal: Principal, ids: string[], action: OrganizerDecision, reason: string | null): Promise<BulkDecisionRow[]> {
    const rows = await this.applications.findByIds(this.dataSource.manager, ids);
    const known = new Set(rows.map((r) => r.id));
    const result: BulkDecisionRow[] = [];
    rows.sort((a, b) => (a.submittedAt?.getTime() ?? Infinity) - (b.submittedAt?.getTime() ?? Infinity) || a.id.localeCompare(b.id));
    const outside = new Set(outsideCallersEditions(principal, rows).map((r) => r.id));
    for (const row of rows) {
      // Another edition's application is refused on its row (the guard only knew "reviewer in some edition").
      if (outside.has(row.id)) {
        result.push({ id: row.id, companyName: '', refusal: { code: ErrorCode.Forbidden } });
        continue;
      }
      try {
        const answer = await this.decide(principal, row.id, action, reason);
        result.push({ id: row.id, companyName: row.companyName, status: answer.status });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        result.push({ id: row.id, companyName: row.companyName, refusal: decisionRefusal(error) });
      }
    }
    for (const id of ids.filter((i) => !known.has(i))) result.push({ id, companyName: '', refusal: { code: ErrorCode.NotFound } });
    return result;
  }

  /** The company names of some applications (a bulk result shown after its redirect). */
  async companyNames(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.applications.findByIds(this.dataSource.manager, ids);
    return new Map(rows.map((r) => [r.id, r.companyName]));
  }

  private filtered(query: ApplicationListQuery, viewer: ReviewerAccess): SelectQueryBuilder<ExhibitorApplication> {
    const qb = this.dataSource.getRepository(ExhibitorApplication).createQueryBuilder('a')
      .innerJoin('fair_editions', 'e', 'e.id = a.edition_id')
      .innerJoin('fair_series', 's', 's.id = e.series_id')
      // Drafts are the exhibitor's business until submitted.
      .where(`a.status <> 'draft'`);
    const mine = editionsWhere(viewer, ['reviewer']);
    if (mine !== 'all') qb.andWhere('a.edition_id = ANY(:mine)', { mine: [...mine] });
    if (query.edition) qb.andWhere('e.code = :edition', { edition: query.edition });
    if (query.fair) qb.andWhere('s.code = :fair', { fair: query.fair });
    if (query.status?.length) qb.andWhere('a.status = ANY(:status)', { status: query.status });
    if (query.hall) qb.andWhere('a.hall_id IN (SELECT id FROM venue_spaces WHERE code = :hall)', { hall: query.hall });
    if (query.category) qb.andWhere(':category = ANY(a.product_categories)', { category: query.category });
    if (query.country) qb.andWhere('a.company_country = :country', { country: query.country });
    if (query.q) qb.andWhere(`a.company_name ILIKE :q ESCAPE '\\'`, { q: `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return qb;
  }
}

/** The applications whose edition the caller holds no reviewer (or admin) role for. */
function outsideCallersEditions(principal: Principal, rows: ExhibitorApplication[]): ExhibitorApplication[] {
  const editions = editionsWhere({ orgAdmin: principal.orgAdmin, grants: principal.staffGrants }, ['reviewer']);
  return editions === 'all' ? [] : rows.filter((r) => !editions.has(r.editionId));
}
