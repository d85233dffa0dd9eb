import { ParseUUIDPipe } from '@nestjs/common';
import type { AuthenticatedRequest, Principal } from '../../../core/auth/principal';
import type { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import type { Lang } from '../../../core/web/i18n';
import type { FairsService } from '../../fairs/fairs.service';
import { categoriesOfSeries } from '../../fairs/product-categories';
import type { CompanyApplicationsService } from '../applications/company-applications.service';
import type { BoothsService } from '../booths/booths.service';
import type { CompaniesService } from '../companies/companies.service';
import { pageContext, withLang } from './exhibitor-pages.context';
import { mapFieldErrors, type ApplicationField, type ApplicationValues, type FieldErrors } from './exhibitor-pages.forms';
import {
  PAGES, renderApplicationPage, renderNewApplicationPage, type ApplicationFormModel, type ApplicationPageModel, type Notice, type PageContext,
} from './exhibitor-pages.view';
import type { ExhibitorMessageKey, ExhibitorT } from './messages';

/** An application id in a page URL. */
export const uuid = new ParseUUIDPipe({ version: '4' });

/** The edition's name in the page's language. */
export function editionName(edition: { year: number; series?: { nameKo: string; nameEn: string } }, lang: Lang): string {
  return `${(lang === 'ko' ? edition.series?.nameKo : edition.series?.nameEn) ?? ''} ${edition.year}`.trim();
}

/**
 * What the exhibitor page controllers share: the services, the page context, and the application
 * pages shown again after a refusal (by the application pages and the uploads).
 */
export abstract class ExhibitorPagesBase {
  constructor(
    protected readonly fairs: FairsService,
    protected readonly booths: BoothsService,
    protected readonly companies: CompaniesService,
    protected readonly applications: CompanyApplicationsService,
    protected readonly config: AppConfig,
  ) {}

  protected ctx(req: AuthenticatedRequest): PageContext {
    return pageContext(req, this.config, withLang(req));
  }

  protected async formModel(editionCode: string, action: string, values: ApplicationValues, errors: FieldErrors<ApplicationField>, message?: string): Promise<ApplicationFormModel> {
    const edition = await this.fairs.getPublicEdition(editionCode);
    const exhibition = await this.booths.exhibition(editionCode);
    return { action, editionCode, halls: exhibition.halls, categories: categoriesOfSeries(edition.series?.code ?? ''), values, errors, message };
  }

  protected async newApplicationPage(ctx: PageContext, editionCode: string, values: ApplicationValues, errors: FieldErrors<ApplicationField>, message?: string): Promise<string> {
    if (!/^[a-z0-9-]{1,60}$/.test(editionCode)) throw new DomainError(ErrorCode.NotFound, 'No such edition.');
    const edition = await this.fairs.getPublicEdition(editionCode);
    const form = await this.formModel(editionCode, '/exhibitor/applications/new', values, errors, message);
    return renderNewApplicationPage(ctx, { editionName: editionName(edition, ctx.lang), form });
  }

  /** The status page; with the form when the application may still be edited (values kept after a refusal). */
  protected async applicationModelPage(
    ctx: PageContext, principal: Principal, id: string,
    extra: { flash?: Notice; values?: ApplicationValues; errors?: FieldErrors<ApplicationField>; message?: string; cancelError?: string; uploadError?: ApplicationPageModel['uploadError'] },
  ): Promise<string> {
    const [application, history] = await Promise.all([this.applications.get(principal, id), this.applications.history(principal, id)]);
    const edition = await this.fairs.getPublicEdition(application.edition);
    const values: ApplicationValues = extra.values ?? {
      contactName: application.contact.name, contactEmail: application.contact.email, contactPhone: application.contact.phone,
      boothType: application.booth.type, boothCount: String(application.booth.count), hall: application.hall ?? '',
      preferredBoothKind: application.preferredBoothKind ?? '', productCategories: application.productCategories, notes: application.notes ?? '',
    };
    const form = application.actions.includes('edit') ? await this.formModel(application.edition, PAGES.application(id), values, extra.errors ?? {}, extra.message) : undefined;
    return renderApplicationPage(ctx, {
      application, history, editionName: editionName(edition, ctx.lang), flash: extra.flash ?? (extra.message && !form ? { ok: false, text: extra.message } : undefined),
      form, cancelError: extra.cancelError, uploadError: extra.uploadError,
    });
  }

  /** Why the service refused an application change, as the form shows it; anything else is rethrown. */
  protected applicationFailure(error: unknown, t: ExhibitorT): { status: number; errors: FieldErrors<ApplicationField>; message?: string } {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === ErrorCode.ValidationFailed) {
      const mapped = mapFieldErrors<ApplicationField>(error.details.errors ?? [], 'application', t);
      return { status: 400, errors: mapped.errors, message: mapped.other.join(' ') || undefined };
    }
    // Refusals about the application as a whole: one message above the form.
    const whole: Partial<Record<ErrorCode, ExhibitorMessageKey>> = {
      [ErrorCode.DuplicateApplication]: 'duplicate', [ErrorCode.EditionNotOpen]: 'editionNotOpen',
      [ErrorCode.DeadlinePassed]: 'deadlinePassed', [ErrorCode.IllegalTransition]: 'notAllowed',
    };
    const key = whole[error.code];
    if (!key) throw error;
    return { status: error.status, errors: {}, message: t(key) };
  }
}
