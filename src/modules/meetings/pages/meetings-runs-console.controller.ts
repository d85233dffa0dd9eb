import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { CsrfGuard } from '../../../core/web/csrf';
import { redirectRefused, redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { SchedulingService } from '../scheduling.service';
import { meetingsContext } from './meetings-console.controller';
import { MeetingsPageQuery, RunFormBody } from './meetings-console.forms';
import { MeetingsConsoleService } from './meetings-console.service';
import { consoleUrls, flashOf, refusalOutcome, withOutcome } from './meetings-console.view-model';
import { renderRunPage } from './meetings-run.view';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

/**
 * The scheduler from the console: start a run (the same BullMQ job as POST schedule-runs), then
 * follow it on its page, which reloads itself while the run is queued or running.
 */
@ApiExcludeController()
@Controller('console/meetings/:edition/runs')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('meetings')
export class MeetingsRunsConsoleController {
  constructor(
    private readonly pages: MeetingsConsoleService,
    private readonly scheduling: SchedulingService,
    private readonly config: AppConfig,
  ) {}

  /** The start button and the latest run. */
  @Get()
  async latest(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() q: MeetingsPageQuery): Promise<void> {
    const model = await this.pages.run(edition);
    rememberLang(req, res, this.config);
    const ctx = meetingsContext(req, this.config, consoleUrls.runs(edition));
    sendPage(res, 200, renderRunPage(ctx, model, flashOf(q, ctx.t)));
  }

  @Post()
  async start(@Res() res: Response, @Param('edition') edition: string, @CurrentPrincipal() by: Principal, @Body() form: RunFormBody): Promise<void> {
    try {
      const run = await this.scheduling.start(edition, { fairness: form.fairness === 'strict' ? 'strict' : 'weight' }, by);
      redirectTo(res, consoleUrls.run(edition, run.id));
    } catch (error) {
      const refused = refusalOutcome(error);
      if (!refused) throw error;
      redirectRefused(res, withOutcome(consoleUrls.runs(edition), refused));
    }
  }

  @Get(':id')
  async run(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string, @Query() q: MeetingsPageQuery,
  ): Promise<void> {
    const model = await this.pages.run(edition, id);
    rememberLang(req, res, this.config);
    const ctx = meetingsContext(req, this.config, consoleUrls.run(edition, id));
    sendPage(res, 200, renderRunPage(ctx, model, flashOf(q, ctx.t)));
  }
}
