import {
  applyDecorators, CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors,
} from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../auth/principal';
import { DomainError, ErrorCode } from '../../errors/domain-error';
import { ErrorResponse } from '../error-response.dto';
import { IdempotencyService } from './idempotency.service';

const API_RESPONSE_METADATA = 'swagger/apiResponse';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * Who and which operation a key belongs to: the caller (account, or anonymous) and the method
 * and concrete path, so keys of different callers or resources never collide. The path is
 * hashed: it may hold a private link's token, which is not stored in clear.
 */
export function idempotencyScope(request: Pick<AuthenticatedRequest, 'method' | 'path' | 'principal'>): string {
  const caller = request.principal ? `account:${request.principal.accountId}` : 'anonymous';
  const path = createHash('sha256').update(request.path).digest('hex').slice(0, 32);
  return `${caller} ${request.method} ${path}`;
}

/**
 * Honours Idempotency-Key on the route it is applied to (through @Idempotent()). Without the
 * header the route runs as usual. With it: the first request runs and its status and body are
 * stored as sent; a retry with the same key and request gets exactly those bytes again (with
 * Idempotent-Replayed: true); the same key with another request answers 422; a retry while the
 * first still runs answers 409 with Retry-After. Failures are not stored: a retry runs again.
 *
 * Left open by design: the answer is stored just after the route's own transaction commits, so a
 * process killed in between leaves the key claimed until CLAIM_SECONDS pass, and a retry after
 * that runs the work a second time.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const response = http.getResponse<Response>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined) return next.handle();
    const key = Array.isArray(header) ? header.join(',') : header;
    return from(this.run(request, response, key, next));
  }

  private async run(request: AuthenticatedRequest, response: Response, key: string, next: CallHandler): Promise<unknown> {
    IdempotencyService.assertKeyFormat(key);
    const scope = idempotencyScope(request);
    const fingerprint = IdempotencyService.fingerprint([request.method, request.path, request.query ?? {}, request.body ?? null]);
    let stored;
    try {
      stored = await this.idempotency.claim(scope, key, fingerprint);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.IdempotencyKeyInProgress) {
        const wait = error.details.retryAfterSeconds;
        response.setHeader('Retry-After', String(typeof wait === 'number' ? wait : 1));
      }
      throw error;
    }
    if (stored) {
      response.status(stored.status);
      response.setHeader('Idempotent-Replayed', 'true');
      return this.send(response, stored.body);
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      await this.idempotency.release(scope, key);
      throw error;
    }
    // Nest set the route's status before the handler ran; a handler may have changed it (201 or 200).
    const status = response.statusCode;
    const text = body === undefined || body === null ? null : typeof body === 'string' ? body : JSON.stringify(body);
    await this.idempotency.complete(scope, key, { status, body: text });
    return this.send(response, text);
  }

  /** The body as text, sent as is: the first answer and every replay are the same bytes. */
  private send(response: Response, text: string | null): string | undefined {
    if (text === null) return undefined;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    return text;
  }
}

/**
 * Applies Idempotency-Key handling to a route that creates something, and documents it (the
 * header, and 409/422 unless the route already describes them). Put it above the route's other
 * @Api… decorators so it sees them.
 */
export function Idempotent(): MethodDecorator {
  const documented: MethodDecorator = (target, key, descriptor) => {
    const existing = (Reflect.getMetadata(API_RESPONSE_METADATA, descriptor.value as object) ?? {}) as Record<string, unknown>;
    const extra: MethodDecorator[] = [];
    if (!existing['409']) {
      extra.push(ApiResponse({ status: 409, type: ErrorResponse, description: 'A request with the same Idempotency-Key is still running (see Retry-After)' }));
    }
    if (!existing['422']) {
      extra.push(ApiResponse({ status: 422, type: ErrorResponse, description: 'Idempotency-Key reused with a different request' }));
    }
    for (const decorate of extra) decorate(target, key, descriptor);
  };
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Retrying with the same key replays the first answer byte for byte (Idempotent-Replayed: true) and creates nothing new; '
        + 'the same key with another request answers 422; while the first request runs, 409 with Retry-After.',
    }),
    documented,
  );
}
