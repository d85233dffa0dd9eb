import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { PgError, pgCode, pgConstraint } from '../../../core/database/postgres-errors';
import { OutboxService } from '../../../core/outbox/outbox.service';
import { WebhookEvents } from '../../../core/webhooks/webhook-events';
import { assertEditionOpen } from '../../fairs/domain/edition-guards';
import { editionName } from '../../fairs/domain/edition-name';
import { FairsService } from '../../fairs/fairs.service';
import { categoriesOfSeries } from '../../fairs/product-categories';
import { formatCompanyIdentifier, type CompanyIdentifierKind } from '../domain/company-identifier';
import { requireCompanyIdentity } from '../companies/companies.service';
import { companyNameFor } from '../domain/company-name';
import { type ExhibitorApplicationResponse } from '../dto/exhibitor-application.response';
import type { RegisterExhibitorDto } from '../dto/register-exhibitor.dto';
import { ApplicationWorkflow } from './application-workflow.service';
import { ExhibitorApplicationsRepository } from './exhibitor-applications.repository';
import { applicationSubmittedMail, type ApplicationSubmittedParams } from '../mail/application-submitted.mail';
import { applicationSubmittedEvent, applicationWebhookData } from '../webhook-events';

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
    private readonly workflow: ApplicationWorkflow,
    private readonly webhooks: WebhookEvents,
  ) {}

  /**
   * Stores an application, its history and its confirmation email in one statement. Answers 409 with the
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

    const fields = {
      id: randomUUID(),
      editionId: edition.id,
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
    };
    // The same status path as the account route (deadline, fee, state machine, history), decided
    // before the write so that the write is one statement: the hot path of the hour registration opens.
    const submitted = await this.workflow.submittedOnCreation(this.dataSource.manager, edition, fields);
    const params: ApplicationSubmittedParams = {
      applicationId: fields.id,
      companyName: companyNameFor(locale, { name: fields.companyName, alternateName: fields.companyAlternateName }),
      contactName: fields.contactName,
      businessRegistrationNumber: formatCompanyIdentifier(identity.kind, identity.identifier),
      editionNameKo: editionName(edition, 'ko'),
      editionNameEn: editionName(edition, 'en'),
      startsOn: edition.startsOn,
      endsOn: edition.endsOn,
      boothType: fields.boothType,
      boothCount: fields.boothCount,
      productCategories: fields.productCategories,
    };
    const mail = this.outbox.message(applicationSubmittedMail, { recipient: fields.contactEmail, locale, params, scopeId: edition.id });
    const application = { ...fields, ...submitted };
    // The application.submitted webhook in the same statement (its parameters from the 30th on).
    const hook = this.webhooks.emissionCtes(applicationSubmittedEvent, { scope: { id: edition.id, code: edition.code }, data: applicationWebhookData({ ...application, companyId: null, hallId: null, decidedAt: null }) }, 'application', 30);
    try {
      // No duplicate pre-check: the unique index refuses it, and the catch below names the existing id.
      const { createdAt, webhookDeliveries } = await this.applications.insertSubmittedAnonymous(this.dataSource.manager, application, mail, hook);
      this.outbox.written();
      this.webhooks.written(webhookDeliveries);
      return {
        id: fields.id, edition: edition.code, status: submitted.status, companyName: fields.companyName, businessRegistrationNumber: fields.businessRegistrationNumber,
        companyIdentifierKind: identity.kind, companyIdentifier: identity.identifier, createdAt: createdAt.toISOString(),
      };
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
