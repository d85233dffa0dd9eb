import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { editionsOfMember, EditionScopes } from '../../../core/auth/edition-scopes';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { CsrfGuard } from '../../../core/web/csrf';
import { translator, type Lang } from '../../../core/web/i18n';
import { pageContext, redirectRefused, redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { PublicationService } from '../publication.service';
import { ScheduleChangesService } from '../schedule-changes.service';
import { SchedulingService } from '../scheduling.service';
import { MEETINGS_MESSAGES } from './messages';
import { MeetingsConsoleService } from './meetings-console.service';
import { CsrfForm, MeetingsPageQuery, MoveFormBody, SwapFormBody } from './meetings-console.forms';
import { renderEditionsPage, renderGridPage, renderOverviewPage, renderSheetsPage, type MeetingsPageContext } from './meetings-console.view';
import { consoleUrls, flashOf, MEETINGS_PAGE, refusalOutcome, withOutcome, type Outcome } from './meetings-console.view-model';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

/** The console context of a request (language, user, CSRF token) with this section's messages. */
export function meetingsContext(req: AuthenticatedRequest, config: AppConfig, path: string): MeetingsPageContext {
  const base = pageContext(req, config, (lang: Lang) => `${path}?lang=${lang}`);
  return { lang: base.lang, langHref: base.langHref, user: base.user, t: translator(MEETINGS_MESSAGES, base.lang) };
}

/**
 * A form post's one service call, then 303 back to `back` with the outcome; a refusal the
 * organizer can act on (frozen, a broken rule, already answered…) comes back as an error flash.
 */
export async function postAndReturn(res: Response, back: string, call: () => Promise<Outcome>): Promise<void> {
  let outcome: Outcome;
  try {
    outcome = await call();
  } catch (error) {
    const refused = refusalOutcome(error);
    if (!refused) throw error;
    return redirectRefused(res, withOutcome(back, refused));
  }
  redirectTo(res, withOutcome(back, outcome));
}

/**
 * The export-meeting pages of the organizer console: the editions, an edition's overview, the
 * slots × tables grid with its hand changes (move, swap, cancel), freeze, publish and unpublish,
 * the printable sheets per table and the schedule CSV with the page session.
 */
@ApiExcludeController()
@Controller('console/meetings')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('meetings')
export class MeetingsConsoleController {
  constructor(
    private readonly pages: MeetingsConsoleService,
    private readonly scheduling: SchedulingService,
    private readonly changes: ScheduleChangesService,
    private readonly publication: PublicationService,
    private readonly config: AppConfig,
    private readonly scopes: EditionScopes,
  ) {}

  @Get()
  async editions(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: MeetingsPageQuery): Promise<void> {
    if (q.edition) return redirectTo(res, consoleUrls.overview(q.edition));
    const editions = await editionsOfMember(this.scopes, { orgAdmin: req.principal!.orgAdmin, grants: req.principal!.staffGrants }, ['meetings'], await this.pages.editions());
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderEditionsPage(meetingsContext(req, this.config, MEETINGS_PAGE), editions));
  }

  @Get(':edition')
  async overview(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() _q: MeetingsPageQuery): Promise<void> {
    const model = await this.pages.overview(edition);
    if (model.redirect) return redirectTo(res, consoleUrls.overview(model.redirect));
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderOverviewPage(meetingsContext(req, this.config, consoleUrls.overview(edition)), model));
  }

  @Get(':edition/grid')
  async grid(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() q: MeetingsPageQuery): Promise<void> {
    const model = await this.pages.grid(edition);
    rememberLang(req, res, this.config);
    const ctx = meetingsContext(req, this.config, consoleUrls.grid(edition));
    sendPage(res, 200, renderGridPage(ctx, model, flashOf(q, ctx.t)));
  }

  /** The schedule as CSV with the page session (UTF-8 with a BOM: Excel reads Korean). */
  @Get(':edition/schedule.csv')
  async csv(@Res() res: Response, @Param('edition') edition: string): Promise<void> {
    const csv = await this.scheduling.scheduleCsv(edition);
    res.status(200).setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="export-meetings-${edition.replace(/[^A-Za-z0-9_-]/g, '_')}.csv"`);
    res.type('text/csv; charset=utf-8').send(csv);
  }

  @Get(':edition/tables')
  async allSheets(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() _q: MeetingsPageQuery): Promise<void> {
    const model = await this.pages.grid(edition);
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderSheetsPage(meetingsContext(req, this.config, consoleUrls.sheets(edition)), model, model.tables, true));
  }

  @Get(':edition/tables/:table')
  async sheet(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Param('table') table: string, @Query() _q: MeetingsPageQuery,
  ): Promise<void> {
    const model = await this.pages.grid(edition);
    const ctx = meetingsContext(req, this.config, consoleUrls.sheet(edition, table));
    if (!model.tables.includes(table)) throw new DomainError(ErrorCode.NotFound, ctx.t('unknownTable', { edition: model.edition.code, table }));
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderSheetsPage(ctx, model, [table], false));
  }

  @Post(':edition/grid/meetings/:id/move')
  move(@Res() res: Response, @Param('edition') edition: string, @CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: MoveFormBody): Promise<void> {
    return postAndReturn(res, consoleUrls.grid(edition), async () => ({
      flash: 'moved',
      notified: (await this.changes.move(edition, id, { slot: form.slot ?? '', table: form.table || undefined }, principal)).notified,
    }));
  }

  @Post(':edition/grid/meetings/:id/swap')
  swap(@Res() res: Response, @Param('edition') edition: string, @CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: SwapFormBody): Promise<void> {
    return postAndReturn(res, consoleUrls.grid(edition), async () => ({ flash: 'swapped', notified: (await this.changes.swap(edition, id, form.with ?? '', principal)).notified }));
  }

  @Post(':edition/grid/meetings/:id/cancel')
  cancel(@Res() res: Response, @Param('edition') edition: string, @CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() _form: CsrfForm): Promise<void> {
    return postAndReturn(res, consoleUrls.grid(edition), async () => ({ flash: 'cancelled', notified: (await this.changes.cancel(edition, id, principal)).notified }));
  }

  @Post(':edition/grid/freeze')
  freeze(@Res() res: Response, @Param('edition') edition: string, @CurrentPrincipal() by: Principal, @Body() _form: CsrfForm): Promise<void> {
    return postAndReturn(res, consoleUrls.grid(edition), async () => (await this.changes.setFrozen(edition, true, by), { flash: 'frozen' }));
  }

  @Post(':edition/grid/unfreeze')
  unfreeze(@Res() res: Response, @Param('edition') edition: string, @CurrentPrincipal() by: Principal, @Body() _form: CsrfForm): Promise<void> {
    return postAndReturn(res, consoleUrls.grid(edition), async () => (await this.changes.setFrozen(edition, false, by), { flash: 'unfrozen' }));
  }

  @Post(':edition/grid/publish')
  publish(@Res() res: Response, @Param('edition') edition: string, @CurrentPrincipal() principal: Principal, @Body() _form: CsrfForm): Promise<void> {
    return postAndReturn(res, consoleUrls.grid(edition), async () => {
      const r = await this.publication.publish(edition, principal);
      return { flash: 'published', count: r.published, notified: r.notified };
    });
  }

  @Post(':edition/grid/unpublish')
  unpublish(@Res() res: Response, @Param('edition') edition: string, @CurrentPrincipal() principal: Principal, @Body() _form: CsrfForm): Promise<void> {
    return postAndReturn(res, consoleUrls.grid(edition), async () => ({ flash: 'unpublished', count: (await this.publication.unpublish(edition, principal)).unpublished }));
  }
}
