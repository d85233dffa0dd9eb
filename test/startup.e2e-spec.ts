import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '../src/core/config/app-config';
import { outboxJobId, Queues } from '../src/core/queue/job-catalogue';
import { checkRedis } from '../src/core/queue/redis-preflight';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { SmtpSink } from './support/smtp-sink';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { deleteQueueKeys, eventually } from './support/test-app';
import { TEST_REDIS_URL } from './support/test-env';

/** The real program as a user starts it: node dist/src/main.js with an environment. */
const MAIN = join(__dirname, '..', 'dist', 'src', 'main.js');

interface Proc {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

function startProcess(env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const proc: Proc = { child, stdout: '', stderr: '', exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  // A failed spawn or kill is an 'error' event: record it, do not crash the file.
  child.on('error', (error) => (proc.stderr += `\nchild process error: ${error.message}`));
  child.stdout.on('data', (d: Buffer) => (proc.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (proc.stderr += d.toString()));
  return proc;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r, reject) => server.once('error', reject).listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function waitForHealth(port: number, proc: Proc): Promise<void> {
  await eventually(
    async () => {
      if (proc.child.exitCode !== null) throw new Error(`process exited: ${proc.stderr}${proc.stdout.slice(-2000)}`);
      return fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0);
    },
    (status) => status === 200,
    // A bound against hangs: the built program took over 30 s to listen in a full run at load 12.
    120_000,
  );
}

describe('starting and stopping Fairgate', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
  });

  it.each([
    [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/fairgate' }, /^Fairgate cannot start: PostgreSQL is not reachable at 127\.0\.0\.1:1 \(DATABASE_URL\).*Start it/],
    [{ REDIS_URL: 'redis://127.0.0.1:1' }, /^Fairgate cannot start: Redis is not reachable at 127\.0\.0\.1:1 \(REDIS_URL\).*Start it/],
    [{ PORT: 'abc' }, /^Configuration error: PORT must be a whole number/],
  ])('stops with one clear line when %j', async (env, line) => {
    const proc = startProcess({ MIGRATE_ON_START: 'false', SEED_ON_START: 'false', ...env });
    expect(await proc.exit).toBe(1);
    const lines = proc.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(proc.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m); // no stack trace
  });

  it('refuses a Redis that may evict keys', async () => {
    const port = await freePort();
    const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'allkeys-lru'], { stdio: 'ignore' });
    redis.on('error', () => undefined); // not started: the readiness wait below fails and says so
    try {
      const config = loadConfig({ REDIS_URL: `redis://127.0.0.1:${port}` });
      await eventually(() => checkRedis(config).then(() => 'ok', (e: Error) => e.message), (m) => !m.includes('not reachable'));
      await expect(checkRedis(config)).rejects.toThrow(/maxmemory-policy allkeys-lru; BullMQ needs noeviction/);
    } finally {
      redis.kill('SIGTERM');
    }
  });

  describe('with a database', () => {
    let db: TestDatabase;
    const smtp = new SmtpSink();
    let smtpPort: number;
    const prefix = `fgproc-${process.pid}`;

    beforeAll(async () => {
      db = await createTestDatabase();
      smtpPort = await smtp.start();
    });
    afterAll(async () => {
      await smtp.stop();
      await db?.release();
      await deleteQueueKeys(TEST_REDIS_URL, prefix);
    });

    it('creates a missing database, migrates and seeds it, serves, and exits 0 on SIGTERM', async () => {
      const fresh = `fg_t_fresh_${process.pid}`;
      const url = new URL(db.url);
      url.pathname = `/${fresh}`;
      const port = await freePort();
      const proc = startProcess({ DATABASE_URL: url.toString(), PORT: String(port), QUEUE_PREFIX: prefix, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
      try {
        await waitForHealth(port, proc);
        const fairs = (await (await fetch(`http://127.0.0.1:${port}/api/fairs`)).json()) as Array<{ code: string }>;
        expect(fairs.map((f) => f.code).sort()).toEqual(['green-car', 'iot-appliance-robot', 'ppuri']);
        proc.child.kill('SIGTERM');
        expect(await proc.exit).toBe(0);
        expect(proc.stdout).toContain('"msg":"migrations applied"');
        expect(proc.stdout).toContain('"msg":"stopped cleanly"');
      } finally {
        proc.child.kill('SIGKILL');
        await db.pool.query(`SELECT 1`); // keep the pool warm for the next test
        const { Client } = await import('pg');
        const admin = new Client({ connectionString: db.url });
        admin.on('error', () => undefined);
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${fresh}" WITH (FORCE)`);
        await admin.end();
      }
    });

    it('on SIGTERM lets a send in flight finish before exiting 0', async () => {
      const port = await freePort();
      const proc = startProcess({ DATABASE_URL: db.url, PORT: String(port), QUEUE_PREFIX: prefix, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MIGRATE_ON_START: 'false' });
      try {
        await waitForHealth(port, proc);
        smtp.replyDelayMs = 1500;
        const started = smtp.dataStarted;
        const before = smtp.received.length;
        const res = await fetch(`http://127.0.0.1:${port}${registrationPath()}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(newExhibitorApplication()),
        });
        const { id } = (await res.json()) as { id: string };
        await eventually(() => Promise.resolve(smtp.dataStarted), (n) => n > started);
        proc.child.kill('SIGTERM');
        expect(await proc.exit).toBe(0);
        expect(smtp.received.length).toBe(before + 1);
        const row = await db.pool.query(`SELECT status FROM outbox_messages WHERE params->>'applicationId' = $1`, [id]);
        expect(row.rows[0].status).toBe('sent');
      } finally {
        smtp.replyDelayMs = 0;
        proc.child.kill('SIGKILL');
      }
    });

    it('runs the meeting scheduler in a worker thread of the built program', async () => {
      const port = await freePort();
      const proc = startProcess({
        DATABASE_URL: db.url, PORT: String(port), QUEUE_PREFIX: prefix, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MIGRATE_ON_START: 'false',
        ORGANIZER_EMAIL: 'organizer@fairgate.test', ORGANIZER_PASSWORD: 'correct-horse-battery-staple',
      });
      try {
        await waitForHealth(port, proc);
        const base = `http://127.0.0.1:${port}/api`;
        const call = async (method: string, path: string, body?: unknown, token?: string): Promise<any> => {
          const res = await fetch(`${base}${path}`, {
            method,
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const text = await res.text();
          if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${text}`);
          return text ? JSON.parse(text) : undefined;
        };
        const { token } = await call('POST', '/auth/login', { email: 'organizer@fairgate.test', password: 'correct-horse-battery-staple' });
        const m = '/editions/iot-appliance-robot-2027/meetings';
        await call('POST', '/editions/iot-appliance-robot-2027/meeting-sessions', { day: '2027-07-08', startsAt: '10:00', endsAt: '12:00' }, token);
        await call('PUT', `${m}/tables`, { codes: ['T1', 'T2'] }, token);
        const buyer = await call('POST', `${m}/participants`, { side: 'buyer', companyName: 'Osaka Robotics', country: 'JP', contactName: 'Sato', email: 'sato@osaka.example', languages: ['ja', 'en'], interests: ['robots'], tableCode: 'T1' }, token);
        const exhibitor = await call('POST', `${m}/participants`, { side: 'exhibitor', companyName: 'Gwangju Robot', country: 'KR', contactName: 'Kang', email: 'kang@gj-robot.example', languages: ['ko', 'en'], interests: ['robots'] }, token);
        await call('POST', `${m}/requests`, { buyer: buyer.id, exhibitor: exhibitor.id, priority: 'must', requestedBy: 'organizer' }, token);
        const run = await call('POST', `${m}/schedule-runs`, {}, token);
        const done = await eventually(() => call('GET', `${m}/schedule-runs/${run.id}`, undefined, token), (r) => r.status !== 'queued' && r.status !== 'running', 30000);
        expect(done).toMatchObject({ status: 'done', stats: expect.objectContaining({ weight: 3, meetings: 1 }) });
        const schedule = await call('GET', `${m}/schedule`, undefined, token);
        expect(schedule).toEqual([expect.objectContaining({ buyer: 'Osaka Robotics', exhibitor: 'Gwangju Robot', table: 'T1' })]);
        proc.child.kill('SIGTERM');
        expect(await proc.exit).toBe(0);
      } finally {
        proc.child.kill('SIGKILL');
      }
    });

    it('runs the API and the workers as separate processes that share PostgreSQL and Redis', async () => {
      const port = await freePort();
      const env = { DATABASE_URL: db.url, QUEUE_PREFIX: prefix, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OUTBOX_POLL_MS: '100' };
      const api = startProcess({ ...env, APP_ROLE: 'api', PORT: String(port) });
      let worker: Proc | undefined;
      try {
        await waitForHealth(port, api);
        const before = smtp.received.length;
        const res = await fetch(`http://127.0.0.1:${port}${registrationPath()}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(newExhibitorApplication()),
        });
        expect(res.status).toBe(201);
        const { id } = (await res.json()) as { id: string };
        // The API process relays the row to the queue but sends nothing itself: the row is dispatched
        // and its job waits in the mail queue, taken by no one.
        const row = await eventually(
          async () => (await db.pool.query(`SELECT id, status FROM outbox_messages WHERE params->>'applicationId' = $1`, [id])).rows[0] as { id: string; status: string } | undefined,
          (r) => r?.status === 'dispatched',
        );
        const { Queue } = await import('bullmq');
        const queue = new Queue(Queues.Mail, { connection: loadConfig({ REDIS_URL: TEST_REDIS_URL }).redis, prefix });
        queue.on('error', () => undefined);
        try {
          expect(await (await queue.getJob(outboxJobId(row!.id)))?.getState()).toBe('waiting');
        } finally {
          await queue.close();
        }
        expect(smtp.received.length).toBe(before);

        worker = startProcess({ ...env, APP_ROLE: 'worker', MIGRATE_ON_START: 'false' });
        const mails = await smtp.waitFor(before + 1, 30000);
        expect(mails[before].parsed.text).toContain(id);
        // The workers may take a job before the process logs that it is up: wait for the line.
        await eventually(() => Promise.resolve(worker!.stdout), (out) => out.includes('Fairgate workers running'));
        expect(worker.stdout).not.toContain('listening on port');

        worker.child.kill('SIGTERM');
        api.child.kill('SIGTERM');
        expect(await worker.exit).toBe(0);
        expect(await api.exit).toBe(0);
      } finally {
        api.child.kill('SIGKILL');
        worker?.child.kill('SIGKILL');
      }
    });
  });
});
