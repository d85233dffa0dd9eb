import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../core/auth/principal';
import { Public, Roles } from '../../core/auth/roles.decorator';
import { AppConfig } from '../../core/config/app-config';
import { pageContext, rememberLang, sendPage } from '../../core/web/console-context';
import { ConsolePageFilter } from '../../core/web/console-page.filter';
import { ConsoleDashboardService } from './console-dashboard.service';
import { DASHBOARD_PAGE, dashboardView, withoutRefusedLinks } from './dashboard.view-model';
import { DASHBOARD_LIVE_SOURCE, renderDashboardPage } from './dashboard.view';
import { StaffRoles } from '../../core/auth/staff-roles.decorator';

class DashboardQuery {
  @IsOptional() @IsString() @MaxLength(80) edition?: string;
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
}

/** The console's home: an edition's figures at a glance, each linking to the section that shows it. */
@ApiExcludeController()
@Controller('console')
@UseFilters(ConsolePageFilter)
export class DashboardController {
  constructor(
    private readonly dashboard: ConsoleDashboardService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @StaffRoles('reviewer', 'venue', 'meetings', 'onsite')
  @Roles('organizer')
  async page(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() query: DashboardQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const data = await this.dashboard.dashboard(query.edition || undefined, { orgAdmin: req.principal!.orgAdmin, grants: req.principal!.staffGrants });
    const ctx = pageContext(req, this.config, (lang) => `${DASHBOARD_PAGE}?${new URLSearchParams({ ...(data.edition && { edition: data.edition.code }), lang }).toString()}`);
    const view = dashboardView(data, ctx.lang);
    const panels = data.edition ? withoutRefusedLinks(view.panels, { orgAdmin: req.principal!.orgAdmin, grants: req.principal!.staffGrants }, data.edition.id) : view.panels;
    sendPage(res, 200, renderDashboardPage(ctx, { ...view, panels }));
  }

  /** The refresh while the fair runs (same origin: the CSP allows script-src 'self'). It holds nothing secret. */
  @Get('dashboard-live.js')
  @Public()
  liveScript(@Res() res: Response): void {
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.status(200).send(DASHBOARD_LIVE_SOURCE);
  }
}
