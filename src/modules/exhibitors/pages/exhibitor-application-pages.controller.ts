import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { CsrfGuard } from '../../../core/web/csrf';
import { ExhibitorApplicationPages } from './exhibitor-application-pages.service';
import { ExhibitorPageSupport, uuid } from './exhibitor-page-support';
import { ExhibitorPageFilter } from './exhibitor-pages.filter';
import { ApplicationForm, CancelForm, EditionQuery, PageQuery } from './exhibitor-pages.forms';

/**
 * The company's application pages under /exhibitor/applications: a new application, its status
 * page with the form while it may be edited, and its withdrawal. CSRF tokens on every form,
 * redirect after each post. Each handler routes, binds, makes one call to ExhibitorApplicationPages
 * and answers. The uploads are ExhibitorUploadPagesController's.
 */
@ApiExcludeController()
@Controller('exhibitor')
@UseGuards(CsrfGuard)
@UseFilters(ExhibitorPageFilter)
export class ExhibitorApplicationPagesController {
  constructor(
    private readonly support: ExhibitorPageSupport,
    private readonly pages: ExhibitorApplicationPages,
  ) {}

  @Get('applications/new')
  @Roles('exhibitor')
  async newApplication(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Query() q: EditionQuery): Promise<void> {
    this.support.answer(res, await this.pages.newForm(this.support.bind(req, res), principal, q.edition));
  }

  @Post('applications/new')
  @Roles('exhibitor')
  async createApplication(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() form: ApplicationForm): Promise<void> {
    this.support.answer(res, await this.pages.create(this.support.bind(req, res), principal, form));
  }

  @Get('applications/:application')
  @Roles('exhibitor')
  async applicationPage(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('application', uuid) id: string, @Query() q: PageQuery,
  ): Promise<void> {
    this.support.answer(res, await this.pages.show(this.support.bind(req, res), principal, id, q.flash));
  }

  @Post('applications/:application')
  @Roles('exhibitor')
  async updateApplication(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('application', uuid) id: string, @Body() form: ApplicationForm,
  ): Promise<void> {
    this.support.answer(res, await this.pages.update(this.support.bind(req, res), principal, id, form));
  }

  @Post('applications/:application/withdraw')
  @Roles('exhibitor')
  async cancelApplication(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('application', uuid) id: string, @Body() form: CancelForm,
  ): Promise<void> {
    this.support.answer(res, await this.pages.withdraw(this.support.bind(req, res), principal, id, form));
  }
}
