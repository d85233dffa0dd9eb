import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../error-response.dto';
import { RATE_LIMIT_KEY, RateLimitGuard, type RateLimitOptions } from './rate-limit.guard';
import { RATE_LIMIT_BUCKET } from './rate-limiter';

export type { ConfiguredNumber, RateLimitKey, RateLimitOptions } from './rate-limit.guard';

/**
 * Limits how often one caller may call the route, across every API instance; past the limit the
 * answer is 429 with Retry-After. Limits may come from the configuration:
 *
 *   @RateLimit({ bucket: 'exhibitor-application', key: 'ip', limit: (c) => c.rateLimitRegistrationPerMinute, windowSeconds: 60 })
 *
 * Also documents the 429 in the OpenAPI document.
 */
export function RateLimit(options: RateLimitOptions): MethodDecorator & ClassDecorator {
  if (!RATE_LIMIT_BUCKET.test(options.bucket)) throw new Error(`@RateLimit bucket "${options.bucket}" must be 1-40 lowercase letters, digits or -`);
  return applyDecorators(
    SetMetadata(RATE_LIMIT_KEY, options),
    UseGuards(RateLimitGuard),
    ApiResponse({
      status: 429,
      type: ErrorResponse,
      description: 'Too many requests from this caller: wait the Retry-After header\'s seconds (also retryAfterSeconds in the body)',
      headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } },
    }),
  );
}
