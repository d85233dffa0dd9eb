import { Catch, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/principal';
import { AppConfig } from '../config/app-config';
import type { ErrorBody } from '../errors/error-body';
import { CONSOLE_HOME, CONSOLE_LOGIN_PAGE, pageContext, sendPage, type ConsoleContext } from './console-context';
import { loggedInHeader } from './console-parts';
import { html } from './html';
import { translator, type Catalogue, type Translate } from './i18n';
import { renderPage } from './layout';
import { PageErrorFilter } from './page-error-filter';

type ErrorMessage =
  | 'logout' | 'loggedInAs' | 'errorTitle' | 'forbiddenTitle' | 'forbiddenText' | 'csrfTitle' | 'csrfText'
  | 'notFoundTitle' | 'badRequestTitle' | 'serverErrorTitle' | 'serverErrorText' | 'backToConsole';

const MESSAGES: Catalogue<ErrorMessage> = {
  ko: {
    logout: '로그아웃',
    loggedInAs: '{name} 님',
    errorTitle: '오류',
    forbiddenTitle: '접근할 수 없습니다',
    forbiddenText: '이 페이지는 주최자 계정만 사용할 수 있습니다.',
    csrfTitle: '요청이 거부되었습니다',
    csrfText: '양식이 만료되었거나 이 사이트에서 보낸 것이 아닙니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
    notFoundTitle: '찾을 수 없습니다',
    badRequestTitle: '잘못된 요청입니다',
    serverErrorTitle: '서버 오류',
    serverErrorText: '문제가 발생했습니다. 문의할 때 오류 번호 {id}를 알려 주세요.',
    backToConsole: '대관 현황으로 돌아가기',
  },
  en: {
    logout: 'Log out',
    loggedInAs: 'Signed in as {name}',
    errorTitle: 'Error',
    forbiddenTitle: 'Not allowed',
    forbiddenText: 'This page is for organizer accounts only.',
    csrfTitle: 'Request refused',
    csrfText: 'The form has expired or did not come from this site. Reload the page and try again.',
    notFoundTitle: 'Not found',
    badRequestTitle: 'Bad request',
    serverErrorTitle: 'Server error',
    serverErrorText: 'Something went wrong on our side. Quote the error id {id} when you contact us.',
    backToConsole: 'Back to the bookings',
  },
};
type ErrorT = Translate<ErrorMessage>;

/** The console's errors as pages in the user's language, with a way back (see PageErrorFilter). */
@Catch()
@Injectable()
export class ConsolePageFilter extends PageErrorFilter {
  constructor(config: AppConfig) {
    super(config, { loginPage: CONSOLE_LOGIN_PAGE });
  }

  protected renderError(request: AuthenticatedRequest, response: Response, body: ErrorBody): void {
    const ctx = pageContext(request, this.config, (lang) => `${CONSOLE_HOME}?lang=${lang}`);
    const t = translator(MESSAGES, ctx.lang);
    sendPage(response, body.statusCode, renderConsoleErrorPage(ctx, t, describe(body, t)));
  }
}

function describe(body: ErrorBody, t: ErrorT): { title: string; text: string } {
  if (body.statusCode >= 500) return { title: t('serverErrorTitle'), text: t('serverErrorText', { id: body.errorId ?? body.requestId ?? '-' }) };
  if (body.statusCode === 403 && body.reason === 'csrf') return { title: t('csrfTitle'), text: t('csrfText') };
  if (body.statusCode === 403) return { title: t('forbiddenTitle'), text: t('forbiddenText') };
  if (body.statusCode === 404) return { title: t('notFoundTitle'), text: body.message };
  if (body.statusCode === 400) return { title: t('badRequestTitle'), text: body.message };
  return { title: t('errorTitle'), text: body.message };
}

function renderConsoleErrorPage(ctx: ConsoleContext, t: ErrorT, m: { title: string; text: string }): string {
  const header = loggedInHeader(ctx.user, { loggedInAs: ctx.user ? t('loggedInAs', { name: ctx.user.displayName }) : '', logout: t('logout') });
  const body = html`<h1>${m.title}</h1>
<p role="alert">${m.text}</p>
<p><a href="${CONSOLE_HOME}">${t('backToConsole')}</a></p>`;
  return renderPage({ lang: ctx.lang, title: m.title, langHref: ctx.langHref, headerExtra: header, body });
}
