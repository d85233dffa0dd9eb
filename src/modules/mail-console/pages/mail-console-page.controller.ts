import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { CsrfGuard } from '../../../core/web/csrf';
import { translator, type Lang } from '../../../core/web/i18n';
import { pageContext, redirectTo, rememberLang, sendPage } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { MailConsoleService } from '../mail-console.service';
import { filtersOf, isTemplateName, isUuid, MailPageQuery, ResendFailedForm, ResendForm, safeReturn, withFlash } from './mail-console-page.forms';
import { MAIL_CONSOLE_MESSAGES, type MailConsoleT } from './messages';
import { mailFlash, mailUrl, renderMailPage, type MailPageContext } from './mail-console.view';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';


/**
 * The organizer's mail page: outgoing emails with filters and search, their state, attempts,
 * times and failure reasons, and "send again" forms. Same frame as the venue console (session
 * cookie, CSRF tokens, console error pages, login redirect); the data comes from MailConsoleService.
 */
@ApiExcludeController()
@Controller('console/mail')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('admin', { scope: 'any' })
export class MailConsolePageController {
  constructor(
    private readonly mail: MailConsoleService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async page(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() query: MailPageQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const filters = filtersOf(query);
    const ctx = this.context(req, filters);
    const { messages, batches, templates } = await this.mail.overview(filters);
    sendPage(res, 200, renderMailPage(ctx, { filters, templates, messages, batches, flash: mailFlash(query.flash, query.count, ctx.t) }));
  }

  @Post('messages/:id/resend')
  async resend(@Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: ResendForm): Promise<void> {
    let flash: string;
    try {
      flash = (await this.mail.resend(id)).outcome;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.IllegalTransition) flash = 'not-resendable';
      else if (error.code === ErrorCode.NotFound) flash = 'not-found';
      else throw error;
    }
    redirectTo(res, withFlash(safeReturn(form.returnTo), flash));
  }

  @Post('resend-failed')
  async resendFailed(@Res() res: Response, @Body() form: ResendFailedForm): Promise<void> {
    const { count } = await this.mail.resendFailed({
      template: isTemplateName(form.template) ? form.template : undefined,
      batch: isUuid(form.batch) ? form.batch : undefined,
    });
    redirectTo(res, withFlash(safeReturn(form.returnTo), 'resent-all', count));
  }

  private context(req: AuthenticatedRequest, filters: ReturnType<typeof filtersOf>): MailPageContext {
    const base = pageContext(req, this.config, (lang: Lang) => mailUrl({ ...filters, lang }));
    const t: MailConsoleT = translator(MAIL_CONSOLE_MESSAGES, base.lang);
    return { lang: base.lang, langHref: base.langHref, user: base.user, t };
  }
}

