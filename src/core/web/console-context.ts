import type { Response } from 'express';
import { skipRouteEntry } from '../audit/audit-context';
import type { AuthenticatedRequest } from '../auth/principal';
import type { StaffGrant } from '../auth/staff-access';
import type { AppConfig } from '../config/app-config';
import { parseCookies, secureCookies, serializeCookie } from './cookies';
import { csrfToken, sessionBinding } from './csrf';
import { LANG_COOKIE, isLang, pickLang, type Lang } from './i18n';

/** The organizers' console: every console page lives under it. */
export const CONSOLE_BASE = '/console';
export const CONSOLE_LOGIN_PAGE = `${CONSOLE_BASE}/login`;
/** Where the console starts (the dashboard): the error pages' way back, and where a login lands by default. */
export const CONSOLE_HOME = CONSOLE_BASE;

/**
 * Where a login may return to: a same-site path of the console (`/console`, `/console/…`,
 * `/console?…`), nothing else — no other site (`https://…`, `//host`, `/\host`), no other area.
 * Anything else gives the console's home.
 */
export function safeConsoleNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return CONSOLE_HOME;
  if (!/^\/console(?:[/?#]|$)/.test(next)) return CONSOLE_HOME;
  // No backslashes (browsers read them as slashes), no control characters, no dot segments.
  if (/[\\\u0000-\u001f\u007f]/.test(next) || /(?:^|\/)(?:\.|%2e){1,2}(?:[/?#]|$)/i.test(next)) return CONSOLE_HOME;
  return next;
}

/** The login page that returns to `next` after the login (left out when it is the home anyway). */
export function consoleLoginUrl(next: string): string {
  const target = safeConsoleNext(next);
  return target === CONSOLE_HOME || target.startsWith(CONSOLE_LOGIN_PAGE) ? CONSOLE_LOGIN_PAGE : `${CONSOLE_LOGIN_PAGE}?next=${encodeURIComponent(target)}`;
}

/** What the console pages of one request share: language, the logged-in user and their CSRF token. Each area adds its own messages. */
export interface ConsoleContext {
  lang: Lang;
  /** The language switcher's targets: this page in the other language. */
  langHref: (lang: Lang) => string;
  /**
   * Set when someone is logged in: their name and the CSRF token of their session; for an organizer,
   * their team access (the navigation shows only the sections they may use).
   */
  user?: { displayName: string; csrf: string; access?: { orgAdmin: boolean; grants: readonly StaffGrant[] } };
}

/** The console context of a request: language (query, cookie, Accept-Language), user and CSRF token. */
export function pageContext(request: AuthenticatedRequest, config: AppConfig, langHref: (lang: Lang) => string): ConsoleContext {
  const lang = pickLang(request.query.lang, parseCookies(request.header('cookie')).get(LANG_COOKIE), request.header('accept-language'));
  const p = request.principal;
  return {
    lang,
    langHref,
    user: p
      ? {
          displayName: p.displayName,
          csrf: csrfToken(config.appSecret, sessionBinding(p.sessionId)),
          access: p.role === 'organizer' ? { orgAdmin: p.orgAdmin, grants: p.staffGrants ?? [] } : undefined,
        }
      : undefined,
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

/**
 * A refused form post sent back to its page with the reason (a 303, not a 4xx): nothing changed,
 * so the audit log must not record it as an organizer's action.
 */
export function redirectRefused(response: Response, url: string): void {
  skipRouteEntry();
  response.redirect(303, url);
}
