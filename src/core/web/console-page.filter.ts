import { Catch, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/principal';
import { AppConfig } from '../config/app-config';
import { PageErrorFilter } from './page-error-filter';
import type { ErrorBody } from '../errors/error-body';
import type { ConsoleT } from '../../modules/venue/pages/messages';
import { pageContext, sendPage } from './console-context';
import { LOGIN_PAGE, renderErrorPage, VENUE_PAGE } from '../../modules/venue/pages/venue-console.view';

/** The console's errors as pages in the user's language, with a way back (see PageErrorFilter). */
@Catch()
@Injectable()
export class ConsolePageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    super(config, { loginPage: LOGIN_PAGE });
  }

  protected renderError(request: AuthenticatedRequest, response: Response, body: ErrorBody): void {
    const ctx = pageContext(request, this.config, (lang) => `${VENUE_PAGE}?lang=${lang}`);
    sendPage(response, body.statusCode, renderErrorPage(ctx, { status: body.statusCode, ...describe(body, ctx.t) }));
  }
}

function describe(body: ErrorBody, t: ConsoleT): { title: string; text: string } {
  if (body.statusCode >= 500) return { title: t('serverErrorTitle'), text: t('serverErrorText', { id: body.errorId ?? body.requestId ?? '-' }) };
  if (body.statusCode === 403 && body.reason === 'csrf') return { title: t('csrfTitle'), text: t('csrfText') };
  if (body.statusCode === 403) return { title: t('forbiddenTitle'), text: t('forbiddenText') };
  if (body.statusCode === 404) return { title: t('notFoundTitle'), text: body.message };
  if (body.statusCode === 400) return { title: t('badRequestTitle'), text: body.message };
  return { title: t('errorTitle'), text: body.message };
}
