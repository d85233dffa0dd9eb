import {
  Body, Catch, Controller, Get, Injectable, Param, ParseUUIDPipe, Post, Req, Res, UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '../../../core/auth/roles.decorator';
import { AppConfig } from '../../../core/config/app-config';
import type { ErrorBody } from '../../../core/errors/error-body';
import { DEFAULT_LANG, fromAcceptLanguage, isLang, translator, type Lang } from '../../../core/web/i18n';
import { PRIORITIES, type Priority } from '../entities/meeting-request.entity';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import { PARTICIPANT_MESSAGES } from './participant-page.messages';
import { ParticipantPageService } from './participant-page.service';
import { flashNotice, pageUrl, refusalText, renderMessagePage, renderParticipantPage, type Flash, type Notice, type ParticipantPageContext } from './participant-page.view';

/*
 * A buyer's or exhibitor's own page, reached by the private link of its email: no login, no
 * cookie. The token in the URL is the only key, and it is also what makes the forms safe from
 * cross-site forgery: a foreign site cannot build a form that posts here without knowing it
 * (there is no ambient credential such as a cookie for a browser to attach). The page talks to
 * ParticipantAccessService, exactly as the JSON API /api/meeting-access/<token> does.
 */

const SLOT = /^[A-Za-z0-9_:-]{1,40}$/;

/** Checkboxes post nothing when none is ticked, one string for one, an array for several. */
export class AvailabilityForm {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value))
  @IsArray() @ArrayMaxSize(500) @ArrayUnique() @Matches(SLOT, { each: true })
  away?: string[];
}

export class RequestForm {
  @IsUUID() counterpart: string;
  @IsIn(PRIORITIES) priority: Priority;
}

/** A cancellation's reason or a move request's note, both optional. */
export class MeetingChangeForm {
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

/** ?lang=, then the participant's own language, then the browser's. */
function pageLang(req: Request, locale: string | undefined): Lang {
  const query = req.query.lang;
  if (isLang(query)) return query;
  if (isLang(locale)) return locale;
  return fromAcceptLanguage(req.header('accept-language')) ?? DEFAULT_LANG;
}

function context(lang: Lang, hrefFor: (lang: Lang) => string): ParticipantPageContext {
  return { lang, t: translator(PARTICIPANT_MESSAGES, lang), langHref: hrefFor };
}

/**
 * Errors answer as pages, never JSON: an invalid link gets a 404 page in the visitor's language;
 * a refused action (already answered, duplicate, invalid form) shows the page again with the
 * reason on top and the refusal's status code.
 */
@Catch()
@Injectable()
export class ParticipantPageFilter extends PageErrorFilter {
  constructor(
    config: AppConfig,
    private readonly loader: ParticipantPageService,
  ) {
    super(config, {}); // no login form: a private link is the key
  }

  protected async renderError(req: Request, res: Response, body: ErrorBody): Promise<void> {
    const token = typeof req.params.token === 'string' ? req.params.token : '';
    const here = (lang: Lang): string => `${req.path}?lang=${lang}`;
    if (body.statusCode >= 500) {
      const ctx = context(pageLang(req, await this.loader.locale(token).catch(() => undefined)), here);
      sendPage(res, body.statusCode, renderMessagePage(ctx, ctx.t('errorTitle'), ctx.t('errorText', { id: body.errorId ?? body.requestId ?? '-' })));
      return;
    }
    let loaded: Awaited<ReturnType<ParticipantPageService['load']>> | undefined;
    try {
      loaded = await this.loader.load(token);
    } catch {
      loaded = undefined; // not a link of ours: the 404 page below
    }
    if (!loaded) {
      const ctx = context(pageLang(req, undefined), here);
      res.removeHeader('Retry-After'); // the answer is now "no such link", not "wait"
      sendPage(res, 404, renderMessagePage(ctx, ctx.t('notFoundTitle'), ctx.t('notFoundText')));
      return;
    }
    const lang = pageLang(req, loaded.locale);
    const ctx = context(lang, (l) => pageUrl(token, l));
    const notice: Notice = { kind: 'bad', text: `${ctx.t('refusedTitle')}: ${refusalText(body, ctx.t)}` };
    sendPage(res, body.statusCode, renderParticipantPage(ctx, loaded.model, notice));
  }
}

@ApiExcludeController()
@Controller('meetings/:token')
@UseFilters(ParticipantPageFilter)
export class ParticipantPageController {
  constructor(private readonly pages: ParticipantPageService) {}

  @Get()
  @Public()
  async page(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { model, locale } = await this.pages.load(token);
    const ctx = context(pageLang(req, locale), (l) => pageUrl(token, l));
    sendPage(res, 200, renderParticipantPage(ctx, model, flashNotice(req.query.done, ctx.t)));
  }

  @Post('availability')
  @Public()
  async availability(@Param('token') token: string, @Body() form: AvailabilityForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    back(token, req, res, await this.pages.setAway(token, form.away ?? []), 'saved');
  }

  @Post('requests')
  @Public()
  async request(@Param('token') token: string, @Body() form: RequestForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    back(token, req, res, await this.pages.request(token, form.counterpart, form.priority), 'requested');
  }

  @Post('requests/:id/accept')
  @Public()
  async accept(@Param('token') token: string, @Param('id', new ParseUUIDPipe()) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    back(token, req, res, await this.pages.answer(token, id, 'accepted'), 'accepted');
  }

  @Post('agenda/:id/cancel')
  @Public()
  async cancelMeeting(
    @Param('token') token: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: MeetingChangeForm, @Req() req: Request, @Res() res: Response,
  ): Promise<void> {
    back(token, req, res, await this.pages.cancelMeeting(token, id, form.note), 'meetingCancelled');
  }

  @Post('agenda/:id/move')
  @Public()
  async requestMove(
    @Param('token') token: string, @Param('id', new ParseUUIDPipe()) id: string, @Body() form: MeetingChangeForm, @Req() req: Request, @Res() res: Response,
  ): Promise<void> {
    back(token, req, res, await this.pages.requestMove(token, id, form.note), 'moveRequested');
  }

  @Post('requests/:id/decline')
  @Public()
  async decline(@Param('token') token: string, @Param('id', new ParseUUIDPipe()) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    back(token, req, res, await this.pages.answer(token, id, 'declined'), 'declined');
  }
}

/** 303 to the page, so a reload does not post again; the language stays explicit in the URL. */
function back(token: string, req: Request, res: Response, locale: string | undefined, done: Flash): void {
  redirectTo(res, pageUrl(token, pageLang(req, locale), { done }));
}
