import { Injectable } from '@nestjs/common';
import { AccountsService } from '../../../core/auth/accounts.service';
import type { Principal } from '../../../core/auth/principal';
import { SessionsService } from '../../../core/auth/sessions.service';
import type { Lang } from '../../../core/web/i18n';
import { EXHIBITOR_LINKS } from '../companies/exhibitor-links';
import { parseSignUp, signUpValues, type EmailForm, type JoinForm, type LoginForm, type ResetForm, type SignUpForm, type SignUpValues } from './exhibitor-pages.forms';
import {
  PAGES, renderConfirmEmailPage, renderEditionPage, renderFairsPage, renderForgotPage, renderJoinPage, renderLoginPage, renderMessagePage,
  renderResetPage, renderSignUpPage, type PageContext,
} from './exhibitor-pages.view';
import { editionTitle, emailError, joinErrors, loginMissing, loginRefusal, signUpRefusal, accountRefusal } from './exhibitor-pages.view-model';
import { ExhibitorPageSupport, go, orThrow, show, type PageOutcome, type PageRequest } from './exhibitor-page-support';
import { flashOf } from './flash-messages';

const EMPTY_SIGN_UP = (lang: Lang): SignUpValues => ({
  email: '', password: '', displayName: '', companyName: '', alternateName: '', brn: '', country: 'KR', countryOther: '', identifierKind: '', identifier: '',
  address: '', website: '', language: lang,
});

/**
 * The exhibitors' public and account pages, one method per handler: each asks the service once,
 * lets a view-model function decide what the refusal means, and answers a page or a redirect.
 */
@Injectable()
export class ExhibitorAccountPages {
  constructor(
    private readonly support: ExhibitorPageSupport,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionsService,
  ) {}

  async fairs(p: PageRequest): Promise<PageOutcome> {
    return show(renderFairsPage(p.ctx, await this.support.fairs.listFairs()));
  }

  async edition(p: PageRequest, code: string): Promise<PageOutcome> {
    const { ctx } = p;
    const [edition, exhibition] = await Promise.all([this.support.fairs.getPublicEdition(code), this.support.booths.exhibition(code)]);
    const venue = edition.venue ? (ctx.lang === 'ko' ? edition.venue.nameKo : edition.venue.nameEn) : '';
    return show(renderEditionPage(ctx, {
      code: edition.code, name: editionTitle(edition, ctx.lang), status: edition.status, startsOn: edition.startsOn, endsOn: edition.endsOn, venue, exhibition,
    }));
  }

  signUpForm(p: PageRequest): PageOutcome {
    return show(renderSignUpPage(p.ctx, { csrf: p.csrf(), values: EMPTY_SIGN_UP(p.ctx.lang), errors: {} }));
  }

  async signUp(p: PageRequest, form: SignUpForm): Promise<PageOutcome> {
    const { ctx } = p;
    const values = signUpValues(form, ctx.lang);
    const again = (errors: object, message?: string): PageOutcome =>
      show(renderSignUpPage(ctx, { csrf: p.csrf(), values: { ...values, password: '' }, errors, message }), 400);
    const parsed = parseSignUp(values, ctx.t, ctx.lang);
    if (!parsed.ok) return again(parsed.errors);
    try {
      await this.support.companies.signUp(parsed.dto);
    } catch (error) {
      const refusal = orThrow(signUpRefusal(error, ctx.t), error);
      return again(refusal.errors, refusal.message);
    }
    // Not a redirect: the page names the address, which a URL should not carry.
    return show(renderMessagePage(ctx, { title: ctx.t('signUpDone'), text: ctx.t('signUpDoneText', { email: parsed.dto.email }), ok: true }));
  }

  /** Shows a button only: mail scanners fetch links, and a GET must not use the token up. */
  confirmForm(p: PageRequest, token: string | undefined): PageOutcome {
    return show(renderConfirmEmailPage(p.ctx, { csrf: p.csrf(), token: token ?? '' }));
  }

  async confirm(p: PageRequest, token: string | undefined): Promise<PageOutcome> {
    try {
      await this.accounts.confirmEmail(token ?? '');
    } catch (error) {
      // A confirmed company may hold the business number this sign-up gave.
      const refusal = accountRefusal(error);
      if (refusal === 'conflict') return this.refused(p.ctx, 409, 'companyTaken');
      if (refusal === 'link-invalid') return this.linkInvalid(p.ctx);
      throw error;
    }
    return go(PAGES.login, 'confirmed');
  }

  loginForm(p: PageRequest, flash: unknown): PageOutcome {
    if (p.request.principal?.role === 'exhibitor') return go(PAGES.dashboard);
    return show(renderLoginPage(p.ctx, { csrf: p.csrf(), email: '', flash: flashOf(p.ctx.t, flash) }));
  }

  async login(p: PageRequest, form: LoginForm): Promise<PageOutcome> {
    const { ctx, request } = p;
    const email = (form.email ?? '').trim();
    const password = form.password ?? '';
    const again = (status: number, error: string, notConfirmed = false): PageOutcome =>
      show(renderLoginPage(ctx, { csrf: p.csrf(), email, error, notConfirmed }), status);
    const missing = loginMissing(email, password, ctx.t);
    if (missing) return again(400, missing);
    let issued;
    try {
      issued = await this.sessions.login(request, email, password);
    } catch (error) {
      const refusal = orThrow(loginRefusal(error, ctx.t), error);
      return again(refusal.status, refusal.error, refusal.notConfirmed);
    }
    if (issued.account.role !== 'exhibitor') {
      // Organizers use the console; a session here would only meet 403s.
      const principal = await this.sessions.resolve(issued.token);
      if (principal) await this.sessions.logout(principal.sessionId);
      return again(401, ctx.t('loginFailed'));
    }
    if (request.principal) await this.sessions.logout(request.principal.sessionId);
    return { redirect: PAGES.dashboard, session: issued };
  }

  async resend(form: EmailForm): Promise<PageOutcome> {
    const email = (form.email ?? '').trim();
    // Silent for unknown addresses (the service's rule), so the answer is always the same.
    if (email.includes('@') && email.length <= 254) await this.accounts.resendEmailConfirmation(email, EXHIBITOR_LINKS.confirmEmail);
    return go(PAGES.login, 'resent');
  }

  async logout(principal: Principal): Promise<PageOutcome> {
    await this.sessions.logout(principal.sessionId);
    return { redirect: `${PAGES.login}?flash=logged-out`, session: 'clear' };
  }

  forgotForm(p: PageRequest, flash: unknown): PageOutcome {
    return show(renderForgotPage(p.ctx, { csrf: p.csrf(), email: '', sent: flash === 'sent' }));
  }

  async forgot(p: PageRequest, form: EmailForm): Promise<PageOutcome> {
    const email = (form.email ?? '').trim();
    const error = emailError(email, p.ctx.t, false);
    if (error) return show(renderForgotPage(p.ctx, { csrf: p.csrf(), email, error }), 400);
    await this.accounts.requestPasswordReset(email, EXHIBITOR_LINKS.resetPassword);
    return go(PAGES.forgot, 'sent');
  }

  resetForm(p: PageRequest, token: string | undefined): PageOutcome {
    return show(renderResetPage(p.ctx, { csrf: p.csrf(), token: token ?? '' }));
  }

  async reset(p: PageRequest, form: ResetForm): Promise<PageOutcome> {
    const { ctx } = p;
    const token = form.token ?? '';
    const password = form.password ?? '';
    const again = (error: string): PageOutcome => show(renderResetPage(ctx, { csrf: p.csrf(), token, error }), 400);
    if (!password) return again(ctx.t('required'));
    try {
      await this.accounts.completePasswordReset(token, password);
    } catch (error) {
      const refusal = accountRefusal(error);
      if (refusal === 'invalid') return again(ctx.t('badPassword'));
      if (refusal === 'link-invalid') return this.linkInvalid(ctx);
      throw error;
    }
    return go(PAGES.login, 'password-reset');
  }

  joinForm(p: PageRequest, token: string | undefined): PageOutcome {
    return show(renderJoinPage(p.ctx, { csrf: p.csrf(), token: token ?? '', values: { displayName: '', language: p.ctx.lang }, errors: {} }));
  }

  async join(p: PageRequest, form: JoinForm): Promise<PageOutcome> {
    const { ctx } = p;
    const token = form.token ?? '';
    const values: { displayName: string; language: Lang } = {
      displayName: (form.displayName ?? '').trim(), language: form.language === 'en' || form.language === 'ko' ? form.language : ctx.lang,
    };
    const password = form.password ?? '';
    const again = (errors: { displayName?: string; password?: string }, message?: string): PageOutcome =>
      show(renderJoinPage(ctx, { csrf: p.csrf(), token, values, errors, message }), 400);
    const errors = joinErrors(values.displayName, password, ctx.t);
    if (Object.keys(errors).length > 0) return again(errors);
    try {
      await this.support.companies.acceptInvitation({ token, password, displayName: values.displayName, language: values.language });
    } catch (error) {
      const refusal = orThrow(accountRefusal(error), error);
      if (refusal === 'link-invalid') return this.linkInvalid(ctx);
      // On an invitation a conflict means the address has an account already.
      return refusal === 'invalid' ? again({ password: ctx.t('badPassword') }) : again({}, ctx.t('emailTaken'));
    }
    return go(PAGES.login, 'joined');
  }

  async dashboard(p: PageRequest, principal: Principal, flash: unknown): Promise<PageOutcome> {
    return show(await this.support.dashboardPage(p.ctx, principal, { email: '' }, flashOf(p.ctx.t, flash)));
  }

  async invite(p: PageRequest, principal: Principal, form: EmailForm): Promise<PageOutcome> {
    const { ctx } = p;
    const email = (form.email ?? '').trim();
    let error = emailError(email, ctx.t);
    if (!error) {
      try {
        await this.support.companies.invite(principal, email);
        return go(PAGES.dashboard, 'invited');
      } catch (e) {
        if (accountRefusal(e) !== 'conflict') throw e;
        error = ctx.t('emailTaken');
      }
    }
    return show(await this.support.dashboardPage(ctx, principal, { email, error }), 400);
  }

  private linkInvalid(ctx: PageContext): PageOutcome {
    return show(renderMessagePage(ctx, { title: ctx.t('errorTitle'), text: ctx.t('linkInvalid'), ok: false, links: [{ href: PAGES.login, label: ctx.t('login') }] }), 410);
  }

  private refused(ctx: PageContext, status: number, key: 'companyTaken'): PageOutcome {
    return show(renderMessagePage(ctx, { title: ctx.t('errorTitle'), text: ctx.t(key), ok: false }), status);
  }
}
