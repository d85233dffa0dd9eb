import { Body, Catch, Controller, Get, Injectable, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Public, Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import type { ErrorBody } from '../../../core/errors/error-body';
import { pageContext, redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { CsrfGuard } from '../../../core/web/csrf';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import { presessionFormCsrf, publicPageContext } from '../../../core/web/public-form';
import { DAY_CHOICES, type DayChoice } from '../domain/meeting-day';
import { MeetingDayService } from '../meeting-day.service';
import { consoleUrls } from './meetings-console.view-model';
import { TABLE_HOST_MESSAGES } from './table-host.messages';
import {
  flashOf, hostPageHref, recordFlash, renderTableHostConsolePage, renderTableHostMessage, renderTableHostSitePage, type TableHostContext,
} from './table-host.view';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

/*
 * The table host's page for the fair day, twice: in the organizers' console
 * (/console/meetings/:edition/tables/:table/day, the session's CSRF token) and behind a table's
 * private link (/meetings/table-host/:code/:table/:key, no login: the key is an HMAC of the edition and
 * the table, and the forms' CSRF token is bound to a pre-session cookie as on the public forms).
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class TableHostQuery {
  @IsOptional() @IsString() @MaxLength(5) lang?: string;
  @IsOptional() @IsString() @Matches(DAY) day?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
}

export class TableHostForm {
  @IsIn(DAY_CHOICES) outcome: DayChoice;
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
}

function hostContext(req: AuthenticatedRequest): TableHostContext {
  const day = typeof req.query.day === 'string' && DAY.test(req.query.day) ? `&day=${req.query.day}` : '';
  return publicPageContext(req, TABLE_HOST_MESSAGES, day);
}

const consoleDayUrl = (edition: string, table: string): string => `${consoleUrls.sheet(edition, table)}/day`;

@ApiExcludeController()
@Controller('console/meetings')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('meetings', 'onsite')
export class TableHostConsoleController {
  constructor(
    private readonly day: MeetingDayService,
    private readonly config: AppConfig,
  ) {}

  @Get(':edition/tables/:table/day')
  async page(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Param('table') table: string, @Query() q: TableHostQuery,
  ): Promise<void> {
    const model = await this.day.tableDay(edition, table, q.day);
    rememberLang(req, res, this.config);
    const base = consoleDayUrl(edition, table);
    const ctx = { ...pageContext(req, this.config, hostContext(req).langHref), ...hostContext(req) };
    const page = { model, base, csrf: ctx.user?.csrf ?? '', flash: flashOf(q.flash), sheetHref: consoleUrls.sheet(edition, table) };
    sendPage(res, 200, renderTableHostConsolePage(ctx, page));
  }

  @Post(':edition/tables/:table/day/meetings/:id')
  async record(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Param('table') table: string,
    @Param('id', new ParseUUIDPipe()) id: string, @Body() form: TableHostForm, @Query() q: TableHostQuery, @CurrentPrincipal() by: Principal,
  ): Promise<void> {
    const flash = await recordFlash(() => this.day.record(edition, table, id, form.outcome, by.accountId));
    redirectTo(res, hostPageHref(consoleDayUrl(edition, table), hostContext(req).lang, q.day, flash, id));
  }
}

/** Refusals of the private link answer as short pages in the host's language: an invalid link, an expired form, an error. */
@Catch()
@Injectable()
export class TableHostPageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    super(config, {});
  }

  protected renderError(req: AuthenticatedRequest, res: Response, body: ErrorBody): void {
    const ctx = hostContext(req);
    const { t } = ctx;
    if (body.statusCode === 404) sendPage(res, 404, renderTableHostMessage(ctx, t('notFoundTitle'), t('notFoundText')));
    else if (body.statusCode === 403) sendPage(res, 403, renderTableHostMessage(ctx, t('forbiddenTitle'), t('forbiddenText'), `${req.path.replace(/\/meetings\/[^/]+$/, '')}?lang=${ctx.lang}`));
    else sendPage(res, body.statusCode, renderTableHostMessage(ctx, t('errorTitle'), t('errorText', { id: body.errorId ?? body.requestId ?? '-' })));
  }
}

const COOKIE_PATH = '/meetings/table-host';

/** The form's CSRF token: the session's when an organizer has one, else bound to a pre-session cookie set here. */
const formCsrf = (req: AuthenticatedRequest, res: Response, config: AppConfig): string => presessionFormCsrf(req, res, config, { path: COOKIE_PATH, maxAgeSeconds: 24 * 3600 });

@ApiExcludeController()
@Controller('meetings/table-host/:code/:table/:key')
@UseGuards(CsrfGuard)
@UseFilters(TableHostPageFilter)
export class TableHostLinkController {
  constructor(
    private readonly day: MeetingDayService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async page(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string, @Param('table') table: string, @Param('key') key: string, @Query() q: TableHostQuery,
  ): Promise<void> {
    const model = await this.day.hostDay(code, table, key, q.day);
    const ctx = hostContext(req);
    const page = { model, base: req.path.replace(/\/$/, ''), csrf: formCsrf(req, res, this.config), flash: flashOf(q.flash) };
    sendPage(res, 200, renderTableHostSitePage(ctx, page));
  }

  @Post('meetings/:id')
  @Public()
  async record(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string, @Param('table') table: string, @Param('key') key: string,
    @Param('id', new ParseUUIDPipe()) id: string, @Body() form: TableHostForm, @Query() q: TableHostQuery,
  ): Promise<void> {
    const flash = await recordFlash(() => this.day.hostRecord(code, table, key, id, form.outcome));
    redirectTo(res, hostPageHref(req.path.replace(/\/meetings\/[^/]+$/, ''), hostContext(req).lang, q.day, flash, id));
  }
}
