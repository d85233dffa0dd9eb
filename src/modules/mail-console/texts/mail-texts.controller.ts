import { Body, Controller, Delete, Get, HttpCode, Param, ParseEnumPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '../../../core/auth/principal';
import { Roles } from '../../../core/auth/roles.decorator';
import { StaffRoles } from '../../../core/auth/staff-roles.decorator';
import { ApiErrors } from '../../../core/http/api-errors.decorator';
import type { MailLocale } from '../../../core/mail/mail-template';
import { MailTextBody } from '../dto/mail-texts.dto';
import { MailTextsService, type MailTextDetail, type MailTextKindSummary, type MailTextPreview } from './mail-texts.service';

const locale = new ParseEnumPipe({ ko: 'ko', en: 'en' });
/** The language path parameter, documented (the enum pipe hides it from the document). */
const LocaleParam = (): MethodDecorator => ApiParam({ name: 'locale', enum: ['ko', 'en'], description: 'The language of the text' });

/** An edition's email texts: the editable kinds, one kind's text per language, save, reset, preview. */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('editions/:edition/mail-texts')
@Roles('organizer')
@StaffRoles('admin')
@ApiErrors(401, 403, 404)
export class MailTextsController {
  constructor(private readonly texts: MailTextsService) {}

  @Get()
  @ApiOperation({ summary: 'The email kinds organizers can word, with the languages this edition has edited' })
  @ApiOkResponse({ description: '{ items: [{ key, template, label, trigger, edited: { ko, en } }] }' })
  async list(@Param('edition') edition: string): Promise<{ items: MailTextKindSummary[] }> {
    return { items: (await this.texts.list(edition)).kinds };
  }

  @Get(':template/:locale')
  @LocaleParam()
  @ApiOperation({ summary: "One email kind's text in one language: the edition's own or the default, with the placeholders" })
  @ApiOkResponse({ description: '{ subject, body, isDefault, default, placeholders, updatedAt, updatedBy, … }' })
  @ApiErrors(400)
  get(@Param('edition') edition: string, @Param('template') template: string, @Param('locale', locale) lang: MailLocale): Promise<MailTextDetail> {
    return this.texts.get(edition, template, lang);
  }

  @Put(':template/:locale')
  @LocaleParam()
  @ApiOperation({ summary: "Save the edition's text for this kind and language (unknown placeholders and a missing required one are refused)" })
  @ApiOkResponse({ description: 'The text now in force' })
  @ApiErrors(400)
  save(
    @CurrentPrincipal() principal: Principal,
    @Param('edition') edition: string,
    @Param('template') template: string,
    @Param('locale', locale) lang: MailLocale,
    @Body() body: MailTextBody,
  ): Promise<MailTextDetail> {
    return this.texts.save(principal, edition, template, lang, body);
  }

  @Delete(':template/:locale')
  @LocaleParam()
  @ApiOperation({ summary: "Reset to the default: the edition's text for this kind and language is removed" })
  @ApiOkResponse({ description: 'The default text, now in force' })
  @ApiErrors(400)
  reset(@CurrentPrincipal() principal: Principal, @Param('edition') edition: string, @Param('template') template: string, @Param('locale', locale) lang: MailLocale): Promise<MailTextDetail> {
    return this.texts.reset(principal, edition, template, lang);
  }

  @Post(':template/:locale/preview')
  @LocaleParam()
  @HttpCode(200)
  @ApiOperation({ summary: 'Render a text with sample data exactly as it would be sent (subject, HTML, text part); nothing is saved' })
  @ApiOkResponse({ description: '{ subject, html, text }' })
  @ApiErrors(400)
  async preview(@Param('edition') edition: string, @Param('template') template: string, @Param('locale', locale) lang: MailLocale, @Body() body: MailTextBody): Promise<MailTextPreview> {
    await this.texts.edition(edition);
    return this.texts.preview(template, lang, body);
  }
}
