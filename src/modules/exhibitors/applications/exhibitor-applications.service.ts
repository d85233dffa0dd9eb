import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { TransactionRunner } from '../../../core/database/transaction-runner';
import { PgError, pgCode, pgConstraint } from '../../../core/database/postgres-errors';
import { OutboxService } from '../../../core/outbox/outbox.service';
import { assertEditionOpen } from '../../fairs/domain/edition-guards';
import { editionName } from '../../fairs/domain/edition-name';
import { FairsService } from '../../fairs/fairs.service';
import { categoriesOfSeries } from '../../fairs/product-categories';
import { formatCompanyIdentifier, type CompanyIdentifierKind } from '../domain/company-identifier';
import { requireCompanyIdentity } from '../companies/companies.service';
import { companyNameFor } from '../domain/company-name';
import { toExhibitorApplicationResponse, type ExhibitorApplicationResponse } from '../dto/exhibitor-application.response';
import type { RegisterExhibitorDto } from '../dto/register-exhibitor.dto';
import { ApplicationWorkflow } from './application-workflow.service';
import { ExhibitorApplicationsRepository } from './exhibitor-applications.repository';
import { applicationSubmittedMail, type ApplicationSubmittedParams } from '../mail/application-submitted.mail';

export interface RegistrationRequest {
  editionCode: string;
  body: RegisterExhibitorDto;
  acceptLanguage?: string;
}

/** Anonymous applications are unique per edition and company identifier among themselves only. */
const UNIQUE_PER_EDITION = ['exhibitor_applications_edition_brn_anonymous_key', 'exhibitor_applications_edition_identifier_anonymous_key'];

@Injectable()
export class ExhibitorApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fairs: FairsService,
    private readonly applications: ExhibitorApplicationsRepository,
    private readonly outbox: OutboxService,
    private readonly transactions: TransactionRunner,
    private readonly workflow: ApplicationWorkflow,
  ) {}

  /**
   * Stores an application and its confirmation email in one transaction. Answers 409 with the
   * existing id when the business number already applied for this edition through this form — also
   * when two such requests race (the unique index decides). A company's own application (account
   * route) neither blocks nor is blocked by it: anyone can send this form with any number.
   */
  async register(request: RegistrationRequest): Promise<ExhibitorApplicationResponse> {
    const { body } = request;
    const edition = await this.fairs.getPublicEdition(request.editionCode);
    assertEditionOpen(edition, 'Exhibitor registration');
    const seriesCode = edition.series?.code ?? '';
    const allowed = new Set(categoriesOfSeries(seriesCode).map((c) => c.code));
    const foreign = body.productCategories.filter((c) => !allowed.has(c));
    if (foreign.length > 0) {
      throw DomainError.validation([
        { field: 'productCategories', messages: [`not categories of this fair: ${foreign.join(', ')}; choose from ${[...allowed].join(', ')}`] },
      ]);
    }
    const identity = requireCompanyIdentity(body.company);
    const locale = body.language ?? (/^ko\b/i.test(request.acceptLanguage ?? '') ? 'ko' : 'en');

    try {
      return await this.transactions.run(
        async (tx) => {
          // No duplicate pre-check: the unique index refuses it, and the catch below names the existing id.
          const application = await this.applications.insert(tx.manager, {
            editionId: edition.id,
            status: 'draft',
            companyName: body.company.name,
            companyAlternateName: body.company.alternateName ?? null,
            businessRegistrationNumber: identity.businessRegistrationNumber,
            companyIdentifierKind: identity.kind,
            companyIdentifier: identity.kind === 'kr-brn' ? null : identity.identifier,
            companyCountry: body.company.country,
            companyAddress: body.company.address,
            companyWebsite: body.company.website ?? null,
            contactName: body.contact.name,
            contactEmail: body.contact.email,
            contactPhone: body.contact.phone,
            boothType: body.booth.type,
            boothCount: body.booth.count,
            productCategories: body.productCategories,
            locale,
          });
          await this.applications.recordChange(tx.manager, {
            applicationId: application.id, fromStatus: null, toStatus: 'draft', action: 'create', actorAccountId: null, actorRole: 'anonymous', reason: null,
          });
          // The same status path as the account route: deadline, fee, state machine, history. Its own email follows.
          await this.workflow.submit(tx, application, edition, { role: 'anonymous', accountId: null }, { notify: false });
          const params: ApplicationSubmittedParams = {
            applicationId: application.id,
            companyName: companyNameFor(locale, { name: application.companyName, alternateName: application.companyAlternateName }),
            contactName: application.contactName,
            businessRegistrationNumber: formatCompanyIdentifier(identity.kind, identity.identifier),
            editionNameKo: editionName(edition, 'ko'),
            editionNameEn: editionName(edition, 'en'),
            startsOn: edition.startsOn,
            endsOn: edition.endsOn,
            boothType: application.boothType,
            boothCount: application.boothCount,
            productCategories: application.productCategories,
          };
          await this.outbox.send(tx, applicationSubmittedMail, { recipient: application.contactEmail, locale, params });
          return toExhibitorApplicationResponse(application, edition.code);
        },
      );
    } catch (error) {
      if (pgCode(error) === PgError.UniqueViolation && UNIQUE_PER_EDITION.includes(pgConstraint(error) ?? '')) {
        await this.refuseDuplicate(this.dataSource.manager, edition.id, { country: body.company.country, kind: identity.kind, identifier: identity.identifier });
      }
      throw error;
    }
  }

  private async refuseDuplicate(
    manager: DataSource['manager'], editionId: string, company: { country: string; kind: CompanyIdentifierKind; identifier: string },
  ): Promise<void> {
    const existing = await this.applications.findIdByCompanyIdentifier(manager, editionId, company, 'anonymous');
    if (existing) {
      const what = company.kind === 'kr-brn' ? 'business registration number' : 'company identifier';
      throw new DomainError(ErrorCode.DuplicateApplication, `This ${what} has already applied for this edition.`, {
        existingApplicationId: existing.id,
      });
    }
  }
}
