import { Body, Catch, Controller, Get, Injectable, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { Public } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import type { ErrorBody } from '../../../core/errors/error-body';
import { RateLimit } from '../../../core/http/rate-limit/rate-limit.decorator';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { CsrfGuard } from '../../../core/web/csrf';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import { presessionFormCsrf, publicPageContext } from '../../../core/web/public-form';
import { pageUrl } from './attendee-page.view';
import { VISIT_MESSAGES } from './visit-page.messages';
import { editionLabel, renderVisitForm, renderVisitMessage, visitPath, type VisitPageContext } from './visit-page.view';
import { emptyVisit, mergeErrors, parseVisit, visitErrorPage, visitRefusal, VisitForm, visitValues, type VisitErrors, type VisitValues } from './visit-page.view-model';
import type { VisitKey } from './visit-page.messages';
import { VisitRegistrationService, type VisitEdition } from '../visit-registration.service';

/** The pre-session cookie of the public forms lives under /fairs (the exhibitors' under /exhibitor). */
const COOKIE_PATH = '/fairs';

const context = (req: Request): VisitPageContext => publicPageContext(req, VISIT_MESSAGES);

/** The form's CSRF token, bound to a pre-session cookie (a visitor has no session); the cookie is set when missing. */
const formCsrf = (req: Request, res: Response, config: AppConfig): string => presessionFormCsrf(req, res, config, { path: COOKIE_PATH, session: false });

/** Refusals before or around the form: an unknown fair, too many tries, an expired form — as pages in the visitor's language. */
@Catch()
@Injectable()
export class VisitPageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    super(config, {});
  }

  protected renderError(req: AuthenticatedRequest, res: Response, body: ErrorBody): void {
    const ctx = context(req);
    const page = visitErrorPage(body.statusCode, body.reason);
    const seconds = typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : 60;
    const code = typeof req.params.code === 'string' ? req.params.code : '';
    const links = body.statusCode === 404 ? [{ href: `/?lang=${ctx.lang}`, label: ctx.t('toFairs') }] : [{ href: `${visitPath(code)}?lang=${ctx.lang}`, label: ctx.t('backToForm') }];
    sendPage(res, body.statusCode, renderVisitMessage(ctx, ctx.t(page.title), ctx.t(page.text, { seconds, id: body.errorId ?? body.requestId ?? '-' }), links));
  }
}

/**
 * Visitor registration on the public site: GET shows the form, POST registers through the same
 * service as POST /api/editions/:edition/attendees (same limits, same email) and lands on the
 * visitor's private page with a 303. The form's hidden key makes a double submit register once.
 */
@ApiExcludeController()
@Controller('fairs/:code/visit')
@UseGuards(CsrfGuard)
@UseFilters(VisitPageFilter)
export class VisitPageController {
  constructor(
    private readonly visits: VisitRegistrationService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async form(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = context(req);
    const edition = await this.visits.edition(code);
    if (!edition.open) return this.closed(ctx, res, edition, 200);
    sendPage(res, 200, renderVisitForm(ctx, { edition, values: emptyVisit(ctx.lang), errors: {}, csrf: formCsrf(req, res, this.config) }));
  }

  @Post()
  @Public()
  @RateLimit({ bucket: 'attendee-registration', key: 'ip', limit: (c) => c.rateLimitRegistrationPerMinute, windowSeconds: 60 })
  async register(@Param('code') code: string, @Body() form: VisitForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = context(req);
    const values = visitValues(form, ctx.lang);
    const parsed = parseVisit(values);
    if (!parsed.ok) return this.again(ctx, req, res, code, values, parsed.errors, undefined, 400);
    let outcome;
    try {
      // The one call: the service checks the edition (open, its days) as the API does.
      outcome = await this.visits.register(code, parsed.dto, values.formKey);
    } catch (error) {
      const refusal = visitRefusal(error);
      if (!refusal) throw error;
      if (refusal.kind === 'closed') return this.closed(ctx, res, await this.visits.edition(code), 409);
      return this.again(ctx, req, res, code, values, refusal.errors, refusal.message, refusal.status);
    }
    redirectTo(res, outcome.kind === 'registered' ? pageUrl(outcome.token, ctx.lang) : `${visitPath(code)}/sent?lang=${ctx.lang}`);
  }

  /** After a registration of an address registered before: the link went to that address. */
  @Get('sent')
  @Public()
  async sent(@Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = context(req);
    const edition = await this.visits.edition(code);
    sendPage(res, 200, renderVisitMessage(ctx, ctx.t('sentTitle'), ctx.t('sentText', { edition: editionLabel(edition, ctx.lang) }), [{ href: `/?lang=${ctx.lang}`, label: ctx.t('toFairs') }]));
  }

  /** The form again, the values kept, the errors next to their fields and on top (the edition is read for its days). */
  private async again(ctx: VisitPageContext, req: Request, res: Response, code: string, values: VisitValues, errors: VisitErrors, message: VisitKey | undefined, status: number): Promise<void> {
    const edition = await this.visits.edition(code);
    if (!edition.open) return this.closed(ctx, res, edition, 409);
    // Checked against the edition's days too, so every wrong field shows at once.
    const all = mergeErrors(parseVisit(values, edition.days), errors);
    sendPage(res, status, renderVisitForm(ctx, { edition, values, errors: all, message, csrf: formCsrf(req, res, this.config) }));
  }

  private closed(ctx: VisitPageContext, res: Response, edition: VisitEdition, status: number): void {
    const name = editionLabel(edition, ctx.lang);
    sendPage(res, status, renderVisitMessage(ctx, ctx.t('closedTitle'), ctx.t('closedText', { edition: name }), [{ href: `/?lang=${ctx.lang}`, label: ctx.t('toFairs') }]));
  }
}
