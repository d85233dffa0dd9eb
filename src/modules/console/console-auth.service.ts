import { Injectable } from '@nestjs/common';
import { SessionsService, type IssuedSession, type LoginClient } from '../../core/auth/sessions.service';
import { DomainError, ErrorCode } from '../../core/errors/domain-error';

/** What a login attempt came to, as the login page shows it. */
export type LoginOutcome =
  | { ok: true; session: IssuedSession }
  | { ok: false; status: 400 | 401; reason: 'missing' | 'failed' }
  | { ok: false; status: 429; reason: 'throttled'; retryAfterSeconds: number };

/** The console's login: the session service's answer turned into what the page says (no English error text reaches a page). */
@Injectable()
export class ConsoleAuthService {
  constructor(private readonly sessions: SessionsService) {}

  /** Logs in; a new login replaces the session this browser had, if any. */
  async login(client: LoginClient, email: string, password: string, previousSessionId: string | undefined): Promise<LoginOutcome> {
    if (!email || !password) return { ok: false, status: 400, reason: 'missing' };
    let session: IssuedSession;
    try {
      session = await this.sessions.login(client, email, password);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.Unauthenticated) return { ok: false, status: 401, reason: 'failed' };
      if (error instanceof DomainError && error.code === ErrorCode.TooManyRequests) {
        const wait = error.details.retryAfterSeconds;
        return { ok: false, status: 429, reason: 'throttled', retryAfterSeconds: typeof wait === 'number' ? wait : 60 };
      }
      throw error;
    }
    if (previousSessionId) await this.sessions.logout(previousSessionId);
    return { ok: true, session };
  }

  logout(sessionId: string): Promise<void> {
    return this.sessions.logout(sessionId);
  }
}
