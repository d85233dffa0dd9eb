import {
  Body, Controller, Get, Param, ParseEnumPipe, ParseUUIDPipe, Post, Query, Req, Res, UploadedFile, UseFilters, UseGuards, UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccountsService } from '../../../core/auth/accounts.service';
import { SESSION_COOKIE } from '../../../core/auth/auth.guard';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Public, Roles } from '../../../core/auth/roles.decorator';
import { SessionsService } from '../../../core/auth/sessions.service';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { RateLimit } from '../../../core/http/rate-limit/rate-limit.decorator';
import { expiredCookie, secureCookies, serializeCookie } from '../../../core/web/cookies';
import { CsrfGuard, CsrfRejected, PRESESSION_COOKIE, sessionBinding, verifyCsrfToken } from '../../../core/web/csrf';
import type { Lang } from '../../../core/web/i18n';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { FairsService } from '../../fairs/fairs.service';
import { categoriesOfSeries } from '../../fairs/product-categories';
import { BoothsService } from '../booths/booths.service';
import { CompaniesService } from '../companies/companies.service';
import { CompanyApplicationsService } from '../applications/company-applications.service';
import type { ApplicationResponse } from '../dto/application.dto';
import { UPLOAD_KINDS, type UploadKind } from '../entities/exhibitor-upload.entity';
import { EXHIBITOR_LIMITS } from '../companies/exhibitor-limits';
import { EXHIBITOR_LINKS } from '../companies/exhibitor-links';
import { MAX_UPLOAD_BYTES, UploadsService, type IncomingFile } from '../applications/uploads.service';
import { EXHIBITOR_COOKIE_PATH, formCsrf, pageContext, rememberLang, withLang } from './exhibitor-pages.context';
import { ExhibitorPageFilter } from './exhibitor-pages.filter';
import {
  ApplicationForm, applicationValues, CancelForm, EditionQuery, EmailForm, EmptyForm, JoinForm, LoginForm, mapFieldErrors, PageQuery, parseApplication,
  parseSignUp, ResetForm, SignUpForm, signUpValues, TokenForm, TokenQuery,
  type ApplicationField, type ApplicationValues, type FieldErrors, type SignUpField, type SignUpValues,
} from './exhibitor-pages.forms';
import {
  PAGES, renderApplicationPage, renderConfirmEmailPage, renderDashboard, renderEditionPage, renderFairsPage, renderForgotPage, renderJoinPage,
  renderLoginPage, renderMessagePage, renderNewApplicationPage, renderResetPage, renderSignUpPage,
  type ApplicationFormModel, type ApplicationPageModel, type Notice, type PageContext,
} from './exhibitor-pages.view';
import type { ExhibitorMessageKey, ExhibitorT } from './messages';

const uuid = new ParseUUIDPipe({ version: '4' });
const kindPipe = new ParseEnumPipe(Object.fromEntries(UPLOAD_KINDS.map((k) => [k, k])));

/** Flashes a redirect may name (?flash=), each with its message; anything else is ignored. */
const FLASHES = {
  'logged-out': { ok: true, key: 'loggedOut' },
  confirmed: { ok: true, key: 'confirmed' },
  'password-reset': { ok: true, key: 'resetDone' },
  joined: { ok: true, key: 'joined' },
  resent: { ok: true, key: 'resent' },
  saved: { ok: true, key: 'saved' },
  submitted: { ok: true, key: 'submitted' },
  cancelled: { ok: true, key: 'cancelled' },
  uploaded: { ok: true, key: 'uploaded' },
  invited: { ok: true, key: 'invited' },
} as const satisfies Record<string, { ok: boolean; key: ExhibitorMessageKey }>;

function flashOf(t: ExhibitorT, name: unknown, params?: Record<string, string>): Notice | undefined {
  if (typeof name !== 'string' || !(name in FLASHES)) return undefined;
  const f = FLASHES[name as keyof typeof FLASHES];
  return { ok: f.ok, text: t(f.key, params) };
}

function editionName(edition: { year: number; series?: { nameKo: string; nameEn: string } }, lang: Lang): string {
  return `${(lang === 'ko' ? edition.series?.nameKo : edition.series?.nameEn) ?? ''} ${edition.year}`.trim();
}

const EMPTY_SIGN_UP = (lang: Lang): SignUpValues => ({
  email: '', password: '', displayName: '', companyName: '', brn: '', country: 'KR', address: '', website: '', language: lang,
});

/** What both page controllers share: the services, the page context, and the pages shown again after a refusal. */
abstract class ExhibitorPagesBase {
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

  protected linkInvalid(req: AuthenticatedRequest, res: Response): void {
    const ctx = this.ctx(req);
    sendPage(res, 410, renderMessagePage(ctx, { title: ctx.t('errorTitle'), text: ctx.t('linkInvalid'), ok: false, links: [{ href: PAGES.login, label: ctx.t('login') }] }));
  }

  protected async dashboardPage(ctx: PageContext, principal: Principal, invite: { email: string; error?: string }, flash?: Notice): Promise<string> {
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

  /** The status page again, with why the file was refused next to its field. */
  protected async uploadFailed(req: AuthenticatedRequest, res: Response, principal: Principal, id: string, uploadError: { kind: UploadKind; text: string }, status: number): Promise<void> {
    sendPage(res, status, await this.applicationModelPage(this.ctx(req), principal, id, { uploadError }));
  }
}

/**
 * The exhibitors' own pages under /exhibitor: fairs open for registration, sign-up and the
 * account links from emails, the company's dashboard and its applications. Server-rendered,
 * a session cookie scoped to /exhibitor, CSRF tokens on every form, redirect after each post.
 */
@ApiExcludeController()
@Controller('exhibitor')
@UseGuards(CsrfGuard)
@UseFilters(ExhibitorPageFilter)
export class ExhibitorPagesController extends ExhibitorPagesBase {
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
    const secure = secureCookies(this.config.publicUrl);
    const maxAgeSeconds = (issued.expiresAt.getTime() - Date.now()) / 1000;
    res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, issued.token, { secure, maxAgeSeconds, path: EXHIBITOR_COOKIE_PATH }));
    res.append('Set-Cookie', expiredCookie(PRESESSION_COOKIE, { secure, path: EXHIBITOR_COOKIE_PATH }));
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
    res.append('Set-Cookie', expiredCookie(SESSION_COOKIE, { secure: secureCookies(this.config.publicUrl), path: EXHIBITOR_COOKIE_PATH }));
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

/**
 * The logo and brochure uploads. Guards run before interceptors, so a CsrfGuard would see no
 * body yet: the token is checked here, after multer has read the multipart fields.
 */
@ApiExcludeController()
@Controller('exhibitor')
@UseFilters(ExhibitorPageFilter)
export class ExhibitorUploadPagesController extends ExhibitorPagesBase {
  constructor(
    fairs: FairsService,
    booths: BoothsService,
    companies: CompaniesService,
    applications: CompanyApplicationsService,
    config: AppConfig,
    private readonly uploads: UploadsService,
  ) {
    super(fairs, booths, companies, applications, config);
  }

  @Post('applications/:application/upload/:kind')
  @Roles('exhibitor')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 2, parts: 3 } }))
  async upload(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal,
    @Param('application', uuid) id: string, @Param('kind', kindPipe) kind: UploadKind,
    @Body() form: EmptyForm, @UploadedFile() file: IncomingFile | undefined,
  ): Promise<void> {
    if (!verifyCsrfToken(this.config.appSecret, sessionBinding(principal.sessionId), form._csrf)) throw new CsrfRejected();
    try {
      await this.uploads.put(principal, id, kind, file);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const t = pageContext(req, this.config, withLang(req)).t;
      const text = ({
        [ErrorCode.ValidationFailed]: t('badFile'), [ErrorCode.UnsupportedMediaType]: t('badFileType'),
        [ErrorCode.PayloadTooLarge]: t('fileTooLarge'), [ErrorCode.IllegalTransition]: t('notAllowed'),
      } as Partial<Record<ErrorCode, string>>)[error.code];
      if (!text) throw error;
      return this.uploadFailed(req, res, principal, id, { kind, text }, error.status);
    }
    redirectTo(res, `${PAGES.application(id)}?flash=uploaded`);
  }
}
