import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { TcpProxy } from './support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { bearer, eventually, mailSettled, startTestApp, type TestApp } from './support/test-app';

/**
 * Fault drills (issue 8 part 3, reliability.md T7 and T9): real processes killed with real signals,
 * connections really dropped, against the whole application (API + workers, APP_ROLE=all, in this
 * process so the SMTP sink and the database can be inspected directly).
 *
 * 1. A private redis-server (AOF, everysec) is SIGKILLed while registrations and bookings come in,
 *    then started again on the same port and directory: every request answers 201 (the outbox takes
 *    the email), none hangs, and every committed row's email arrives exactly once.
 * 2. PostgreSQL "restarts" (the shared server is never touched): a TCP proxy in front of it drops
 *    every connection and refuses new ones for 3 s. The API answers 503 SERVICE_UNAVAILABLE with
 *    Retry-After, /health says the database is down, and the same app recovers without a restart.
 * 3. An SMTP server that destroys the connection in the middle of DATA for the first attempts of each
 *    message (test/mail-delivery.e2e-spec.ts covers SMTP 4xx/5xx replies, not a dropped socket).
 *
 * No timing is asserted except generous timeouts against hangs.
 */

const BOOKINGS = '/api/venues/kdj-center/bookings';
/** Longest any request may take before it counts as hung. */
const REQUEST_TIMEOUT_MS = 10_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r, reject) => server.once('error', reject).listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

interface Outcome {
  kind: 'registration' | 'booking' | 'read' | 'health';
  phase: string;
  /** 0: no answer within REQUEST_TIMEOUT_MS, or the connection failed. */
  status: number;
  body: Record<string, unknown>;
  retryAfter?: string;
  error?: string;
}

/** One request with a deadline; a hang or a transport error is recorded, never thrown. */
async function send(
  kind: Outcome['kind'],
  phase: string,
  req: { timeout(ms: { deadline: number }): PromiseLike<{ status: number; body: unknown; headers: Record<string, string> }> },
): Promise<Outcome> {
  try {
    const res = await req.timeout({ deadline: REQUEST_TIMEOUT_MS });
    return { kind, phase, status: res.status, body: (res.body ?? {}) as Record<string, unknown>, retryAfter: res.headers['retry-after'] };
  } catch (error) {
    const e = error as { status?: number; response?: { body?: Record<string, unknown>; headers?: Record<string, string> }; message?: string };
    // supertest rejects only on transport errors and timeouts (statuses are returned, not thrown).
    return { kind, phase, status: e.status ?? 0, body: e.response?.body ?? {}, retryAfter: e.response?.headers?.['retry-after'], error: e.message };
  }
}

const count = (outcomes: Outcome[], accept: (o: Outcome) => boolean): number => outcomes.filter(accept).length;

// ---------------------------------------------------------------------------------------------------
// 1. Redis SIGKILLed under traffic, then started again
// ---------------------------------------------------------------------------------------------------

/** A private redis-server in its own process group, persisting to `dir` (AOF, fsync every second). */
class PrivateRedis {
  child?: ChildProcess;
  log = '';

  constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--appendonly', 'yes', '--appendfsync', 'everysec'];
    args.push('--save', '', '--maxmemory-policy', 'noeviction', '--daemonize', 'no');
    const child = spawn('redis-server', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.on('error', (error) => (this.log += `\nredis-server: ${error.message}`)); // e.g. not installed: the wait below fails
    child.stdout?.on('data', (d: Buffer) => (this.log = (this.log + d.toString()).slice(-4000)));
    child.stderr?.on('data', (d: Buffer) => (this.log = (this.log + d.toString()).slice(-4000)));
    // Ready once it answers PING (a redis-server loading its AOF answers LOADING instead).
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${this.log}`);
        const probe = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false });
        probe.on('error', () => undefined);
        try {
          await probe.connect();
          return await probe.ping();
        } catch {
          return 'down';
        } finally {
          probe.disconnect();
        }
      },
      (reply) => reply === 'PONG',
      10_000,
    );
  }

  /** Sends `signal` to its whole process group and waits until it is gone. */
  async kill(signal: NodeJS.Signals): Promise<NodeJS.Signals | null> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return child?.signalCode ?? null;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
    return exited;
  }

  async dbsize(): Promise<number> {
    const client = new Redis(this.url, { maxRetriesPerRequest: 1 });
    client.on('error', () => undefined); // the command rejects and says why
    try {
      return await client.dbsize();
    } finally {
      client.disconnect();
    }
  }
}

describe('fault drill: Redis SIGKILLed under traffic, then started again (T7)', () => {
  let dir: string;
  let redis: PrivateRedis;
  let t: TestApp | undefined;
  let organizer: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fairgate-drill-redis-'));
    redis = new PrivateRedis(await freePort(), dir);
    await redis.start();
    t = await startTestApp({
      env: {
        REDIS_URL: redis.url,
        // A job lost with Redis (the unsynced second of AOF) is re-driven soon rather than in 10 minutes.
        OUTBOX_REDRIVE_AFTER_MS: '3000',
        MAIL_RATE_PER_SECOND: '1000',
        MAIL_RETRY_ATTEMPTS: '10',
        MAIL_RETRY_BASE_MS: '100',
      },
    });
    organizer = await bearer(t);
  });
  afterAll(async () => {
    // A test that failed while Redis was dead leaves it dead: bring it back so the workers can close
    // cleanly. The whole server and its files go afterwards anyway.
    if (redis && (redis.child?.exitCode !== null || redis.child.signalCode !== null)) await redis.start().catch(() => undefined);
    await t?.close();
    await redis?.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers 201 to every registration and booking while Redis is dead, and sends each email exactly once after it is back', async () => {
    const app = t!;
    const outcomes: Outcome[] = [];
    let phase = 'before';
    let slot = 0;
    const nextBooking = (): Record<string, unknown> => {
      // A distinct free slot per booking: one room, one day each, from 2028 on (nothing else is there).
      const day = new Date(Date.UTC(2028, 0, 3) + slot++ * 86_400_000).toISOString().slice(0, 10);
      return { space: 'R301', startsAt: `${day}T10:00:00+09:00`, endsAt: `${day}T12:00:00+09:00`, purpose: `Drill seminar ${slot}`, confirm: true };
    };
    let stop = false;
    const sender = async (lane: number): Promise<void> => {
      for (let i = 0; !stop; i++) {
        const current = phase;
        outcomes.push(
          (i + lane) % 2 === 0
            ? await send('registration', current, app.http.post(registrationPath()).send(newExhibitorApplication()))
            : await send('booking', current, app.http.post(BOOKINGS).set('Authorization', organizer).send(nextBooking())),
        );
        await sleep(15);
      }
    };
    const lanes = [0, 1, 2].map((lane) => sender(lane));

    await sleep(1500);
    const keysBeforeKill = await redis.dbsize();
    phase = 'redis-down';
    const signal = await redis.kill('SIGKILL');
    expect(signal).toBe('SIGKILL');
    await sleep(1000); // traffic while Redis is dead
    // While Redis is dead: /health says so (once its client has noticed), and the API still commits.
    const healthDown = await eventually(() => send('health', 'redis-down', app.http.get('/health')), (o) => o.status === 503, 30_000);
    expect(healthDown.status).toBe(503);
    expect(healthDown.body).toMatchObject({ database: { status: 'up' }, redis: { status: 'down' } });
    await sleep(2000);

    phase = 'restarting';
    await redis.start(); // same port, same --dir: the AOF is loaded again
    const keysAfterRestart = await redis.dbsize();
    phase = 'after';
    await sleep(1500);
    stop = true;
    await Promise.all(lanes);

    // Every request answered, none hung, none refused: 201 throughout.
    const byStatus = outcomes.reduce<Record<number, number>>((acc, o) => ({ ...acc, [o.status]: (acc[o.status] ?? 0) + 1 }), {});
    expect({ byStatus, errors: outcomes.filter((o) => o.error).map((o) => o.error).slice(0, 3) }).toEqual({ byStatus: { 201: outcomes.length }, errors: [] });
    const duringOutage = outcomes.filter((o) => o.phase === 'redis-down' || o.phase === 'restarting');
    expect(count(duringOutage, (o) => o.kind === 'registration')).toBeGreaterThan(0);
    expect(count(duringOutage, (o) => o.kind === 'booking')).toBeGreaterThan(0);
    // The rate limiter failed open while its Redis was gone (src/core/http/rate-limit): no 429, no 5xx.

    // Every committed registration and booking has exactly one outbox row, and there is no other row.
    const registrations = outcomes.filter((o) => o.kind === 'registration').map((o) => o.body.id as string);
    const bookings = outcomes.filter((o) => o.kind === 'booking').map((o) => o.body.id as string);
    const committed = await app.db.pool.query<{ applications: number; bookings: number }>(
      `SELECT (SELECT count(*)::int FROM exhibitor_applications WHERE id = ANY($1::uuid[])) AS applications,
              (SELECT count(*)::int FROM venue_bookings WHERE id = ANY($2::uuid[]) AND status = 'confirmed') AS bookings`,
      [registrations, bookings],
    );
    expect(committed.rows[0]).toEqual({ applications: registrations.length, bookings: bookings.length });
    const rows = await app.db.pool.query<{ id: string; subject_id: string }>(
      `SELECT id, coalesce(params->>'applicationId', params->>'bookingId') AS subject_id FROM outbox_messages`,
    );
    const rowsPerSubject = new Map<string, number>();
    for (const r of rows.rows) rowsPerSubject.set(r.subject_id, (rowsPerSubject.get(r.subject_id) ?? 0) + 1);
    expect(rows.rows).toHaveLength(registrations.length + bookings.length);
    expect([...registrations, ...bookings].filter((id) => rowsPerSubject.get(id) !== 1)).toEqual([]);

    // Every row is sent (re-driven if its job was lost with Redis), and the SMTP server holds exactly
    // one copy of each, recognised by its deterministic Message-ID.
    const status = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        (await app.db.pool.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM outbox_messages GROUP BY status`)).rows.map((r) => [r.status, r.n]),
      );
    await eventually(status, (s) => s.sent === rows.rows.length, 45_000);
    await app.smtp.waitFor(rows.rows.length, 30_000);
    await mailSettled(app); // no row unsent, no mail job left: a late duplicate can no longer come
    const copies = new Map<string, number>();
    for (const m of app.smtp.received) copies.set(m.parsed.messageId ?? '', (copies.get(m.parsed.messageId ?? '') ?? 0) + 1);
    const expectedIds = rows.rows.map((r) => `<ob-${r.id}@${app.config.mailDomain}>`);
    const missing = expectedIds.filter((id) => !copies.has(id)).length;
    const duplicates = [...copies.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const strangers = [...copies.keys()].filter((id) => !expectedIds.includes(id)).length;
    const redriven = (await app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE redrives > 0`)).rows[0].n;
    const figures = {
      requests: outcomes.length,
      duringOutage: duringOutage.length,
      committedRegistrations: registrations.length,
      committedBookings: bookings.length,
      outboxRows: rows.rows.length,
      emailsReceived: app.smtp.received.length,
      missing,
      duplicates,
      strangers,
      redriven,
      redisKeysBeforeKill: keysBeforeKill,
      redisKeysAfterRestart: keysAfterRestart,
    };
    console.log(`fault drill 1 (Redis SIGKILL): ${JSON.stringify(figures)}`);
    expect({ missing, duplicates, strangers, received: app.smtp.received.length }).toEqual({ missing: 0, duplicates: 0, strangers: 0, received: rows.rows.length });
    // The AOF brought the queue back: the restarted server is not empty.
    expect(keysAfterRestart).toBeGreaterThan(0);
    expect((await send('health', 'after', app.http.get('/health'))).status).toBe(200);
  });
});

// ---------------------------------------------------------------------------------------------------
// 2. PostgreSQL "restarted": every connection dropped, new ones refused for 3 s
// ---------------------------------------------------------------------------------------------------

describe('fault drill: PostgreSQL restarts under the app (connections dropped and refused for 3 s)', () => {
  let db: TestDatabase | undefined;
  let proxy: TcpProxy | undefined;
  let t: TestApp | undefined;
  let organizer: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const direct = new URL(db.url);
    proxy = new TcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(db.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(await proxy.start());
    // The app reaches PostgreSQL only through the proxy; db.pool (the test's own) stays direct.
    t = await startTestApp({ database: { ...db, url: proxied.toString() } });
    organizer = await bearer(t);
  });
  afterAll(async () => {
    proxy?.restore();
    await t?.close();
    await proxy?.stop();
    await db?.release();
  });

  let slot = 0;
  const booking = (): Record<string, unknown> => {
    const day = new Date(Date.UTC(2028, 5, 1) + slot++ * 86_400_000).toISOString().slice(0, 10);
    return { space: 'R302', startsAt: `${day}T10:00:00+09:00`, endsAt: `${day}T12:00:00+09:00`, purpose: `Restart drill ${slot}`, confirm: true };
  };

  it('answers 503 SERVICE_UNAVAILABLE (not 500, never hanging) while it is down, and recovers in the same process', async () => {
    const app = t!;
    // Warm: the pool holds open connections, which the "restart" is about to kill.
    await app.http.post(registrationPath()).send(newExhibitorApplication()).expect(201);
    await app.http.post(BOOKINGS).set('Authorization', organizer).send(booking()).expect(201);
    await app.http.get('/health').expect(200);

    const outcomes: Outcome[] = [];
    proxy!.cutOff();
    try {
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        const round = await Promise.all([
          send('registration', 'down', app.http.post(registrationPath()).send(newExhibitorApplication())),
          send('booking', 'down', app.http.post(BOOKINGS).set('Authorization', organizer).send(booking())),
          send('read', 'down', app.http.get('/api/venues/kdj-center/spaces')),
        ]);
        outcomes.push(...round);
        await sleep(100);
      }
      const health = await send('health', 'down', app.http.get('/health'));
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'error', database: { status: 'down' } });
    } finally {
      proxy!.restore();
    }

    // No hang, no 500: every answer during the outage is a 503 in the one error format (or a read
    // that did not need the database).
    expect(outcomes.filter((o) => o.status === 0)).toEqual([]);
    const unexpected = outcomes.filter((o) => !(o.status === 503 || (o.kind === 'read' && o.status === 200)));
    expect(unexpected.map((o) => ({ kind: o.kind, status: o.status, body: o.body }))).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(count(unavailable, (o) => o.kind === 'registration')).toBeGreaterThan(0);
    expect(count(unavailable, (o) => o.kind === 'booking')).toBeGreaterThan(0);
    for (const o of unavailable) {
      expect(o.body).toEqual({
        type: 'https://fairgate.kdjcenter.example/problems/service-unavailable',
        title: 'Service unavailable',
        status: 503,
        detail: expect.any(String),
        instance: expect.stringMatching(/^\/api\//),
        statusCode: 503,
        code: 'SERVICE_UNAVAILABLE',
        message: expect.any(String),
        retryAfterSeconds: 5,
        errorId: expect.any(String),
        requestId: expect.any(String),
      });
      expect(o.retryAfter).toBe('5');
      // Nothing of the driver's own text reaches the caller.
      expect(JSON.stringify(o.body)).not.toMatch(/ECONN|terminated|postgres|127\.0\.0\.1/i);
    }

    // Back: the same instance answers again within a few seconds, writes included.
    const recovered = await eventually(
      () => send('registration', 'after', app.http.post(registrationPath()).send(newExhibitorApplication())),
      (o) => o.status === 201,
      10_000,
    );
    await app.http.post(BOOKINGS).set('Authorization', organizer).send(booking()).expect(201);
    await eventually(() => app.http.get('/health').then((r) => r.status), (s) => s === 200, 10_000);
    const committed = (await app.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM exhibitor_applications WHERE id = $1`, [recovered.body.id])).rows[0].n;
    expect(committed).toBe(1);
    // What was refused with 503 left nothing behind: 2 registrations and 2 bookings committed in all
    // (the seeded editions' hall holdings aside).
    const totals = (
      await app.db.pool.query<{ applications: number; bookings: number }>(
        `SELECT (SELECT count(*)::int FROM exhibitor_applications) AS applications, (SELECT count(*)::int FROM venue_bookings WHERE holder_kind IS NULL) AS bookings`,
      )
    ).rows[0];
    expect(totals).toEqual({ applications: 2, bookings: 2 });
    console.log(
      `fault drill 2 (PostgreSQL restart): ${JSON.stringify({ requestsWhileDown: outcomes.length, answered503: unavailable.length, reads200: count(outcomes, (o) => o.status === 200), totals })}`,
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// 3. SMTP server dropping the connection in the middle of DATA
// ---------------------------------------------------------------------------------------------------

/**
 * An SMTP server that destroys the TCP connection in the middle of DATA (after the first chunk of
 * the message arrived, before any reply) for the first `drops` attempts of each Message-ID, then
 * accepts. Only accepted messages count as delivered.
 */
class DroppingSmtpServer {
  readonly accepted = new Map<string, number>();
  readonly dataAttempts = new Map<string, number>();
  dropped = 0;
  private server?: SMTPServer;
  private readonly sockets = new Map<string, Socket>();

  constructor(private readonly drops: number) {}

  async start(): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream: SMTPServerDataStream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('error', () => undefined); // the connection was cut on purpose
        let decided = false;
        let dropping = false;
        stream.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (decided) return;
          const id = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(Buffer.concat(chunks).toString('utf8'))?.[1];
          if (!id) return;
          decided = true;
          const attempt = (this.dataAttempts.get(id) ?? 0) + 1;
          this.dataAttempts.set(id, attempt);
          if (attempt <= this.drops) {
            dropping = true;
            this.dropped++;
            this.sockets.get(`${session.remoteAddress}:${session.remotePort}`)?.destroy();
          }
        });
        stream.on('end', () => {
          if (dropping) return; // the socket is gone; no reply can be written
          void simpleParser(Buffer.concat(chunks)).then((parsed) => {
            const id = parsed.messageId ?? '';
            this.accepted.set(id, (this.accepted.get(id) ?? 0) + 1);
            callback(null);
          });
        });
      },
    });
    // smtp-server keeps its sockets to itself; the net server's own event hands them over too.
    this.server.server.on('connection', (socket: Socket) => {
      socket.on('error', () => undefined); // smtp-server reports it below; nothing to add here
      const key = `${socket.remoteAddress}:${socket.remotePort}`;
      this.sockets.set(key, socket);
      socket.once('close', () => this.sockets.delete(key));
    });
    // Dropping connections mid-DATA is the point: the resulting connection errors are expected and
    // must not escape as unhandled 'error' events (they would fail the whole file).
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets.values()) s.destroy();
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

describe('fault drill: SMTP server drops the connection mid-DATA (T9)', () => {
  const DROPS = 2;
  const MESSAGES = 8;
  let smtp: DroppingSmtpServer;
  let t: TestApp | undefined;

  beforeAll(async () => {
    smtp = new DroppingSmtpServer(DROPS);
    const port = await smtp.start();
    t = await startTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_RETRY_ATTEMPTS: '6', MAIL_RETRY_BASE_MS: '100' } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('retries a message whose connection died mid-DATA until it is accepted, once per message', async () => {
    const app = t!;
    const ids: string[] = [];
    for (let i = 0; i < MESSAGES; i++) ids.push((await app.http.post(registrationPath()).send(newExhibitorApplication()).expect(201)).body.id as string);
    const rows = await eventually(
      async () =>
        (
          await app.db.pool.query<{ id: string; status: string; attempts: number; last_error: string | null }>(
            `SELECT id, status, attempts, last_error FROM outbox_messages WHERE params->>'applicationId' = ANY($1)`,
            [ids],
          )
        ).rows,
      (r) => r.length === MESSAGES && r.every((x) => x.status === 'sent'),
      60_000,
    );
    await mailSettled(app); // no row unsent, no mail job left: a late duplicate can no longer come
    const messageIds = rows.map((r) => `<ob-${r.id}@${app.config.mailDomain}>`);
    const figures = {
      messages: MESSAGES,
      dropsPerMessage: DROPS,
      connectionsDropped: smtp.dropped,
      dataAttempts: messageIds.map((id) => smtp.dataAttempts.get(id) ?? 0),
      rowAttempts: rows.map((r) => r.attempts),
      accepted: messageIds.map((id) => smtp.accepted.get(id) ?? 0),
    };
    console.log(`fault drill 3 (SMTP drop mid-DATA): ${JSON.stringify(figures)}`);
    // Exactly one accepted copy per message, and no message the app did not mean to send.
    expect(figures.accepted).toEqual(Array(MESSAGES).fill(1));
    expect([...smtp.accepted.keys()].sort()).toEqual([...messageIds].sort());
    // Each message was cut DROPS times before it went through.
    expect(figures.dataAttempts).toEqual(Array(MESSAGES).fill(DROPS + 1));
    expect(smtp.dropped).toBe(MESSAGES * DROPS);
    // The failed attempts are recorded on the outbox row: each drop is a failed job attempt (nodemailer's
    // pool reports the closed connection as an error rather than re-queueing it itself), retried with backoff.
    for (const r of rows) {
      expect(r.attempts).toBe(DROPS + 1);
      expect(r.last_error).toBeNull();
    }
  });
});
