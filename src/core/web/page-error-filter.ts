import { type ArgumentsHost, type ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { SESSION_COOKIE } from '../auth/auth.guard';
import type { AuthenticatedRequest } from '../auth/principal';
import type { AppConfig } from '../config/app-config';
import { setErrorHeaders, toErrorBody } from '../errors/all-exceptions.filter';
import type { ErrorBody } from '../errors/error-body';
import { requestIdOf } from '../logging/request-id';
import { expiredCookie, parseCookies, secureCookies } from './cookies';

/**
 * Errors of server-rendered pages answer as pages, never JSON: without a login the browser goes to
 * the area's login form (dropping a stale session cookie on the way); other refusals get the area's
 * error page, with the same headers the API would send (Retry-After on 429 and 503).
 */
export abstract class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  protected constructor(
    protected readonly config: AppConfig,
    private readonly area: { loginPage: string; cookiePath?: string },
  ) {}

  /** The area's error page for a refusal other than 401. */
  protected abstract renderError(request: AuthenticatedRequest, response: Response, body: ErrorBody): void;

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    const body = toErrorBody(exception, requestIdOf(request));
    if (body.statusCode === 401) {
      if (parseCookies(request.header('cookie')).has(SESSION_COOKIE)) {
        const path = this.area.cookiePath;
        response.append('Set-Cookie', expiredCookie(SESSION_COOKIE, { secure: secureCookies(this.config.publicUrl), ...(path && { path }) }));
      }
      response.redirect(303, this.area.loginPage);
      return;
    }
    if (body.statusCode >= 500) this.logger.error({ err: exception, errorId: body.errorId, path: request.url }, 'unhandled error');
    setErrorHeaders(response, body);
    this.renderError(request, response, body);
  }
}
