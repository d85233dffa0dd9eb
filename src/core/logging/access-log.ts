import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('http');

/**
 * Private links carry their secret in the path (`/meetings/<token>`, `/attendee/<token>` and their
 * JSON twins): logs keep the shape of the path, never the token. Query strings are dropped whole.
 */
export function loggablePath(originalUrl: string): string {
  return originalUrl.split('?')[0].replace(/^\/(api\/)?(meetings|meeting-access|attendee|attendee-access)\/[^/]+/, (_m, api: string | undefined, area: string) => `/${api ?? ''}${area}/[token]`);
}

/** One line per request when it finishes: method, path (tokens masked), status, duration. */
export function accessLog(request: Request, response: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.log({ method: request.method, path: loggablePath(request.originalUrl), status: response.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
  });
  next();
}
