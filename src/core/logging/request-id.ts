import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** Correlation context: the request (or job) a log line belongs to. */
export const correlation = new AsyncLocalStorage<{ requestId: string }>();

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

export function requestIdOf(request: Request): string | undefined {
  return (request as Request & { id?: string }).id;
}

/** Takes the caller's X-Request-Id when it is sane, else makes one; echoes it back. */
export function requestIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const given = request.header('x-request-id');
  const id = given && REQUEST_ID.test(given) ? given : randomUUID();
  (request as Request & { id?: string }).id = id;
  response.setHeader('X-Request-Id', id);
  correlation.run({ requestId: id }, next);
}
