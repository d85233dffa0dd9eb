import { Body, Catch, Controller, Get, Injectable, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import type { ErrorBody } from '../../../core/errors/error-body';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { DEFAULT_LANG, fromAcceptLanguage, isLang, translator, type Lang } from '../../../core/web/i18n';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import { MeetingSurveysService } from '../meeting-surveys.service';
import { SURVEY_MESSAGES } from './survey-page.messages';
import { renderSurveyMessagePage, renderSurveyPage, surveyUrl, type SurveyPageContext } from './survey-page.view';

/** The survey form as posted: lenient strings (the service checks them and words the errors). */
export class SurveyFormBody {
  @IsOptional() @IsString() @MaxLength(10) satisfaction?: string;
  @IsOptional() @IsString() @MaxLength(10) followUp?: string;
  @IsOptional() @IsString() @MaxLength(40) consultationUsd?: string;
  @IsOptional() @IsString() @MaxLength(40) expectedContractUsd?: string;
  @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

/** ?lang=, then the participant's own language, then the browser's. */
function pageLang(req: Request, locale: string | undefined): Lang {
  if (isLang(req.query.lang)) return req.query.lang;
  if (isLang(locale)) return locale;
  return fromAcceptLanguage(req.header('accept-language')) ?? DEFAULT_LANG;
}

const context = (lang: Lang, hrefFor: (l: Lang) => string): SurveyPageContext => ({ lang, t: translator(SURVEY_MESSAGES, lang), langHref: hrefFor });

/** Errors answer as pages in the participant's language: a link that is not ours, not its meeting, or a meeting not held is a 404 page. */
@Catch()
@Injectable()
export class SurveyPageFilter extends PageErrorFilter {
  constructor(
    config: AppConfig,
    private readonly surveys: MeetingSurveysService,
  ) {
    super(config, {}); // no login: the private link is the key
  }

  protected async renderError(req: Request, res: Response, body: ErrorBody): Promise<void> {
    const token = typeof req.params.token === 'string' ? req.params.token : '';
    const locale = await this.surveys.locale(token).catch(() => undefined);
    const ctx = context(pageLang(req, locale), (l) => `${req.path}?lang=${l}`);
    res.removeHeader('Retry-After');
    if (body.statusCode >= 500) {
      sendPage(res, body.statusCode, renderSurveyMessagePage(ctx, ctx.t('errorTitle'), ctx.t('errorText', { id: body.errorId ?? body.requestId ?? '-' })));
      return;
    }
    sendPage(res, body.statusCode === 400 ? 400 : 404, renderSurveyMessagePage(ctx, ctx.t('notFoundTitle'), ctx.t('notFoundText')));
  }
}

/**
 * The after-meeting survey of a held meeting, on the participant's private link (the token is the
 * only key, as on the participant page: no cookie, so no cross-site form can post here without it).
 */
@ApiExcludeController()
@Controller('meetings/:token/surveys/:meetingId')
@UseFilters(SurveyPageFilter)
export class SurveyPageController {
  constructor(private readonly surveys: MeetingSurveysService) {}

  @Get()
  @Public()
  async page(@Param('token') token: string, @Param('meetingId') meetingId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { model, locale } = await this.surveys.page(token, meetingId);
    const ctx = context(pageLang(req, locale), (l) => surveyUrl(token, meetingId, l));
    sendPage(res, 200, renderSurveyPage(ctx, model, req.query.done === 'saved'));
  }

  @Post()
  @Public()
  async answer(@Param('token') token: string, @Param('meetingId') meetingId: string, @Body() form: SurveyFormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const result = await this.surveys.answer(token, meetingId, form);
    const lang = pageLang(req, result.locale);
    if (result.ok) return redirectTo(res, surveyUrl(token, meetingId, lang, 'saved'));
    sendPage(res, 422, renderSurveyPage(context(lang, (l) => surveyUrl(token, meetingId, l)), result.model));
  }
}
