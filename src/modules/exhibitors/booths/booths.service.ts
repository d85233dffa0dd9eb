import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { AppConfig } from '../../../core/config/app-config';
import { PgError, pgCode } from '../../../core/database/postgres-errors';
import { TransactionRunner, type TransactionContext } from '../../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { OutboxService } from '../../../core/outbox/outbox.service';
import { FairsService } from '../../fairs/fairs.service';
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

  /** Sets the deadline, tariff and hall capacities; a capacity below what is already approved is refused. */
  async setTerms(editionCode: string, dto: ExhibitionTermsDto): Promise<ExhibitionResponse> {
    const edition = await this.fairs.getEdition(editionCode);
    const spaces: Array<{ id: string; code: string }> = await this.dataSource.query(
      `SELECT id, code FROM venue_spaces WHERE venue_id = $1 AND kind = 'exhibition_hall'`, [edition.venueId],
    );
    const unknown = (dto.halls ?? []).filter((h) => !spaces.some((s) => s.code === h.hall));
    if (unknown.length > 0) {
      throw DomainError.validation([{ field: 'halls', messages: [`not exhibition halls of the venue: ${unknown.map((h) => h.hall).join(', ')}`] }]);
    }
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
        });
        for (const hall of dto.halls ?? []) {
          const spaceId = spaces.find((s) => s.code === hall.hall)?.id ?? '';
          await this.applications.upsertHall(tx.manager, { editionId: edition.id, spaceId, boothCapacity: hall.boothCapacity });
          // Room made by a larger capacity goes to the waitlist at once.
          await this.workflow.promoteWaitlist(tx, edition.id, spaceId);
        }
      });
    } catch (error) {
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
      await this.applications.releaseBooths(tx.manager, application.id);
      await this.insertAssignment(tx, application, booths.map((b) => b.id), principal.accountId);
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
        if (application) await this.insertAssignment(tx, application, allocation.boothIds, principal.accountId);
      }
      return {
        assigned: allocations.map((a) => ({ applicationId: a.applicationId, booths: a.boothCodes })),
        unassigned: unallocated.map((u) => ({ applicationId: u.applicationId, reason: u.reason })),
      };
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
