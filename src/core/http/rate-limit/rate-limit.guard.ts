import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppConfig } from '../../config/app-config';
import { DomainError, ErrorCode } from '../../errors/domain-error';
import { RateLimiter } from './rate-limiter';

export const RATE_LIMIT_KEY = 'fairgate:rate-limit';

/**
 * Who a limit counts: the client IP (`request.ip`, which follows TRUST_PROXY), the email field of
 * the JSON body (trimmed, lowercased), or both. A missing or non-text email counts as empty, so
 * leaving it out does not escape the IP's count.
 */
export type RateLimitKey = 'ip' | 'ip+body.email' | 'body.email';

/** A number, or one read from the configuration when the guard runs. */
export type ConfiguredNumber = number | ((config: AppConfig) => number);

export interface RateLimitOptions {
  /** Names the counter in Redis and keeps routes apart: 1-40 lowercase letters, digits or -. */
  bucket: string;
  limit: ConfiguredNumber;
  windowSeconds: ConfiguredNumber;
  key: RateLimitKey;
}

/**
 * Counts each request of a route marked @RateLimit(...) and refuses it with 429 (Retry-After set
 * by the exception filter) once the caller's limit is reached. Runs after body parsing (guards
 * always do) and after the global AuthGuard, on anonymous requests too: the key is never the account.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const options = this.reflector.getAllAndOverride<RateLimitOptions | undefined>(RATE_LIMIT_KEY, [context.getHandler(), context.getClass()]);
    if (!options) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const rule = { limit: configured(options.limit, this.config), windowSeconds: configured(options.windowSeconds, this.config) };
    const result = await this.limiter.consume(options.bucket, rateLimitSubject(request, options.key), rule);
    if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
    return true;
  }
}

/** The 429 every limit answers with: the wait in the message, in `retryAfterSeconds`, and in Retry-After. */
export function tooManyRequests(retryAfterSeconds: number): DomainError {
  return new DomainError(ErrorCode.TooManyRequests, `Too many attempts: try again in ${describeWait(retryAfterSeconds)}.`, { retryAfterSeconds });
}

/** "1 second", "37 seconds", "15 minutes": minutes from two minutes up, rounded up. */
export function describeWait(seconds: number): string {
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** The caller a limit counts, before hashing. */
export function rateLimitSubject(request: Pick<Request, 'ip' | 'body'>, key: RateLimitKey): string {
  const ip = request.ip ?? 'unknown';
  switch (key) {
    case 'ip':
      return ip;
    case 'body.email':
      return bodyEmail(request.body);
    case 'ip+body.email':
      return `${ip} ${bodyEmail(request.body)}`;
  }
}

function bodyEmail(body: unknown): string {
  const email = typeof body === 'object' && body !== null ? (body as { email?: unknown }).email : undefined;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

function configured(value: ConfiguredNumber, config: AppConfig): number {
  return typeof value === 'function' ? value(config) : value;
}
