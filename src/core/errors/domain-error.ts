/** Every error code an API client may see; the filter maps each to one HTTP status. */
export enum ErrorCode {
  ValidationFailed = 'VALIDATION_FAILED',
  MalformedRequest = 'MALFORMED_REQUEST',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  IllegalTransition = 'ILLEGAL_TRANSITION',
  BookingConflict = 'BOOKING_CONFLICT',
  Conflict = 'CONFLICT',
  DuplicateApplication = 'DUPLICATE_APPLICATION',
  EditionNotOpen = 'EDITION_NOT_OPEN',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyKeyInProgress = 'IDEMPOTENCY_KEY_IN_PROGRESS',
  EmailNotConfirmed = 'EMAIL_NOT_CONFIRMED',
  InvalidToken = 'INVALID_TOKEN',
  DeadlinePassed = 'DEADLINE_PASSED',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  /** A rate limit was reached; details carry retryAfterSeconds, the response a Retry-After header. */
  TooManyRequests = 'TOO_MANY_REQUESTS',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_ERROR',
}

export const HTTP_STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.MalformedRequest]: 400,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.IllegalTransition]: 409,
  [ErrorCode.BookingConflict]: 409,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.DuplicateApplication]: 409,
  [ErrorCode.EditionNotOpen]: 409,
  [ErrorCode.IdempotencyKeyReused]: 422,
  [ErrorCode.IdempotencyKeyInProgress]: 409,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.EmailNotConfirmed]: 403,
  [ErrorCode.InvalidToken]: 410,
  [ErrorCode.DeadlinePassed]: 409,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.ServiceUnavailable]: 503,
  [ErrorCode.Internal]: 500,
};

export interface FieldError {
  /** Dotted path of the field in the request body, e.g. `company.businessRegistrationNumber`. */
  field: string;
  messages: string[];
}

/** A refusal the caller can act on; services throw it, the exception filter renders it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return HTTP_STATUS_BY_CODE[this.code];
  }

  static validation(errors: FieldError[]): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, 'The request has invalid fields.', { errors });
  }
}
