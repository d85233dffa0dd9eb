import { Body, Catch, Controller, Get, Injectable, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../core/auth/roles.decorator';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { AppConfig } from '../../../core/config/app-config';
import type { ErrorBody } from '../../../core/errors/error-body';
import { RateLimit } from '../../../core/http/rate-limit/rate-limit.decorator';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { CsrfGuard } from '../../../core/web/csrf';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import { newFormKey, presessionFormCsrf, publicPageContext } from '../../../core/web/public-form';
import { MEETINGS_LIMITS } from '../meetings-limits';
import { BuyerRegistrationForm, buyerValues, emptyValues } from './buyer-registration-page.forms';
import { BUYER_REGISTRATION_MESSAGES } from './buyer-registration-page.messages';
import { BuyerRegistrationPageService } from './buyer-registration-page.service';
import {
  buyerPageUrl, renderBuyerMessagePage, renderBuyerRegistrationPage, submitAnswer, waitWords, type BuyerPageContext,
} from './buyer-registration-page.view';

/*
 * The foreign buyers' registration for an edition's export meetings, /fairs/:code/buyers: the
 * page twin of POST /api/editions/:edition/meetings/register (same service, same rate limit).
 * No login: the CSRF token is bound to a pre-session cookie (or the session, when there is one),
 * as on the exhibitors' sign-up page; a hidden one-time key makes a double submit register once.
 */

const COOKIE_PATH = '/fairs';

const context = (req: AuthenticatedRequest): BuyerPageContext => publicPageContext(req, BUYER_REGISTRATION_MESSAGES);

/** The form's CSRF token: the session's when there is one, else bound to a pre-session cookie set here. */
const formCsrf = (req: AuthenticatedRequest, res: Response, config: AppConfig): string => presessionFormCsrf(req, res, config, { path: COOKIE_PATH });

/** Refusals answer as pages in the visitor's language, never JSON: 429 with the wait, 403 for an expired form, 404. */
@Catch()
@Injectable()
export class BuyerRegistrationPageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    super(config, {});
  }

  protected renderError(req: AuthenticatedRequest, res: Response, body: ErrorBody): void {
    const ctx = context(req);
    const { t } = ctx;
    const code = typeof req.params.code === 'string' ? req.params.code : '';
    const back = buyerPageUrl(code, ctx.lang);
    if (body.statusCode === 429) {
      const wait = typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : 60;
      sendPage(res, 429, renderBuyerMessagePage(ctx, t('tooManyTitle'), t('tooManyText', { wait: waitWords(wait, t) }), back));
    } else if (body.statusCode === 403) {
      sendPage(res, 403, renderBuyerMessagePage(ctx, t('forbiddenTitle'), t('forbiddenText'), back));
    } else if (body.statusCode === 404) {
      sendPage(res, 404, renderBuyerMessagePage(ctx, t('notFoundTitle'), t('notFoundText')));
    } else {
      sendPage(res, body.statusCode, renderBuyerMessagePage(ctx, t('errorTitle'), t('errorText', { id: body.errorId ?? body.requestId ?? '-' }), body.statusCode < 500 ? back : undefined));
    }
  }
}

@ApiExcludeController()
@Controller('fairs/:code/buyers')
@UseGuards(CsrfGuard)
@UseFilters(BuyerRegistrationPageFilter)
export class BuyerRegistrationPageController {
  constructor(
    private readonly pages: BuyerRegistrationPageService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async page(@Param('code') code: string, @Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const ctx = context(req);
    const model = await this.pages.form(code);
    const form = { csrf: formCsrf(req, res, this.config), formKey: newFormKey(), values: emptyValues(ctx.lang, model.days), errors: {} };
    // A closed edition's page is still a page (200, links to it are not broken): it says so, with no form.
    sendPage(res, 200, renderBuyerRegistrationPage(ctx, model, model.open ? form : undefined));
  }

  @Post()
  @Public()
  @RateLimit(MEETINGS_LIMITS.buyerRegistration)
  async register(@Param('code') code: string, @Body() body: BuyerRegistrationForm, @Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const ctx = context(req);
    const values = buyerValues(body, ctx.lang);
    const outcome = await this.pages.submit(code, body.formKey, values, ctx.lang);
    const answer = submitAnswer(outcome, ctx, { csrf: formCsrf(req, res, this.config), formKey: body.formKey ?? newFormKey(), freshKey: newFormKey(), values });
    if ('redirect' in answer) redirectTo(res, answer.redirect);
    else sendPage(res, answer.status, answer.page);
  }
}
