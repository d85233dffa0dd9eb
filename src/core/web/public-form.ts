import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { AuthenticatedRequest } from '../auth/principal';
import type { AppConfig } from '../config/app-config';
import { parseCookies, secureCookies, serializeCookie } from './cookies';
import { csrfToken, newPresessionNonce, PRESESSION_COOKIE, presessionBinding, presessionNonce, sessionBinding } from './csrf';
import { LANG_COOKIE, pickLang, translator, type Catalogue, type Lang, type Translate } from './i18n';

/*
 * What the forms shown without a login share (the visitors' and buyers' registrations, the
 * exhibitors' sign-up, a table host's private link): the language of the request, a CSRF token
 * bound to a pre-session cookie, and the hidden one-time key that makes a double submit count once.
 */

/** The language of a request: ?lang=, then the fairgate_lang cookie, then Accept-Language. */
export function requestLang(request: Request): Lang {
  return pickLang(request.query.lang, parseCookies(request.header('cookie')).get(LANG_COOKIE), request.header('accept-language'));
}

/** A public page's context: its language, its messages, and this path in the other language (`extra` appended to the query). */
export interface PublicPageContext<K extends string> {
  lang: Lang;
  t: Translate<K>;
  langHref: (lang: Lang) => string;
}

export function publicPageContext<K extends string>(request: Request, catalogue: Catalogue<K>, extra = ''): PublicPageContext<K> {
  const lang = requestLang(request);
  return { lang, t: translator(catalogue, lang), langHref: (l: Lang) => `${request.path}?lang=${l}${extra}` };
}

export interface PresessionCsrfOptions {
  /** The path the pre-session cookie is set under. */
  path: string;
  /** How long the pre-session cookie lives; two hours unless said. */
  maxAgeSeconds?: number;
  /** Whether a logged-in request gets its session's token instead (default true). */
  session?: boolean;
}

/**
 * The CSRF token of a form shown before login: the session's when there is one (unless told
 * otherwise), else bound to a pre-session cookie, set here when the browser has none.
 */
export function presessionFormCsrf(request: AuthenticatedRequest, response: Response, config: AppConfig, options: PresessionCsrfOptions): string {
  if (options.session !== false && request.principal) return csrfToken(config.appSecret, sessionBinding(request.principal.sessionId));
  let nonce = presessionNonce(request.header('cookie'));
  if (!nonce) {
    nonce = newPresessionNonce();
    response.append('Set-Cookie', serializeCookie(PRESESSION_COOKIE, nonce, { secure: secureCookies(config.publicUrl), maxAgeSeconds: options.maxAgeSeconds ?? 2 * 3600, path: options.path }));
  }
  return csrfToken(config.appSecret, presessionBinding(nonce));
}

/** A fresh one-time key for a registration form (its hidden field makes a double submit register once). */
export function newFormKey(): string {
  return randomBytes(18).toString('base64url');
}
