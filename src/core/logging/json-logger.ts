import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { correlation } from './request-id';

/** Keys whose values never reach a log line, at any depth pino can see. */
const REDACT = [
  'password', '*.password', '*.*.password', 'authorization', '*.authorization', 'headers.authorization',
  'headers.cookie', 'token', '*.token', 'smtpUrl', '*.smtpUrl',
];

export function createPino(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'fairgate', pid: process.pid },
    redact: { paths: REDACT, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const ctx = correlation.getStore();
      return ctx ? { requestId: ctx.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Nest's logger interface over pino: one JSON object per line, with the request id.
 * Nest calls `log(message, ...extra, context)`; objects become fields, strings the text.
 */
export class JsonLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: pino.Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const texts = rest.filter((p): p is string => typeof p === 'string');
    const fields: Record<string, unknown> = { context };
    let text: string;
    if (message instanceof Error) {
      fields.err = message;
      text = message.message;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(fields, message);
      text = texts.shift() ?? '';
    } else {
      text = String(message);
    }
    if (texts.length > 0) fields.detail = texts.join('\n');
    this.pino[level](fields, text);
  }
}
