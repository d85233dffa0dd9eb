import { Body, Catch, Controller, Get, Injectable, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import type { ErrorBody } from '../../../core/errors/error-body';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { CsrfGuard, csrfToken, sessionBinding } from '../../../core/web/csrf';
import { pickLang, translator, type Lang } from '../../../core/web/i18n';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import { EXHIBITOR_MEETINGS_MESSAGES } from './exhibitor-meetings-page.messages';
import { ExhibitorMeetingsPageService } from './exhibitor-meetings-page.service';
import { renderExhibitorMeetingsList, renderExhibitorMeetingsPage, renderExhibitorMeetingsRefusal, type ExhibitorMeetingsContext } from './exhibitor-meetings-page.view';
import {
  CsrfOnlyForm, editionMeetingsUrl, EXHIBITOR_MEETINGS_PAGE, exhibitorMeetingsUrl, ExhibitorRequestForm, flashText, OptInForm, optInValues, refusal, type ExhibitorFlash,
} from './exhibitor-meetings-page.view-model';
import { PARTICIPANT_MESSAGES } from './participant-page.messages';

/*
 * The exhibitor's own export-meetings pages, under the exhibitor page session (the login cookie
 * under /exhibitor and a CSRF token on every form, as the other /exhibitor pages and the attendees'
 * leads page): /exhibitor/meetings lists the company's editions with meetings, and
 * /exhibitor/meetings/:code joins one, shows its suggested buyers and requests, answers them, and
 * leaves before the schedule is published. The exhibitors' dashboard links here by URL only
 * (the exhibitors floor is below the meetings and cannot import them).
 */

const CODE = /^[a-z0-9-]{1,60}$/;
const langOf = (req: Request): Lang => pickLang(req.query.lang, undefined, req.header('accept-language'));

const codeOf = (req: Request): string => (typeof req.params.code === 'string' && CODE.test(req.params.code) ? req.params.code : '');

/** The language links lead to a page one can GET: the edition's page (also from a form posted to one of its actions), else the list. */
function context(req: Request, lang: Lang, csrf: string): ExhibitorMeetingsContext {
  const code = codeOf(req);
  const langHref = (l: Lang): string => (code ? editionMeetingsUrl(code, l) : exhibitorMeetingsUrl(l));
  return { lang, t: translator(EXHIBITOR_MEETINGS_MESSAGES, lang), pt: translator(PARTICIPANT_MESSAGES, lang), langHref, csrf };
}

/** Not logged in: to the exhibitor login; any other refusal: a short page with the reason, in the page's language. */
@Catch()
@Injectable()
export class ExhibitorMeetingsPageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    super(config, { loginPage: '/exhibitor/login', cookiePath: '/exhibitor' });
  }

  protected renderError(req: Request, res: Response, body: ErrorBody): void {
    const ctx = context(req, langOf(req), '');
    const code = codeOf(req);
    const back = req.method === 'POST' && code ? editionMeetingsUrl(code, ctx.lang) : exhibitorMeetingsUrl(ctx.lang);
    sendPage(res, body.statusCode, renderExhibitorMeetingsRefusal(ctx, refusal(body, ctx.t, ctx.pt, { action: req.method === 'POST' }), back));
  }
}

@ApiExcludeController()
@Controller(EXHIBITOR_MEETINGS_PAGE.slice(1))
@Roles('exhibitor')
@UseGuards(CsrfGuard)
@UseFilters(ExhibitorMeetingsPageFilter)
export class ExhibitorMeetingsPageController {
  constructor(
    private readonly pages: ExhibitorMeetingsPageService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles('exhibitor')
  async list(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = this.context(req, principal);
    const flash = flashText(req.query.done, ctx.t, ctx.pt);
    sendPage(res, 200, renderExhibitorMeetingsList(ctx, await this.pages.list(principal), flash ? { ok: true, text: flash } : undefined));
  }

  @Get(':code')
  @Roles('exhibitor')
  async page(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = this.context(req, principal);
    const flash = flashText(req.query.done, ctx.t, ctx.pt);
    sendPage(res, 200, renderExhibitorMeetingsPage(ctx, await this.pages.page(principal, code, ctx.lang), { notice: flash ? { ok: true, text: flash } : undefined }));
  }

  @Post(':code/opt-in')
  @Roles('exhibitor')
  async optIn(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Body() form: OptInForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    const ctx = this.context(req, principal);
    const values = optInValues(form, ctx.lang);
    const outcome = await this.pages.optIn(principal, code, values, ctx.lang);
    if (outcome.kind === 'joined') return back(res, code, ctx.lang, 'joined');
    sendPage(res, 400, renderExhibitorMeetingsPage(ctx, outcome.model, { values, errors: outcome.errors }));
  }

  @Post(':code/opt-out')
  @Roles('exhibitor')
  async optOut(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Body() _form: CsrfOnlyForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.pages.optOut(principal, code);
    redirectTo(res, exhibitorMeetingsUrl(langOf(req), '&done=left'));
  }

  @Post(':code/requests')
  @Roles('exhibitor')
  async request(@CurrentPrincipal() principal: Principal, @Param('code') code: string, @Body() form: ExhibitorRequestForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.pages.request(principal, code, form.counterpart, form.priority);
    back(res, code, langOf(req), 'requested');
  }

  @Post(':code/requests/:id/accept')
  @Roles('exhibitor')
  async accept(
    @CurrentPrincipal() principal: Principal, @Param('code') code: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() _form: CsrfOnlyForm, @Req() req: Request, @Res() res: Response,
  ): Promise<void> {
    await this.pages.answer(principal, code, id, 'accepted');
    back(res, code, langOf(req), 'accepted');
  }

  @Post(':code/requests/:id/decline')
  @Roles('exhibitor')
  async decline(
    @CurrentPrincipal() principal: Principal, @Param('code') code: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() _form: CsrfOnlyForm, @Req() req: Request, @Res() res: Response,
  ): Promise<void> {
    await this.pages.answer(principal, code, id, 'declined');
    back(res, code, langOf(req), 'declined');
  }

  private context(req: Request, principal: Principal): ExhibitorMeetingsContext {
    return context(req, langOf(req), csrfToken(this.config.appSecret, sessionBinding(principal.sessionId)));
  }
}

/** 303 to the edition's page, so a reload does not post again; the language stays explicit in the URL. */
function back(res: Response, code: string, lang: Lang, done: ExhibitorFlash): void {
  redirectTo(res, editionMeetingsUrl(code, lang, `&done=${done}`));
}
