import type { RateLimitOptions } from '../../core/http/rate-limit/rate-limit.decorator';

/**
 * The abuse limits of the meetings' public actions. The JSON API route and the page form doing
 * the same thing share the options (bucket, key, limit), hence one counter in Redis: switching
 * between /api/editions/:edition/meetings/register and /fairs/:code/buyers gains nothing.
 */
export const MEETINGS_LIMITS = {
  buyerRegistration: { bucket: 'buyer-registration', key: 'ip', limit: (c) => c.rateLimitRegistrationPerMinute, windowSeconds: 60 },
} as const satisfies Record<string, RateLimitOptions>;
