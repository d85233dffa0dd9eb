import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../../core/auth/principal';
import type { AppConfig } from '../../../core/config/app-config';
import { pageContext, rememberLang, type ConsoleContext } from '../../../core/web/console-context';
import type { Lang } from '../../../core/web/i18n';

/*
 * What the organizers' attendee pages share (the attendee console and the badges): the console
 * context of a request with its language switcher, and the answer of a file to download.
 */

/** The current URL with ?lang= set, for the language switcher. */
const withLang = (req: AuthenticatedRequest) => (lang: Lang): string => {
  const url = new URL(req.originalUrl, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
};

/** The console context of an attendee console request (language, user, CSRF token; the switcher keeps the query). */
export function attendeesConsoleContext(req: AuthenticatedRequest, config: AppConfig): ConsoleContext {
  return pageContext(req, config, withLang(req));
}

/** For a page shown: a ?lang= picked sticks, then the request's console context. */
export function attendeesConsolePage(req: AuthenticatedRequest, res: Response, config: AppConfig): ConsoleContext {
  rememberLang(req, res, config);
  return attendeesConsoleContext(req, config);
}

/** A file answered as a download (`attachment`) or shown by the browser (`inline`), never cached; its name kept to safe characters. */
export function sendFile(res: Response, file: { contentType: string; disposition: 'inline' | 'attachment'; filename: string; body: string | Buffer | Uint8Array }): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `${file.disposition}; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.status(200).send(file.body);
}
