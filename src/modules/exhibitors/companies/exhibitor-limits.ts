import type { RateLimitOptions } from '../../../core/http/rate-limit/rate-limit.decorator';

/**
 * The abuse limits of the exhibitor account actions, one per action: the JSON API route and the
 * page form doing the same thing use the same options (bucket, key, limit), hence the same counter
 * in Redis, so switching between /api/exhibitor-accounts and /exhibitor/... gains nothing.
 * A page form's `email` field is keyed exactly like the API body's (trimmed, lowercased).
 */
export const EXHIBITOR_LIMITS = {
  signUp: { bucket: 'sign-up', key: 'ip', limit: (c) => c.rateLimitSignupPerHour, windowSeconds: 3600 },
  resendConfirmation: { bucket: 'resend-confirmation', key: 'ip+body.email', limit: (c) => c.rateLimitResetPerHour, windowSeconds: 3600 },
  passwordReset: { bucket: 'password-reset', key: 'ip+body.email', limit: (c) => c.rateLimitResetPerHour, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimitOptions>;
