import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../core/auth/principal';
import { Roles } from '../../core/auth/roles.decorator';
import { AppConfig } from '../../core/config/app-config';
import { pageContext, redirectTo, rememberLang, sendPage } from '../../core/web/console-context';
import { ConsolePageFilter } from '../../core/web/console-page.filter';
import { CsrfGuard } from '../../core/web/csrf';
import { ConsoleProgrammeService } from './console-programme.service';
import { EMPTY_SESSION, SessionForm, sessionValues } from './programme.forms';
import { PROGRAMME_PAGE, programmeHref, programmeListView, programmePageView } from './programme.view-model';
import { renderProgrammeList, renderProgrammePage } from './programme.view';
import { StaffRoles } from '../../core/auth/staff-roles.decorator';

class ProgrammeQuery {
  @IsOptional() @IsString() @MaxLength(10) lang?: string;
  @IsOptional() @IsString() @MaxLength(40) flash?: string;
}

/** The console's programme: the editions, an edition's sessions by day, adding a session. */
@ApiExcludeController()
@Controller('console/programme')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
export class ProgrammeController {
  constructor(
    private readonly programme: ConsoleProgrammeService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @StaffRoles('venue')
  @Roles('organizer')
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() _q: ProgrammeQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = pageContext(req, this.config, (lang) => `${PROGRAMME_PAGE}?lang=${lang}`);
    sendPage(res, 200, renderProgrammeList(ctx, programmeListView(await this.programme.editionList(), ctx.lang)));
  }

  @Get(':code')
  @StaffRoles('venue')
  @Roles('organizer')
  async page(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string, @Query() q: ProgrammeQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = pageContext(req, this.config, (lang) => `${programmeHref(code)}?lang=${lang}`);
    const data = await this.programme.page(code);
    sendPage(res, 200, renderProgrammePage(ctx, programmePageView(data, { values: EMPTY_SESSION, errors: {}, added: q.flash === 'added' }, ctx.lang)));
  }

  @Post(':code/sessions')
  @StaffRoles('venue')
  @Roles('organizer')
  async add(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('code') code: string, @Body() form: SessionForm): Promise<void> {
    const values = sessionValues(form);
    const outcome = await this.programme.addSession(code, values);
    if (outcome.ok) return redirectTo(res, `${programmeHref(code)}?flash=added`);
    const ctx = pageContext(req, this.config, (lang) => `${programmeHref(code)}?lang=${lang}`);
    sendPage(res, 400, renderProgrammePage(ctx, programmePageView(outcome.data, { values, errors: outcome.errors }, ctx.lang)));
  }
}
