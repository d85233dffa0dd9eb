/**
 * Issue 8, part 4: Fairgate on several processes — two APIs (APP_ROLE=api, two ports) and two workers
 * (APP_ROLE=worker), the built program as a user starts it, on ONE fresh database and ONE Redis.
 *
 * The database is created empty and all four processes start at the same instant with
 * MIGRATE_ON_START=true and SEED_ON_START=true: only the advisory lock keeps the migrations single.
 * Then, through both APIs alternately: 200 anonymous exhibitor registrations (+ one business number
 * sent 20 times at once), 100 venue bookings and a same-slot race of 50 (T1 across instances).
 * Checked: each migration recorded once and one process logged that it migrated; each outbox row sent
 * once (status sent, attempts 1); each email received once (by Message-ID and by recipient), by both
 * workers together; no overlapping occupancy rows; one application per business number and edition;
 * every process exits 0 on SIGTERM.
 *
 * The processes run from FAIRGATE_DIST (default dist/, which `npm test` builds first); to test a
 * private build: npx tsc -p tsconfig.build.json --outDir var/ops-dist --tsBuildInfoFile var/ops-dist/.tsbuildinfo
 * && FAIRGATE_DIST=var/ops-dist npx jest test/multi-instance
 * Each process is the leader of its own process group (detached), so afterAll kills it with
 * everything it started; nothing is left behind even when a test fails.
 *
 * TODO — wanted by issue 8 part 4, not written yet (no placeholder test):
 *   - schedule publication through both APIs: publish an edition's export-meeting schedule via API 1
 *     while API 2 moves/cancels a meeting; expect every participant's agenda email exactly once, the
 *     .ics UID stable and SEQUENCE rising once per change, no meeting double-booked.
 * (The itinerary batch is covered: both APIs asked at once → one batch, the other 409; every attendee
 * exactly one itinerary, by both workers together.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client, Pool } from 'pg';
import { newBusinessRegistrationNumber, newExhibitorApplication, registrationPath } from './support/factories';
import { SmtpSink } from './support/smtp-sink';
import { Queues } from '../src/core/queue/job-catalogue';
import { deleteQueueKeys, eventually, queueCounts } from './support/test-app';
import { TEST_PG_ADMIN_URL, TEST_REDIS_URL, TEST_RUN_ENV, urlForDatabase } from './support/test-env';

const DIST = resolve(join(__dirname, '..'), process.env.FAIRGATE_DIST ?? 'dist');
const MAIN = join(DIST, 'src', 'main.js');
const ORGANIZER = { email: 'multi-organizer@fairgate.test', password: 'correct-horse-battery-staple' };
const BOOKINGS = '/api/venues/kdj-center/bookings';
const ROOMS = ['R301', 'R302', 'R303', 'R304', 'R305'];
const kst = (date: string, time: string): string => `${date}T${time}:00+09:00`;
const day = (n: number): string => new Date(Date.UTC(2028, 0, 3) + n * 86400_000).toISOString().slice(0, 10);

interface Proc {
  name: string;
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

function startProcess(name: string, env: Record<string, string>): Proc {
  // detached: a process group of its own, killed as a whole in afterAll.
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const proc: Proc = { name, child, stdout: '', stderr: '', exit: new Promise((r) => child.on('exit', (code) => r(code))) };
  // A failed spawn or kill is an 'error' event: record it, do not crash the file.
  child.on('error', (error) => (proc.stderr += `\nchild process error: ${error.message}`));
  child.stdout?.on('data', (d: Buffer) => (proc.stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (proc.stderr += d.toString()));
  return proc;
}

function killGroup(proc: Proc, signal: NodeJS.Signals): void {
  if (proc.child.pid === undefined || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  try {
    process.kill(-proc.child.pid, signal);
  } catch {
    // already gone
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r, reject) => server.once('error', reject).listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** The JSON log lines of a process whose msg is `msg`. */
function logLines(proc: Proc, msg: string): Array<Record<string, unknown>> {
  return proc.stdout
    .split('\n')
    .filter((l) => l.includes(`"msg":"${msg}"`))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

describe('several API and worker processes on one database and one Redis', () => {
  const tag = randomBytes(4).toString('hex');
  const dbName = `fg_t_${process.env[TEST_RUN_ENV] ?? process.pid}_multi_${tag}`;
  const dbUrl = urlForDatabase(dbName);
  const prefix = `fgmulti-${process.pid}-${tag}`;
  const smtp = new SmtpSink();
  const procs: Proc[] = [];
  let apis: Array<{ proc: Proc; base: string }> = [];
  let workers: Proc[] = [];
  let pool: Pool;
  let token: string;
  /** Emails the test expects, by recipient. */
  const expected = new Map<string, number>();
  const expectMail = (to: string, n = 1): void => void expected.set(to, (expected.get(to) ?? 0) + n);

  const admin = async (sql: string): Promise<void> => {
    const client = new Client({ connectionString: TEST_PG_ADMIN_URL });
    client.on('error', () => undefined); // a dropped connection fails the query instead
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  /** POST to the i-th API in turn (i even: API 1, odd: API 2). */
  const post = async (i: number, path: string, body: unknown, auth?: string): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${apis[i % 2].base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does) or set FAIRGATE_DIST`);
    await admin(`CREATE DATABASE "${dbName}"`); // empty: the processes migrate and seed it
    pool = new Pool({ connectionString: dbUrl, max: 3 });
    pool.on('error', () => undefined);
    const smtpPort = await smtp.start();
    const common = {
      DATABASE_URL: dbUrl,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MIGRATE_ON_START: 'true',
      SEED_ON_START: 'true',
      LOG_LEVEL: 'info',
      OUTBOX_POLL_MS: '100',
      MAIL_RETRY_BASE_MS: '50',
      MAIL_RATE_PER_SECOND: '500',
      ITINERARY_DEBOUNCE_SECONDS: '1',
      // One secret for every instance: links and form tokens signed by one are checked by another.
      APP_SECRET: randomBytes(32).toString('hex'),
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
      RATE_LIMIT_REGISTRATION_PER_MINUTE: '100000',
    };
    const ports = [await freePort(), await freePort()];
    // All four at the same instant.
    const api1 = startProcess('api-1', { ...common, APP_ROLE: 'api', PORT: String(ports[0]) });
    const api2 = startProcess('api-2', { ...common, APP_ROLE: 'api', PORT: String(ports[1]) });
    const worker1 = startProcess('worker-1', { ...common, APP_ROLE: 'worker' });
    const worker2 = startProcess('worker-2', { ...common, APP_ROLE: 'worker' });
    procs.push(api1, api2, worker1, worker2);
    apis = [
      { proc: api1, base: `http://127.0.0.1:${ports[0]}` },
      { proc: api2, base: `http://127.0.0.1:${ports[1]}` },
    ];
    workers = [worker1, worker2];
    const alive = (p: Proc): void => {
      if (p.child.exitCode !== null) throw new Error(`${p.name} exited ${p.child.exitCode}: ${p.stderr}${p.stdout.slice(-3000)}`);
    };
    await Promise.all([
      ...apis.map(({ proc, base }) =>
        eventually(
          () => (alive(proc), fetch(`${base}/health`).then((r) => r.status, () => 0)),
          (s) => s === 200,
          40_000,
        ),
      ),
      ...workers.map((w) => eventually(() => (alive(w), Promise.resolve(w.stdout.includes('Fairgate workers running'))), Boolean, 40_000)),
    ]);
    const login = await post(1, '/api/auth/login', ORGANIZER);
    expect(login.status).toBe(200);
    token = login.body.token as string;
  }, 60_000);

  afterAll(async () => {
    for (const p of procs) killGroup(p, 'SIGKILL');
    await Promise.all(procs.map((p) => p.exit));
    await smtp.stop();
    await pool?.end().catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await deleteQueueKeys(TEST_REDIS_URL, prefix);
  });

  it('migrated the empty database once, under the advisory lock, and seeded it once', async () => {
    const files = readdirSync(join(DIST, 'migrations')).filter((f) => f.endsWith('.js'));
    const { rows } = await pool.query<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name`);
    expect(rows).toHaveLength(files.length);
    expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    // Exactly one process applied migrations; the other three waited on the lock and found none pending.
    const migrators = procs.filter((p) => logLines(p, 'migrations applied').length > 0);
    expect(migrators).toHaveLength(1);
    expect(logLines(migrators[0], 'migrations applied')[0].applied).toHaveLength(files.length);
    expect(procs.flatMap((p) => logLines(p, 'first organizer account created'))).toHaveLength(1);
    for (const { base } of apis) {
      const fairs = (await (await fetch(`${base}/api/fairs`)).json()) as Array<{ code: string }>;
      expect(fairs.map((f) => f.code).sort()).toEqual(['green-car', 'iot-appliance-robot', 'ppuri']);
    }
    const dupSeries = await pool.query(`SELECT code FROM fair_series GROUP BY code HAVING count(*) > 1`);
    expect(dupSeries.rows).toEqual([]);
  });

  it('takes 200 registrations through both APIs, and of 20 sent at once with one business number exactly one', async () => {
    const bodies = Array.from({ length: 200 }, (_, i) =>
      newExhibitorApplication({ contact: { name: '김민준', email: `exhibitor-${i}@multi-${tag}.example`, phone: '+82 62-123-4567' } }),
    );
    const statuses = await inParallel(bodies, 16, (body, i) => post(i, registrationPath(), body).then((r) => r.status));
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    bodies.forEach((_, i) => expectMail(`exhibitor-${i}@multi-${tag}.example`));

    const brn = newBusinessRegistrationNumber();
    const same = Array.from({ length: 20 }, (_, i) =>
      newExhibitorApplication({
        company: { name: '같은번호 주식회사', businessRegistrationNumber: brn, country: 'KR', address: '광주광역시 서구 상무대로 1' },
        contact: { name: '박지훈', email: `same-${i}@multi-${tag}.example`, phone: '+82 62-555-0100' },
      }),
    );
    const race = await Promise.all(same.map((body, i) => post(i, registrationPath(), body)));
    const winners = race.filter((r) => r.status === 201);
    expect(winners).toHaveLength(1);
    expect(race.filter((r) => r.status === 409)).toHaveLength(19);
    expect(race.filter((r) => r.status === 409).every((r) => r.body.existingApplicationId === winners[0].body.id)).toBe(true);
    expectMail(`same-${race.indexOf(winners[0])}@multi-${tag}.example`);

    const dup = await pool.query(
      `SELECT edition_id, business_registration_number FROM exhibitor_applications GROUP BY 1, 2 HAVING count(*) > 1`,
    );
    expect(dup.rows).toEqual([]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM exhibitor_applications`)).rows[0].n).toBe(201);
  });

  it('books 100 slots through both APIs, and of 50 identical bookings split across them exactly one wins', async () => {
    const slots = Array.from({ length: 100 }, (_, i) => ({
      space: ROOMS[i % ROOMS.length], startsAt: kst(day(Math.floor(i / ROOMS.length)), '10:00'), endsAt: kst(day(Math.floor(i / ROOMS.length)), '12:00'),
      purpose: `Multi-instance booking ${i}`, confirm: true,
    }));
    const statuses = await inParallel(slots, 16, (body, i) => post(i, BOOKINGS, body, token).then((r) => r.status));
    expect(statuses.filter((s) => s !== 201)).toEqual([]);

    const race = Array.from({ length: 50 }, (_, i) => ({
      space: 'R301', startsAt: kst(day(40), '14:00'), endsAt: kst(day(40), '16:00'), purpose: `Same slot ${i}`, confirm: true,
    }));
    const results = await Promise.all(race.map((body, i) => post(i, BOOKINGS, body, token)));
    expect(results.filter((r) => r.status !== 201 && r.status !== 409)).toEqual([]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    expectMail(ORGANIZER.email, 101); // one confirmation per booking made

    const overlapping = await pool.query(
      `SELECT a.booking_id, b.booking_id FROM venue_booking_occupancies a JOIN venue_booking_occupancies b
          ON a.space_id = b.space_id AND a.booking_id < b.booking_id AND a.during && b.during`,
    );
    expect(overlapping.rows).toEqual([]);
  });

  it('sends one itinerary batch when both APIs are asked at once, and every attendee exactly one itinerary', async () => {
    const attendees = Array.from({ length: 30 }, (_, i) => `attendee-${i}@multi.example`);
    const registered = await inParallel(attendees, 8, (email, i) => post(i, '/api/editions/ppuri-2027/attendees', {
      name: `Attendee ${i}`, email, country: 'KR', kind: 'trade_visitor', days: ['2027-04-28'], language: 'en', consentMessages: true, consentShareContact: false,
    }).then((r) => r.status));
    expect(registered.filter((s) => s !== 201)).toEqual([]);
    const sends = await Promise.all([0, 1].map((i) => post(i, '/api/editions/ppuri-2027/itineraries/send', {}, token)));
    expect(sends.map((r) => r.status).sort()).toEqual([202, 409]);
    const batchId = sends.find((r) => r.status === 202)!.body.batchId as string;
    await eventually(
      async () => (await pool.query<{ finished: boolean }>(`SELECT finished_at IS NOT NULL AS finished FROM mail_batches WHERE id = $1`, [batchId])).rows[0]?.finished,
      Boolean,
      30_000,
    );
    const [{ n }] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE batch_id = $1`, [batchId])).rows;
    expect(n).toBe(attendees.length);
    for (const email of attendees) expectMail(email, 2); // the personal link, then the itinerary
  });

  it('sends every email exactly once, by both workers together', async () => {
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(302 + 60);
    await eventually(
      async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE status <> 'sent'`)).rows[0].n,
      (n) => n === 0,
      30_000,
    ).catch(async (error: Error) => {
      const states = await pool.query(`SELECT status, attempts, count(*)::int AS n FROM outbox_messages GROUP BY 1, 2 ORDER BY 1, 2`);
      const tails = procs.map((p) => `--- ${p.name}\n${p.stderr}${p.stdout.split('\n').filter((l) => !l.includes('"context":"http"')).slice(-15).join('\n')}`);
      throw new Error(`${error.message}; outbox: ${JSON.stringify(states.rows)}\n${tails.join('\n')}`);
    });
    await smtp.waitFor(total, 30_000);
    // Every row is sent; once no mail job is left to run either, no duplicate can arrive any more.
    await eventually(() => queueCounts(TEST_REDIS_URL, prefix, Queues.Mail), (c) => Object.values(c).every((n) => n === 0), 30_000);

    const rows = (await pool.query<{ id: string; status: string; attempts: number; message_id: string; recipient: string }>(
      `SELECT id, status, attempts, message_id, recipient FROM outbox_messages`,
    )).rows;
    expect(rows).toHaveLength(total);
    expect(rows.filter((r) => r.status !== 'sent' || r.attempts !== 1)).toEqual([]);

    expect(smtp.received).toHaveLength(total);
    const messageIds = smtp.received.map((m) => m.parsed.messageId);
    expect(new Set(messageIds).size).toBe(total);
    expect(new Set(messageIds)).toEqual(new Set(rows.map((r) => r.message_id)));
    for (const r of rows) expect(r.message_id).toMatch(new RegExp(`^<ob-${r.id}@`));

    const byRecipient = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.envelopeTo) byRecipient.set(to.toLowerCase(), (byRecipient.get(to.toLowerCase()) ?? 0) + 1);
    expect(Object.fromEntries([...byRecipient].sort())).toEqual(Object.fromEntries([...expected].sort()));

    // Both workers sent, and no outbox row was sent by both (the "email sent" log names the row).
    const sentBy = workers.map((w) => logLines(w, 'email sent').map((l) => l.outboxId as string));
    expect(sentBy.every((ids) => ids.length > 0)).toBe(true);
    const all = sentBy.flat();
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    // The API processes relay but never send.
    expect(apis.flatMap(({ proc }) => logLines(proc, 'email sent'))).toEqual([]);
  });

  it('stops every process with exit 0 on SIGTERM', async () => {
    for (const p of procs) killGroup(p, 'SIGTERM');
    const codes = await Promise.all(procs.map((p) => p.exit));
    expect(Object.fromEntries(procs.map((p, i) => [p.name, codes[i]]))).toEqual({ 'api-1': 0, 'api-2': 0, 'worker-1': 0, 'worker-2': 0 });
    for (const p of procs) expect(p.stdout).toContain('"msg":"stopped cleanly"');
  });
});
