import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccountsService } from '../../../core/auth/accounts.service';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Public, Roles } from '../../../core/auth/roles.decorator';
import { SessionsService } from '../../../core/auth/sessions.service';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { RateLimit } from '../../../core/http/rate-limit/rate-limit.decorator';
import { CsrfGuard } from '../../../core/web/csrf';
import type { Lang } from '../../../core/web/i18n';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { FairsService } from '../../fairs/fairs.service';
import { CompanyApplicationsService } from '../applications/company-applications.service';
import { BoothsService } from '../booths/booths.service';
import { CompaniesService } from '../companies/companies.service';
import { EXHIBITOR_LIMITS } from '../companies/exhibitor-limits';
import { EXHIBITOR_LINKS } from '../companies/exhibitor-links';
import { editionName, ExhibitorPagesBase } from './exhibitor-page-base';
import { formCsrf, rememberLang } from './exhibitor-pages.context';
import { ExhibitorPageFilter } from './exhibitor-pages.filter';
import {
  EmailForm, EmptyForm, JoinForm, LoginForm, mapFieldErrors, PageQuery, parseSignUp, ResetForm, SignUpForm, signUpValues, TokenForm, TokenQuery,
  type FieldErrors, type SignUpField, type SignUpValues,
} from './exhibitor-pages.forms';
import {
  PAGES, renderConfirmEmailPage, renderDashboard, renderEditionPage, renderFairsPage, renderForgotPage, renderJoinPage, renderLoginPage,
  renderMessagePage, renderResetPage, renderSignUpPage, type Notice, type PageContext,
} from './exhibitor-pages.view';
import { clearExhibitorSessionCookie, setExhibitorSessionCookie } from './exhibitor-session-cookie';
import { flashOf } from './flash-messages';

const EMPTY_SIGN_UP = (lang: Lang): SignUpValues => ({
  email: '', password: '', displayName: '', companyName: '', brn: '', country: 'KR', address: '', website: '', language: lang,
});

/**
 * The exhibitors' public and account pages under /exhibitor: fairs open for registration, sign-up
 * and the account links from emails, login and logout, the company's dashboard and its invitations.
 * Server-rendered, a session cookie scoped to /exhibitor, CSRF tokens on every form, redirect after
 * each post. The application pages are ExhibitorApplicationPagesController's.
 */
@ApiExcludeController()
@Controller('exhibitor')
@UseGuards(CsrfGuard)
@UseFilters(ExhibitorPageFilter)
export class ExhibitorAccountPagesController extends ExhibitorPagesBase {
  constructor(
    fairs: FairsService,
    booths: BoothsService,
    companies: CompaniesService,
    applications: CompanyApplicationsService,
    config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
  ) {
    super(fairs, booths, companies, applications, config);
  }

  // ---------------------------------------------------------------- public pages

  @Get('fairs')
  @Public()
  async fairsPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() _q: PageQuery): Promise<void> {
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderFairsPage(this.ctx(req), await this.fairs.listFairs()));
  }

  @Get('fairs/:edition')
  @Public()
  async editionPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') code: string, @Query() _q: PageQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    const edition = await this.fairs.getPublicEdition(code);
    const exhibition = await this.booths.exhibition(code);
    const venue = edition.venue ? (ctx.lang === 'ko' ? edition.venue.nameKo : edition.venue.nameEn) : '';
    sendPage(res, 200, renderEditionPage(ctx, {
      code: edition.code, name: editionName(edition, ctx.lang), status: edition.status, startsOn: edition.startsOn, endsOn: edition.endsOn, venue, exhibition,
    }));
  }

  @Get('sign-up')
  @Public()
  signUpPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() _q: PageQuery): void {
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    sendPage(res, 200, renderSignUpPage(ctx, { csrf: formCsrf(req, res, this.config), values: EMPTY_SIGN_UP(ctx.lang), errors: {} }));
  }

  @Post('sign-up')
  @Public()
  @RateLimit(EXHIBITOR_LIMITS.signUp)
  async signUp(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: SignUpForm): Promise<void> {
    const ctx = this.ctx(req);
    const values = signUpValues(form, ctx.lang);
    const again = (errors: FieldErrors<SignUpField>, message?: string): void =>
      sendPage(res, 400, renderSignUpPage(ctx, { csrf: formCsrf(req, res, this.config), values: { ...values, password: '' }, errors, message }));
    const parsed = parseSignUp(values, ctx.t);
    if (!parsed.ok) return again(parsed.errors);
    try {
      await this.companies.signUp(parsed.dto);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const mapped = mapFieldErrors<SignUpField>(error.details.errors ?? [], 'signUp', ctx.t, (path) =>
        error.code !== ErrorCode.Conflict ? undefined
          : path === 'email' ? ctx.t('emailTaken') : path === 'company.businessRegistrationNumber' ? ctx.t('companyTaken') : undefined);
      if (error.code === ErrorCode.ValidationFailed || error.code === ErrorCode.Conflict) return again(mapped.errors, mapped.other.join(' ') || undefined);
      throw error;
    }
    // Not a redirect: the page names the address, which a URL should not carry.
    sendPage(res, 200, renderMessagePage(ctx, { title: ctx.t('signUpDone'), text: ctx.t('signUpDoneText', { email: parsed.dto.email }), ok: true }));
  }

  /** Shows a button only: mail scanners fetch links, and a GET must not use the token up. */
  @Get('confirm-email')
  @Public()
  confirmEmailPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: TokenQuery): void {
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderConfirmEmailPage(this.ctx(req), { csrf: formCsrf(req, res, this.config), token: q.token ?? '' }));
  }

  @Post('confirm-email')
  @Public()
  async confirmEmail(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: TokenForm): Promise<void> {
    try {
      await this.accounts.confirmEmail(form.token ?? '');
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.InvalidToken) return this.linkInvalid(req, res);
      if (error instanceof DomainError && error.code === ErrorCode.Conflict) {
        // A confirmed company holds the business number this sign-up gave.
        const ctx = this.ctx(req);
        return sendPage(res, 409, renderMessagePage(ctx, { title: ctx.t('errorTitle'), text: ctx.t('companyTaken'), ok: false }));
      }
      throw error;
    }
    redirectTo(res, `${PAGES.login}?flash=confirmed`);
  }

  @Get('login')
  @Public()
  loginPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: PageQuery): void {
    rememberLang(req, res, this.config);
    if (req.principal?.role === 'exhibitor') return redirectTo(res, PAGES.dashboard);
    const ctx = this.ctx(req);
    sendPage(res, 200, renderLoginPage(ctx, { csrf: formCsrf(req, res, this.config), email: '', flash: flashOf(ctx.t, q.flash) }));
  }

  @Post('login')
  @Public()
  async login(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: LoginForm): Promise<void> {
    const ctx = this.ctx(req);
    const email = (form.email ?? '').trim();
    const password = form.password ?? '';
    const again = (status: number, error: string, notConfirmed = false): void =>
      sendPage(res, status, renderLoginPage(ctx, { csrf: formCsrf(req, res, this.config), email, error, notConfirmed }));
    if (!email || !password) return again(400, ctx.t('loginMissing'));
    let issued;
    try {
      issued = await this.sessions.login(req, email, password);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.Unauthenticated) return again(401, ctx.t('loginFailed'));
      if (error instanceof DomainError && error.code === ErrorCode.EmailNotConfirmed) return again(403, ctx.t('notConfirmed'), true);
      throw error;
    }
    if (issued.account.role !== 'exhibitor') {
      // Organizers use the console; a session here would only meet 403s.
      const principal = await this.sessions.resolve(issued.token);
      if (principal) await this.sessions.logout(principal.sessionId);
      return again(401, ctx.t('loginFailed'));
    }
    if (req.principal) await this.sessions.logout(req.principal.sessionId);
    setExhibitorSessionCookie(res, this.config, issued);
    redirectTo(res, PAGES.dashboard);
  }


  @Post('resend-confirmation')
  @Public()
  @RateLimit(EXHIBITOR_LIMITS.resendConfirmation)
  async resend(@Res() res: Response, @Body() form: EmailForm): Promise<void> {
    const email = (form.email ?? '').trim();
    // Silent for unknown addresses (the service's rule), so the answer is always the same.
    if (email.includes('@') && email.length <= 254) await this.accounts.resendEmailConfirmation(email, EXHIBITOR_LINKS.confirmEmail);
    redirectTo(res, `${PAGES.login}?flash=resent`);
  }

  @Post('logout')
  @Roles('exhibitor')
  async logout(@Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() _form: EmptyForm): Promise<void> {
    await this.sessions.logout(principal.sessionId);
    clearExhibitorSessionCookie(res, this.config);
    redirectTo(res, `${PAGES.login}?flash=logged-out`);
  }

  @Get('forgot-password')
  @Public()
  forgotPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: PageQuery): void {
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderForgotPage(this.ctx(req), { csrf: formCsrf(req, res, this.config), email: '', sent: q.flash === 'sent' }));
  }

  @Post('forgot-password')
  @Public()
  @RateLimit(EXHIBITOR_LIMITS.passwordReset)
  async forgot(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: EmailForm): Promise<void> {
    const email = (form.email ?? '').trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 254) {
      const ctx = this.ctx(req);
      return sendPage(res, 400, renderForgotPage(ctx, { csrf: formCsrf(req, res, this.config), email, error: ctx.t(email ? 'badEmail' : 'required') }));
    }
    await this.accounts.requestPasswordReset(email, EXHIBITOR_LINKS.resetPassword);
    redirectTo(res, `${PAGES.forgot}?flash=sent`);
  }

  @Get('reset-password')
  @Public()
  resetPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: TokenQuery): void {
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderResetPage(this.ctx(req), { csrf: formCsrf(req, res, this.config), token: q.token ?? '' }));
  }

  @Post('reset-password')
  @Public()
  async reset(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: ResetForm): Promise<void> {
    const ctx = this.ctx(req);
    const token = form.token ?? '';
    const password = form.password ?? '';
    const again = (error: string): void => sendPage(res, 400, renderResetPage(ctx, { csrf: formCsrf(req, res, this.config), token, error }));
    if (!password) return again(ctx.t('required'));
    try {
      await this.accounts.completePasswordReset(token, password);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.ValidationFailed) return again(ctx.t('badPassword'));
      if (error instanceof DomainError && error.code === ErrorCode.InvalidToken) return this.linkInvalid(req, res);
      throw error;
    }
    redirectTo(res, `${PAGES.login}?flash=password-reset`);
  }

  @Get('join')
  @Public()
  joinPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: TokenQuery): void {
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    sendPage(res, 200, renderJoinPage(ctx, { csrf: formCsrf(req, res, this.config), token: q.token ?? '', values: { displayName: '', language: ctx.lang }, errors: {} }));
  }

  @Post('join')
  @Public()
  async join(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: JoinForm): Promise<void> {
    const ctx = this.ctx(req);
    const token = form.token ?? '';
    const values: { displayName: string; language: Lang } = { displayName: (form.displayName ?? '').trim(), language: form.language === 'en' || form.language === 'ko' ? form.language : ctx.lang };
    const password = form.password ?? '';
    const again = (errors: { displayName?: string; password?: string }, message?: string): void =>
      sendPage(res, 400, renderJoinPage(ctx, { csrf: formCsrf(req, res, this.config), token, values, errors, message }));
    const errors: { displayName?: string; password?: string } = {};
    if (!values.displayName) errors.displayName = ctx.t('required');
    else if (values.displayName.length > 100 || /[\p{Cc}]/u.test(values.displayName)) errors.displayName = ctx.t('badText');
    if (password.length < 10 || password.length > 200) errors.password = ctx.t('badPassword');
    if (Object.keys(errors).length > 0) return again(errors);
    try {
      await this.companies.acceptInvitation({ token, password, displayName: values.displayName, language: values.language });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.ValidationFailed) return again({ password: ctx.t('badPassword') });
      if (error.code === ErrorCode.InvalidToken) return this.linkInvalid(req, res);
      if (error.code === ErrorCode.Conflict) return again({}, ctx.t('emailTaken'));
      throw error;
    }
    redirectTo(res, `${PAGES.login}?flash=joined`);
  }

  // ---------------------------------------------------------------- the company's pages

  @Get()
  @Roles('exhibitor')
  async dashboard(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Query() q: PageQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = this.ctx(req);
    sendPage(res, 200, await this.dashboardPage(ctx, principal, { email: '' }, flashOf(ctx.t, q.flash)));
  }

  @Post('invitations')
  @Roles('exhibitor')
  async invite(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() form: EmailForm): Promise<void> {
    const ctx = this.ctx(req);
    const email = (form.email ?? '').trim();
    let error: string | undefined;
    if (!email) error = ctx.t('required');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) error = ctx.t('badEmail');
    if (!error) {
      try {
        await this.companies.invite(principal, email);
        return redirectTo(res, `${PAGES.dashboard}?flash=invited`);
      } catch (e) {
        if (!(e instanceof DomainError) || e.code !== ErrorCode.Conflict) throw e;
        error = ctx.t('emailTaken');
      }
    }
    sendPage(res, 400, await this.dashboardPage(ctx, principal, { email, error }));
  }

  private linkInvalid(req: AuthenticatedRequest, res: Response): void {
    const ctx = this.ctx(req);
    sendPage(res, 410, renderMessagePage(ctx, { title: ctx.t('errorTitle'), text: ctx.t('linkInvalid'), ok: false, links: [{ href: PAGES.login, label: ctx.t('login') }] }));
  }

  private async dashboardPage(ctx: PageContext, principal: Principal, invite: { email: string; error?: string }, flash?: Notice): Promise<string> {
    const [company, applications, fairs, members, invitations] = await Promise.all([
      this.companies.getOwn(principal), this.applications.list(principal), this.fairs.listFairs(),
      this.companies.listMembers(principal), this.companies.listInvitations(principal),
    ]);
    const editionNames: Record<string, string> = {};
    const open: Array<{ code: string; name: string }> = [];
    for (const f of fairs) {
      for (const e of f.editions) {
        const name = `${ctx.lang === 'ko' ? f.nameKo : f.nameEn} ${e.year}`;
        editionNames[e.code] = name;
        if (e.status === 'registration_open' && !applications.some((a) => a.edition === e.code)) open.push({ code: e.code, name });
      }
    }
    return renderDashboard(ctx, { company, applications, openEditions: open, editionNames, members, invitations, invite, flash });
  }
}
