import { Controller, Get, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { pageContext, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { CsrfGuard } from '../../../core/web/csrf';
import { translator, type Lang } from '../../../core/web/i18n';
import { ResultsReportService } from '../results-report.service';
import { MeetingsPageQuery } from './meetings-console.forms';
import { RESULTS_MESSAGES } from './results-report.messages';
import { renderResultsPage, renderSummaryPage, resultsCsv, resultsUrls, type ResultsPageContext } from './results-report.view';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';

function resultsContext(req: AuthenticatedRequest, config: AppConfig, path: string): ResultsPageContext {
  const base = pageContext(req, config, (lang: Lang) => `${path}?lang=${lang}`);
  return { ...base, t: translator(RESULTS_MESSAGES, base.lang) };
}

/**
 * The export meetings' results report of an edition (organizers only): the page, the printable A4
 * summary, and the CSV with the page session.
 */
@ApiExcludeController()
@Controller('console/meetings/:edition')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('meetings')
export class ResultsReportConsoleController {
  constructor(
    private readonly results: ResultsReportService,
    private readonly config: AppConfig,
  ) {}

  @Get('results')
  async page(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() _q: MeetingsPageQuery): Promise<void> {
    const model = await this.results.report(edition);
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderResultsPage(resultsContext(req, this.config, resultsUrls.page(edition)), model));
  }

  @Get('results/summary')
  async summary(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() _q: MeetingsPageQuery): Promise<void> {
    const model = await this.results.report(edition);
    rememberLang(req, res, this.config);
    sendPage(res, 200, renderSummaryPage(resultsContext(req, this.config, resultsUrls.summary(edition)), model));
  }

  /** UTF-8 with a BOM (Excel reads Korean), in the page language. */
  @Get('results.csv')
  async csv(@Req() req: AuthenticatedRequest, @Res() res: Response, @Param('edition') edition: string, @Query() _q: MeetingsPageQuery): Promise<void> {
    const model = await this.results.report(edition);
    const ctx = resultsContext(req, this.config, resultsUrls.csv(edition));
    res.status(200).setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="meeting-results-${edition.replace(/[^A-Za-z0-9_-]/g, '_')}.csv"`);
    res.type('text/csv; charset=utf-8').send(resultsCsv(model, ctx.lang, ctx.t));
  }
}
