import { Catch, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { AppConfig } from '../../../core/config/app-config';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import type { ErrorBody } from '../../../core/errors/error-body';
import { sendPage } from '../../../core/web/console-context';
import { EXHIBITOR_COOKIE_PATH, pageContext, withLang } from './exhibitor-pages.context';
import { PAGES, renderErrorPage } from './exhibitor-pages.view';
import type { ExhibitorT } from './messages';

/** The exhibitor pages' errors as pages in the user's language, with a way back (see PageErrorFilter). */
@Catch()
@Injectable()
export class ExhibitorPageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    super(config, { loginPage: PAGES.login, cookiePath: EXHIBITOR_COOKIE_PATH });
  }

  protected renderError(request: AuthenticatedRequest, response: Response, body: ErrorBody): void {
    const ctx = pageContext(request, this.config, withLang(request));
    sendPage(response, body.statusCode, renderErrorPage(ctx, { status: body.statusCode, ...describe(body, ctx.t) }));
  }
}

function describe(body: ErrorBody, t: ExhibitorT): { title: string; text: string } {
  if (body.statusCode >= 500) return { title: t('serverErrorTitle'), text: t('serverErrorText', { id: body.errorId ?? body.requestId ?? '-' }) };
  if (body.statusCode === 403 && body.reason === 'csrf') return { title: t('csrfTitle'), text: t('csrfText') };
  if (body.statusCode === 403) return { title: t('forbiddenTitle'), text: t('forbiddenText') };
  if (body.statusCode === 404) return { title: t('notFoundTitle'), text: t('notFoundText') };
  if (body.statusCode === 429) return { title: t('tooManyTitle'), text: tooManyText(body.retryAfterSeconds, t) };
  return { title: t('errorTitle'), text: body.message };
}

/** How long to wait, in the page's language: seconds under two minutes, whole minutes (rounded up) from there. */
function tooManyText(retryAfterSeconds: unknown, t: ExhibitorT): string {
  if (typeof retryAfterSeconds !== 'number' || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds < 1) return t('tooManyText');
  const seconds = Math.ceil(retryAfterSeconds);
  return seconds < 120 ? t('tooManyWait', { seconds: String(seconds) }) : t('tooManyWaitMinutes', { minutes: String(Math.ceil(seconds / 60)) });
}
