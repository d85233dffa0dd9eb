import type { Response } from 'express';
import { loadConfig } from '../../config/app-config';
import { setErrorHeaders, toErrorBody } from '../../errors/all-exceptions.filter';
import { DomainError, ErrorCode } from '../../errors/domain-error';
import { RateLimit } from './rate-limit.decorator';
import { describeWait, rateLimitSubject, tooManyRequests } from './rate-limit.guard';
import { RateLimiter, ThrottledWarning } from './rate-limiter';

describe('rate limits: the parts without Redis', () => {
  it('counts a caller by IP, by body email (trimmed, lowercased) or by both; a missing email does not escape the IP', () => {
    const request = { ip: '203.0.113.7', body: { email: '  Minjun.Kim@Example.KR ' } };
    expect(rateLimitSubject(request, 'ip')).toBe('203.0.113.7');
    expect(rateLimitSubject(request, 'body.email')).toBe('minjun.kim@example.kr');
    expect(rateLimitSubject(request, 'ip+body.email')).toBe('203.0.113.7 minjun.kim@example.kr');
    expect(rateLimitSubject({ ip: '203.0.113.7', body: { email: 42 } }, 'ip+body.email')).toBe('203.0.113.7 ');
    expect(rateLimitSubject({ ip: '203.0.113.7', body: undefined }, 'ip+body.email')).toBe('203.0.113.7 ');
  });

  it('keeps callers out of Redis in clear: keys are prefixed, per bucket, and hashed under the app secret', async () => {
    const limiter = new RateLimiter(loadConfig({ QUEUE_PREFIX: 'fg-a' }));
    const other = new RateLimiter(loadConfig({ QUEUE_PREFIX: 'fg-a', APP_SECRET: 'x'.repeat(32) }));
    const own = new RateLimiter(loadConfig({ QUEUE_PREFIX: 'fg-a', RATE_LIMIT_PREFIX: 'limits' }));
    try {
      const key = limiter.redisKey('login-failure', '203.0.113.7 minjun.kim@example.kr');
      expect(key).toMatch(/^fg-a:rl:login-failure:[0-9a-f]{32}$/);
      expect(key).not.toContain('203.0.113.7');
      expect(key).not.toContain('minjun');
      expect(limiter.redisKey('login-failure', '203.0.113.7 minjun.kim@example.kr')).toBe(key);
      expect(limiter.redisKey('signup', '203.0.113.7 minjun.kim@example.kr').split(':')[3]).not.toBe(key.split(':')[3]);
      expect(other.redisKey('login-failure', '203.0.113.7 minjun.kim@example.kr')).not.toBe(key);
      expect(own.redisKey('signup', '203.0.113.7')).toMatch(/^limits:rl:signup:/);
      expect(() => limiter.redisKey('Login:*', 'x')).toThrow(/bucket/);
      // Digests are kept per caller (and the store emptied when full): the same answers as a fresh limiter's, for each caller.
      const fresh = new RateLimiter(loadConfig({ QUEUE_PREFIX: 'fg-a' }));
      const callers = Array.from({ length: 10_050 }, (_, i) => `198.51.${Math.floor(i / 250)}.${i % 250}`);
      const kept = callers.map((ip) => limiter.redisKey('signup', ip));
      expect(new Set(kept).size).toBe(callers.length);
      expect(callers.map((ip) => limiter.redisKey('signup', ip))).toEqual(kept);
      expect([callers[0], callers[10_049]].map((ip) => fresh.redisKey('signup', ip))).toEqual([kept[0], kept[10_049]]);
      await fresh.onModuleDestroy();
      await expect(limiter.consume('login', 'x', { limit: 0, windowSeconds: 60 })).rejects.toThrow(/limit/);
      await expect(limiter.consume('login', 'x', { limit: 1, windowSeconds: 0.5 })).rejects.toThrow(/windowSeconds/);
    } finally {
      await Promise.all([limiter, other, own].map((l) => l.onModuleDestroy()));
    }
  });

  it('refuses a bucket name that could not be a Redis key part', () => {
    expect(() => RateLimit({ bucket: 'sign up', key: 'ip', limit: 1, windowSeconds: 1 })).toThrow(/bucket "sign up"/);
    expect(() => RateLimit({ bucket: 'exhibitor-application', key: 'ip', limit: (c) => c.rateLimitRegistrationPerMinute, windowSeconds: 60 })).not.toThrow();
  });

  it('says how long to wait in words, in the body and in Retry-After', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(37)).toBe('37 seconds');
    expect(describeWait(119)).toBe('119 seconds');
    expect(describeWait(900)).toBe('15 minutes');
    expect(describeWait(3599)).toBe('60 minutes');

    const error = tooManyRequests(37);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.status).toBe(429);
    const body = toErrorBody(error, 'req-1');
    expect(body).toEqual({
      statusCode: 429, code: ErrorCode.TooManyRequests, message: 'Too many attempts: try again in 37 seconds.', retryAfterSeconds: 37, requestId: 'req-1',
    });
    const headers: Record<string, string> = {};
    const response = { setHeader: (name: string, value: string) => (headers[name] = value) } as unknown as Response;
    setErrorHeaders(response, body);
    expect(headers).toEqual({ 'Retry-After': '37' });

    const none: Record<string, string> = {};
    const other = { setHeader: (name: string, value: string) => (none[name] = value) } as unknown as Response;
    setErrorHeaders(other, toErrorBody(new DomainError(ErrorCode.Conflict, 'x', { retryAfterSeconds: 5 })));
    setErrorHeaders(other, { statusCode: 429, code: 'X', message: 'x', retryAfterSeconds: 'soon' });
    expect(none).toEqual({});
  });

  it('warns at most once per interval, and tells how many were held back', () => {
    let now = 1_000_000;
    const warn = jest.fn();
    const warning = new ThrottledWarning({ warn }, 60_000, () => now);
    warning.warn('Redis is failing', new Error('ECONNREFUSED'));
    for (let i = 0; i < 100; i += 1) {
      now += 500;
      warning.warn('Redis is failing', new Error('ECONNREFUSED'));
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenLastCalledWith({ reason: 'ECONNREFUSED', suppressedSinceLast: 0 }, 'Redis is failing');
    now += 10_000; // 60 s after the first warning
    warning.warn('Redis is failing', 'timeout');
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenLastCalledWith({ reason: 'timeout', suppressedSinceLast: 100 }, 'Redis is failing');
  });
});
