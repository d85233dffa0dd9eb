import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { startFairgate, type RunningFairgate } from '../../src/bootstrap';
import { hashPassword } from '../../src/core/auth/password-hasher';
import { loadConfig, type AppConfig } from '../../src/core/config/app-config';
import { createPino, JsonLogger } from '../../src/core/logging/json-logger';
import { Queues, type QueueName } from '../../src/core/queue/job-catalogue';
import { SmtpSink } from './smtp-sink';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_REDIS_URL } from './test-env';

export const TEST_ORGANIZER = { email: 'organizer@fairgate.test', password: 'correct-horse-battery-staple' };

export interface TestApp {
  config: AppConfig;
  running: RunningFairgate;
  http: TestAgent;
  smtp: SmtpSink;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real application on its own database, BullMQ prefix and SMTP server: the same
 * startFairgate() as production, with short timings so retries happen within a test.
 */
export async function startTestApp(options: { env?: Record<string, string>; database?: TestDatabase } = {}): Promise<TestApp> {
  const db = options.database ?? (await createTestDatabase());
  const smtp = new SmtpSink();
  let running: RunningFairgate | undefined;
  const prefix = `fgtest-${randomBytes(4).toString('hex')}`;
  try {
    const smtpPort = await smtp.start();
    const config = loadConfig({
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      QUEUE_PREFIX: prefix,
      PORT: '0',
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      MAIL_RETRY_BASE_MS: '50',
      OUTBOX_POLL_MS: '100',
      ORGANIZER_EMAIL: TEST_ORGANIZER.email,
      ORGANIZER_PASSWORD: TEST_ORGANIZER.password,
      // Every test file signs many companies up from one address; the limits get tests of their own.
      RATE_LIMIT_SIGNUP_PER_HOUR: '100000',
      RATE_LIMIT_RESET_PER_HOUR: '100000',
      RATE_LIMIT_REGISTRATION_PER_MINUTE: '100000',
      // Races of 200 requests on a pool of 10, with other test files on the same 2 cores: wait, do not shed.
      DATABASE_POOL_WAIT_MS: '30000',
      ...options.env,
    });
    running = await startFairgate(config, new JsonLogger(createPino(config.logLevel)));
    const http = request(running.server!);
    const started = running;
    return {
      config,
      running,
      http,
      smtp,
      db,
      close: async () => {
        await started.close();
        await smtp.stop();
        await deleteQueueKeys(config.redisUrl, prefix);
        if (!options.database) await db.release();
      },
    };
  } catch (error) {
    await running?.close().catch(() => undefined);
    await smtp.stop();
    if (!options.database) await db.release().catch(() => undefined);
    throw error;
  }
}

/** Leaves the shared Redis as it was found. */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined); // a failed command rejects and says why; the event adds nothing
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Polls `read` until `accept` holds; for state reached by background workers. The default deadline is
 * generous (CI machines run at a load average of 8–12): it only bounds a hang, never a timing.
 */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not reached within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The job counts of a queue by state (waiting, active, delayed, prioritized, waiting-children). */
export async function queueCounts(redisUrl: string, prefix: string, name: QueueName): Promise<Record<string, number>> {
  const url = new URL(redisUrl);
  const connection = { host: url.hostname, port: Number(url.port || 6379), password: url.password || undefined, db: Number(url.pathname.slice(1) || 0) };
  const queue = new Queue(name, { connection, prefix });
  queue.on('error', () => undefined); // a failed command rejects and says why
  try {
    return await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  } finally {
    await queue.close();
  }
}

/** Jobs of a queue that are still to run: waiting, active, delayed or prioritized. */
export async function unfinishedJobs(t: TestApp, name: QueueName, prefix = t.config.queuePrefix): Promise<number> {
  return Object.values(await queueCounts(t.config.redisUrl, prefix, name)).reduce((sum, n) => sum + n, 0);
}

/**
 * Waits until mail has settled: no outbox row is pending or dispatched and the mail queue has no job
 * left to run, so nothing more can reach the SMTP server. "Nothing more may come" checks wait for this
 * positive condition instead of sleeping for a guessed while; the deadline is generous (a busy CI).
 */
export async function mailSettled(t: TestApp, timeoutMs = 60_000): Promise<void> {
  await eventually(
    async () => {
      const { rows } = await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE status IN ('pending', 'dispatched')`);
      return { unsent: rows[0].n, jobs: await unfinishedJobs(t, Queues.Mail) };
    },
    (s) => s.unsent === 0 && s.jobs === 0,
    timeoutMs,
  );
}

/** Logs in over HTTP and answers the Authorization header value. */
export async function bearer(t: TestApp, credentials = TEST_ORGANIZER): Promise<string> {
  const res = await t.http.post('/api/auth/login').send(credentials).expect(200);
  return `Bearer ${res.body.token as string}`;
}

/** An account of another role, written straight to the database (sign-up for it comes later). */
export async function createAccount(t: TestApp, role: 'exhibitor' | 'buyer' | 'attendee', email: string, password: string): Promise<void> {
  await t.db.pool.query(`INSERT INTO accounts (email, password_hash, role, display_name, email_confirmed_at) VALUES ($1, $2, $3, $4, now())`, [email, await hashPassword(password), role, email]);
}
