import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/principal';
import type { AppConfig } from '../config/app-config';
import { parseCookies, secureCookies, serializeCookie } from './cookies';
import { csrfToken, sessionBinding } from './csrf';
import { LANG_COOKIE, isLang, pickLang, translator, type Lang } from './i18n';
import { CONSOLE_MESSAGES } from '../../modules/venue/pages/messages';
import type { PageContext } from '../../modules/venue/pages/venue-console.view';

/** What the pages of one request share: language, messages, the logged-in user and their CSRF token. */
export function pageContext(request: AuthenticatedRequest, config: AppConfig, langHref: (lang: Lang) => string): PageContext {
  const lang = pickLang(request.query.lang, parseCookies(request.header('cookie')).get(LANG_COOKIE), request.header('accept-language'));
  const p = request.principal;
  return {
    lang,
    t: translator(CONSOLE_MESSAGES, lang),
    langHref,
    user: p ? { displayName: p.displayName, csrf: csrfToken(config.appSecret, sessionBinding(p.sessionId)) } : undefined,
  };
}

/** A language picked with ?lang= sticks, so forms and redirects keep it. */
export function rememberLang(request: AuthenticatedRequest, response: Response, config: AppConfig): void {
  const lang = request.query.lang;
  if (isLang(lang)) response.append('Set-Cookie', serializeCookie(LANG_COOKIE, lang, { secure: secureCookies(config.publicUrl), maxAgeSeconds: 365 * 86400 }));
}

export function sendPage(response: Response, status: number, page: string): void {
  // Pages carry CSRF tokens and bookings: never cached, never framed.
  response.status(status).setHeader('Cache-Control', 'no-store');
  response.type('html').send(page);
}

/** After a form post: 303, so the browser follows with a GET and a reload does not post again. */
export function redirectTo(response: Response, url: string): void {
  response.redirect(303, url);
}
