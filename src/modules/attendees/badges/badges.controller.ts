import { Controller, Get, Param, ParseUUIDPipe, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { attendeesConsoleContext, attendeesConsolePage, sendFile } from '../pages/attendees-console-page';
import { consoleFilterOf } from '../pages/attendees-console.view';
import { renderBadgePdfFailure, renderBadgeSheetPage } from './badge-print.view';
import { badgeSizeOf } from './badge.view-model';
import { BadgesService, type BadgePdf } from './badges.service';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

/**
 * Badges to print, for organizers: one attendee's and an edition's (the list's filters), as a print
 * page (CSS @page of the chosen paper) and as PDF. Registered before the attendee console's
 * `:code/:id` route, which would otherwise take `badges` for an id.
 */
@ApiExcludeController()
@Controller('console/attendees')
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('onsite')
export class BadgesController {
  constructor(
    private readonly badges: BadgesService,
    private readonly config: AppConfig,
  ) {}

  @Get(':code/badges')
  async bulk(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string): Promise<void> {
    const ctx = attendeesConsolePage(req, res, this.config);
    const sheet = await this.badges.bulk(code, consoleFilterOf(req.query).filter, badgeSizeOf(req.query.size));
    sendPage(res, 200, renderBadgeSheetPage(ctx, sheet));
  }

  @Get(':code/badges.pdf')
  async bulkPdf(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string): Promise<void> {
    this.send(req, res, await this.badges.bulkPdf(code, consoleFilterOf(req.query).filter, badgeSizeOf(req.query.size)));
  }

  @Get(':code/:id/badge')
  async one(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    const ctx = attendeesConsolePage(req, res, this.config);
    sendPage(res, 200, renderBadgeSheetPage(ctx, await this.badges.one(code, id, badgeSizeOf(req.query.size))));
  }

  @Get(':code/:id/badge.pdf')
  async onePdf(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    this.send(req, res, await this.badges.onePdf(code, id, badgeSizeOf(req.query.size)));
  }

  private send(req: AuthenticatedRequest, res: Response, pdf: BadgePdf): void {
    if (!pdf.ok) {
      const { status, page } = renderBadgePdfFailure(attendeesConsoleContext(req, this.config), pdf);
      return sendPage(res, status, page);
    }
    sendFile(res, { contentType: 'application/pdf', disposition: 'inline', filename: pdf.filename, body: pdf.bytes });
  }
}
