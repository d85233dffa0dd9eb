import { Injectable, ParseUUIDPipe } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest, Principal } from '../../../core/auth/principal';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { FairsService } from '../../fairs/fairs.service';
import { categoriesOfSeries } from '../../fairs/product-categories';
import { CompanyApplicationsService } from '../applications/company-applications.service';
import { BoothsService } from '../booths/booths.service';
import { CompaniesService } from '../companies/companies.service';
import { formCsrf, langSwitch, pageContext, rememberLang } from './exhibitor-pages.context';
import type { ApplicationField, ApplicationValues, FieldErrors } from './exhibitor-pages.forms';
import {
  PAGES, renderApplicationPage, renderDashboard, renderNewApplicationPage, type ApplicationFormModel, type ApplicationPageModel, type Notice, type PageContext,
} from './exhibitor-pages.view';
import { applicationOffer, dashboardEditions, editionTitle, hallName, storedValues } from './exhibitor-pages.view-model';
import { clearExhibitorSessionCookie, setExhibitorSessionCookie } from './exhibitor-session-cookie';

/** An application id in a page URL. */
export const uuid = new ParseUUIDPipe({ version: '4' });

/** A request as the page services see it: its context, its form token, who asks. */
export interface PageRequest {
  ctx: PageContext;
  /** The CSRF token of the forms shown (sets the pre-session cookie when needed). */
  csrf: () => string;
  request: AuthenticatedRequest;
}

/** What a page handler answers: a page with its status, or a redirect (303), perhaps changing the login cookie. */
export type PageOutcome =
  | { page: string; status: number }
  | { redirect: string; session?: { token: string; expiresAt: Date } | 'clear' };

/** Rethrows what a page cannot explain (the page error filter answers it). */
export function orThrow<T>(value: T | undefined, error: unknown): T {
  if (value === undefined) throw error;
  return value;
}

export const show = (page: string, status = 200): PageOutcome => ({ page, status });
export const go = (to: string, flash?: string): PageOutcome => ({ redirect: flash ? `${to}?flash=${flash}` : to });

/**
 * What every exhibitor page controller and page service shares, injected once: the services the
 * pages read, the request's page context, the answer, and the pages shown again after a refusal
 * (the application pages, the dashboard).
 */
@Injectable()
export class ExhibitorPageSupport {
  constructor(
    readonly fairs: FairsService,
    readonly booths: BoothsService,
    readonly companies: CompaniesService,
    readonly applications: CompanyApplicationsService,
    readonly config: AppConfig,
  ) {}

  /** Binds a request: its language (remembered when ?lang= picks one), messages, logged-in exhibitor, form token. */
  bind(request: AuthenticatedRequest, response: Response): PageRequest {
    rememberLang(request, response, this.config);
    return { ctx: pageContext(request, this.config, langSwitch(request)), csrf: () => formCsrf(request, response, this.config), request };
  }

  /** Sends an outcome: the page, or the redirect with the login cookie set or cleared. */
  answer(response: Response, outcome: PageOutcome): void {
    if ('page' in outcome) return sendPage(response, outcome.status, outcome.page);
    if (outcome.session === 'clear') clearExhibitorSessionCookie(response, this.config);
    else if (outcome.session) setExhibitorSessionCookie(response, this.config, outcome.session);
    redirectTo(response, outcome.redirect);
  }

  async formModel(editionCode: string, action: string, values: ApplicationValues, errors: FieldErrors<ApplicationField>, message?: string): Promise<ApplicationFormModel> {
    const [edition, exhibition] = await Promise.all([this.fairs.getPublicEdition(editionCode), this.booths.exhibition(editionCode)]);
    return { action, editionCode, halls: exhibition.halls, categories: categoriesOfSeries(edition.series?.code ?? ''), values, errors, message };
  }

  async newApplicationPage(ctx: PageContext, editionCode: string, values: ApplicationValues, errors: FieldErrors<ApplicationField>, message?: string): Promise<string> {
    if (!/^[a-z0-9-]{1,60}$/.test(editionCode)) throw new DomainError(ErrorCode.NotFound, 'No such edition.');
    const edition = await this.fairs.getPublicEdition(editionCode);
    const form = await this.formModel(editionCode, '/exhibitor/applications/new', values, errors, message);
    return renderNewApplicationPage(ctx, { editionName: editionTitle(edition, ctx.lang), form });
  }

  /** The status page; with the form when the application may still be edited (values kept after a refusal). */
  async applicationPage(
    ctx: PageContext, principal: Principal, id: string,
    extra: { flash?: Notice; values?: ApplicationValues; errors?: FieldErrors<ApplicationField>; message?: string; cancelError?: string; uploadError?: ApplicationPageModel['uploadError'] } = {},
  ): Promise<string> {
    const [application, history] = await Promise.all([this.applications.get(principal, id), this.applications.history(principal, id)]);
    const [edition, exhibition] = await Promise.all([this.fairs.getPublicEdition(application.edition), this.booths.exhibition(application.edition)]);
    const offer = applicationOffer(application);
    const form = offer.edit
      ? await this.formModel(application.edition, PAGES.application(id), extra.values ?? storedValues(application), extra.errors ?? {}, extra.message)
      : undefined;
    return renderApplicationPage(ctx, {
      application, history, offer, editionName: editionTitle(edition, ctx.lang),
      hallName: (code) => hallName(exhibition.halls, code, ctx.lang),
      flash: extra.flash ?? (extra.message && !form ? { ok: false, text: extra.message } : undefined),
      form, cancelError: extra.cancelError, uploadError: extra.uploadError,
    });
  }

  async dashboardPage(ctx: PageContext, principal: Principal, invite: { email: string; error?: string }, flash?: Notice): Promise<string> {
    const [company, applications, fairs, members, invitations] = await Promise.all([
      this.companies.getOwn(principal), this.applications.list(principal), this.fairs.listFairs(),
      this.companies.listMembers(principal), this.companies.listInvitations(principal),
    ]);
    const { editionNames, openEditions } = dashboardEditions(fairs, applications, ctx.lang);
    return renderDashboard(ctx, { company, applications, openEditions, editionNames, members, invitations, invite, flash });
  }
}
