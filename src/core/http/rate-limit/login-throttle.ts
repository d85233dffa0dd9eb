import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { tooManyRequests } from './rate-limit.guard';
import { RateLimiter, type RateLimitResult, type RateLimitRule } from './rate-limiter';

const PAIR_BUCKET = 'login-failure';
const IP_BUCKET = 'login-failure-ip';

/**
 * Slows down password guessing by counting FAILED logins only, so a user who logs in correctly is
 * never limited:
 * - per email + IP: LOGIN_MAX_FAILURES (5) within LOGIN_FAILURE_WINDOW_SECONDS (900), cleared by a
 *   successful login from that IP;
 * - per IP, whatever the email: LOGIN_MAX_FAILURES_PER_IP (50) within the same window; a success
 *   does not clear it (otherwise one valid account would reset an attacker's count).
 *
 * The login service calls, in this order:
 *   await throttle.assertAllowed(email, ip);          // 429 before the password is even checked
 *   if (!(await verify(...))) { await throttle.recordFailure(email, ip); throw unauthenticated; }
 *   await throttle.recordSuccess(email, ip);
 *
 * Concurrent attempts may all pass assertAllowed before any failure is recorded, so a burst can
 * exceed the count by the number of attempts in flight; argon2id's cost bounds that burst.
 * Like every limit, it lets logins through while Redis is unreachable (see RateLimiter).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /** Throws the 429 DomainError when this email + IP, or this IP, has failed too often lately. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const results = await Promise.all([
      this.limiter.peek(PAIR_BUCKET, pairKey(email, ip), this.pairRule()),
      this.limiter.peek(IP_BUCKET, ip, this.ipRule()),
    ]);
    const refused = results.filter((r: RateLimitResult) => !r.allowed);
    if (refused.length > 0) throw tooManyRequests(Math.max(...refused.map((r) => r.retryAfterSeconds)));
  }

  /** Counts one failed login (wrong password, unknown email) for this email + IP and for this IP. */
  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.limiter.consume(PAIR_BUCKET, pairKey(email, ip), this.pairRule()),
      this.limiter.consume(IP_BUCKET, ip, this.ipRule()),
    ]);
  }

  /** After a successful login: forgets this email + IP's failures (the IP's own count stays). */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.limiter.reset(PAIR_BUCKET, pairKey(email, ip));
  }

  private pairRule(): RateLimitRule {
    return { limit: this.config.loginMaxFailures, windowSeconds: this.config.loginFailureWindowSeconds };
  }

  private ipRule(): RateLimitRule {
    return { limit: this.config.loginMaxFailuresPerIp, windowSeconds: this.config.loginFailureWindowSeconds };
  }
}

function pairKey(email: string, ip: string): string {
  return `${ip} ${email.trim().toLowerCase()}`;
}
