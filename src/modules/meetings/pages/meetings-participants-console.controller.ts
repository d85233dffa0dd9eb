import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UploadedFile, UseFilters, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, type AuthenticatedRequest, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { CsrfGuard, CsrfRejected, sessionBinding, verifyCsrfToken } from '../../../core/web/csrf';
import { redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { MeetingsService } from '../meetings.service';
import { meetingsContext, postAndReturn } from './meetings-console.controller';
import { AvailabilityFormBody, ImportFormBody, MeetingsPageQuery, ParticipantFormBody } from './meetings-console.forms';
import { MeetingsConsoleService } from './meetings-console.service';
import { consoleUrls, fieldErrors, flashOf, importProblems, manyOf, withOutcome } from './meetings-console.view-model';
import { PARTICIPANT_FIELDS, renderParticipantPage, renderParticipantsPage } from './meetings-participants.view';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

/** At most this much CSV per upload (the import allows 2000 buyers). */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

/**
 * The participants of an edition's export meetings in the console: the list, the add form, the
 * buyer CSV import (all or nothing, as the API's: a file with a wrong line imports nothing and
 * the page lists every problem by line number) and each participant's availability.
 */
@ApiExcludeController()
@Controller('console/meetings/:edition/participants')
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('meetings')
export class MeetingsParticipantsConsoleController {
  constructor(
    private readonly pages: MeetingsConsoleService,
    private readonly meetings: MeetingsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() q: MeetingsPageQuery): Promise<void> {
    const model = await this.pages.participants(edition);
    rememberLang(req, res, this.config);
    const ctx = meetingsContext(req, this.config, consoleUrls.participants(edition));
    sendPage(res, 200, renderParticipantsPage(ctx, model, { flash: flashOf(q, ctx.t) }));
  }

  /** The import's address read with GET (a reload, a link on the refused import's page): back to the form. */
  @Get('import')
  importForm(@Res() res: Response, @Param('edition') edition: string): void {
    redirectTo(res, `${consoleUrls.participants(edition)}#import`);
  }

  @Post()
  @UseGuards(CsrfGuard)
  async add(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Body() form: ParticipantFormBody): Promise<void> {
    try {
      await this.pages.addParticipant(edition, form);
    } catch (error) {
      if (!(error instanceof DomainError) || ![ErrorCode.ValidationFailed, ErrorCode.Conflict].includes(error.code)) throw error;
      const ctx = meetingsContext(req, this.config, consoleUrls.participants(edition));
      const errors = fieldErrors(error, ctx.t, PARTICIPANT_FIELDS);
      sendPage(res, error.status, renderParticipantsPage(ctx, await this.pages.participants(edition), { form, errors }));
      return;
    }
    redirectTo(res, `${withOutcome(consoleUrls.participants(edition), { flash: 'added' })}#add`);
  }

  /** Multipart (a file) or a pasted CSV; multer reads the body after the guards, so the CSRF token is checked here. */
  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 2, parts: 3 } }))
  async import(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @CurrentPrincipal() principal: Principal, @Param('edition') edition: string,
    @Body() form: ImportFormBody, @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<void> {
    if (!verifyCsrfToken(this.config.appSecret, sessionBinding(principal.sessionId), form._csrf)) throw new CsrfRejected();
    const fromFile = file && file.buffer.length > 0 ? file.buffer.toString('utf8') : '';
    const csv = fromFile || form.csv || '';
    const ctx = meetingsContext(req, this.config, consoleUrls.participants(edition));
    if (csv.trim() === '') {
      sendPage(res, 400, renderParticipantsPage(ctx, await this.pages.participants(edition), { importEmpty: true }));
      return;
    }
    let imported: number;
    try {
      imported = (await this.meetings.importBuyers(edition, csv)).imported;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.ValidationFailed) throw error;
      const problems = importProblems(error, ctx.t, ctx.lang);
      sendPage(res, 400, renderParticipantsPage(ctx, await this.pages.participants(edition), { importText: csv.replace(/^\uFEFF/, ''), importProblems: problems }));
      return;
    }
    redirectTo(res, withOutcome(consoleUrls.participants(edition), { flash: 'imported', count: imported }));
  }

  @Get(':id')
  async participant(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string, @Query() q: MeetingsPageQuery,
  ): Promise<void> {
    const model = await this.pages.participant(edition, id);
    rememberLang(req, res, this.config);
    const ctx = meetingsContext(req, this.config, consoleUrls.participant(edition, id));
    sendPage(res, 200, renderParticipantPage(ctx, model, flashOf(q, ctx.t)));
  }

  @Post(':id/availability')
  @UseGuards(CsrfGuard)
  availability(@Res() res: Response, @Param('edition') edition: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: AvailabilityFormBody): Promise<void> {
    return postAndReturn(res, consoleUrls.participant(edition, id), async () => {
      await this.meetings.setAvailability(edition, id, manyOf(form.away));
      return { flash: 'availability' };
    });
  }
}
