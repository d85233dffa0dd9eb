import { Body, Controller, Get, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { SESSION_COOKIE } from '../../core/auth/auth.guard';
import { ROLES } from '../../core/auth/entities/account.entity';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../core/auth/principal';
import { Public, Roles } from '../../core/auth/roles.decorator';
import { AppConfig } from '../../core/config/app-config';
import { CONSOLE_LOGIN_PAGE, pageContext, redirectTo, rememberLang, safeConsoleNext, sendPage } from '../../core/web/console-context';
import { ConsolePageFilter } from '../../core/web/console-page.filter';
import { expiredCookie, secureCookies, serializeCookie } from '../../core/web/cookies';
import { CsrfGuard, csrfToken, newPresessionNonce, PRESESSION_COOKIE, presessionBinding, presessionNonce } from '../../core/web/csrf';
import { translator } from '../../core/web/i18n';
import { AUTH_MESSAGES } from './console-auth.messages';
import { LoginForm, LoginPageQuery, LogoutForm } from './console-auth.forms';
import { ConsoleAuthService } from './console-auth.service';
import { loginPageHref, renderLoginPage } from './console-auth.view';
import { StaffRoles } from '../../core/auth/staff-roles.decorator';

/**
 * The console's door: the organizers' login and logout. A login returns to the console page that
 * was asked for (`next`, only a console path) or to the dashboard.
 */
@ApiExcludeController()
@Controller('console')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
export class ConsoleAuthController {
  constructor(
    private readonly auth: ConsoleAuthService,
    private readonly config: AppConfig,
  ) {}

  @Get('login')
  @Public()
  loginPage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() query: LoginPageQuery): void {
    rememberLang(req, res, this.config);
    const next = safeConsoleNext(query.next);
    if (req.principal?.role === 'organizer') return redirectTo(res, next);
    const ctx = pageContext(req, this.config, (lang) => loginPageHref(next, { lang }));
    const t = translator(AUTH_MESSAGES, ctx.lang);
    const flash = query.flash === 'logged-out' ? { ok: true, text: t('loggedOut') } : undefined;
    sendPage(res, 200, renderLoginPage(ctx, t, { csrf: this.loginCsrf(req, res), email: '', next, flash }));
  }

  @Post('login')
  @Public()
  async login(@Req() req: AuthenticatedRequest, @Res() res: Response, @Body() form: LoginForm): Promise<void> {
    const next = safeConsoleNext(form.next);
    const email = (form.email ?? '').trim();
    const outcome = await this.auth.login(req, email, form.password ?? '', req.principal?.sessionId);
    const secure = secureCookies(this.config.publicUrl);
    if (outcome.ok) {
      const { token, expiresAt } = outcome.session;
      res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, token, { secure, maxAgeSeconds: (expiresAt.getTime() - Date.now()) / 1000 }));
      res.append('Set-Cookie', expiredCookie(PRESESSION_COOKIE, { secure }));
      return redirectTo(res, next);
    }
    const ctx = pageContext(req, this.config, (lang) => loginPageHref(next, { lang }));
    const t = translator(AUTH_MESSAGES, ctx.lang);
    if (outcome.reason === 'throttled') res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
    const error =
      outcome.reason === 'throttled' ? t('tooManyAttempts', { seconds: outcome.retryAfterSeconds }) : outcome.reason === 'missing' ? t('loginMissing') : t('loginFailed');
    sendPage(res, outcome.status, renderLoginPage(ctx, t, { csrf: this.loginCsrf(req, res), email, next, error }));
  }

  @Post('logout')
  @StaffRoles({ scope: 'self' })
  @Roles(...ROLES)
  async logout(@Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() _form: LogoutForm): Promise<void> {
    await this.auth.logout(principal.sessionId);
    res.append('Set-Cookie', expiredCookie(SESSION_COOKIE, { secure: secureCookies(this.config.publicUrl) }));
    redirectTo(res, `${CONSOLE_LOGIN_PAGE}?flash=logged-out`);
  }

  /** The login form's token, bound to a pre-session cookie set here when the browser has none. */
  private loginCsrf(req: AuthenticatedRequest, res: Response): string {
    let nonce = presessionNonce(req.header('cookie'));
    if (!nonce) {
      nonce = newPresessionNonce();
      res.append('Set-Cookie', serializeCookie(PRESESSION_COOKIE, nonce, { secure: secureCookies(this.config.publicUrl), maxAgeSeconds: 2 * 3600 }));
    }
    return csrfToken(this.config.appSecret, presessionBinding(nonce));
  }
}
