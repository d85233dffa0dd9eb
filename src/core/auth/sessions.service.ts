import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Request } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { LoginThrottle } from '../http/rate-limit/login-throttle';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { Account } from './entities/account.entity';
import { Session } from './entities/session.entity';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import type { Principal } from './principal';
import { queryPrepared } from '../database/prepared-statement';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  account: Account;
}

/** The request a login comes with: only its client address is read. */
export type LoginClient = Pick<Request, 'ip' | 'socket'>;

/** The client's address as rate limits count it: `request.ip` (follows TRUST_PROXY), else the socket's peer. */
export function clientIp(client: LoginClient): string {
  const ip = client.ip ?? client.socket?.remoteAddress;
  if (!ip) throw new Error('The client address of this request is unknown (connection closed)');
  return ip;
}

const sha256 = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Logins, sessions and the first organizer account. */
@Injectable()
export class SessionsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.appSecretIsDefault) {
      this.logger.warn('APP_SECRET is not set: using a development secret; set APP_SECRET in production');
    }
    await this.ensureFirstOrganizer();
  }

  /** Creates the organizer named by ORGANIZER_EMAIL/ORGANIZER_PASSWORD when it does not exist yet. */
  async ensureFirstOrganizer(): Promise<void> {
    const { organizerEmail: email, organizerPassword: password } = this.config;
    if (!email || !password) {
      const count = await this.dataSource.getRepository(Account).countBy({ role: 'organizer' });
      if (count === 0) this.logger.warn('no organizer account: set ORGANIZER_EMAIL and ORGANIZER_PASSWORD to create the first one');
      return;
    }
    const passwordHash = await hashPassword(password);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO accounts (email, password_hash, role, display_name, email_confirmed_at, org_admin) VALUES ($1, $2, 'organizer', $3, now(), true)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, passwordHash, email.split('@')[0]],
    );
    if (inserted.length > 0) this.logger.log({ email }, 'first organizer account created');
  }

  /**
   * Checks the password; repeated failures are slowed to 429 per account, per email + client and per
   * client (see LoginThrottle). Takes the request, not an IP, so that every login route (API, console,
   * exhibitor pages) counts the real client (`request.ip`, following TRUST_PROXY): an IP left out
   * would fold every client into one bucket that anyone could fill.
   */
  async login(client: LoginClient, emailInput: string, password: string): Promise<IssuedSession> {
    const email = emailInput.trim().toLowerCase();
    const attempt = await this.throttle.begin(email, clientIp(client));
    const account = await this.dataSource.getRepository(Account).findOneBy({ email });
    const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!account || !ok || account.disabled) {
      throw new DomainError(ErrorCode.Unauthenticated, 'Email or password is wrong.');
    }
    await attempt.succeeded();
    if (!account.emailConfirmedAt) {
      // Said only to whoever knows the password, so it reveals nothing to a prober.
      throw new DomainError(ErrorCode.EmailNotConfirmed, 'Confirm your email address first: follow the link we mailed you, or ask for a new one.');
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.dataSource.getRepository(Session).insert({ accountId: account.id, tokenHash: sha256(token), expiresAt });
    return { token, expiresAt, account };
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(Session).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** The principal behind a token, or undefined when the token is unknown, expired or revoked. */
  async resolve(token: string): Promise<Principal | undefined> {
    // One round trip per authenticated request.
    const rows = await queryPrepared<Principal>(
      this.dataSource,
      'auth.session-principal',
      `SELECT a.id AS "accountId", s.id AS "sessionId", a.role, a.email, a.display_name AS "displayName", a.locale,
              a.org_admin AS "orgAdmin",
              coalesce((SELECT json_agg(json_build_object('editionId', r.edition_id, 'role', r.role))
                          FROM staff_roles r WHERE r.account_id = a.id), '[]'::json) AS "staffGrants"
         FROM sessions s JOIN accounts a ON a.id = s.account_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT a.disabled`,
      [sha256(token)],
    );
    return rows[0];
  }
}
