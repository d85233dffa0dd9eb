import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { AuditTrail, changedFields } from '../../../core/audit/audit-trail';
import { AppConfig } from '../../../core/config/app-config';
import { PgError, pgCode, pgConstraint } from '../../../core/database/postgres-errors';
import { TransactionRunner, type TransactionContext } from '../../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { OutboxService } from '../../../core/outbox/outbox.service';
import { editionNameOrCode } from '../../fairs/domain/edition-name';
import { editionHallHolder } from '../../fairs/domain/holder-labels';
import { FairsService } from '../../fairs/fairs.service';
import { SpaceHoldingsService } from '../../venue/space-holdings.service';
import { ApplicationViews } from '../applications/application-views';
import { ApplicationWorkflow } from '../applications/application-workflow.service';
import { BoothsRepository } from './booths.repository';
import { allocateBooths } from '../domain/booth-allocation';
import { generateBoothPlan } from '../domain/booth-plan';
import type { ApplicationResponse } from '../dto/application.dto';
import type { AutoAssignResponse, BoothResponse, ExhibitionResponse, ExhibitionTermsDto, GenerateBoothPlanDto } from '../dto/booth.dto';
import type { ExhibitorApplication } from '../entities/exhibitor-application.entity';
import { ExhibitorApplicationsRepository } from '../applications/exhibitor-applications.repository';
import { applicationMail } from '../mail/application-mail-head';
import { boothsAssignedMail } from '../mail/booths-assigned.mail';

export interface ConsoleHall {
  code: string;
  nameKo: string;
  nameEn: string;
  boothCapacity: number;
  boothsFree: number;
}

export interface BoothPlanData {
  edition: { code: string; nameKo: string; nameEn: string };
  halls: ConsoleHall[];
  booths: BoothResponse[];
  applications: Array<{ id: string; companyName: string; hall: string | null; boothCount: number; assignedUnits: number }>;
}

export interface AutoAssignPreview {
  /** The plan the preview was computed on: the commit is refused when it no longer matches. */
  version: string;
  assigned: Array<{ applicationId: string; companyName: string; hall: string; boothIds: string[]; booths: string[] }>;
  unassigned: Array<{ applicationId: string; companyName: string; unitsNeeded: number }>;
}

/** A short name for a plan state. */
export function planVersion(state: string): string {
  return createHash('sha256').update(state).digest('hex').slice(0, 20);
}

/** An edition's exhibition: terms and halls, booth plans, and who gets which booth. */
@Injectable()
export class BoothsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly fairs: FairsService,
    private readonly booths: BoothsRepository,
    private readonly applications: ExhibitorApplicationsRepository,
    private readonly workflow: ApplicationWorkflow,
    private readonly views: ApplicationViews,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly holdings: SpaceHoldingsService,
    private readonly audit: AuditTrail,
  ) {}

  /** What an exhibitor needs before applying: deadline, tariff, halls and the room left in each. */
  async exhibition(editionCode: string): Promise<ExhibitionResponse> {
    const edition = await this.fairs.getPublicEdition(editionCode);
    const [terms, halls] = await Promise.all([
      this.applications.findTerms(this.dataSource.manager, edition.id),
      this.applications.listHalls(this.dataSource.manager, edition.id),
    ]);
    const schedule = ApplicationWorkflow.feeSchedule(terms);
    return {
      edition: edition.code,
      registrationDeadline: terms?.registrationDeadline.toISOString() ?? null,
      earlyBirdUntil: schedule.earlyBirdUntil,
      priceRawSpaceKrw: schedule.pricePerBoothKrw.raw_space,
      priceShellSchemeKrw: schedule.pricePerBoothKrw.shell_scheme,
      cornerSurchargePct: schedule.cornerSurchargePct,
      islandSurchargePct: schedule.islandSurchargePct,
      earlyBirdDiscountPct: schedule.earlyBirdDiscountPct,
      vatPct: schedule.vatPct,
      halls: halls.map((h) => ({ code: h.code, nameKo: h.nameKo, nameEn: h.nameEn, boothCapacity: h.boothCapacity, boothsFree: h.boothCapacity - h.boothsTaken })),
    };
  }

  /**
   * Sets the deadline, tariff and hall capacities; a capacity below what is already approved, or
   * above the booths the space holds, is refused. Each hall is booked at the venue for the
   * edition's days with build-up and tear-down, in the same transaction: a hall another edition
   * holds then is a 409 naming it, so two editions never sell the same hall at the same time.
   */
  async setTerms(editionCode: string, dto: ExhibitionTermsDto): Promise<ExhibitionResponse> {
    const edition = await this.fairs.getEdition(editionCode);
    const spaces: Array<{ id: string; code: string; boothCapacity: number | null }> = await this.dataSource.query(
      `SELECT id, code, booth_capacity AS "boothCapacity" FROM venue_spaces WHERE venue_id = $1 AND kind = 'exhibition_hall'`, [edition.venueId],
    );
    const unknown = (dto.halls ?? []).filter((h) => !spaces.some((s) => s.code === h.hall));
    if (unknown.length > 0) {
      throw DomainError.validation([{ field: 'halls', messages: [`not exhibition halls of the venue: ${unknown.map((h) => h.hall).join(', ')}`] }]);
    }
    const tooBig = (dto.halls ?? []).flatMap((h, i) => {
      const space = spaces.find((s) => s.code === h.hall)!;
      return space.boothCapacity === null || h.boothCapacity > space.boothCapacity
        ? [{ field: `halls.${i}.boothCapacity`, messages: [`${h.hall} holds at most ${space.boothCapacity ?? 0} booth units, not ${h.boothCapacity}`] }]
        : [];
    });
    if (tooBig.length > 0) throw DomainError.validation(tooBig);
    try {
      await this.transactions.run(async (tx) => {
        await this.applications.saveTerms(tx.manager, {
          editionId: edition.id,
          registrationDeadline: new Date(dto.registrationDeadline),
          earlyBirdUntil: dto.earlyBirdUntil ?? null,
          priceRawSpaceKrw: dto.priceRawSpaceKrw,
          priceShellSchemeKrw: dto.priceShellSchemeKrw,
          cornerSurchargePct: dto.cornerSurchargePct,
          islandSurchargePct: dto.islandSurchargePct,
          earlyBirdDiscountPct: dto.earlyBirdDiscountPct,
          vatPct: dto.vatPct ?? 10,
          depositPct: dto.depositPct ?? 30,
          depositDueDays: dto.depositDueDays ?? 14,
          balanceDueOn: dto.balanceDueOn ?? null,
          refundCutoffOn: dto.refundCutoffOn ?? null,
          refundBeforePct: dto.refundBeforePct ?? 50,
          refundAfterPct: dto.refundAfterPct ?? 0,
        });
        for (const hall of dto.halls ?? []) {
          const spaceId = spaces.find((s) => s.code === hall.hall)?.id ?? '';
          await this.holdings.holdDays(tx.manager, {
            holder: editionHallHolder(edition, spaceId), spaceId, editionId: edition.id,
            firstDay: edition.startsOn, lastDay: edition.endsOn, daysBefore: edition.buildUpDays, daysAfter: edition.tearDownDays, by: null,
          });
          await this.applications.upsertHall(tx.manager, { editionId: edition.id, spaceId, boothCapacity: hall.boothCapacity });
          // Room made by a larger capacity goes to the waitlist at once.
          await this.workflow.promoteWaitlist(tx, edition.id, spaceId);
        }
      });
    } catch (error) {
      if (pgCode(error) === PgError.CheckViolation && pgConstraint(error) === 'edition_halls_within_space_capacity') {
        throw DomainError.validation([{ field: 'halls', messages: ['a hall capacity is above the booths its space holds'] }]);
      }
      if (pgCode(error) === PgError.CheckViolation) {
        throw DomainError.validation([{ field: 'halls', messages: ['a hall capacity is below the booths already approved there'] }]);
      }
      throw error;
    } finally {
      this.workflow.forgetTerms(edition.id);
    }
    return this.exhibition(edition.code);
  }

  async list(editionCode: string): Promise<BoothResponse[]> {
    const edition = await this.fairs.getEdition(editionCode);
    const rows = await this.booths.list(this.dataSource.manager, edition.id);
    return rows.map((b) => ({
      code: b.code, hall: b.hall, row: b.row, position: b.position, widthM: Number(b.widthM), depthM: Number(b.depthM), units: b.units,
      kind: b.kind, applicationId: b.applicationId, companyName: b.companyName,
    }));
  }

  /** Adds a standard grid of booths to a hall of the edition (existing codes are kept). */
  async generatePlan(editionCode: string, dto: GenerateBoothPlanDto): Promise<{ created: number }> {
    const edition = await this.fairs.getEdition(editionCode);
    const hall = (await this.applications.listHalls(this.dataSource.manager, edition.id)).find((h) => h.code === dto.hall);
    if (!hall) throw DomainError.validation([{ field: 'hall', messages: [`hall ${dto.hall} is not a hall of this edition: set its capacity first`] }]);
    let plan;
    try {
      plan = generateBoothPlan({ prefix: dto.prefix, rows: dto.rows, boothsPerRow: dto.boothsPerRow, islandRows: dto.islandRows });
    } catch (error) {
      if (error instanceof RangeError) throw DomainError.validation([{ field: 'rows', messages: [error.message] }]);
      throw error;
    }
    const created = await this.booths.insertPlan(this.dataSource.manager, edition.id, hall.spaceId, plan);
    return { created };
  }

  /** Gives the named booths to an approved application, replacing what it had. */
  async assign(principal: Principal, applicationId: string, codes: string[]): Promise<ApplicationResponse> {
    return this.transactions.run(async (tx) => {
      const application = await this.approvedLocked(tx, applicationId);
      await this.booths.lockEdition(tx.manager, application.editionId);
      const booths = await this.booths.byCodes(tx.manager, application.editionId, codes);
      const missing = codes.filter((c) => !booths.some((b) => b.code === c));
      const taken = booths.filter((b) => b.applicationId && b.applicationId !== application.id);
      const units = booths.reduce((sum, b) => sum + b.units, 0);
      const problems = [
        ...(missing.length ? [`no such booths in this edition: ${missing.join(', ')}`] : []),
        ...(booths.some((b) => b.hallId !== application.hallId) ? ['every booth must be in the application’s hall'] : []),
        ...(!missing.length && units !== application.boothCount ? [`the booths add up to ${units} units; the application asks for ${application.boothCount}`] : []),
      ];
      if (problems.length) throw DomainError.validation([{ field: 'booths', messages: problems }]);
      if (taken.length) {
        throw new DomainError(ErrorCode.Conflict, `Already assigned to another exhibitor: ${taken.map((b) => b.code).join(', ')}.`, { booths: taken.map((b) => b.code) });
      }
      const before = await this.boothCodes(tx.manager, application.id);
      await this.applications.releaseBooths(tx.manager, application.id);
      await this.insertAssignment(tx, application, booths.map((b) => b.id), principal.accountId);
      await this.recordBooths(tx, principal, application, 'booth.assign', before);
      return this.views.toResponse(tx.manager, application, 'organizer');
    });
  }

  /**
   * Lets Fairgate choose: approved applications without booths (or just the one named) get
   * booths by preference and size, first approved first served.
   */
  async autoAssign(principal: Principal, editionCode: string, onlyApplicationId?: string): Promise<AutoAssignResponse> {
    const edition = await this.fairs.getEdition(editionCode);
    return this.transactions.run(async (tx) => {
      await this.booths.lockEdition(tx.manager, edition.id);
      const pending = (await this.booths.unassignedApproved(tx.manager, edition.id)).filter((a) => !onlyApplicationId || a.id === onlyApplicationId);
      if (onlyApplicationId && pending.length === 0) {
        throw new DomainError(ErrorCode.Conflict, 'The application is not approved, or already has booths.');
      }
      const { allocations, unallocated } = allocateBooths(
        pending.map((a) => ({ applicationId: a.id, unitsNeeded: a.boothCount, preferredHallId: a.hallId, preferredKind: a.preferredBoothKind, queuedAt: a.decidedAt })),
        (await this.booths.free(tx.manager, edition.id)).filter((b) => pending.some((a) => a.hallId === b.hallId)),
      );
      for (const allocation of allocations) {
        const application = await this.applications.lockById(tx.manager, allocation.applicationId);
        if (!application) continue;
        await this.insertAssignment(tx, application, allocation.boothIds, principal.accountId);
        await this.recordBooths(tx, principal, application, 'booth.auto-assign', []);
      }
      return {
        assigned: allocations.map((a) => ({ applicationId: a.applicationId, booths: a.boothCodes })),
        unassigned: unallocated.map((u) => ({ applicationId: u.applicationId, reason: u.reason })),
      };
    });
  }

  /** The edition's halls with their names and the room left (organizers' pages: drafts included). */
  async hallsOf(editionCode: string): Promise<ConsoleHall[]> {
    const edition = await this.fairs.getEdition(editionCode);
    const halls = await this.applications.listHalls(this.dataSource.manager, edition.id);
    return halls.map((h) => ({ code: h.code, nameKo: h.nameKo, nameEn: h.nameEn, boothCapacity: h.boothCapacity, boothsFree: h.boothCapacity - h.boothsTaken }));
  }

  /** What the booth plan page draws: the halls, every booth with its owner, the approved applications and what each still needs. */
  async planOf(editionCode: string): Promise<BoothPlanData> {
    const edition = await this.fairs.getEdition(editionCode);
    const m = this.dataSource.manager;
    const [halls, booths, approved] = [await this.applications.listHalls(m, edition.id), await this.booths.list(m, edition.id), await this.booths.approvedWithUnits(m, edition.id)];
    const hallCode = new Map(halls.map((h) => [h.spaceId, h.code]));
    return {
      edition: { code: edition.code, nameKo: editionNameOrCode(edition, 'ko'), nameEn: editionNameOrCode(edition, 'en') },
      halls: halls.map((h) => ({ code: h.code, nameKo: h.nameKo, nameEn: h.nameEn, boothCapacity: h.boothCapacity, boothsFree: h.boothCapacity - h.boothsTaken })),
      booths: booths.map((b) => ({
        code: b.code, hall: b.hall, row: b.row, position: b.position, widthM: Number(b.widthM), depthM: Number(b.depthM), units: b.units, kind: b.kind,
        applicationId: b.applicationId, companyName: b.companyName,
      })),
      applications: approved.map((a) => ({ id: a.id, companyName: a.companyName, hall: a.hallId ? (hallCode.get(a.hallId) ?? null) : null, boothCount: a.boothCount, assignedUnits: a.assignedUnits })),
    };
  }

  /**
   * Gives one booth to an approved application, booth by booth: the booth must be free and in the
   * application's hall, and the units may not exceed what it asked for. The booth that completes
   * the application refreshes its fee and mails the company its booths (as assign does).
   */
  async assignBooth(principal: Principal, editionCode: string, boothCode: string, applicationId: string): Promise<{ companyName: string; complete: boolean }> {
    const edition = await this.fairs.getEdition(editionCode);
    return this.transactions.run(async (tx) => {
      await this.booths.lockEdition(tx.manager, edition.id);
      const application = await this.approvedLocked(tx, applicationId);
      if (application.editionId !== edition.id) throw new DomainError(ErrorCode.NotFound, 'No such application in this edition.');
      const [booth] = await this.booths.byCodes(tx.manager, edition.id, [boothCode]);
      if (!booth) throw new DomainError(ErrorCode.NotFound, `No booth ${boothCode} in this edition.`);
      if (booth.applicationId) throw new DomainError(ErrorCode.Conflict, `Booth ${boothCode} is already assigned.`, { reason: 'taken' });
      if (booth.hallId !== application.hallId) throw DomainError.validation([{ field: 'hall', messages: ['every booth must be in the application’s hall'] }]);
      const held = (await this.applications.assignedBooths(tx.manager, [application.id])).reduce((sum, b) => sum + b.units, 0);
      if (held + booth.units > application.boothCount) {
        throw DomainError.validation([{ field: 'units', messages: [`the application asks for ${application.boothCount} units and holds ${held}`] }]);
      }
      const complete = held + booth.units === application.boothCount;
      const before = await this.boothCodes(tx.manager, application.id);
      if (complete) {
        await this.insertAssignment(tx, application, [booth.id], principal.accountId);
      } else {
        try {
          await tx.manager.transaction((inner) => this.booths.assign(inner, application.id, [booth.id], principal.accountId));
        } catch (error) {
          if (pgCode(error) === PgError.UniqueViolation) throw new DomainError(ErrorCode.Conflict, 'The booth was just assigned to someone else.', { reason: 'taken' });
          throw error;
        }
      }
      await this.recordBooths(tx, principal, application, 'booth.assign', before);
      return { companyName: application.companyName, complete };
    });
  }

  /** Takes one booth back from its application; the fee goes back to the estimate without booth positions. */
  async releaseBooth(principal: Principal, editionCode: string, boothCode: string): Promise<{ companyName: string }> {
    const edition = await this.fairs.getEdition(editionCode);
    return this.transactions.run(async (tx) => {
      await this.booths.lockEdition(tx.manager, edition.id);
      const [booth] = await this.booths.byCodes(tx.manager, edition.id, [boothCode]);
      if (!booth) throw new DomainError(ErrorCode.NotFound, `No booth ${boothCode} in this edition.`);
      if (!booth.applicationId) throw new DomainError(ErrorCode.Conflict, `Booth ${boothCode} is free.`, { reason: 'free' });
      const application = await this.applications.lockById(tx.manager, booth.applicationId);
      const before = await this.boothCodes(tx.manager, booth.applicationId);
      await this.booths.releaseBooth(tx.manager, booth.id);
      if (application) {
        await this.workflow.refreshFee(tx.manager, application, []);
        await this.recordBooths(tx, principal, application, 'booth.release', before);
      }
      return { companyName: application?.companyName ?? '' };
    });
  }

  /** What the automatic assignment would do now, changing nothing; `version` names the plan it was computed on. */
  async previewAutoAssign(editionCode: string): Promise<AutoAssignPreview> {
    const edition = await this.fairs.getEdition(editionCode);
    const m = this.dataSource.manager;
    const version = planVersion(await this.booths.planState(m, edition.id));
    const plan = await this.autoPlan(m, edition.id);
    return { version, ...plan };
  }

  /** Commits the automatic assignment previewed on `version`; refused (409, reason plan_changed) when the plan has changed since. */
  async commitAutoAssign(principal: Principal, editionCode: string, version: string): Promise<AutoAssignPreview> {
    const edition = await this.fairs.getEdition(editionCode);
    return this.transactions.run(async (tx) => {
      await this.booths.lockEdition(tx.manager, edition.id);
      const now = planVersion(await this.booths.planState(tx.manager, edition.id));
      if (now !== version) throw new DomainError(ErrorCode.Conflict, 'The booth plan has changed since the preview.', { reason: 'plan_changed' });
      const plan = await this.autoPlan(tx.manager, edition.id);
      for (const a of plan.assigned) {
        const application = await this.applications.lockById(tx.manager, a.applicationId);
        if (!application) continue;
        await this.insertAssignment(tx, application, a.boothIds, principal.accountId);
        await this.recordBooths(tx, principal, application, 'booth.auto-assign', []);
      }
      return { version: now, ...plan };
    });
  }

  /** The allocation autoAssign makes, as a plan with company and hall names. */
  private async autoPlan(manager: EntityManager, editionId: string): Promise<Omit<AutoAssignPreview, 'version'>> {
    const pending = await this.booths.unassignedApproved(manager, editionId);
    const free = (await this.booths.free(manager, editionId)).filter((b) => pending.some((a) => a.hallId === b.hallId));
    const { allocations, unallocated } = allocateBooths(
      pending.map((a) => ({ applicationId: a.id, unitsNeeded: a.boothCount, preferredHallId: a.hallId, preferredKind: a.preferredBoothKind, queuedAt: a.decidedAt })),
      free,
    );
    const names = new Map((await this.booths.approvedWithUnits(manager, editionId)).map((a) => [a.id, a.companyName]));
    const halls = new Map((await this.applications.listHalls(manager, editionId)).map((h) => [h.spaceId, h.code]));
    return {
      assigned: allocations.map((a) => ({ applicationId: a.applicationId, companyName: names.get(a.applicationId) ?? '', hall: halls.get(a.hallId) ?? '', boothIds: a.boothIds, booths: a.boothCodes })),
      unassigned: unallocated.map((u) => ({
        applicationId: u.applicationId, companyName: names.get(u.applicationId) ?? '', unitsNeeded: pending.find((p) => p.id === u.applicationId)?.boothCount ?? 0,
      })),
    };
  }

  private async boothCodes(manager: EntityManager, applicationId: string): Promise<string[]> {
    return (await this.applications.assignedBooths(manager, [applicationId])).map((b) => b.code);
  }

  /** The audit entry of a change to an application's booths: the codes it held before → now. */
  private async recordBooths(tx: TransactionContext, principal: Principal, application: ExhibitorApplication, action: string, before: string[]): Promise<void> {
    const after = await this.boothCodes(tx.manager, application.id);
    await this.audit.record(tx.manager, {
      actor: { accountId: principal.accountId, email: principal.email }, scopeId: application.editionId, action,
      subjectType: 'application', subjectId: application.id, ...changedFields({ booths: before }, { booths: after }),
    });
  }

  private async approvedLocked(tx: TransactionContext, id: string): Promise<ExhibitorApplication> {
    const application = await this.applications.lockById(tx.manager, id);
    if (!application) throw new DomainError(ErrorCode.NotFound, 'No such application.');
    if (application.status !== 'approved') {
      throw new DomainError(ErrorCode.IllegalTransition, `Booths go to approved applications; this one is ${application.status}.`, { status: application.status });
    }
    return application;
  }

  /** Stores the assignment (the booth key refuses a second owner), refreshes the fee, mails the company. */
  private async insertAssignment(tx: TransactionContext, application: ExhibitorApplication, boothIds: string[], accountId: string): Promise<void> {
    try {
      await tx.manager.transaction((inner) => this.booths.assign(inner, application.id, boothIds, accountId));
    } catch (error) {
      if (pgCode(error) === PgError.UniqueViolation) throw new DomainError(ErrorCode.Conflict, 'A booth was just assigned to someone else: reload and choose again.');
      throw error;
    }
    const booths = await this.applications.assignedBooths(tx.manager, [application.id]);
    await this.workflow.refreshFee(tx.manager, application, booths);
    const edition = await this.fairs.getEditionById(application.editionId);
    const [hall] = await this.applications.spaceCodes(tx.manager, application.hallId ? [application.hallId] : []);
    const { recipient, locale, head } = applicationMail(application, edition, this.config.publicUrl);
    await this.outbox.send(tx, boothsAssignedMail, {
      recipient,
      locale,
      scopeId: application.editionId,
      params: {
        ...head,
        hallNameKo: hall?.nameKo ?? '',
        hallNameEn: hall?.nameEn ?? '',
        booths: booths.map((b) => ({ code: b.code, kind: b.kind, units: b.units })),
        fee: { lines: application.feeLines ?? [], netKrw: application.feeNetKrw ?? 0, vatKrw: application.feeVatKrw ?? 0, totalKrw: application.feeTotalKrw ?? 0 },
      },
    });
  }
}
