import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { pageContext, redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { CsrfGuard } from '../../../core/web/csrf';
import { translator, type Lang } from '../../../core/web/i18n';
import { CONSOLE_MESSAGES } from './messages';
import { VenueConsolePageService, type VenuePageData } from './venue-console-page.service';
import { HoldForm, ReturnToForm, VenuePageQuery, type ConsoleView } from './venue-console.forms';
import { renderVenuePage, venuePageModel, venueUrl, type PageContext } from './venue-console.view';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

/**
 * The organizer's web console for the venue: the bookings grid under /console/venue, a session
 * cookie, CSRF tokens on every form. Each handler makes one call to VenueConsolePageService and
 * renders; the page's words and choices are in the view (venuePageModel, renderVenuePage).
 */
@ApiExcludeController()
@Controller('console/venue')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
export class VenueConsoleController {
  constructor(
    private readonly pages: VenueConsolePageService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @StaffRoles('venue', { scope: 'any' })
  @Roles('organizer')
  async venuePage(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() query: VenuePageQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const view: ConsoleView = query.view === 'week' ? 'week' : 'day';
    const data = await this.pages.page(view, query.date);
    this.render(req, res, 200, data, query.flash);
  }

  @Post('bookings')
  @StaffRoles('venue', { scope: 'any' })
  @Roles('organizer')
  async hold(@Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Body() body: HoldForm): Promise<void> {
    const outcome = await this.pages.hold(principal, body, this.lang(req));
    if (outcome.ok) return redirectTo(res, outcome.redirect);
    // The page again, with what the user typed and what is wrong with it.
    this.render(req, res, outcome.status, outcome.page);
  }

  @Post('bookings/:id/confirm')
  @StaffRoles('venue', { scope: 'booking' })
  @Roles('organizer')
  async confirm(@Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: ReturnToForm): Promise<void> {
    redirectTo(res, await this.pages.confirm(principal, id, form));
  }

  @Post('bookings/:id/cancel')
  @StaffRoles('venue', { scope: 'booking' })
  @Roles('organizer')
  async cancel(@Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: ReturnToForm): Promise<void> {
    redirectTo(res, await this.pages.cancel(principal, id, form));
  }

  private lang(req: AuthenticatedRequest): Lang {
    return pageContext(req, this.config, () => '').lang;
  }

  private render(req: AuthenticatedRequest, res: Response, status: number, data: VenuePageData, flash?: string): void {
    const base = pageContext(req, this.config, (lang) => venueUrl({ date: data.date, view: data.view, lang }));
    const ctx: PageContext = { ...base, t: translator(CONSOLE_MESSAGES, base.lang) };
    sendPage(res, status, renderVenuePage(ctx, venuePageModel(data, flash, ctx.t)));
  }
}
