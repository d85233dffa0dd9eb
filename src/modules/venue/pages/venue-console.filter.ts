import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { SESSION_COOKIE } from '../../../core/auth/auth.guard';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { AppConfig } from '../../../core/config/app-config';
import { toErrorBody } from '../../../core/errors/all-exceptions.filter';
import type { ErrorBody } from '../../../core/errors/error-body';
import { requestIdOf } from '../../../core/logging/request-id';
import { expiredCookie, parseCookies, secureCookies } from '../../../core/web/cookies';
import type { ConsoleT } from './messages';
import { pageContext, redirectTo, sendPage } from './venue-console.context';
import { LOGIN_PAGE, renderErrorPage, VENUE_PAGE } from './venue-console.view';

/**
 * Errors of the console answer as pages, not JSON: without a login the browser is sent to the
 * login form; other refusals get a page in the user's language with a way back.
 */
@Catch()
@Injectable()
export class ConsolePageFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    const body = toErrorBody(exception, requestIdOf(request));
    if (body.statusCode === 401) {
      // A stale cookie (expired or revoked session) is dropped on the way to the login form.
      if (parseCookies(request.header('cookie')).has(SESSION_COOKIE)) {
        response.append('Set-Cookie', expiredCookie(SESSION_COOKIE, { secure: secureCookies(this.config.publicUrl) }));
      }
      redirectTo(response, LOGIN_PAGE);
      return;
    }
    if (body.statusCode >= 500) this.logger.error({ err: exception, errorId: body.errorId, path: request.url }, 'unhandled error');
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
