import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AuthenticatedRequest } from '../auth/principal';
import { AppConfig } from '../config/app-config';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { parseCookies } from './cookies';

/**
 * CSRF tokens for the console's forms: HMAC(appSecret, session id), so a token is worth nothing
 * without the session cookie and needs no storage. Before login there is no session, so the login
 * form is bound to a random pre-session cookie instead (against login CSRF).
 */
export const CSRF_FIELD = '_csrf';
export const PRESESSION_COOKIE = 'fairgate_presession';
const PRESESSION_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export function csrfToken(secret: string, binding: string): string {
  return createHmac('sha256', secret).update(`csrf:${binding}`).digest('base64url');
}

export function verifyCsrfToken(secret: string, binding: string, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const expected = Buffer.from(csrfToken(secret, binding));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const sessionBinding = (sessionId: string): string => `session:${sessionId}`;
export const presessionBinding = (nonce: string): string => `presession:${nonce}`;

export function newPresessionNonce(): string {
  return randomBytes(24).toString('base64url');
}

/** The pre-session nonce the browser sent, if it looks like one of ours. */
export function presessionNonce(cookieHeader: string | undefined): string | undefined {
  const nonce = parseCookies(cookieHeader).get(PRESESSION_COOKIE);
  return nonce && PRESESSION_PATTERN.test(nonce) ? nonce : undefined;
}

/** A form post without a valid token: 403, and nothing is done. */
export class CsrfRejected extends DomainError {
  constructor() {
    super(ErrorCode.Forbidden, 'The form is missing a valid CSRF token. Reload the page and submit it again.', { reason: 'csrf' });
  }
}

/**
 * Checks the token of every state-changing request. It runs after the global AuthGuard, so the
 * principal (from the session cookie) is known; a token for the pre-session cookie also counts,
 * which is what the login form carries.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return true;
    const body: unknown = request.body;
    const token = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[CSRF_FIELD] : undefined;
    const bindings: string[] = [];
    if (request.principal) bindings.push(sessionBinding(request.principal.sessionId));
    const nonce = presessionNonce(request.header('cookie'));
    if (nonce) bindings.push(presessionBinding(nonce));
    if (bindings.some((b) => verifyCsrfToken(this.config.appSecret, b, token))) return true;
    throw new CsrfRejected();
  }
}
