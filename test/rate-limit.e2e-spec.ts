import { Body, Controller, HttpCode, type LoggerService, Post, Req } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import Redis from 'ioredis';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { configureHttp } from '../src/bootstrap';
import { loadConfig, type AppConfig } from '../src/core/config/app-config';
import { ConfigModule } from '../src/core/config/config.module';
import { DomainError, ErrorCode } from '../src/core/errors/domain-error';
import { LoginThrottle } from '../src/core/http/rate-limit/login-throttle';
import { RateLimit } from '../src/core/http/rate-limit/rate-limit.decorator';
import { RateLimitModule } from '../src/core/http/rate-limit/rate-limit.module';
import { TcpProxy } from './support/tcp-proxy';
import { deleteQueueKeys, eventually } from './support/test-app';
import { TEST_REDIS_URL } from './support/test-env';

// Only configureHttp is needed from bootstrap: keep the business modules (AppModule) out of this test.
jest.mock('../src/app.module', () => ({ AppModule: class AppModule {} }));

/** Routes of this test only: the real guard, limiter, LoginThrottle and HTTP set-up, no business module. */
@Controller('probe')
class ProbeController {
  constructor(private readonly throttle: LoginThrottle) {}

  @Post('contact')
  @RateLimit({ bucket: 'probe-contact', key: 'ip+body.email', limit: 3, windowSeconds: 60 })
  contact(@Body() _body: Record<string, unknown>): { ok: true } {
    return { ok: true };
  }

  /** The limit comes from the configuration, like the exhibitor application's. */
  @Post('register')
  @RateLimit({ bucket: 'probe-register', key: 'ip', limit: (c) => c.rateLimitRegistrationPerMinute, windowSeconds: 60 })
  register(): { ok: true } {
    return { ok: true };
  }

  @Post('short')
  @RateLimit({ bucket: 'probe-short', key: 'ip', limit: 2, windowSeconds: 2 })
  short(): { ok: true } {
    return { ok: true };
  }

  /** How many passwords the probe login has checked (what the throttle must bound). */
  static passwordChecks = 0;

  /** A login as the auth module does it: counted before the check, a success takes it back. */
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: { email: string; password: string }, @Req() req: Request): Promise<{ ok: true }> {
    const attempt = await this.throttle.begin(body.email, req.ip ?? '');
    ProbeController.passwordChecks += 1;
    await sleep(20); // a password check takes a while (argon2id): concurrent attempts overlap
    if (body.password !== 'right password') throw new DomainError(ErrorCode.Unauthenticated, 'Wrong email or password.');
    await attempt.succeeded();
    return { ok: true };
  }
}

interface ProbeApp {
  app: NestExpressApplication;
  http: TestAgent;
  config: AppConfig;
}

/** T14: abuse limits hold across API instances sharing one Redis, and never take the API down. */
describe('rate limits (T14)', () => {
  const prefix = `fgtest-rl-${randomBytes(4).toString('hex')}`;
  const otherPrefix = `${prefix}-other`;
  const apps: ProbeApp[] = [];
  let a: ProbeApp;
  let b: ProbeApp;

  async function startProbeApp(env: Record<string, string> = {}, logger: LoggerService | false = false): Promise<ProbeApp> {
    const config = loadConfig({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent', RATE_LIMIT_REGISTRATION_PER_MINUTE: '10', ...env });
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule.forRoot(config), RateLimitModule], controllers: [ProbeController] }).compile();
    const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger });
    configureHttp(app, config); // the app's own HTTP set-up: trust proxy, body parsers, the one error format
    await app.init();
    const probe = { app, http: request(app.getHttpServer()), config };
    apps.push(probe);
    return probe;
  }

  async function closeProbeApp(probe: ProbeApp): Promise<void> {
    apps.splice(apps.indexOf(probe), 1);
    await probe.app.close();
  }

  /** A client address of its own per test (TRUST_PROXY's default trusts the loopback test client). */
  let n = 0;
  const newIp = (): string => `203.0.113.${++n}`;

  beforeAll(async () => {
    a = await startProbeApp();
    b = await startProbeApp();
  });
  afterAll(async () => {
    for (const probe of apps) await probe.app.close();
    await deleteQueueKeys(TEST_REDIS_URL, prefix);
    await deleteQueueKeys(TEST_REDIS_URL, otherPrefix);
  });

  it('allows exactly the limit, then answers 429 with Retry-After in the one error format', async () => {
    const ip = newIp();
    const send = (email: string, from = ip) => a.http.post('/api/probe/contact').set('X-Forwarded-For', from).send({ email });
    for (let i = 0; i < 3; i++) await send('minjun.kim@example.kr').expect(201);
    for (let i = 0; i < 2; i++) {
      const res = await send(' Minjun.Kim@Example.KR ').expect(429); // the same email, however written
      const retryAfter = Number(res.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 60).toBe(true);
      expect(res.body).toEqual({
        type: 'https://fairgate.kdjcenter.example/problems/too-many-requests',
        title: expect.any(String),
        status: 429,
        detail: `Too many attempts: try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`,
        instance: '/api/probe/contact',
        statusCode: 429,
        code: 'TOO_MANY_REQUESTS',
        message: `Too many attempts: try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`,
        retryAfterSeconds: retryAfter,
        requestId: res.headers['x-request-id'],
      });
    }
    await send('another@example.kr').expect(201); // another email from that IP has its own count
    await send('minjun.kim@example.kr', newIp()).expect(201); // and so has another IP

    const keys = await redisKeys(`${prefix}:rl:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatch(new RegExp(`^${prefix}:rl:[a-z0-9-]+:[0-9a-f]{32}$`)); // no IP or email in clear
      const members = await redisRun((r) => r.zrange(key, 0, -1));
      expect(members.join(' ')).not.toMatch(/203\.0\.113|example/);
    }
  });

  it('counts across two instances sharing Redis: 40 concurrent requests, exactly the limit (10) allowed', async () => {
    const ip = newIp();
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).http.post('/api/probe/register').set('X-Forwarded-For', ip).then((r) => r.status)),
    );
    expect(tally(statuses)).toEqual({ 201: 10, 429: 30 });
    // Both instances refuse from now on.
    await a.http.post('/api/probe/register').set('X-Forwarded-For', ip).expect(429);
    await b.http.post('/api/probe/register').set('X-Forwarded-For', ip).expect(429);
  });

  it('negative control: instances that do not share counters (another prefix) would let twice the limit through', async () => {
    const c = await startProbeApp({ RATE_LIMIT_PREFIX: otherPrefix });
    const ip = newIp();
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : c).http.post('/api/probe/register').set('X-Forwarded-For', ip).then((r) => r.status)),
    );
    expect(tally(statuses)).toEqual({ 201: 20, 429: 20 });
  });

  it('allows requests again once the window has passed', async () => {
    const ip = newIp();
    const send = () => a.http.post('/api/probe/short').set('X-Forwarded-For', ip);
    await send().expect(201);
    await send().expect(201);
    const refused = await send().expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect([1, 2]).toContain(retryAfter);
    await sleep(retryAfter * 1000 + 100);
    await send().expect(201);
    await send().expect(201);
    await send().expect(429);
  });

  it('follows TRUST_PROXY: with it off, X-Forwarded-For does not make a caller someone else', async () => {
    const off = await startProbeApp({ TRUST_PROXY: 'false', RATE_LIMIT_PREFIX: otherPrefix });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await off.http.post('/api/probe/register').set('X-Forwarded-For', newIp())).status);
    expect(tally(statuses)).toEqual({ 201: 10, 429: 2 });
  });

  it('LoginThrottle: 5 failures per email + IP, then 429 even with the right password; a success clears the count', async () => {
    const ip = newIp();
    const login = (password: string, email = 'seoyeon@example.kr') =>
      a.http.post('/api/probe/login').set('X-Forwarded-For', ip).send({ email, password });

    for (let i = 0; i < 4; i++) await login('wrong').expect(401);
    await login('right password').expect(200); // clears the 4 failures
    for (let i = 0; i < 5; i++) await login('wrong').expect(401);
    const refused = await login('right password').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(840); // 900 s window
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'Too many attempts: try again in 15 minutes.' });
    await b.http.post('/api/probe/login').set('X-Forwarded-For', ip).send({ email: 'SEOYEON@example.kr', password: 'right password' }).expect(429);
    await login('right password', 'someone-else@example.kr').expect(200); // another account from this IP
    // The account itself is not locked: 5 failures are within its free ones, so another IP logs in at once.
    await a.http.post('/api/probe/login').set('X-Forwarded-For', newIp()).send({ email: 'seoyeon@example.kr', password: 'right password' }).expect(200);
    // … and that success elsewhere does not clear this IP's count for the account.
    await login('right password').expect(429);
    const throttle = a.app.get(LoginThrottle);
    await expect(throttle.begin('seoyeon@example.kr', ip)).rejects.toMatchObject({ code: ErrorCode.TooManyRequests, status: 429 });
    await expect(throttle.begin('seoyeon@example.kr', '')).rejects.toThrow(/client IP/);
  });

  it('LoginThrottle: failures per IP over any emails are capped too; a success neither counts nor clears them', async () => {
    const p = await startProbeApp({ LOGIN_MAX_FAILURES_PER_IP: '8', RATE_LIMIT_PREFIX: otherPrefix });
    const throttle = p.app.get(LoginThrottle);
    const ip = newIp();
    for (let i = 0; i < 7; i++) await throttle.begin(`user${i}@example.kr`, ip); // 7 failed attempts
    await (await throttle.begin('user0@example.kr', ip)).succeeded(); // a success: taken back out of the IP's count
    await throttle.begin('fresh@example.kr', ip); // the 8th failure
    const error = await throttle.begin('fresh2@example.kr', ip).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.retryAfterSeconds).toBeGreaterThan(0);
    await expect(throttle.begin('fresh2@example.kr', newIp())).resolves.toBeDefined();
  });

  it('LoginThrottle: failures of one account from many IPs make it wait seconds (doubling, capped), never a lockout', async () => {
    const p = await startProbeApp({ LOGIN_BACKOFF_FREE_FAILURES: '2', LOGIN_BACKOFF_BASE_MS: '300', LOGIN_BACKOFF_MAX_SECONDS: '2', RATE_LIMIT_PREFIX: otherPrefix });
    const email = `backoff-${randomBytes(3).toString('hex')}@example.kr`;
    const login = (ip: string, password: string) => p.http.post('/api/probe/login').set('X-Forwarded-For', ip).send({ email, password });
    const waits: number[] = [];
    // 6 wrong passwords, each from a new address; a 429 is the account's backoff: wait for it, then go on.
    for (let failures = 0; failures < 6;) {
      const started = Date.now();
      const res = await eventually(() => login(newIp(), 'wrong'), (r) => r.status !== 429, 10000);
      expect(res.status).toBe(401);
      waits.push(Date.now() - started);
      failures += 1;
    }
    // From the 3rd failure on, each makes the next attempt wait: 300 ms, 600 ms, 1200 ms (a lower bound:
    // a slow machine only waits longer).
    expect(waits.slice(3).reduce((sum, w) => sum + w, 0)).toBeGreaterThanOrEqual(1900);
    const slowed = await login(newIp(), 'right password');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBe(2); // 2400 ms capped at LOGIN_BACKOFF_MAX_SECONDS
    // The real user, from yet another address, gets in once the short wait is over.
    await eventually(() => login(newIp(), 'right password'), (r) => r.status === 200, 10000);
    // … which clears the account's count: the next failures are free again.
    await login(newIp(), 'wrong').expect(401);
    await login(newIp(), 'wrong').expect(401);
  });

  it('LoginThrottle: a client that logged in to the account before does not wait for its backoff', async () => {
    const p = await startProbeApp({ LOGIN_BACKOFF_FREE_FAILURES: '1', LOGIN_BACKOFF_BASE_MS: '60000', LOGIN_BACKOFF_MAX_SECONDS: '60', RATE_LIMIT_PREFIX: otherPrefix });
    const email = `known-${randomBytes(3).toString('hex')}@example.kr`;
    const login = (ip: string, password: string) => p.http.post('/api/probe/login').set('X-Forwarded-For', ip).send({ email, password });
    const usual = newIp();
    await login(usual, 'right password').expect(200);
    // Two guesses from elsewhere put the account into a 60 s backoff …
    await login(newIp(), 'wrong').expect(401);
    await login(newIp(), 'wrong').expect(401);
    const refused = await login(newIp(), 'right password').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(50);
    // … which the usual client does not wait for (its own email + IP limit still applies).
    await login(usual, 'right password').expect(200);
  });

  it('LoginThrottle: 40 concurrent wrong logins from one IP for one account check at most LOGIN_MAX_FAILURES (5) passwords', async () => {
    const ip = newIp();
    const before = ProbeController.passwordChecks;
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).http.post('/api/probe/login').set('X-Forwarded-For', ip).send({ email: 'burst@example.kr', password: 'wrong' }).then((r) => r.status)),
    );
    expect(ProbeController.passwordChecks - before).toBe(5);
    expect(tally(statuses)).toEqual({ 401: 5, 429: 35 });
  });

  it('fails open when Redis is unreachable: every request allowed, no 5xx, one warning', async () => {
    const warnings: unknown[][] = [];
    const logger: LoggerService = { log: () => undefined, error: () => undefined, warn: (...args: unknown[]) => warnings.push(args) };
    const down = await startProbeApp({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` }, logger);
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await down.http.post('/api/probe/register').set('X-Forwarded-For', ip)).status);
    for (let i = 0; i < 8; i++) statuses.push((await down.http.post('/api/probe/login').set('X-Forwarded-For', ip).send({ email: 'x@example.kr', password: 'wrong' })).status);
    expect(tally(statuses)).toEqual({ 201: 15, 401: 8 });
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toMatch(/rate limits/);
    await closeProbeApp(down); // now, so ioredis's socket clean-up timer ends before the file does
  });

  it('fails open while Redis is cut off mid-traffic, and limits again once it is back', async () => {
    const proxy = new TcpProxy({ host: new URL(TEST_REDIS_URL).hostname, port: Number(new URL(TEST_REDIS_URL).port || 6379) });
    const port = await proxy.start();
    try {
      const flaky = await startProbeApp({ REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_PREFIX: prefix });
      const ip = newIp();
      const send = () => flaky.http.post('/api/probe/register').set('X-Forwarded-For', ip);
      for (let i = 0; i < 10; i++) await send().expect(201);
      await send().expect(429);
      proxy.cutOff();
      for (let i = 0; i < 5; i++) await send().expect(201);
      proxy.restore();
      await eventually(async () => (await send()).status, (s) => s === 429, 10000);
      await closeProbeApp(flaky); // while its Redis is reachable: a clean QUIT
    } finally {
      await proxy.stop();
    }
  });
});

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

async function redisRun<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined); // a failed command rejects and says why
  try {
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

async function redisKeys(pattern: string): Promise<string[]> {
  return redisRun(async (redis) => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    return keys;
  });
}

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
