import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import type { AppConfig } from '../../../core/config/app-config';
import { secureCookies, serializeCookie } from '../../../core/web/cookies';
import { csrfToken, sessionBinding } from '../../../core/web/csrf';
import { LANG_COOKIE, isLang, translator, type Lang } from '../../../core/web/i18n';
import { presessionFormCsrf, requestLang } from '../../../core/web/public-form';
import { EXHIBITOR_MESSAGES } from './messages';
import { EXHIBITOR_BASE, type PageContext } from './exhibitor-pages.view';
import { pageOfPost, withLangParam } from './exhibitor-pages.view-model';

/** The exhibitor pages' cookies live under /exhibitor: the console's (under /console) never meet them. */
export const EXHIBITOR_COOKIE_PATH = EXHIBITOR_BASE;

/** Language, messages, and the logged-in exhibitor (an organizer's session does not count here). */
export function pageContext(request: AuthenticatedRequest, config: AppConfig, langHref: (lang: Lang) => string): PageContext {
  const lang = requestLang(request);
  const p = request.principal;
  return {
    lang,
    t: translator(EXHIBITOR_MESSAGES, lang),
    langHref,
    user: p?.role === 'exhibitor' ? { displayName: p.displayName, csrf: csrfToken(config.appSecret, sessionBinding(p.sessionId)) } : undefined,
  };
}

/** The current URL with ?lang= set, for the language switcher. */
export function withLang(request: AuthenticatedRequest): (lang: Lang) => string {
  return (lang) => {
    const url = new URL(request.originalUrl, 'http://x');
    url.searchParams.set('lang', lang);
    url.searchParams.delete('flash');
    return `${url.pathname}${url.search}`;
  };
}

/** The language switch of the page answering a request: after a post, the page a GET knows (see pageOfPost). */
export function langSwitch(request: AuthenticatedRequest): (lang: Lang) => string {
  if (request.method !== 'POST') return withLang(request);
  const body = request.body as { edition?: unknown } | undefined;
  return (lang) => withLangParam(pageOfPost(request.path, body?.edition), lang);
}

/** A language picked with ?lang= sticks for the exhibitor pages. */
export function rememberLang(request: AuthenticatedRequest, response: Response, config: AppConfig): void {
  const lang = request.query.lang;
  if (isLang(lang)) {
    response.append('Set-Cookie', serializeCookie(LANG_COOKIE, lang, { secure: secureCookies(config.publicUrl), maxAgeSeconds: 365 * 86400, path: EXHIBITOR_COOKIE_PATH }));
  }
}

/**
 * The CSRF token of a form shown before login (sign-up, login, reset…): a session's when there
 * is one, else bound to a pre-session cookie set here when the browser has none.
 */
export function formCsrf(request: AuthenticatedRequest, response: Response, config: AppConfig): string {
  return presessionFormCsrf(request, response, config, { path: EXHIBITOR_COOKIE_PATH });
}
