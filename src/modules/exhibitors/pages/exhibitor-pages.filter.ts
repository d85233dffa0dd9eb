import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { SESSION_COOKIE } from '../../../core/auth/auth.guard';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { AppConfig } from '../../../core/config/app-config';
import { toErrorBody } from '../../../core/errors/all-exceptions.filter';
import type { ErrorBody } from '../../../core/errors/error-body';
import { requestIdOf } from '../../../core/logging/request-id';
import { expiredCookie, parseCookies, secureCookies } from '../../../core/web/cookies';
import { redirectTo, sendPage } from '../../venue/pages/venue-console.context';
import { EXHIBITOR_COOKIE_PATH, pageContext, withLang } from './exhibitor-pages.context';
import { PAGES, renderErrorPage } from './exhibitor-pages.view';
import type { ExhibitorT } from './messages';

/**
 * Errors of the exhibitor pages answer as pages in the user's language: without a login the
 * browser goes to the login form; other refusals get a page with a way back, never JSON.
 */
@Catch()
@Injectable()
export class ExhibitorPageFilter implements ExceptionFilter {
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
        response.append('Set-Cookie', expiredCookie(SESSION_COOKIE, { secure: secureCookies(this.config.publicUrl), path: EXHIBITOR_COOKIE_PATH }));
      }
      redirectTo(response, PAGES.login);
      return;
    }
    if (body.statusCode >= 500) this.logger.error({ err: exception, errorId: body.errorId, path: request.url }, 'unhandled error');
    const ctx = pageContext(request, this.config, withLang(request));
    sendPage(response, body.statusCode, renderErrorPage(ctx, { status: body.statusCode, ...describe(body, ctx.t) }));
  }
}

function describe(body: ErrorBody, t: ExhibitorT): { title: string; text: string } {
  if (body.statusCode >= 500) return { title: t('serverErrorTitle'), text: t('serverErrorText', { id: body.errorId ?? body.requestId ?? '-' }) };
  if (body.statusCode === 403 && body.reason === 'csrf') return { title: t('csrfTitle'), text: t('csrfText') };
  if (body.statusCode === 403) return { title: t('forbiddenTitle'), text: t('forbiddenText') };
  if (body.statusCode === 404) return { title: t('notFoundTitle'), text: t('notFoundText') };
  if (body.statusCode === 429) return { title: t('tooManyTitle'), text: t('tooManyText') };
  return { title: t('errorTitle'), text: body.message };
}
