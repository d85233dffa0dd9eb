import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from './domain-error';
import type { ErrorBody } from './error-body';
import { requestIdOf } from '../logging/request-id';
import { loggablePath } from '../logging/access-log';
import { PROBLEM_CONTENT_TYPE, toProblemDetails } from './problem-details';
import { isContention, pgCode } from '../database/postgres-errors';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.MalformedRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  429: ErrorCode.TooManyRequests,
  503: ErrorCode.ServiceUnavailable,
};

/**
 * Renders every error in the one format: RFC 9457 problem details (`application/problem+json`,
 * see problem-details.ts) that keep the fields of the earlier format as extensions. A dependency that is unreachable (PostgreSQL restarting)
 * becomes 503 SERVICE_UNAVAILABLE with Retry-After; anything else unexpected a generic 500. Both
 * carry an error id that is logged next to the real cause, never shown to the caller.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = toErrorBody(exception, requestIdOf(request));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, errorId: body.errorId, path: request.url }, 'unhandled error');
    }
    if (response.headersSent) return;
    // A route's own @Header() (text/csv, text/calendar, an attachment name) is set before its pipes
    // run; the error is a problem document whatever the route would have answered.
    response.removeHeader('Content-Disposition');
    response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    setErrorHeaders(response, body);
    // `instance` is the path as the logs write it: no query string, private-link tokens masked.
    const url = request.originalUrl ?? request.url;
    response.status(body.statusCode).json(toProblemDetails(body, url ? loggablePath(url) : undefined));
  }
}

/**
 * Headers an error answer carries besides its body: `Retry-After` (RFC 9110) on 429 and 503 when the
 * error says how long to wait (`retryAfterSeconds`, a whole number of seconds). A filter that
 * renders errors its own way (HTML pages) should call it as well.
 */
export function setErrorHeaders(response: Response, body: ErrorBody): void {
  const wait = body.retryAfterSeconds;
  if ((body.statusCode === 429 || body.statusCode === 503) && typeof wait === 'number' && Number.isInteger(wait) && wait >= 0) {
    response.setHeader('Retry-After', String(wait));
  }
}

export function toErrorBody(exception: unknown, requestId?: string): ErrorBody {
  if (exception instanceof DomainError) {
    return { statusCode: exception.status, code: exception.code, message: exception.message, ...exception.details, requestId };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status < 500) {
      const res = exception.getResponse();
      const raw = typeof res === 'string' ? res : (res as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.map(String).join('; ') : typeof raw === 'string' ? raw : exception.message;
      return {
        statusCode: status,
        code: CODE_BY_STATUS[status] ?? `HTTP_${status}`,
        message,
        requestId,
      };
    }
  }
  const bodyParserError = asBodyParserError(exception) ?? asUnprocessableInput(exception);
  if (bodyParserError) return { ...bodyParserError, requestId };
  if (isConnectionLevelError(exception)) {
    return {
      statusCode: 503,
      code: ErrorCode.ServiceUnavailable,
      message: 'The service is briefly unavailable. Try again in a few seconds.',
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      errorId: randomUUID(),
      requestId,
    };
  }
  if (isContention(exception)) {
    return {
      statusCode: 503,
      code: ErrorCode.ServiceUnavailable,
      message: 'Others are changing the same thing at this moment. Try again in a moment.',
      retryAfterSeconds: CONTENTION_RETRY_AFTER_SECONDS,
      errorId: randomUUID(),
      requestId,
    };
  }
  return {
    statusCode: 500,
    code: ErrorCode.Internal,
    message: 'Something went wrong on our side. Quote the error id when you contact us.',
    errorId: randomUUID(),
    requestId,
  };
}

/** What a 503 for contention asks the caller to wait: locks are held for milliseconds to seconds. */
export const CONTENTION_RETRY_AFTER_SECONDS = 1;

/** What a 503 asks the caller to wait: about as long as PostgreSQL takes to restart or fail over. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * SQLSTATEs of a server going away or refusing connections: admin_shutdown (57P01), crash_shutdown
 * (57P02), cannot_connect_now (57P03, starting up or in recovery) and class 08 (connection exception).
 */
const UNAVAILABLE_SQLSTATE = /^(57P0[123]|08[0-9A-Z]{3})$/;
/** Socket errors of a dependency that is down or restarting (node:net codes). */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
/**
 * node-postgres and pg-pool say it in words only: a connection closed under a query or during
 * connect ("Connection terminated unexpectedly", "… due to connection timeout"), a client's
 * connectionTimeoutMillis elapsed ("timeout expired"), the pool found no free client in time, or a
 * client already broken by such an error.
 */
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout expired$|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * Whether an error says a dependency (PostgreSQL above all) is unreachable right now, rather than
 * that something is wrong with the request or the code: the answer is then 503 with Retry-After,
 * which tells clients and load balancers to come back, instead of a 500 that reads as a bug. The
 * driver's own text is never shown; the filter logs it with the error id. Looks through TypeORM's
 * `driverError`, an error's `cause` and an AggregateError's `errors` (a refused dual-stack connect).
 */
export function isConnectionLevelError(exception: unknown, depth = 0): boolean {
  if (typeof exception !== 'object' || exception === null || depth > 3) return false;
  const e = exception as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || UNAVAILABLE_SOCKET_CODES.has(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  const nested: unknown[] = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  return nested.some((inner) => inner !== exception && isConnectionLevelError(inner, depth + 1));
}

/**
 * Failures that only the caller's input causes, found below the validation layer: a character
 * PostgreSQL cannot store in text (U+0000, SQLSTATE 22021) in a path, query or body value, and a
 * body nested so deeply that transforming or validating it overflows the stack.
 */
function asUnprocessableInput(exception: unknown): ErrorBody | undefined {
  if (pgCode(exception) === '22021') {
    return { statusCode: 400, code: ErrorCode.MalformedRequest, message: 'The request contains a character that cannot be stored (such as U+0000).' };
  }
  if (exception instanceof RangeError && /call stack/i.test(exception.message) && /TransformOperationExecutor|ValidationExecutor|stripProtoKeys|ValidationPipe/.test(exception.stack ?? '')) {
    return { statusCode: 400, code: ErrorCode.MalformedRequest, message: 'The request body is nested too deeply.' };
  }
  return undefined;
}

/** body-parser's own errors (oversized or unparsable bodies) carry a type and a status. */
function asBodyParserError(exception: unknown): ErrorBody | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { type, status, limit } = exception as { type?: string; status?: number; limit?: number };
  if (typeof type !== 'string') return undefined;
  switch (type) {
    case 'entity.too.large':
      return { statusCode: 413, code: ErrorCode.PayloadTooLarge, message: `The request body is larger than the limit of ${limit ?? '?'} bytes.` };
    case 'entity.parse.failed':
      return { statusCode: 400, code: ErrorCode.MalformedRequest, message: 'The request body is not valid JSON.' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { statusCode: 415, code: ErrorCode.MalformedRequest, message: 'The request body uses an unsupported encoding or charset.' };
    default:
      if (typeof status === 'number' && status >= 400 && status < 500) {
        return { statusCode: status, code: ErrorCode.MalformedRequest, message: 'The request body could not be read.' };
      }
      return undefined;
  }
}
