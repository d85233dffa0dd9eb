import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res, UseFilters } from '@nestjs/common';
import { editionsOfMember, EditionScopes } from '../../../core/auth/edition-scopes';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { AttendeesConsoleService } from '../attendees-console.service';
import { attendeesConsolePage, sendFile } from './attendees-console-page';
import { ATTENDEES_CONSOLE, consoleFilterOf, listUrl, renderDetailPage, renderEditionsPage, renderListPage } from './attendees-console.view';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

const EDITION_CODE = /^[a-z0-9-]{1,60}$/;

/**
 * The organizers' attendee pages: editions → an edition's attendees (search, filters, pages, counts,
 * CSV with the same filters and the console session) → one attendee. Each route one service call.
 */
@ApiExcludeController()
@Controller('console/attendees')
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('onsite')
export class AttendeesConsoleController {
  constructor(
    private readonly console: AttendeesConsoleService,
    private readonly config: AppConfig,
    private readonly scopes: EditionScopes,
  ) {}

  /** The editions; ?edition=<code> (the dashboard's links) goes to that edition's list. */
  @Get()
  async editions(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query('edition') edition?: string): Promise<void> {
    if (typeof edition === 'string' && EDITION_CODE.test(edition)) {
      const { filter, page } = consoleFilterOf(req.query);
      return redirectTo(res, listUrl(edition, filter, page));
    }
    const ctx = attendeesConsolePage(req, res, this.config);
    sendPage(res, 200, renderEditionsPage(ctx, await editionsOfMember(this.scopes, { orgAdmin: req.principal!.orgAdmin, grants: req.principal!.staffGrants }, ['onsite'], await this.console.editions())));
  }

  @Get(':code/attendees.csv')
  async csv(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string): Promise<void> {
    const { filename, body } = await this.console.csv(code, consoleFilterOf(req.query).filter);
    sendFile(res, { contentType: 'text/csv; charset=utf-8', disposition: 'attachment', filename, body });
  }

  @Get(':code')
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string): Promise<void> {
    const ctx = attendeesConsolePage(req, res, this.config);
    const { filter, page } = consoleFilterOf(req.query);
    sendPage(res, 200, renderListPage(ctx, await this.console.list(code, filter, page)));
  }

  @Get(':code/:id')
  async detail(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const ctx = attendeesConsolePage(req, res, this.config);
    sendPage(res, 200, renderDetailPage(ctx, await this.console.detail(code, id)));
  }
}

export { ATTENDEES_CONSOLE };
