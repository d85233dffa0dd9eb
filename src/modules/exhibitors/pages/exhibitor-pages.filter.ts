import { Catch, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import { AppConfig } from '../../../core/config/app-config';
import { PageErrorFilter } from '../../../core/web/page-error-filter';
import type { ErrorBody } from '../../../core/errors/error-body';
import { sendPage } from '../../../core/web/console-context';
import { EXHIBITOR_COOKIE_PATH, langSwitch, pageContext } from './exhibitor-pages.context';
import { PAGES, renderErrorPage } from './exhibitor-pages.view';
import { describeError } from './exhibitor-pages.view-model';

/** The exhibitor pages' errors as pages in the user's language, with a way back (see PageErrorFilter). */
@Catch()
@Injectable()
export class ExhibitorPageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    super(config, { loginPage: PAGES.login, cookiePath: EXHIBITOR_COOKIE_PATH });
  }

  protected renderError(request: AuthenticatedRequest, response: Response, body: ErrorBody): void {
    const ctx = pageContext(request, this.config, langSwitch(request));
    sendPage(response, body.statusCode, renderErrorPage(ctx, { status: body.statusCode, ...describeError(body, ctx.t) }));
  }
}
