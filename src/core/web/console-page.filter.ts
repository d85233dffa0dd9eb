import { Catch, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/principal';
import { AppConfig } from '../config/app-config';
import type { ErrorBody } from '../errors/error-body';
import { CONSOLE_HOME, CONSOLE_LOGIN_PAGE, consoleLoginUrl, pageContext, sendPage, type ConsoleContext } from './console-context';
import { CONSOLE_SECTIONS, renderConsolePage, type ConsoleSection } from './console-frame';
import { html } from './html';
import { translator, type Catalogue, type Lang, type Translate } from './i18n';
import { PageErrorFilter } from './page-error-filter';

type ErrorMessage =
  | 'logout' | 'loggedInAs' | 'errorTitle' | 'forbiddenTitle' | 'forbiddenText' | 'csrfTitle' | 'csrfText'
  | 'notFoundTitle' | 'notFoundText' | 'badRequestText' | 'otherErrorText' | 'badRequestTitle' | 'serverErrorTitle' | 'serverErrorText' | 'backToConsole'
  | 'staffRoleText' | 'roleAdmin' | 'roleReviewer' | 'roleVenue' | 'roleMeetings' | 'roleOnsite';

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
    notFoundText: '요청한 페이지나 항목이 없습니다. 주소를 확인하세요.',
    badRequestText: '요청 내용을 처리할 수 없습니다. 입력한 주소나 값을 확인하세요.',
    otherErrorText: '요청을 처리하지 못했습니다. 잠시 후 다시 시도하세요.',
    badRequestTitle: '잘못된 요청입니다',
    serverErrorTitle: '서버 오류',
    serverErrorText: '문제가 발생했습니다. 문의할 때 오류 번호 {id}를 알려 주세요.',
    backToConsole: '콘솔 현황판으로 돌아가기',
    staffRoleText: '이 회차의 {role} 권한이 없습니다. 팀 관리자에게 권한을 요청하세요.',
    roleAdmin: '관리', roleReviewer: '참가신청 심사', roleVenue: '대관 관리', roleMeetings: '수출상담회 운영', roleOnsite: '현장 운영',
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
    notFoundText: 'The page or item you asked for does not exist. Check the address.',
    badRequestText: 'The request could not be processed. Check the address or the values you entered.',
    otherErrorText: 'The request could not be processed. Try again in a moment.',
    badRequestTitle: 'Bad request',
    serverErrorTitle: 'Server error',
    serverErrorText: 'Something went wrong on our side. Quote the error id {id} when you contact us.',
    backToConsole: 'Back to the console dashboard',
    staffRoleText: 'You do not have the {role} role for this edition. Ask your team\'s admin for it.',
    roleAdmin: 'admin', roleReviewer: 'application review', roleVenue: 'venue', roleMeetings: 'export meetings', roleOnsite: 'on-site',
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

  /** A page asked for without a login returns there after it (GET only: a form post cannot be repeated). */
  protected override loginLocation(request: AuthenticatedRequest): string {
    if (request.method !== 'GET' && request.method !== 'HEAD') return CONSOLE_LOGIN_PAGE;
    return consoleLoginUrl(request.originalUrl);
  }

  protected renderError(request: AuthenticatedRequest, response: Response, body: ErrorBody): void {
    // The language switch shows the same answer in the other language.
    const ctx = pageContext(request, this.config, (lang) => `${request.path}?lang=${lang}`);
    const t = translator(MESSAGES, ctx.lang);
    sendPage(response, body.statusCode, renderConsoleErrorPage(ctx, t, describe(body, t, ctx.lang), sectionOf(request.path)));
  }
}

function describe(body: ErrorBody, t: ErrorT, lang: Lang): { title: string; text: string } {
  if (body.statusCode >= 500) return { title: t('serverErrorTitle'), text: t('serverErrorText', { id: body.errorId ?? body.requestId ?? '-' }) };
  if (body.statusCode === 403 && body.reason === 'csrf') return { title: t('csrfTitle'), text: t('csrfText') };
  if (body.statusCode === 403 && body.reason === 'staff-role') return { title: t('forbiddenTitle'), text: t('staffRoleText', { role: roleName(body.staffRoles, t) }) };
  if (body.statusCode === 403) return { title: t('forbiddenTitle'), text: t('forbiddenText') };
  // The services' messages are English: an English page shows their detail, a Korean one says it in Korean.
  const detail = (korean: string): string => (lang === 'en' ? body.message : korean);
  if (body.statusCode === 404) return { title: t('notFoundTitle'), text: detail(t('notFoundText')) };
  if (body.statusCode === 400) return { title: t('badRequestTitle'), text: detail(t('badRequestText')) };
  return { title: t('errorTitle'), text: detail(t('otherErrorText')) };
}

const ROLE_WORD: Record<string, ErrorMessage> = { admin: 'roleAdmin', reviewer: 'roleReviewer', venue: 'roleVenue', meetings: 'roleMeetings', onsite: 'roleOnsite' };

/** The first role the route asks for, in words (a route for admins only names the admin role). */
function roleName(roles: unknown, t: ErrorT): string {
  const first = Array.isArray(roles) && typeof roles[0] === 'string' ? roles[0] : 'admin';
  return t(ROLE_WORD[first] ?? 'roleAdmin');
}

/** The section a console path belongs to (the navigation marks it on the error page too). */
function sectionOf(path: string): ConsoleSection {
  const found = CONSOLE_SECTIONS.filter((s) => s.section !== 'dashboard').find((s) => path === s.href || path.startsWith(`${s.href}/`));
  return found?.section ?? 'dashboard';
}

function renderConsoleErrorPage(ctx: ConsoleContext, t: ErrorT, m: { title: string; text: string }, section: ConsoleSection): string {
  const body = html`<h1>${m.title}</h1>
<p role="alert">${m.text}</p>
<p><a href="${CONSOLE_HOME}">${t('backToConsole')}</a></p>`;
  return renderConsolePage(ctx, { title: m.title, section, body });
}
