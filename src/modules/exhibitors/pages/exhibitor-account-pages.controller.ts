import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Public, Roles } from '../../../core/auth/roles.decorator';
import { RateLimit } from '../../../core/http/rate-limit/rate-limit.decorator';
import { CsrfGuard } from '../../../core/web/csrf';
import { EXHIBITOR_LIMITS } from '../companies/exhibitor-limits';
import { ExhibitorAccountPages } from './exhibitor-account-pages.service';
import { ExhibitorPageSupport } from './exhibitor-page-support';
import { ExhibitorPageFilter } from './exhibitor-pages.filter';
import { EmailForm, EmptyForm, JoinForm, LoginForm, PageQuery, ResetForm, SignUpForm, TokenForm, TokenQuery } from './exhibitor-pages.forms';

/**
 * The exhibitors' public and account pages under /exhibitor: fairs open for registration, sign-up
 * and the account links from emails, login and logout, the company's dashboard and its invitations.
 * Server-rendered, a session cookie scoped to /exhibitor, CSRF tokens on every form, redirect after
 * each post. Each handler routes, binds, makes one call to ExhibitorAccountPages and answers.
 */
@ApiExcludeController()
@Controller('exhibitor')
@UseGuards(CsrfGuard)
@UseFilters(ExhibitorPageFilter)
export class ExhibitorAccountPagesController {
  constructor(
    private readonly support: ExhibitorPageSupport,
    private readonly pages: ExhibitorAccountPages,
  ) {}

  // ---------------------------------------------------------------- public pages

  @Get('fairs')
  @Public()
  async fairsPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() _q: PageQuery): Promise<void> {
    this.support.answer(res, await this.pages.fairs(this.support.bind(req, res)));
  }

  @Get('fairs/:edition')
  @Public()
  async editionPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') code: string, @Query() _q: PageQuery): Promise<void> {
    this.support.answer(res, await this.pages.edition(this.support.bind(req, res), code));
  }

  @Get('sign-up')
  @Public()
  signUpPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() _q: PageQuery): void {
    this.support.answer(res, this.pages.signUpForm(this.support.bind(req, res)));
  }

  @Post('sign-up')
  @Public()
  @RateLimit(EXHIBITOR_LIMITS.signUp)
  async signUp(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: SignUpForm): Promise<void> {
    this.support.answer(res, await this.pages.signUp(this.support.bind(req, res), form));
  }

  /** Shows a button only: mail scanners fetch links, and a GET must not use the token up. */
  @Get('confirm-email')
  @Public()
  confirmEmailPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: TokenQuery): void {
    this.support.answer(res, this.pages.confirmForm(this.support.bind(req, res), q.token));
  }

  @Post('confirm-email')
  @Public()
  async confirmEmail(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: TokenForm): Promise<void> {
    this.support.answer(res, await this.pages.confirm(this.support.bind(req, res), form.token));
  }

  @Get('login')
  @Public()
  loginPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: PageQuery): void {
    this.support.answer(res, this.pages.loginForm(this.support.bind(req, res), q.flash));
  }

  @Post('login')
  @Public()
  async login(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: LoginForm): Promise<void> {
    this.support.answer(res, await this.pages.login(this.support.bind(req, res), form));
  }

  @Post('resend-confirmation')
  @Public()
  @RateLimit(EXHIBITOR_LIMITS.resendConfirmation)
  async resend(@Res() res: Response, @Body() form: EmailForm): Promise<void> {
    this.support.answer(res, await this.pages.resend(form));
  }

  @Post('logout')
  @Roles('exhibitor')
  async logout(@Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() _form: EmptyForm): Promise<void> {
    this.support.answer(res, await this.pages.logout(principal));
  }

  @Get('forgot-password')
  @Public()
  forgotPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: PageQuery): void {
    this.support.answer(res, this.pages.forgotForm(this.support.bind(req, res), q.flash));
  }

  @Post('forgot-password')
  @Public()
  @RateLimit(EXHIBITOR_LIMITS.passwordReset)
  async forgot(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: EmailForm): Promise<void> {
    this.support.answer(res, await this.pages.forgot(this.support.bind(req, res), form));
  }

  @Get('reset-password')
  @Public()
  resetPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: TokenQuery): void {
    this.support.answer(res, this.pages.resetForm(this.support.bind(req, res), q.token));
  }

  @Post('reset-password')
  @Public()
  async reset(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: ResetForm): Promise<void> {
    this.support.answer(res, await this.pages.reset(this.support.bind(req, res), form));
  }

  @Get('join')
  @Public()
  joinPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: TokenQuery): void {
    this.support.answer(res, this.pages.joinForm(this.support.bind(req, res), q.token));
  }

  @Post('join')
  @Public()
  async join(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: JoinForm): Promise<void> {
    this.support.answer(res, await this.pages.join(this.support.bind(req, res), form));
  }

  // ---------------------------------------------------------------- the company's pages

  @Get()
  @Roles('exhibitor')
  async dashboard(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Query() q: PageQuery): Promise<void> {
    this.support.answer(res, await this.pages.dashboard(this.support.bind(req, res), principal, q.flash));
  }

  @Post('invitations')
  @Roles('exhibitor')
  async invite(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() form: EmailForm): Promise<void> {
    this.support.answer(res, await this.pages.invite(this.support.bind(req, res), principal, form));
  }
}
