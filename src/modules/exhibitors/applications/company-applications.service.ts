import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { PgError, pgCode, pgConstraint } from '../../../core/database/postgres-errors';
import { TransactionRunner, type TransactionContext } from '../../../core/database/transaction-runner';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { assertEditionOpen } from '../../fairs/domain/edition-guards';
import type { FairEdition } from '../../fairs/entities/fair-edition.entity';
import { FairsService } from '../../fairs/fairs.service';
import { categoriesOfSeries } from '../../fairs/product-categories';
import { ApplicationViews } from './application-views';
import { ApplicationWorkflow } from './application-workflow.service';
import { CompaniesRepository } from '../companies/companies.repository';
import { CompaniesService } from '../companies/companies.service';
import type { ApplicationFormDto, ApplicationResponse, CreateApplicationDto, StatusChangeResponse } from '../dto/application.dto';
import type { ExhibitorApplication } from '../entities/exhibitor-application.entity';
import { ExhibitorApplicationsRepository } from './exhibitor-applications.repository';
import { storedIdentifier } from '../domain/company-identifier';
import type { Company } from '../entities/company.entity';

/**
 * An exhibitor's own applications. Every method resolves the caller's company first and
 * answers 404 for an application of any other company: ids of others are not even confirmed.
 */
@Injectable()
export class CompanyApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly companies: CompaniesService,
    private readonly companyRows: CompaniesRepository,
    private readonly applications: ExhibitorApplicationsRepository,
    private readonly workflow: ApplicationWorkflow,
    private readonly views: ApplicationViews,
    private readonly fairs: FairsService,
  ) {}

  async list(principal: Principal): Promise<ApplicationResponse[]> {
    const companyId = await this.companies.companyIdOf(principal);
    const rows = await this.applications.listOfCompany(this.dataSource.manager, companyId);
    return this.views.toResponses(this.dataSource.manager, rows, 'exhibitor');
  }

  async get(principal: Principal, id: string): Promise<ApplicationResponse> {
    const application = await this.own(principal, id);
    return this.views.toResponse(this.dataSource.manager, application, 'exhibitor');
  }

  async history(principal: Principal, id: string): Promise<StatusChangeResponse[]> {
    const application = await this.own(principal, id);
    const rows = await this.applications.history(this.dataSource.manager, application.id);
    return rows.map((r) => ({ from: r.fromStatus, to: r.toStatus, action: r.action, actorRole: r.actorRole, actorName: r.actorName, reason: r.reason, at: r.at.toISOString() }));
  }

  /** A new application of the caller's company: a draft, or submitted at once when asked. */
  async create(principal: Principal, dto: CreateApplicationDto): Promise<ApplicationResponse> {
    const companyId = await this.companies.companyIdOf(principal);
    const edition = await this.fairs.getPublicEdition(dto.edition);
    assertEditionOpen(edition, 'Exhibitor registration');
    try {
      return await this.transactions.run(async (tx) => {
        const company = await this.companyRows.findCompany(tx.manager, companyId);
        if (!company) throw new DomainError(ErrorCode.NotFound, 'No such company.');
        const existing = await this.applications.findIdByCompanyIdentifier(tx.manager, edition.id, identityOf(company), 'company');
        if (existing) throw duplicate(existing.id);
        const application = await this.applications.insert(tx.manager, {
          editionId: edition.id,
          companyId,
          status: 'draft',
          companyName: company.name,
          companyAlternateName: company.alternateName,
          businessRegistrationNumber: company.businessRegistrationNumber,
          companyIdentifierKind: company.identifierKind,
          companyIdentifier: company.identifier,
          companyCountry: company.country,
          companyAddress: company.address,
          companyWebsite: company.website,
          locale: company.locale,
          ...(await this.formFields(tx, edition, dto)),
        });
        await this.applications.recordChange(tx.manager, {
          applicationId: application.id, fromStatus: null, toStatus: 'draft', action: 'create', actorAccountId: principal.accountId, actorRole: 'exhibitor', reason: null,
        });
        if (dto.submit) await this.submitLocked(tx, application, principal, edition);
        return this.views.toResponse(tx.manager, application, 'exhibitor');
      });
    } catch (error) {
      const constraint = pgConstraint(error);
      if (pgCode(error) === PgError.UniqueViolation && (constraint === 'exhibitor_applications_edition_brn_key' || constraint === 'exhibitor_applications_edition_identifier_key')) {
        const company = await this.companyRows.findCompany(this.dataSource.manager, companyId);
        const existing = company ? await this.applications.findIdByCompanyIdentifier(this.dataSource.manager, edition.id, identityOf(company), 'company') : null;
        throw duplicate(existing?.id);
      }
      throw error;
    }
  }

  /** Changes the form while the application is a draft or sent back for changes. */
  async update(principal: Principal, id: string, dto: ApplicationFormDto): Promise<ApplicationResponse> {
    await this.own(principal, id);
    return this.transactions.run(async (tx) => {
      const application = await this.lockOwn(tx, id);
      if (application.status !== 'draft' && application.status !== 'changes_requested') {
        throw new DomainError(ErrorCode.IllegalTransition, `An application that is ${application.status} can no longer be edited.`, { status: application.status });
      }
      const edition = await this.fairs.getEditionById(application.editionId);
      const fields = await this.formFields(tx, edition, dto);
      await this.applications.update(tx.manager, id, fields);
      Object.assign(application, fields);
      return this.views.toResponse(tx.manager, application, 'exhibitor');
    });
  }

  async submit(principal: Principal, id: string): Promise<ApplicationResponse> {
    await this.own(principal, id);
    return this.transactions.run(async (tx) => {
      const application = await this.lockOwn(tx, id);
      await this.submitLocked(tx, application, principal, await this.fairs.getEditionById(application.editionId));
      return this.views.toResponse(tx.manager, application, 'exhibitor');
    });
  }

  /** Withdraws before the deadline; an approved application gives its booths back to the waitlist. */
  async cancel(principal: Principal, id: string, reason: string | null): Promise<ApplicationResponse> {
    await this.own(principal, id);
    return this.transactions.run(async (tx) => {
      const application = await this.lockOwn(tx, id);
      const edition = await this.fairs.getEditionById(application.editionId);
      await this.workflow.assertBeforeDeadline(tx.manager, edition, 'cancel');
      await this.workflow.apply(tx, application, 'cancel', { role: 'exhibitor', accountId: principal.accountId }, reason);
      return this.views.toResponse(tx.manager, application, 'exhibitor');
    });
  }

  /** The application if it belongs to the caller's company; 404 otherwise. */
  async own(principal: Principal, id: string): Promise<ExhibitorApplication> {
    const companyId = await this.companies.companyIdOf(principal);
    const application = await this.applications.findById(this.dataSource.manager, id);
    if (!application || application.companyId !== companyId) throw notFound();
    return application;
  }

  private async lockOwn(tx: TransactionContext, id: string): Promise<ExhibitorApplication> {
    const application = await this.applications.lockById(tx.manager, id);
    if (!application) throw notFound();
    return application;
  }

  private async submitLocked(tx: TransactionContext, application: ExhibitorApplication, principal: Principal, edition: FairEdition): Promise<void> {
    await this.workflow.submit(tx, application, edition, { role: 'exhibitor', accountId: principal.accountId });
  }

  /** Checks the form against the edition (its fair's categories, its halls) and maps it to columns. */
  private async formFields(tx: TransactionContext, edition: FairEdition, dto: ApplicationFormDto): Promise<Partial<ExhibitorApplication>> {
    const allowed = new Set(categoriesOfSeries(edition.series?.code ?? '').map((c) => c.code));
    const foreign = dto.productCategories.filter((c) => !allowed.has(c));
    const halls = await this.applications.listHalls(tx.manager, edition.id);
    const hall = halls.find((h) => h.code === dto.hall);
    const errors = [
      ...(foreign.length > 0 ? [{ field: 'productCategories', messages: [`not categories of this fair: ${foreign.join(', ')}; choose from ${[...allowed].join(', ')}`] }] : []),
      ...(!hall ? [{ field: 'hall', messages: [`hall must be one of ${halls.map((h) => h.code).join(', ') || '(no halls open yet)'}`] }] : []),
    ];
    if (errors.length > 0) throw DomainError.validation(errors);
    return {
      contactName: dto.contact.name,
      contactEmail: dto.contact.email,
      contactPhone: dto.contact.phone,
      boothType: dto.booth.type,
      boothCount: dto.booth.count,
      hallId: hall?.spaceId ?? null,
      preferredBoothKind: dto.preferredBoothKind ?? null,
      productCategories: dto.productCategories,
      notes: dto.notes || null,
    };
  }
}

function notFound(): DomainError {
  return new DomainError(ErrorCode.NotFound, 'No such application.');
}

function duplicate(existingApplicationId: string | undefined): DomainError {
  return new DomainError(ErrorCode.DuplicateApplication, 'Your company has already applied for this edition.', { existingApplicationId });
}

/** The company's identity, as its applications are keyed. */
function identityOf(company: Company): { country: string; kind: Company['identifierKind']; identifier: string } {
  return { country: company.country, kind: company.identifierKind, identifier: storedIdentifier(company) };
}
