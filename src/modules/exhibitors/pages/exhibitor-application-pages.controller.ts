import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { CsrfGuard } from '../../../core/web/csrf';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { FairsService } from '../../fairs/fairs.service';
import { CompanyApplicationsService } from '../applications/company-applications.service';
import { BoothsService } from '../booths/booths.service';
import { CompaniesService } from '../companies/companies.service';
import type { ApplicationResponse } from '../dto/application.dto';
import { ExhibitorPagesBase, uuid } from './exhibitor-page-base';
import { rememberLang } from './exhibitor-pages.context';
import { ExhibitorPageFilter } from './exhibitor-pages.filter';
import { ApplicationForm, applicationValues, CancelForm, EditionQuery, PageQuery, parseApplication, type ApplicationValues } from './exhibitor-pages.forms';
import { PAGES } from './exhibitor-pages.view';
import { flashOf } from './flash-messages';

/**
 * The company's application pages under /exhibitor/applications: a new application, its status
 * page with the form while it may be edited, and its withdrawal. CSRF tokens on every form,
 * redirect after each post. The uploads are ExhibitorUploadPagesController's.
 */
@ApiExcludeController()
@Controller('exhibitor')
@UseGuards(CsrfGuard)
@UseFilters(ExhibitorPageFilter)
export class ExhibitorApplicationPagesController extends ExhibitorPagesBase {
  constructor(
    fairs: FairsService,
    booths: BoothsService,
    companies: CompaniesService,
    applications: CompanyApplicationsService,
    config: AppConfig,
  ) {
    super(fairs, booths, companies, applications, config);
  }

  @Get('applications/new')
  @Roles('exhibitor')
  async newApplication(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Query() q: EditionQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    const values: ApplicationValues = {
      contactName: principal.displayName, contactEmail: principal.email, contactPhone: '', boothType: 'shell_scheme', boothCount: '1', hall: '',
      preferredBoothKind: '', productCategories: [], notes: '',
    };
    sendPage(res, 200, await this.newApplicationPage(ctx, q.edition ?? '', values, {}));
  }

  @Post('applications/new')
  @Roles('exhibitor')
  async createApplication(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() form: ApplicationForm): Promise<void> {
    const ctx = this.ctx(req);
    const edition = form.edition ?? '';
    const values = applicationValues(form);
    const parsed = parseApplication(values, ctx.t);
    if (!parsed.ok) return sendPage(res, 400, await this.newApplicationPage(ctx, edition, values, parsed.errors));
    let created: ApplicationResponse;
    try {
      created = await this.applications.create(principal, { ...parsed.dto, edition, submit: form.intent === 'submit' });
    } catch (error) {
      const failure = this.applicationFailure(error, ctx.t);
      return sendPage(res, failure.status, await this.newApplicationPage(ctx, edition, values, failure.errors, failure.message));
    }
    redirectTo(res, `${PAGES.application(created.id)}?flash=${created.status === 'draft' ? 'saved' : 'submitted'}`);
  }

  @Get('applications/:application')
  @Roles('exhibitor')
  async applicationPage(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('application', uuid) id: string, @Query() q: PageQuery,
  ): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    sendPage(res, 200, await this.applicationModelPage(ctx, principal, id, { flash: flashOf(ctx.t, q.flash) }));
  }

  @Post('applications/:application')
  @Roles('exhibitor')
  async updateApplication(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('application', uuid) id: string, @Body() form: ApplicationForm,
  ): Promise<void> {
    const ctx = this.ctx(req);
    const values = applicationValues(form);
    const parsed = parseApplication(values, ctx.t);
    if (!parsed.ok) return sendPage(res, 400, await this.applicationModelPage(ctx, principal, id, { values, errors: parsed.errors }));
    try {
      await this.applications.update(principal, id, parsed.dto);
      if (form.intent === 'submit') await this.applications.submit(principal, id);
    } catch (error) {
      const failure = this.applicationFailure(error, ctx.t);
      return sendPage(res, failure.status, await this.applicationModelPage(ctx, principal, id, { values, errors: failure.errors, message: failure.message }));
    }
    redirectTo(res, `${PAGES.application(id)}?flash=${form.intent === 'submit' ? 'submitted' : 'saved'}`);
  }

  @Post('applications/:application/withdraw')
  @Roles('exhibitor')
  async cancelApplication(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('application', uuid) id: string, @Body() form: CancelForm,
  ): Promise<void> {
    const ctx = this.ctx(req);
    if (form.confirm !== 'yes') return sendPage(res, 400, await this.applicationModelPage(ctx, principal, id, { cancelError: ctx.t('required') }));
    try {
      await this.applications.cancel(principal, id, null);
    } catch (error) {
      const failure = this.applicationFailure(error, ctx.t);
      return sendPage(res, failure.status, await this.applicationModelPage(ctx, principal, id, { cancelError: failure.message }));
    }
    redirectTo(res, `${PAGES.application(id)}?flash=cancelled`);
  }
}
