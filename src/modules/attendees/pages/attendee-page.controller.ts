import {
  Body, Catch, Controller, Get, Injectable, Param, ParseUUIDPipe, Post, Req, Res, UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import QRCode from 'qrcode';
import { Public } from '../../../core/auth/roles.decorator';
import { ItineraryService } from '../itinerary.service';
import { AppConfig } from '../../../core/config/app-config';
import type { ErrorBody } from '../../../core/errors/error-body';
import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { isLang, translator, type Lang } from '../../../core/web/i18n';
import { redirectTo, sendPage } from '../../../core/web/console-context';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import { FairsService } from '../../fairs/fairs.service';
import { categoriesOfSeries } from '../../fairs/product-categories';
import { AttendeeAccessService } from '../attendee-access.service';
import { accessTokenHashOf, attendeeFormToken, verifyAttendeeFormToken } from '../domain/attendee-tokens';
import { ATTENDEE_MESSAGES } from './attendee-page.messages';
import { pageUrl, renderAttendeePage, type AttendeePageContext, type AttendeePageModel, type Notice } from './attendee-page.view';
import { html } from '../../../core/web/html';
import { renderSitePage } from '../../../core/web/site-frame';
import { attendeePageLang, flashNotice, refusalNotice, type Flash } from './attendee-page.view-model';

/*
 * A visitor's personal page, reached by the private link of its email: no login, no cookie. The
 * token in the path is the key; each form also carries a hidden field derived from it (HMAC with
 * the app secret), checked before anything changes. Confirming the email is a POST, never a GET,
 * because mail scanners follow links. The page talks to AttendeeAccessService like the JSON API.
 */

export class AttendeeForm {
  @IsOptional() @IsString() @MaxLength(200) _csrf?: string;
}


const uuid = new ParseUUIDPipe();
const queryText = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max).trim() : '');

function pageLang(req: Request, locale: string | undefined): Lang {
  return attendeePageLang(req.query.lang, locale, req.header('accept-language'));
}

function context(lang: Lang, hrefFor: (lang: Lang) => string): AttendeePageContext {
  return { lang, t: translator(ATTENDEE_MESSAGES, lang), langHref: hrefFor };
}

function messagePage(ctx: AttendeePageContext, title: string, text: string): string {
  return renderSitePage({ lang: ctx.lang, title, langHref: ctx.langHref, noindex: true, body: html`<h1>${title}</h1><p>${text}</p>` });
}

/** Builds the page model: the overview, the QR code and the searched exhibitors. */
@Injectable()
export class AttendeePageLoader {
  constructor(
    private readonly access: AttendeeAccessService,
    private readonly fairs: FairsService,
    private readonly config: AppConfig,
    private readonly itineraries: ItineraryService,
  ) {}

  async load(token: string, req: Request, lang: Lang | undefined): Promise<{ model: AttendeePageModel; locale: string }> {
    const attendee = await this.access.resolve(token);
    const overview = await this.access.overview(token);
    const edition = await this.fairs.getEditionById(attendee.editionId);
    const categories = categoriesOfSeries(edition.series?.code ?? '');
    const search = { q: queryText(req.query.q, 100), category: queryText(req.query.category, 60) };
    if (!categories.some((c) => c.code === search.category)) search.category = '';
    const chosenLang = lang ?? pageLang(req, attendee.locale);
    const [exhibitors, qrSvg, plan] = await Promise.all([
      this.access.exhibitorsFor(attendee, { q: search.q || undefined, category: search.category || undefined }),
      // The QR code holds the badge code and nothing else.
      QRCode.toString(attendee.badgeCode, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
      this.itineraries.current(attendee),
    ]);
    return {
      locale: attendee.locale,
      model: {
        token,
        formToken: attendeeFormToken(this.config.appSecret, attendee.accessTokenHash),
        overview,
        qrSvg,
        search,
        categories: categories.map((c) => ({ code: c.code, label: chosenLang === 'ko' ? c.nameKo : c.nameEn })),
        exhibitors,
        itinerary: plan.items.map((i) => ({
          kind: i.kind, startsAt: i.startsAt.toISOString(), endsAt: i.endsAt.toISOString(),
          title: i.title[chosenLang], location: i.location[chosenLang], details: i.details[chosenLang],
        })),
      },
    };
  }

  async locale(token: string): Promise<string | undefined> {
    return (await this.access.resolve(token).catch(() => undefined))?.locale;
  }
}

/** Errors answer as pages: an unknown link a 404 page; a refused action the page again with the reason on top. */
@Catch()
@Injectable()
export class AttendeePageFilter extends PageErrorFilter {
  constructor(
    config: AppConfig,
    private readonly loader: AttendeePageLoader,
  ) {
    super(config, {}); // no login form: a private link is the key
  }

  protected async renderError(req: Request, res: Response, body: ErrorBody): Promise<void> {
    const token = typeof req.params.token === 'string' ? req.params.token : '';
    const here = (lang: Lang): string => `${req.path}?lang=${lang}`;
    if (body.statusCode >= 500) {
      const ctx = context(pageLang(req, await this.loader.locale(token)), here);
      sendPage(res, body.statusCode, messagePage(ctx, ctx.t('errorTitle'), ctx.t('errorText', { id: body.errorId ?? body.requestId ?? '-' })));
      return;
    }
    const loaded = await this.loader.load(token, req, undefined).catch(() => undefined);
    if (!loaded) {
      const ctx = context(pageLang(req, undefined), here);
      res.removeHeader('Retry-After'); // the answer is now "no such link", not "wait"
      sendPage(res, 404, messagePage(ctx, ctx.t('notFoundTitle'), ctx.t('notFoundText')));
      return;
    }
    const ctx = context(pageLang(req, loaded.locale), (l) => pageUrl(token, l));
    const notice: Notice = refusalNotice(body.statusCode, body.reason, ctx.t, body.retryAfterSeconds);
    sendPage(res, body.statusCode, renderAttendeePage(ctx, loaded.model, notice));
  }
}

@ApiExcludeController()
@Controller('attendee/:token')
@UseFilters(AttendeePageFilter)
export class AttendeePageController {
  constructor(
    private readonly access: AttendeeAccessService,
    private readonly loader: AttendeePageLoader,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async page(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { model, locale } = await this.loader.load(token, req, undefined);
    const ctx = context(pageLang(req, locale), (l) => pageUrl(token, l));
    sendPage(res, 200, renderAttendeePage(ctx, model, flashNotice(req.query.done, ctx.t)));
  }

  @Post('confirm')
  @Public()
  async confirm(@Param('token') token: string, @Body() form: AttendeeForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.checkForm(token, form);
    await this.access.confirm(token);
    this.back(token, req, res, 'confirmed', '');
  }

  @Post('sessions/:sessionId')
  @Public()
  async pick(@Param('token') token: string, @Param('sessionId', uuid) sessionId: string, @Body() form: AttendeeForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.checkForm(token, form);
    await this.access.pick(token, sessionId);
    this.back(token, req, res, 'picked', '#sessions');
  }

  @Post('sessions/:sessionId/remove')
  @Public()
  async unpick(@Param('token') token: string, @Param('sessionId', uuid) sessionId: string, @Body() form: AttendeeForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.checkForm(token, form);
    await this.access.unpick(token, sessionId);
    this.back(token, req, res, 'unpicked', '#sessions');
  }

  @Post('bookmarks/:applicationId')
  @Public()
  async bookmark(@Param('token') token: string, @Param('applicationId', uuid) applicationId: string, @Body() form: AttendeeForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.checkForm(token, form);
    await this.access.bookmark(token, applicationId);
    this.back(token, req, res, 'bookmarked', '#bookmarks');
  }

  @Post('bookmarks/:applicationId/remove')
  @Public()
  async unbookmark(@Param('token') token: string, @Param('applicationId', uuid) applicationId: string, @Body() form: AttendeeForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    this.checkForm(token, form);
    await this.access.unbookmark(token, applicationId);
    this.back(token, req, res, 'unbookmarked', '#bookmarks');
  }

  /** The hidden field must match the link's token; a foreign form gets 403 and changes nothing. */
  private checkForm(token: string, form: AttendeeForm): void {
    const hash = accessTokenHashOf(token);
    if (!hash) throw new DomainError(ErrorCode.NotFound, 'This link is not valid.');
    if (!verifyAttendeeFormToken(this.config.appSecret, hash, form._csrf)) {
      throw new DomainError(ErrorCode.Forbidden, 'The form is missing a valid token. Reload the page and submit it again.', { reason: 'csrf' });
    }
  }

  /** 303 to the page, so a reload does not post again; the language stays explicit in the URL. */
  private back(token: string, req: Request, res: Response, done: Flash, anchor: string): void {
    // The forms post with ?lang=; without it the page picks the visitor's language itself.
    const lang = isLang(req.query.lang) ? req.query.lang : undefined;
    redirectTo(res, `${pageUrl(token, lang, { done })}${anchor}`);
  }
}
