import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { CsrfGuard } from '../../../core/web/csrf';
import { rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { MeetingsService } from '../meetings.service';
import { ScheduleChangesService } from '../schedule-changes.service';
import { meetingsContext, postAndReturn } from './meetings-console.controller';
import { LockFormBody, RequestsPageQuery, ReturnForm } from './meetings-console.forms';
import { MeetingsConsoleService } from './meetings-console.service';
import { consoleUrls, flashOf } from './meetings-console.view-model';
import { renderRequestsPage, requestFiltersOf, requestsListUrl } from './meetings-requests.view';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

/** Back to the filtered list the form came from; anything else goes to the plain list. */
export function requestsReturn(edition: string, returnTo: string | undefined): string {
  const base = consoleUrls.requests(edition);
  if (!returnTo || /[\r\n\\#]/.test(returnTo)) return base;
  if (returnTo !== base && !returnTo.startsWith(`${base}?`)) return base;
  return requestsListUrl(edition, requestFiltersOf(Object.fromEntries(new URLSearchParams(returnTo.slice(base.length + 1)))));
}

/** Meeting requests in the console: filters, answers on behalf of the recipient, lock and unlock. */
@ApiExcludeController()
@Controller('console/meetings/:edition/requests')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('meetings')
export class MeetingsRequestsConsoleController {
  constructor(
    private readonly pages: MeetingsConsoleService,
    private readonly meetings: MeetingsService,
    private readonly changes: ScheduleChangesService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() q: RequestsPageQuery): Promise<void> {
    const filters = requestFiltersOf(q);
    const model = await this.pages.requests(edition, filters);
    rememberLang(req, res, this.config);
    const ctx = meetingsContext(req, this.config, consoleUrls.requests(edition));
    sendPage(res, 200, renderRequestsPage(ctx, model, filters, flashOf(q, ctx.t)));
  }

  @Post(':id/accept')
  accept(@Res() res: Response, @Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: ReturnForm): Promise<void> {
    return postAndReturn(res, requestsReturn(edition, form.returnTo), async () => (await this.meetings.answer(edition, id, 'accepted'), { flash: 'accepted' }));
  }

  @Post(':id/decline')
  decline(@Res() res: Response, @Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: ReturnForm): Promise<void> {
    return postAndReturn(res, requestsReturn(edition, form.returnTo), async () => (await this.meetings.answer(edition, id, 'declined'), { flash: 'declined' }));
  }

  @Post(':id/lock')
  lock(@Res() res: Response, @Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: LockFormBody): Promise<void> {
    return postAndReturn(res, requestsReturn(edition, form.returnTo), async () => (
      await this.changes.lock(edition, id, { slot: form.slot ?? '', table: form.table ?? '' }), { flash: 'locked' }
    ));
  }

  @Post(':id/unlock')
  unlock(@Res() res: Response, @Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: ReturnForm): Promise<void> {
    return postAndReturn(res, requestsReturn(edition, form.returnTo), async () => (await this.changes.unlock(edition, id), { flash: 'unlocked' }));
  }
}
