import type { Response } from 'express';
import { SESSION_COOKIE } from '../../../core/auth/auth.guard';
import type { AppConfig } from '../../../core/config/app-config';
import { expiredCookie, secureCookies, serializeCookie } from '../../../core/web/cookies';
import { PRESESSION_COOKIE } from '../../../core/web/csrf';
import { EXHIBITOR_COOKIE_PATH } from './exhibitor-pages.context';

/**
 * The exhibitor's login cookie, scoped to /exhibitor (the console's session never meets it).
 * After login the session cookie is set until the session expires and the pre-session cookie
 * (the CSRF binding of the forms shown before login) is dropped.
 */
export function setExhibitorSessionCookie(response: Response, config: AppConfig, issued: { token: string; expiresAt: Date }): void {
  const secure = secureCookies(config.publicUrl);
  const maxAgeSeconds = (issued.expiresAt.getTime() - Date.now()) / 1000;
  response.append('Set-Cookie', serializeCookie(SESSION_COOKIE, issued.token, { secure, maxAgeSeconds, path: EXHIBITOR_COOKIE_PATH }));
  response.append('Set-Cookie', expiredCookie(PRESESSION_COOKIE, { secure, path: EXHIBITOR_COOKIE_PATH }));
}

/** Logout: the session cookie expires. */
export function clearExhibitorSessionCookie(response: Response, config: AppConfig): void {
  response.append('Set-Cookie', expiredCookie(SESSION_COOKIE, { secure: secureCookies(config.publicUrl), path: EXHIBITOR_COOKIE_PATH }));
}
