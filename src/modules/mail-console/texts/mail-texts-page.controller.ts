import { Body, Controller, Get, Param, ParseEnumPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import type { AuthenticatedRequest, Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import type { MailLocale } from '../../../core/mail/mail-template';
import { BODY_MAX, SUBJECT_MAX } from '../../../core/mail/mail-text';
import { pageContext, redirectTo, rememberLang, sendPage, type ConsoleContext } from '../../../core/web/console-context';
import { ConsolePageFilter } from '../../../core/web/console-page.filter';
import { CsrfGuard } from '../../../core/web/csrf';
import { CsrfForm } from '../../../core/web/forms';
import { translator, type Lang } from '../../../core/web/i18n';
import { FairsDirectory } from '../../fairs/fairs-directory';
import { MAIL_TEXTS_WORDS } from './mail-texts-page.messages';
import { renderEditionPicker, renderKindList, renderTextEditor, textsUrl, textUrl, type TextEditorView } from './mail-texts-page.view';
import { MailTextsService } from './mail-texts.service';

const locale = new ParseEnumPipe({ ko: 'ko', en: 'en' });

class TextsPageQuery {
  @IsOptional() @IsString() @MaxLength(80) edition?: string;
  @IsOptional() @IsIn(['ko', 'en']) lang?: Lang;
  @IsOptional() @IsIn(['saved', 'reset']) flash?: 'saved' | 'reset';
}

class TextForm extends CsrfForm {
  @IsIn(['save', 'preview', 'reset']) intent: 'save' | 'preview' | 'reset';
  @IsOptional() @IsString() @MaxLength(SUBJECT_MAX * 4) subject?: string;
  @IsOptional() @IsString() @MaxLength(BODY_MAX * 2) body?: string;
}

/**
 * /console/mail/texts?edition=CODE: an edition's email kinds, and per kind and language the editor
 * with its placeholders, a preview with sample data (rendered as the worker would send it), save and
 * reset. The same MailTextsService as the API under /api/editions/{edition}/mail-texts.
 */
@ApiExcludeController()
@Controller('console/mail/texts')
@UseGuards(CsrfGuard)
@UseFilters(ConsolePageFilter)
@Roles('organizer')
@StaffRoles('admin')
export class MailTextsPageController {
  constructor(
    private readonly texts: MailTextsService,
    private readonly fairs: FairsDirectory,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: TextsPageQuery): Promise<void> {
    rememberLang(req, res, this.config);
    const ctx = this.context(req, (lang) => textsUrl(q.edition, lang));
    if (!q.edition) {
      sendPage(res, 200, renderEditionPicker(ctx, await this.fairs.editions({ includeDrafts: true })));
      return;
    }
    const { edition, kinds } = await this.texts.list(q.edition);
    const flash = q.flash === 'reset' ? translator(MAIL_TEXTS_WORDS, ctx.lang)('resetDone') : undefined;
    sendPage(res, 200, renderKindList(ctx, edition, kinds, flash));
  }

  @Get(':template/:locale')
  async edit(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: TextsPageQuery,
    @Param('template') key: string, @Param('locale', locale) textLocale: MailLocale,
  ): Promise<void> {
    rememberLang(req, res, this.config);
    const code = this.requireEdition(q.edition);
    const ctx = this.context(req, (lang) => textUrl(code, key, textLocale, { lang }));
    const t = translator(MAIL_TEXTS_WORDS, ctx.lang);
    const view = await this.editorView(code, key, textLocale);
    const flash = q.flash === 'saved' ? t('saved') : q.flash === 'reset' ? t('resetDone') : undefined;
    sendPage(res, 200, renderTextEditor(ctx, { ...view, flash }));
  }

  @Post(':template/:locale')
  async post(
    @Req() req: AuthenticatedRequest, @Res() res: Response, @Query() q: TextsPageQuery,
    @Param('template') key: string, @Param('locale', locale) textLocale: MailLocale, @Body() form: TextForm,
  ): Promise<void> {
    const code = this.requireEdition(q.edition);
    const principal = req.principal as Principal;
    if (form.intent === 'reset') {
      await this.texts.reset(principal, code, key, textLocale);
      redirectTo(res, textUrl(code, key, textLocale, { flash: 'reset' }));
      return;
    }
    const ctx = this.context(req, (lang) => textUrl(code, key, textLocale, { lang }));
    const values = { subject: form.subject ?? '', body: form.body ?? '' };
    const view = await this.editorView(code, key, textLocale);
    // Field errors in the page's language; the values stay as typed.
    const errors = this.texts.check(key, ctx.lang, values);
    if (errors.length > 0) {
      const byField = Object.fromEntries(errors.map((e) => [e.field, e.messages]));
      sendPage(res, 400, renderTextEditor(ctx, { ...view, values, errors: byField, preview: undefined }));
      return;
    }
    if (form.intent === 'preview') {
      sendPage(res, 200, renderTextEditor(ctx, { ...view, values, preview: this.texts.preview(key, textLocale, values) }));
      return;
    }
    await this.texts.save(principal, code, key, textLocale, values);
    redirectTo(res, textUrl(code, key, textLocale, { flash: 'saved' }));
  }

  /** The editor with the text in force and its preview. */
  private async editorView(code: string, key: string, textLocale: MailLocale): Promise<Omit<TextEditorView, 'flash'>> {
    const [edition, detail] = await Promise.all([this.texts.edition(code), this.texts.get(code, key, textLocale)]);
    const values = { subject: detail.subject, body: detail.body };
    return { edition, detail, values, errors: {}, preview: this.texts.render(this.texts.entry(key), textLocale, values) };
  }

  private requireEdition(code: string | undefined): string {
    if (!code) throw new DomainError(ErrorCode.NotFound, 'Choose an edition (?edition=CODE).');
    return code;
  }

  private context(req: AuthenticatedRequest, langHref: (lang: Lang) => string): ConsoleContext {
    return pageContext(req, this.config, langHref);
  }
}
