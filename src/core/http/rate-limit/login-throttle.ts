import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { tooManyRequests } from './rate-limit.guard';
import { RateLimiter } from './rate-limiter';

const PAIR_BUCKET = 'login-failure';
const IP_BUCKET = 'login-failure-ip';
const ACCOUNT_BUCKET = 'login-backoff';
const KNOWN_BUCKET = 'login-known';
/** How long a client that logged in stays exempt from its account's backoff. */
const KNOWN_CLIENT_SECONDS = 30 * 24 * 3600;

/**
 * One login attempt, counted as a failure from the moment it was let in (before the password is
 * checked). Call `succeeded()` once the password proved right; a failure needs no call.
 */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/**
 * Slows down password guessing without letting anyone lock an account out (OWASP authentication
 * cheat sheet: per-account backoff plus per-IP limits, no hard lockout). Three counts, all checked
 * and incremented in ONE Redis script before the password is verified, so concurrent attempts
 * cannot overshoot them (40 at once from one IP: at most LOGIN_MAX_FAILURES password checks):
 *
 * - per account (email, whatever the IP): after LOGIN_BACKOFF_FREE_FAILURES (5) failures, each further
 *   failure makes the account wait LOGIN_BACKOFF_BASE_MS, doubling, capped at
 *   LOGIN_BACKOFF_MAX_SECONDS (1 s, 2 s, 4 s … 60 s by default). Anyone can trigger it, but it only
 *   delays the real user by seconds; the attempts it refuses are not counted, so it never grows
 *   past the cap. A client (IP) that logged in to the account within 30 days does not wait for it
 *   (OWASP's "device cookie" idea, by address): an attacker who keeps an account at the cap with
 *   one guess a minute from a few addresses does not keep its people out where they usually log in;
 * - per email + IP: LOGIN_MAX_FAILURES (5) within LOGIN_FAILURE_WINDOW_SECONDS (900): stops one
 *   client guessing one account, and only that client;
 * - per IP, whatever the email: LOGIN_MAX_FAILURES_PER_IP (50) within the same window: stops one
 *   client spraying many accounts.
 *
 * A success clears the account's and the email + IP's counts and takes its own attempt back out of
 * the IP's count (so the IP counts failures only, and one valid account cannot reset an attacker's
 * count). Refused attempts (429) count nowhere. Like every limit, it lets logins through while Redis
 * is unreachable (see RateLimiter); argon2id's cost still slows guessing then.
 *
 * The IP is required: SessionsService.login takes the request and reads `request.ip` (which
 * follows TRUST_PROXY) itself, so no caller can forget it and fold every client into one bucket.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /** Lets one attempt in and counts it as a failure, or throws the 429 DomainError (nothing counted). */
  async begin(email: string, ip: string): Promise<LoginAttempt> {
    if (!ip) throw new Error('LoginThrottle needs the client IP');
    const account = email.trim().toLowerCase();
    const keys = {
      ip: this.limiter.redisKey(IP_BUCKET, ip),
      pair: this.limiter.redisKey(PAIR_BUCKET, pairKey(account, ip)),
      account: this.limiter.redisKey(ACCOUNT_BUCKET, account),
      known: this.limiter.redisKey(KNOWN_BUCKET, pairKey(account, ip)),
    };
    const member = randomBytes(9).toString('hex');
    const result = await this.limiter.loginAttempt(keys, member, {
      ipLimit: this.config.loginMaxFailuresPerIp,
      pairLimit: this.config.loginMaxFailures,
      windowMs: this.config.loginFailureWindowSeconds * 1000,
      backoffBaseMs: this.config.loginBackoffBaseMs,
      backoffMaxMs: this.config.loginBackoffMaxSeconds * 1000,
      freeFailures: this.config.loginBackoffFreeFailures,
    });
    if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
    return { succeeded: () => this.limiter.loginSucceeded(keys, member, KNOWN_CLIENT_SECONDS) };
  }
}

function pairKey(email: string, ip: string): string {
  return `${ip} ${email}`;
}
