import { Global, Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimiter } from './rate-limiter';

/**
 * Redis-backed abuse limits shared by every API instance: the @RateLimit(...) route decorator
 * (its guard), the RateLimiter itself, and LoginThrottle for counting failed logins.
 * Needs ConfigModule (AppConfig).
 */
@Global()
@Module({
  providers: [RateLimiter, RateLimitGuard, LoginThrottle],
  exports: [RateLimiter, RateLimitGuard, LoginThrottle],
})
export class RateLimitModule {}
