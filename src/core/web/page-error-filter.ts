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
 * error page, with the same headers the API would send (Retry-After on 429 and 503). An area without
 * a login form (pages opened with a private link) renders its 401s like any other refusal; an error
 * page that has to load something may be async, and if it fails the answer is a plain 500.
 */
export abstract class PageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  protected constructor(
    protected readonly config: AppConfig,
    private readonly area: { loginPage?: string; cookiePath?: string },
  ) {}

  /** Where a request without a login goes: the area's login page (an area may add where to return to). */
  protected loginLocation(_request: AuthenticatedRequest, loginPage: string): string {
    return loginPage;
  }

  /** The area's error page for a refusal (other than 401 when the area has a login page). */
  protected abstract renderError(request: AuthenticatedRequest, response: Response, body: ErrorBody): void | Promise<void>;

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    if (response.headersSent) return;
    const body = toErrorBody(exception, requestIdOf(request));
    const loginPage = this.area.loginPage;
    if (body.statusCode === 401 && loginPage) {
      if (parseCookies(request.header('cookie')).has(SESSION_COOKIE)) {
        const path = this.area.cookiePath;
        response.append('Set-Cookie', expiredCookie(SESSION_COOKIE, { secure: secureCookies(this.config.publicUrl), ...(path && { path }) }));
      }
      response.redirect(303, this.loginLocation(request, loginPage));
      return;
    }
    if (body.statusCode >= 500) this.logger.error({ err: exception, errorId: body.errorId, path: request.url }, 'unhandled error');
    setErrorHeaders(response, body);
    const rendering = this.renderError(request, response, body);
    if (rendering) {
      rendering.catch((error: unknown) => {
        this.logger.error({ err: error, path: request.url }, 'error page failed');
        if (response.headersSent) return;
        response.removeHeader('Retry-After');
        response.status(500).type('text').send('Internal error');
      });
    }
  }
}
