import { Body, Catch, Controller, Get, Injectable, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import type { ErrorBody } from '../../../core/errors/error-body';
import { CsrfGuard, csrfToken, sessionBinding } from '../../../core/web/csrf';
import { pickLang, type Lang } from '../../../core/web/i18n';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { LeadsQuery } from '../dto/lead.dto';
import { LeadsService } from '../leads.service';
import { leadsRefusal, leadsT, leadsUrl, renderLeadsPage, renderLeadsRefusal } from './leads-page.view';

/*
 * The exhibitor's phone page for scanning visitor badges (session cookie + CSRF token, like the
 * other /exhibitor pages; the JSON API is /api/company/leads) and its CSV download, which works
 * with the same session cookie.
 */

export class ScanForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
  @IsOptional() @IsString() @MaxLength(60) edition?: string;
  @IsOptional() @IsString() @MaxLength(40) badgeCode?: string;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

const langOf = (req: Request): Lang => pickLang(req.query.lang, undefined, req.header('accept-language'));
const editionOf = (value: unknown): string => (typeof value === 'string' && /^[a-z0-9-]{1,60}$/.test(value) ? value : '');

/** Not logged in: to the exhibitor login; any other refusal: a short page in the exhibitor's language. */
@Catch()
@Injectable()
export class LeadsPageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    // The exhibitor pages' login form and session cookie path (see exhibitor-pages.context.ts).
    super(config, { loginPage: '/exhibitor/login', cookiePath: '/exhibitor' });
  }

  protected renderError(req: Request, res: Response, body: ErrorBody): void {
    const lang = langOf(req);
    sendPage(res, body.statusCode, renderLeadsRefusal(lang, leadsRefusal(body.statusCode, body.reason, body.retryAfterSeconds, lang)));
  }
}

@ApiExcludeController()
@Controller('exhibitor')
@Roles('exhibitor')
@UseGuards(CsrfGuard)
@UseFilters(LeadsPageFilter)
export class LeadsPageController {
  constructor(
    private readonly leads: LeadsService,
    private readonly config: AppConfig,
  ) {}

  @Get('leads')
  @Roles('exhibitor')
  async page(@CurrentPrincipal() principal: Principal, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = langOf(req);
    const edition = editionOf(req.query.edition);
    const leads = edition ? await this.leads.list(principal, edition) : [];
    const notice = req.query.done === 'saved' ? { ok: true, text: leadsT(lang)('saved') } : undefined;
    sendPage(res, 200, renderLeadsPage(lang, csrfToken(this.config.appSecret, sessionBinding(principal.sessionId)), edition, leads, notice));
  }

  @Post('leads')
  @Roles('exhibitor')
  async scan(@CurrentPrincipal() principal: Principal, @Body() form: ScanForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    const edition = editionOf(form.edition);
    await this.leads.scan(principal, { editionCode: edition, badgeCode: form.badgeCode ?? '', note: form.note });
    redirectTo(res, leadsUrl(langOf(req), edition, '&done=saved'));
  }

  /** The leads as CSV (UTF-8 with BOM), with the page's session: the link on the page works as it is. */
  @Get('leads.csv')
  @Roles('exhibitor')
  async csv(@CurrentPrincipal() principal: Principal, @Query() query: LeadsQuery, @Res() res: Response): Promise<void> {
    const csv = await this.leads.csv(principal, query.edition);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="leads-${query.edition}.csv"`);
    res.send(csv);
  }
}
