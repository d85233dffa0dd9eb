import { STATUS_CODES } from 'node:http';
import { ErrorCode } from './domain-error';
import type { ErrorBody } from './error-body';

/**
 * Errors of the JSON API are RFC 9457 problem details, sent as `application/problem+json`.
 *
 * - `type`: a stable URI per error code, `https://fairgate.kdjcenter.example/problems/<code in kebab case>`
 *   (`VALIDATION_FAILED` → `…/problems/validation-failed`). It names the problem; it is not meant to be
 *   fetched. `about:blank` only where no Fairgate code applies (a plain HTTP refusal such as 405),
 *   and then `title` is the HTTP reason phrase.
 * - `title`: short and the same for every occurrence of a code; `detail`: this occurrence, in words
 *   (what `message` says); `status`: the HTTP status; `instance`: the request path without its query,
 *   private-link tokens masked as in the logs (`/api/attendee-access/[token]/itinerary`).
 * - Extensions: everything the one error format carried before — `statusCode`, `code`, `message`,
 *   `errors`, `requestId`, `errorId`, `retryAfterSeconds` and a refusal's own details
 *   (`existingApplicationId`, `conflictingBookingId`, …) — so clients of the old format keep working.
 *   A detail named like a problem member (an application's `status`) is sent as `current<Name>`
 *   (`currentStatus`), since the problem member must keep its meaning.
 */
export const PROBLEM_TYPE_BASE = 'https://fairgate.kdjcenter.example/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Short titles, one per error code (RFC 9457 §3.1.3: the same for every occurrence). */
export const PROBLEM_TITLE: Record<ErrorCode, string> = {
  [ErrorCode.ValidationFailed]: 'Invalid fields',
  [ErrorCode.MalformedRequest]: 'Malformed request',
  [ErrorCode.PayloadTooLarge]: 'Payload too large',
  [ErrorCode.Unauthenticated]: 'Not logged in',
  [ErrorCode.Forbidden]: 'Not allowed',
  [ErrorCode.NotFound]: 'Not found',
  [ErrorCode.IllegalTransition]: 'Illegal status transition',
  [ErrorCode.BookingConflict]: 'Booking conflict',
  [ErrorCode.Conflict]: 'Conflict with the current state',
  [ErrorCode.DuplicateApplication]: 'Duplicate application',
  [ErrorCode.EditionNotOpen]: 'Edition not open',
  [ErrorCode.IdempotencyKeyReused]: 'Idempotency-Key reused',
  [ErrorCode.IdempotencyKeyInProgress]: 'Idempotency-Key in progress',
  [ErrorCode.EmailNotConfirmed]: 'Email not confirmed',
  [ErrorCode.InvalidToken]: 'Link expired or used',
  [ErrorCode.DeadlinePassed]: 'Deadline passed',
  [ErrorCode.UnsupportedMediaType]: 'Unsupported media type',
  [ErrorCode.TooManyRequests]: 'Too many requests',
  [ErrorCode.ServiceUnavailable]: 'Service unavailable',
  [ErrorCode.Internal]: 'Internal error',
};

/** An error answer: the RFC 9457 members, then the extensions of the one error format. */
export interface ProblemDetails extends ErrorBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
}

const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance'] as const;

function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(PROBLEM_TITLE, code);
}

/** `ILLEGAL_TRANSITION` → `https://fairgate.kdjcenter.example/problems/illegal-transition`; about:blank for codes that are no ErrorCode. */
export function problemTypeOf(code: string): string {
  return isErrorCode(code) ? `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}` : 'about:blank';
}

/** The problem details of an error body; `instance` is a path already fit for a log (no query, tokens masked). */
export function toProblemDetails(body: ErrorBody, instance?: string): ProblemDetails {
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    const reserved = (PROBLEM_MEMBERS as readonly string[]).includes(key);
    extensions[reserved ? `current${key[0].toUpperCase()}${key.slice(1)}` : key] = value;
  }
  const code = String(body.code);
  return {
    type: problemTypeOf(code),
    title: isErrorCode(code) ? PROBLEM_TITLE[code] : (STATUS_CODES[body.statusCode] ?? 'Error'),
    status: body.statusCode,
    detail: body.message,
    ...(instance === undefined ? {} : { instance }),
    ...(extensions as ErrorBody),
  };
}
