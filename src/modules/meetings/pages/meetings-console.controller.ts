import { Controller, Get, Param, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { CsrfGuard } from '../../../core/web/csrf';
import { translator, type Lang } from '../../../core/web/i18n';
import { pageContext, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { editionNameOrCode } from '../../fairs/domain/edition-name';
import { MeetingsService } from '../meetings.service';
import { SchedulingService } from '../scheduling.service';
import { MEETINGS_MESSAGES } from './messages';
import {
  allSheetsUrl, gridUrl, renderGridPage, renderSheetsPage, sheetUrl, toConsoleMeetings, type MeetingsPageContext, type MeetingsPageModel,
} from './meetings-console.view';

/**
 * Read-only export-meeting pages of the organizer console: the slots × tables grid and the
 * printable sheets per table for the floor staff. Same frame as the venue console (session
 * cookie, console error pages, login redirect); the data comes from the scheduling service.
 */
@ApiExcludeController()
@Controller('console/meetings')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
export class MeetingsConsoleController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly scheduling: SchedulingService,
    private readonly config: AppConfig,
  ) {}

  @Get(':edition')
  @Roles('organizer')
  async grid(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string): Promise<void> {
    const model = await this.model(edition);
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderGridPage(this.context(req, gridUrl(edition)), model));
  }

  @Get(':edition/tables')
  @Roles('organizer')
  async allSheets(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string): Promise<void> {
    const model = await this.model(edition);
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderSheetsPage(this.context(req, allSheetsUrl(edition)), model, model.tables, true));
  }

  @Get(':edition/tables/:table')
  @Roles('organizer')
  async sheet(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Param('table') table: string): Promise<void> {
    const model = await this.model(edition);
    if (!model.tables.includes(table)) {
      const { t } = this.context(req, gridUrl(edition));
      throw new DomainError(ErrorCode.NotFound, t('unknownTable', { edition: model.edition.code, table }));
    }
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderSheetsPage(this.context(req, sheetUrl(edition, table)), model, [table], false));
  }

  /** The venue console's context (language, user, CSRF token for logout) with this page's messages. */
  private context(req: AuthenticatedRequest, path: string): MeetingsPageContext {
    const base = pageContext(req, this.config, (lang: Lang) => `${path}?lang=${lang}`);
    return { lang: base.lang, langHref: base.langHref, user: base.user, t: translator(MEETINGS_MESSAGES, base.lang) };
  }

  private async model(code: string): Promise<MeetingsPageModel> {
    // An unknown edition throws NotFound here, which the filter shows as the console's 404 page.
    const edition = await this.meetings.edition(code);
    const [gathered, schedule] = await Promise.all([this.scheduling.gather(edition), this.scheduling.schedule(code)]);
    const country = new Map(gathered.participants.map((p) => [p.id, p.country]));
    const buyerOf = new Map(gathered.live.map((m) => [m.id, m.request?.buyerId]));
    return {
      edition: { code: edition.code, nameKo: editionNameOrCode(edition, 'ko'), nameEn: editionNameOrCode(edition, 'en') },
      slots: gathered.slots,
      tables: gathered.tables.map((t) => t.code),
      meetings: toConsoleMeetings(schedule, gathered.interpreters, (id) => {
        const buyer = buyerOf.get(id);
        return buyer ? country.get(buyer) : undefined;
      }),
    };
  }
}
