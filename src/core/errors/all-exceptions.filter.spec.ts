import type { ArgumentsHost } from '@nestjs/common';
import { NotFoundException } from '@nestjs/common';
import { createServer, type Server, type Socket } from 'node:net';
import { Client, Pool } from 'pg';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter, CONTENTION_RETRY_AFTER_SECONDS, isConnectionLevelError, toErrorBody, UNAVAILABLE_RETRY_AFTER_SECONDS } from './all-exceptions.filter';
import { DomainError, ErrorCode } from './domain-error';
import { PROBLEM_TITLE, problemTypeOf, toProblemDetails } from './problem-details';

/** A local TCP server that either closes every connection at once or never says a word. */
async function fakePostgres(behaviour: 'close' | 'silent'): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (behaviour === 'close') socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function connectError(options: { port: number; connectionTimeoutMillis?: number }): Promise<unknown> {
  const client = new Client({ host: '127.0.0.1', user: 'nobody', database: 'nothing', ...options });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => undefined);
  }
  throw new Error('connected, unexpectedly');
}

const pgError = (code: string, message = 'server says no'): Error => Object.assign(new Error(message), { code, severity: 'FATAL' });
const unavailable = (requestId: string) => ({
  statusCode: 503,
  code: ErrorCode.ServiceUnavailable,
  message: 'The service is briefly unavailable. Try again in a few seconds.',
  retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
  errorId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  requestId,
});

describe('the exception filter: a dependency that is down is 503, not 500', () => {
  it('maps the errors node-postgres really raises when the server is gone, refuses, or never answers', async () => {
    const closing = await fakePostgres('close');
    const silent = await fakePostgres('silent');
    try {
      // Refused: nothing listens on the port any more (the server stopped).
      const refusedPort = closing.port;
      await closing.close();
      const refused = await connectError({ port: refusedPort });
      expect(toErrorBody(refused, 'r1')).toEqual(unavailable('r1'));

      // Accepted, then dropped before the startup reply (what a restart looks like through a proxy).
      const dropping = await fakePostgres('close');
      try {
        const dropped = await connectError({ port: dropping.port });
        expect((dropped as Error).message).toMatch(/Connection terminated/);
        expect(toErrorBody(dropped, 'r2')).toEqual(unavailable('r2'));
      } finally {
        await dropping.close();
      }

      // Accepted, never answered: the connect timeout ends it.
      const timedOut = await connectError({ port: silent.port, connectionTimeoutMillis: 200 });
      expect(toErrorBody(timedOut, 'r3')).toEqual(unavailable('r3'));

      // pg-pool's own timeout while every connection is taken.
      const pool = new Pool({ host: '127.0.0.1', port: silent.port, user: 'nobody', max: 1, connectionTimeoutMillis: 200 });
      pool.on('error', () => undefined);
      const poolError = await pool.connect().then(
        () => new Error('connected, unexpectedly'),
        (error: unknown) => error,
      );
      await pool.end().catch(() => undefined);
      expect(isConnectionLevelError(poolError)).toBe(true);
    } finally {
      await silent.close();
    }
  });

  it.each([
    ['57P01 admin_shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash_shutdown', pgError('57P02')],
    ['57P03 cannot_connect_now', pgError('57P03', 'the database system is starting up')],
    ['08006 connection_failure', pgError('08006')],
    ['08003 connection_does_not_exist', pgError('08003')],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' })],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['ECONNREFUSED inside an AggregateError', new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })])],
    ['Connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['the pool timeout', new Error('timeout exceeded when trying to connect')],
    ["a client's connect timeout", new Error('timeout expired')],
    ['a broken client', new Error('Client has encountered a connection error and is not queryable')],
    ['57P01 inside TypeORM QueryFailedError', new QueryFailedError('SELECT 1', [], pgError('57P01'))],
    ['ECONNRESET as the cause', new Error('query failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) })],
  ])('maps %s to 503 SERVICE_UNAVAILABLE with retryAfterSeconds 5', (_name, error) => {
    expect(isConnectionLevelError(error)).toBe(true);
    expect(toErrorBody(error, 'req-1')).toEqual(unavailable('req-1'));
  });

  it.each([
    ['a plain bug', new Error('Cannot read properties of undefined')],
    ['a unique violation TypeORM did not translate', new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key'))],
    ['a syntax error', pgError('42601')],
    ['a file error', Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' })],
    ['words only in the middle', new Error('upstream said: Connection terminated')],
    ['another timeout', new Error('timeout expired while rendering the page')],
    ['not an Error', 'Connection terminated'],
    ['null', null],
  ])('keeps the generic 500 for %s', (_name, error) => {
    expect(isConnectionLevelError(error)).toBe(false);
    expect(toErrorBody(error, 'req-2')).toMatchObject({ statusCode: 500, code: ErrorCode.Internal, requestId: 'req-2' });
  });

  it('answers lock contention left after the retries (55P03, 40P01, 40001) with 503 and Retry-After, never 500', () => {
    for (const code of ['55P03', '40P01', '40001']) {
      const error = new QueryFailedError('SELECT 1', [], Object.assign(new Error('canceling statement due to lock timeout'), { code }));
      expect(toErrorBody(error, 'req-c')).toMatchObject({
        statusCode: 503, code: ErrorCode.ServiceUnavailable, retryAfterSeconds: CONTENTION_RETRY_AFTER_SECONDS, requestId: 'req-c',
      });
    }
    const other = new QueryFailedError('SELECT 1', [], Object.assign(new Error('division by zero'), { code: '22012' }));
    expect(toErrorBody(other, 'req-d')).toMatchObject({ statusCode: 500, code: ErrorCode.Internal });
  });

  it('leaves domain and HTTP errors as they are, and survives an error that is its own cause', () => {
    expect(toErrorBody(new DomainError(ErrorCode.NotFound, 'No such edition'))).toMatchObject({ statusCode: 404, code: ErrorCode.NotFound });
    expect(toErrorBody(new NotFoundException())).toMatchObject({ statusCode: 404, code: ErrorCode.NotFound });
    const loop = new Error('loop') as Error & { cause?: unknown };
    loop.cause = loop;
    expect(isConnectionLevelError(loop)).toBe(false);
  });

  it('answers the 503 with a Retry-After header and a problem document, through the filter itself', () => {
    const { status, headers, json } = throughFilter(new Error('Connection terminated unexpectedly'), '/api/editions/ppuri-2027/exhibitor-applications');
    expect(status).toBe(503);
    expect(headers['Retry-After']).toBe('5');
    expect(headers['Content-Type']).toBe('application/problem+json; charset=utf-8');
    expect(json).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(JSON.stringify(json)).not.toContain('terminated');
  });
});

/** Runs the filter on a fake Express request/response pair and returns what it answered. */
function throughFilter(exception: unknown, url: string, requestId = 'req-9'): { status: number; headers: Record<string, string>; json: Record<string, unknown> } {
  const headers: Record<string, string> = { 'Content-Disposition': 'attachment; filename="x.csv"' };
  let status = 0;
  let json: unknown;
  const response = {
    headersSent: false,
    removeHeader: (name: string) => delete headers[name],
    setHeader: (name: string, value: string) => (headers[name] = value),
    status(code: number) {
      status = code;
      return this;
    },
    json(body: unknown) {
      json = body;
      return this;
    },
  };
  const request = { url, originalUrl: url, headers: {}, id: requestId };
  const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) } as unknown as ArgumentsHost;
  const filter = new AllExceptionsFilter();
  (filter as unknown as { logger: { error: jest.Mock } }).logger = { error: jest.fn() };
  filter.catch(exception, host);
  return { status, headers, json: json as Record<string, unknown> };
}

describe('the exception filter: errors are RFC 9457 problem details that keep the earlier fields', () => {
  it('answers application/problem+json with type, title, status, detail and instance, and the earlier fields as extensions', () => {
    const error = DomainError.validation([{ field: 'company.name', messages: ['name is required'] }]);
    const { status, headers, json } = throughFilter(error, '/api/editions/ppuri-2027/exhibitor-applications?lang=en');
    expect(status).toBe(400);
    expect(headers['Content-Type']).toBe('application/problem+json; charset=utf-8');
    expect(headers['Content-Disposition']).toBeUndefined();
    expect(json).toEqual({
      type: 'https://fairgate.kdjcenter.example/problems/validation-failed',
      title: 'Invalid fields',
      status: 400,
      detail: 'The request has invalid fields.',
      instance: '/api/editions/ppuri-2027/exhibitor-applications',
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'The request has invalid fields.',
      errors: [{ field: 'company.name', messages: ['name is required'] }],
      requestId: 'req-9',
    });
    // The standard members come first, as the RFC's examples write them.
    expect(Object.keys(json).slice(0, 5)).toEqual(['type', 'title', 'status', 'detail', 'instance']);
  });

  it('keeps a refusal\'s own details (existingApplicationId, retryAfterSeconds) as extensions', () => {
    const duplicate = new DomainError(ErrorCode.DuplicateApplication, 'Already applied', { existingApplicationId: 'a1' });
    expect(throughFilter(duplicate, '/api/x').json).toMatchObject({
      type: 'https://fairgate.kdjcenter.example/problems/duplicate-application', title: 'Duplicate application', status: 409, detail: 'Already applied',
      code: 'DUPLICATE_APPLICATION', existingApplicationId: 'a1',
    });
    const limited = throughFilter(new DomainError(ErrorCode.TooManyRequests, 'Slow down', { retryAfterSeconds: 30 }), '/api/auth/login');
    expect(limited.headers['Retry-After']).toBe('30');
    expect(limited.json).toMatchObject({ status: 429, title: 'Too many requests', retryAfterSeconds: 30 });
  });

  it('never lets a detail named like a problem member change its meaning: an application status becomes currentStatus', () => {
    const illegal = new DomainError(ErrorCode.IllegalTransition, 'An application that is approved can no longer be edited.', { status: 'approved', action: 'edit' });
    const { json } = throughFilter(illegal, '/api/company/applications/1');
    expect(json).toMatchObject({ status: 409, statusCode: 409, currentStatus: 'approved', action: 'edit', type: problemTypeOf(ErrorCode.IllegalTransition) });
  });

  it('masks private-link tokens in instance as the access log does, and drops the query', () => {
    const token = 'mAbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
    for (const [url, instance] of [
      [`/api/meeting-access/${token}/requests?x=1`, '/api/meeting-access/[token]/requests'],
      [`/api/attendee-access/${token}/itinerary.ics`, '/api/attendee-access/[token]/itinerary.ics'],
      [`/meetings/${token}`, '/meetings/[token]'],
    ]) {
      const { json } = throughFilter(new DomainError(ErrorCode.InvalidToken, 'The link expired.'), url);
      expect(json.instance).toBe(instance);
      expect(JSON.stringify(json)).not.toContain(token);
    }
  });

  it('uses about:blank and the HTTP reason phrase only where no Fairgate code applies', () => {
    expect(toProblemDetails({ statusCode: 405, code: 'HTTP_405', message: 'Cannot PUT /api/fairs' })).toMatchObject({
      type: 'about:blank', title: 'Method Not Allowed', status: 405, detail: 'Cannot PUT /api/fairs', code: 'HTTP_405',
    });
    const { json } = throughFilter(new NotFoundException('Cannot GET /api/nothing'), '/api/nothing');
    expect(json).toMatchObject({ type: 'https://fairgate.kdjcenter.example/problems/not-found', title: 'Not found', status: 404, code: 'NOT_FOUND', instance: '/api/nothing' });
  });

  it('gives every error code a title and a distinct kebab-case type URI; 500s keep their error id', () => {
    const types = Object.values(ErrorCode).map(problemTypeOf);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) expect(type).toMatch(/^https:\/\/fairgate\.kdjcenter\.example\/problems\/[a-z]+(-[a-z]+)*$/);
    for (const code of Object.values(ErrorCode)) expect(PROBLEM_TITLE[code]).toMatch(/^\S.{1,40}$/);
    const { status, json } = throughFilter(new Error('boom'), '/api/fairs');
    expect(status).toBe(500);
    expect(json).toMatchObject({ type: 'https://fairgate.kdjcenter.example/problems/internal-error', status: 500, errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(json)).not.toContain('boom');
  });
});
