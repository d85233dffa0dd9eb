/**
 * npm run bench:venue — venue booking throughput and latency with 100,000 existing bookings.
 *
 * Fairgate runs in a child process (its own event loop), on its own database and BullMQ prefix.
 * Phases, all in one run against the same tables:
 *   API inserts    POST /api/venues/kdj-center/bookings at 32 connections, every request a free slot
 *   raw inserts    the same two INSERTs in one transaction through `pg`, 32 clients, no HTTP/Nest
 *   1 client       both of the above from a single client: service time without queueing
 *   API conflicts  the same POST with ~10% of requests overlapping an existing booking (409)
 *   availability   GET …/availability over 7 days, all spaces and one space, at 8 connections
 *   references     GET /api/auth/me and GET …/spaces: the fixed cost of a request without a booking
 * Prints figures; never fails on a missed target (exit 1 only when the bench itself breaks).
 *
 * Environment: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (8, before the API and the raw inserts alike), BENCH_CONNECTIONS (32), BENCH_DATABASE_URL, BENCH_REDIS_URL,
 * BENCH_CONFIRM=1 (book firmly: adds the confirmation email's outbox row to every API booking),
 * BENCH_SERVER_NODE_ARGS (extra node flags for the server, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof),
 * FAIRGATE_DIST (the compiled tree the server runs from; default dist).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { adminUrl, cpuSeconds, machineCpuSeconds, databaseName, deleteRedisKeys, freePort, peakRssMiB, percentile, positiveInt, runCannon, spawnChild, stopChild, runtimeLine, waitForHealth, warmupSeconds, type CannonRequest } from './lib/harness';

// ---------------------------------------------------------------- settings

const ROOT = path.resolve(__dirname, '..', '..');
/** The compiled tree the server runs from (FAIRGATE_DIST, default dist): a "before" build can run beside the current one. */
const MAIN_JS = path.join(path.resolve(ROOT, process.env.FAIRGATE_DIST ?? 'dist'), 'src', 'main.js');
const SECONDS = positiveInt('BENCH_SECONDS', 10);
const WARMUP_SECONDS = warmupSeconds();
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 32);
const SHORT_SECONDS = Math.max(3, Math.round(SECONDS / 2));
const CONFIRM = process.env.BENCH_CONFIRM === '1';
const EXISTING_BOOKINGS = 100_000;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fairgate_bench_venue';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE_PREFIX = `fairgate-bench-${process.pid}`;
const ORGANIZER = { email: 'bench-organizer@fairgate.bench', password: `bench-${randomBytes(12).toString('hex')}` };
const VENUE = 'kdj-center';
/** Asia/Seoul has kept +09:00 all year since 1988, so wall-clock slots can be written with a fixed offset. */
const SEOUL = '+09:00';
/** Existing bookings: 8 a day per atomic space, 1 h each plus 30 min setup, every 2 h from 08:00. */
const EXISTING_PER_DAY = 8;
/** New bookings: 30-minute slots from 07:00 to 23:00 (the venue's opening hours). */
const NEW_SLOTS_PER_DAY = 32;

const TARGET_P99_MS = 20;
const TARGET_RATIO = 0.5;

// ---------------------------------------------------------------- calendar helpers

/** Day `offset` after `base` (YYYY-MM-DD), as YYYY-MM-DD. */
function addDays(base: string, offset: number): string {
  return new Date(Date.parse(`${base}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

interface Slot {
  spaceIndex: number;
  startsAt: string;
  endsAt: string;
}

/** The n-th 30-minute slot of a region that starts on `firstDay`: spaces first, then times, then days, so no two n overlap. */
function newSlot(firstDay: string, n: number, spaceCount: number): Slot {
  const spaceIndex = n % spaceCount;
  const k = Math.floor(n / spaceCount);
  const day = addDays(firstDay, Math.floor(k / NEW_SLOTS_PER_DAY));
  const start = 7 * 60 + (k % NEW_SLOTS_PER_DAY) * 30;
  return { spaceIndex, startsAt: `${day}T${hhmm(start)}:00${SEOUL}`, endsAt: `${day}T${hhmm(start + 30)}:00${SEOUL}` };
}

// ---------------------------------------------------------------- statistics

interface PhaseResult {
  phase: string;
  count: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  note: string;
}

function summarize(phase: string, latencies: number[], seconds: number, errors: number, note = ''): PhaseResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { phase, count: latencies.length, seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), errors, note };
}

const rate = (r: PhaseResult): number => r.count / r.seconds;

/** CPU seconds the process used since `before` (see cpuSeconds), or undefined. */
function cpuUsed(before: number | undefined, pid: number | undefined): number | undefined {
  const after = cpuSeconds(pid);
  return before === undefined || after === undefined ? undefined : after - before;
}

/** Machine CPU seconds since `before` (see machineCpuSeconds), or undefined. */
function machineCpuUsed(before: number | undefined): number | undefined {
  const after = machineCpuSeconds();
  return before === undefined || after === undefined ? undefined : after - before;
}

/** "x.xx ms CPU/request" of the server over a phase (its drain included). */
function cpuPerRequest(cpu: number | undefined, requests: number): string {
  return cpu === undefined || requests === 0 ? 'CPU unknown' : `${fmt((cpu * 1000) / requests, 2)} ms CPU/req`;
}

// ---------------------------------------------------------------- HTTP load through autocannon

interface HttpRun {
  seconds: number;
  /** Latency of every completed response, by status code. */
  byStatus: Map<number, number[]>;
  /** Connection errors and timeouts (no response at all). */
  socketErrors: number;
}

async function runCannonOnce(port: number, connections: number, seconds: number, request: CannonRequest): Promise<HttpRun> {
  const run = await runCannon(port, connections, seconds, request, 10_000);
  if (run.drainedMs > 100) log(`  server finished the abandoned in-flight requests in ${fmt(run.drainedMs, 0)} ms`);
  return { seconds: run.seconds, byStatus: run.byStatus, socketErrors: run.result.errors };
}

function all(run: HttpRun): number[] {
  return [...run.byStatus.values()].flat();
}

function countOf(run: HttpRun, accept: (status: number) => boolean): number {
  let n = 0;
  for (const [status, list] of run.byStatus) if (accept(status)) n += list.length;
  return n;
}

function statusSummary(run: HttpRun): string {
  return [...run.byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, list]) => `${status}×${list.length}`)
    .join(' ');
}

// ---------------------------------------------------------------- the Fairgate child process

interface Server {
  child: ChildProcess;
  port: number;
  /** The child's last output lines, shown when something goes wrong. */
  tail: string[];
  /** How many lines it wrote (LOG_LEVEL=warn: warnings and errors only). */
  lines: { count: number };
  exited: Promise<number | null>;
}

function startServer(port: number, mailDir: string): Server {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL,
    REDIS_URL,
    PORT: String(port),
    QUEUE_PREFIX,
    LOG_LEVEL: 'warn',
    MAIL_DIR: mailDir,
    ORGANIZER_EMAIL: ORGANIZER.email,
    ORGANIZER_PASSWORD: ORGANIZER.password,
    // A real secret keeps the development-secret warning out of the output.
    APP_SECRET: randomBytes(32).toString('hex'),
  };
  delete env.SMTP_URL;
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server (NODE_OPTIONS refuses --cpu-prof).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter((a) => a !== '');
  return { port, ...spawnChild(MAIN_JS, nodeArgs, env, ROOT) };
}

// ---------------------------------------------------------------- database

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl(DATABASE_URL) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function recreateDatabase(): Promise<string> {
  const name = databaseName(DATABASE_URL);
  // We drop this database at start and end: refuse to do that to one that is not obviously a bench's.
  if (!/bench/i.test(name)) throw new Error(`refusing to drop database "${name}": its name must contain "bench"`);
  return withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  });
}

async function dropDatabase(): Promise<void> {
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${databaseName(DATABASE_URL)}" WITH (FORCE)`);
  });
}

interface Layout {
  organizerId: string;
  /** Atomic spaces (not made of parts), by code: the ones bookings occupy. */
  atomic: Array<{ id: string; code: string }>;
}

async function readLayout(pool: Pool): Promise<Layout> {
  const organizer = await pool.query<{ id: string }>('SELECT id FROM accounts WHERE email = $1', [ORGANIZER.email]);
  if (organizer.rows.length !== 1) throw new Error('the organizer account was not created at start');
  const spaces = await pool.query<{ id: string; code: string }>(
    `SELECT s.id, s.code FROM venue_spaces s JOIN venues v ON v.id = s.venue_id
      WHERE v.code = $1 AND NOT EXISTS (SELECT 1 FROM venue_space_parts p WHERE p.whole_space_id = s.id)
      ORDER BY s.code`,
    [VENUE],
  );
  if (spaces.rows.length === 0) throw new Error(`no spaces seeded for ${VENUE}`);
  return { organizerId: organizer.rows[0].id, atomic: spaces.rows };
}

/** `earliest`, or the day after the last seeded booking's occupied time (Seoul) if that is later. */
async function firstFreeDay(pool: Pool, earliest: string): Promise<string> {
  const { rows } = await pool.query<{ last: string | null; seeded: number }>(
    `SELECT to_char(max(occupied_until) AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD') AS last, count(*)::int AS seeded FROM venue_bookings`,
  );
  const afterSeed = rows[0].last === null ? earliest : addDays(rows[0].last, 1);
  log(`${rows[0].seeded} seeded bookings, the last occupied until ${rows[0].last ?? '–'}: the bench's calendar starts ${afterSeed > earliest ? afterSeed : earliest}`);
  return afterSeed > earliest ? afterSeed : earliest;
}

/**
 * 100,000 confirmed bookings straight into PostgreSQL, with their occupancy rows: booking g is on
 * atomic space g mod S, slot (g / S) mod 8 of day g / 8S, so none overlap and every day is alike.
 */
async function bulkLoad(pool: Pool, layout: Layout, firstDay: string): Promise<number> {
  const started = performance.now();
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One statement: the bookings, and occupancy rows for exactly these (not for the seeded holdings,
    // which have theirs already). The exclusion constraint checks them as they go in: the load itself
    // proves there is no overlap, with each other or with anything seeded.
    const { rows } = await client.query<{ bookings: number; occupancies: number }>(
      `WITH inserted AS (
         INSERT INTO venue_bookings (space_id, purpose, starts_at, ends_at, setup_minutes, teardown_minutes,
                                     occupied_from, occupied_until, status, created_by, confirmed_at, confirmed_by)
         SELECT ($1::uuid[])[1 + g % $2::int], 'Existing booking ' || g, t.starts_at, t.starts_at + interval '1 hour', 30, 0,
                t.starts_at - interval '30 minutes', t.starts_at + interval '1 hour', 'confirmed', $3::uuid, now(), $3::uuid
           FROM generate_series(0, $4::int - 1) AS g
          CROSS JOIN LATERAL (
            SELECT (($5::date + g / ($2::int * $6::int)) + time '08:00' + ((g / $2::int) % $6::int) * interval '2 hours') AT TIME ZONE 'Asia/Seoul' AS starts_at
          ) AS t
         RETURNING id, space_id, occupied_from, occupied_until
       ), occupied AS (
         INSERT INTO venue_booking_occupancies (booking_id, space_id, during)
         SELECT id, space_id, tstzrange(occupied_from, occupied_until, '[)') FROM inserted
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM inserted)::int AS bookings, (SELECT count(*) FROM occupied)::int AS occupancies`,
      [layout.atomic.map((s) => s.id), layout.atomic.length, layout.organizerId, EXISTING_BOOKINGS, firstDay, EXISTING_PER_DAY],
    );
    if (rows[0].bookings !== EXISTING_BOOKINGS || rows[0].occupancies !== EXISTING_BOOKINGS) {
      throw new Error(`bulk load wrote ${rows[0].bookings} bookings and ${rows[0].occupancies} occupancy rows, expected ${EXISTING_BOOKINGS} of each`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  await pool.query('ANALYZE venue_bookings');
  await pool.query('ANALYZE venue_booking_occupancies');
  return (performance.now() - started) / 1000;
}

/**
 * The baseline: per booking, what the API's transaction writes (the booking row and its occupancy
 * row, checked by the same exclusion constraint), from `clients` concurrent pg connections.
 */
async function rawInserts(pool: Pool, layout: Layout, firstDay: string, clients: number, seconds: number, counter: { next: number }): Promise<{ latencies: number[]; errors: number; seconds: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const status = CONFIRM ? 'confirmed' : 'held';
  const loop = async (): Promise<void> => {
    const client = await pool.connect();
    try {
      while (performance.now() < deadline) {
        const n = counter.next++;
        const slot = newSlot(firstDay, n, layout.atomic.length);
        const spaceId = layout.atomic[slot.spaceIndex].id;
        const t0 = performance.now();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query<{ id: string }>(
            `INSERT INTO venue_bookings (space_id, purpose, starts_at, ends_at, setup_minutes, teardown_minutes, occupied_from, occupied_until,
                                         status, hold_expires_at, created_by, confirmed_at, confirmed_by)
             VALUES ($1, $2, $3, $4, 0, 0, $3, $4, $5, CASE WHEN $5 = 'held' THEN now() + interval '60 minutes' END, $6,
                     CASE WHEN $5 = 'confirmed' THEN now() END, CASE WHEN $5 = 'confirmed' THEN $6::uuid END)
             RETURNING id, created_at`,
            [spaceId, `Raw booking ${n}`, slot.startsAt, slot.endsAt, status, layout.organizerId],
          );
          await client.query(`INSERT INTO venue_booking_occupancies (booking_id, space_id, during) VALUES ($1, $2, tstzrange($3, $4, '[)'))`, [
            rows[0].id,
            spaceId,
            slot.startsAt,
            slot.endsAt,
          ]);
          await client.query('COMMIT');
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors++;
          if (errors === 1) process.stderr.write(`raw insert failed: ${String(error)}\n`);
          await client.query('ROLLBACK').catch(() => undefined);
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: clients }, () => loop()));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------- output

function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function table(rows: PhaseResult[]): string {
  const header = ['phase', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'requests', 'note'];
  const body = rows.map((r) => [r.phase, fmt(rate(r), 0), fmt(r.p50, 2), fmt(r.p99, 2), String(r.errors), String(r.count), r.note]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i >= 1 && i <= 5 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i >= 1 && i <= 5 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...body.map(line)].join('\n');
}

function log(message: string): void {
  process.stderr.write(`[bench:venue] ${message}\n`);
}

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  const startedAt = new Date();
  const load = os.loadavg();
  const mailDir = mkdtempSync(path.join(os.tmpdir(), 'fairgate-bench-venue-mail-'));
  let server: Server | undefined;
  let pool: Pool | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = (): Promise<void> => {
    cleaning ??= (async () => {
      const problems: string[] = [];
      const attempt = async (what: string, work: () => Promise<unknown>): Promise<void> => {
        try {
          await work();
        } catch (error) {
          problems.push(`${what}: ${String(error)}`);
        }
      };
      if (server) {
        const s = server;
        await attempt('stop Fairgate', () => stopChild(s));
      }
      if (pool) {
        const p = pool;
        await attempt('close pool', () => p.end());
      }
      await attempt('drop database', () => dropDatabase());
      await attempt('delete Redis keys', async () => log(`deleted ${await deleteRedisKeys(REDIS_URL, QUEUE_PREFIX)} Redis keys under ${QUEUE_PREFIX}:`));
      rmSync(mailDir, { recursive: true, force: true });
      if (problems.length > 0) throw new Error(`cleanup failed: ${problems.join('; ')}`);
    })();
    return cleaning;
  };
  process.once('SIGINT', () => {
    log('interrupted: cleaning up');
    cleanup().then(
      () => process.exit(130),
      () => process.exit(130),
    );
  });

  try {
    log(`database ${databaseName(DATABASE_URL)}, queue prefix ${QUEUE_PREFIX}, ${CONNECTIONS} connections, ${SECONDS} s per main phase`);
    const pgVersion = await recreateDatabase();
    const port = await freePort();
    server = startServer(port, mailDir);
    const bootStarted = performance.now();
    await waitForHealth({ name: 'Fairgate', port: server.port, exited: server.exited });
    log(`Fairgate (pid ${String(server.child.pid)}) healthy on port ${port} after ${fmt((performance.now() - bootStarted) / 1000)} s (migrated and seeded)`);

    pool = new Pool({ connectionString: DATABASE_URL, max: CONNECTIONS, application_name: 'fairgate-bench-venue' });
    // pool.end() resolves before its sockets close, so DROP DATABASE … WITH (FORCE) can still reach an idle client:
    // without a listener that error would crash the run during cleanup.
    pool.on('error', (error) => log(`idle pg client: ${error.message}`));
    const layout = await readLayout(pool);
    const spaceCount = layout.atomic.length;
    // Calendar regions, none overlapping: existing bookings, then the API's new slots, then the raw client's,
    // all after the last day the seed holds (it books the coming editions' halls and their build-up days).
    const existingFirstDay = await firstFreeDay(pool, addDays(startedAt.toISOString().slice(0, 10), 1));
    const existingDays = Math.ceil(EXISTING_BOOKINGS / (spaceCount * EXISTING_PER_DAY));
    const apiFirstDay = addDays(existingFirstDay, existingDays + 30);
    const rawFirstDay = addDays(apiFirstDay, 1000);
    const loadSeconds = await bulkLoad(pool, layout, existingFirstDay);
    const { rows: counted } = await pool.query<{ bookings: string; occupancies: string }>(
      `SELECT (SELECT count(*) FROM venue_bookings) AS bookings, (SELECT count(*) FROM venue_booking_occupancies) AS occupancies`,
    );
    log(`loaded ${counted[0].bookings} bookings (${counted[0].occupancies} occupancy rows) on ${spaceCount} atomic spaces, ${existingFirstDay} + ${existingDays} days, in ${fmt(loadSeconds)} s; ANALYZE done`);

    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ORGANIZER),
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
    const { token } = (await login.json()) as { token: string };
    const auth = `Bearer ${token}`;

    const apiCounter = { next: 0 };
    const bookingRequest = (conflictEvery: number): CannonRequest => ({
      method: 'POST',
      path: `/api/venues/${VENUE}/bookings`,
      headers: { 'content-type': 'application/json', authorization: auth },
      setupRequest: (request) => {
        const n = apiCounter.next++;
        if (conflictEvery > 0 && n % conflictEvery === 0) {
          // The whole exhibition hall over a time an existing booking holds one of its halls: refused through the combination.
          const day = addDays(existingFirstDay, Math.floor(Math.random() * (existingDays - 1)));
          const start = 8 * 60 + Math.floor(Math.random() * EXISTING_PER_DAY) * 120;
          request.body = JSON.stringify({
            space: 'EXH',
            startsAt: `${day}T${hhmm(start)}:00${SEOUL}`,
            endsAt: `${day}T${hhmm(start + 60)}:00${SEOUL}`,
            purpose: `Bench conflict ${n}`,
          });
          return request;
        }
        const slot = newSlot(apiFirstDay, n, spaceCount);
        request.body = JSON.stringify({
          space: layout.atomic[slot.spaceIndex].code,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          purpose: `Bench booking ${n}`,
          ...(CONFIRM ? { confirm: true } : {}),
        });
        return request;
      },
    });

    const rows: PhaseResult[] = [];
    const mode = CONFIRM ? 'confirmed' : 'hold';

    log(`API warm-up (${WARMUP_SECONDS} s, not counted)`);
    await runCannonOnce(port, CONNECTIONS, WARMUP_SECONDS, bookingRequest(0));

    log(`API inserts: ${SECONDS} s at ${CONNECTIONS} connections`);
    const apiBefore = apiCounter.next;
    const apiCpuBefore = cpuSeconds(server.child.pid);
    const apiMachineBefore = machineCpuSeconds();
    const api = await runCannonOnce(port, CONNECTIONS, SECONDS, bookingRequest(0));
    const apiMachine = machineCpuUsed(apiMachineBefore);
    const apiCpu = cpuUsed(apiCpuBefore, server.child.pid);
    const api2xx = countOf(api, (s) => s >= 200 && s < 300);
    const apiRow = summarize(`API booking (${mode})`, all(api), api.seconds, all(api).length - api2xx + api.socketErrors, statusSummary(api));
    rows.push(apiRow);
    const { rows: apiRowsInDb } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM venue_bookings WHERE purpose LIKE 'Bench booking %'`);
    log(`API phase: ${api2xx} created (${apiCounter.next - apiBefore} requests built), ${apiRowsInDb[0].n} API bookings in the table incl. warm-up`);

    log(`raw pg inserts: ${SECONDS} s with ${CONNECTIONS} clients (after a ${WARMUP_SECONDS} s warm-up, as the API's)`);
    const rawCounter = { next: 0 };
    await rawInserts(pool, layout, rawFirstDay, CONNECTIONS, WARMUP_SECONDS, rawCounter);
    const rawMachineBefore = machineCpuSeconds();
    const raw = await rawInserts(pool, layout, rawFirstDay, CONNECTIONS, SECONDS, rawCounter);
    const rawMachine = machineCpuUsed(rawMachineBefore);
    const rawRow = summarize('raw pg: INSERT booking + occupancy (1 tx)', raw.latencies, raw.seconds, raw.errors, `${CONNECTIONS} pg clients`);
    rows.push(rawRow);

    // One client at a time: the service time of a booking without queueing behind 31 others.
    const unloadedSeconds = 3;
    log(`API and raw inserts from a single client: ${unloadedSeconds} s each`);
    const apiOne = await runCannonOnce(port, 1, unloadedSeconds, bookingRequest(0));
    rows.push(summarize(`API booking (${mode}), 1 connection`, all(apiOne), apiOne.seconds, all(apiOne).length - countOf(apiOne, (s) => s >= 200 && s < 300) + apiOne.socketErrors, 'no queueing'));
    const rawOne = await rawInserts(pool, layout, rawFirstDay, 1, unloadedSeconds, rawCounter);
    rows.push(summarize('raw pg, 1 client', rawOne.latencies, rawOne.seconds, rawOne.errors, 'no queueing'));

    log(`API inserts with ~10% conflicts: ${SHORT_SECONDS} s`);
    const mix = await runCannonOnce(port, CONNECTIONS, SHORT_SECONDS, bookingRequest(10));
    const mixUnexpected = countOf(mix, (s) => s !== 201 && s !== 409) + mix.socketErrors;
    rows.push(summarize(`API booking, ~10% conflicting`, all(mix), mix.seconds, mixUnexpected, statusSummary(mix)));
    rows.push(summarize('  of which 201 (inserted)', mix.byStatus.get(201) ?? [], mix.seconds, 0, 'same run, latency of 201s'));
    rows.push(summarize('  of which 409 (conflict)', mix.byStatus.get(409) ?? [], mix.seconds, 0, 'same run, latency of 409s'));

    const availabilityConnections = 8;
    const availabilityRequest = (space?: string): CannonRequest => ({
      method: 'GET',
      setupRequest: (request) => {
        // A different week of the loaded calendar each time: every request reads ~8 bookings per space-day.
        const from = addDays(existingFirstDay, Math.floor(Math.random() * (existingDays - 8)));
        request.path = `/api/venues/${VENUE}/availability?from=${from}&to=${addDays(from, 6)}${space ? `&space=${space}` : ''}`;
        return request;
      },
    });
    for (const space of [undefined, 'EXH1']) {
      log(`availability, 7 days, ${space ?? 'all spaces'}: ${SHORT_SECONDS} s at ${availabilityConnections} connections`);
      const run = await runCannonOnce(port, availabilityConnections, SHORT_SECONDS, availabilityRequest(space));
      const ok = countOf(run, (s) => s === 200);
      rows.push(summarize(`availability 7 days, ${space ? `space=${space}` : 'all spaces'}`, all(run), run.seconds, all(run).length - ok + run.socketErrors, `${availabilityConnections} connections`));
    }

    const referenceSeconds = 3;
    for (const [label, requestPath] of [
      ['ref: GET /api/auth/me (session lookup)', '/api/auth/me'],
      ['ref: GET spaces (venue layout, public)', `/api/venues/${VENUE}/spaces`],
    ] as const) {
      log(`${label}: ${referenceSeconds} s`);
      const cpuBefore = cpuSeconds(server.child.pid);
      const run = await runCannonOnce(port, CONNECTIONS, referenceSeconds, { method: 'GET', path: requestPath, headers: { authorization: auth } });
      const ok = countOf(run, (s) => s === 200);
      rows.push(summarize(label, all(run), run.seconds, all(run).length - ok + run.socketErrors, `fixed cost; ${cpuPerRequest(cpuUsed(cpuBefore, server.child.pid), all(run).length)}`));
    }

    const serverPeak = peakRssMiB(server.child.pid);
    const { rows: finalCount } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM venue_bookings');

    const apiRate = api2xx / api.seconds;
    const rawRate = rate(rawRow);
    const ratio = apiRate / rawRate;
    const out = [
      '',
      `Fairgate venue booking benchmark — ${startedAt.toISOString()}`,
      `machine: ${os.availableParallelism()} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${fmt(os.totalmem() / 2 ** 30)} GiB RAM, load average at start ${load.map((l) => l.toFixed(2)).join(' ')}`,
      `software: ${runtimeLine(ROOT)}, PostgreSQL ${pgVersion}, ${os.type()} ${os.release()}`,
      `data: ${EXISTING_BOOKINGS} existing confirmed bookings on ${spaceCount} atomic spaces over ${existingDays} days; ${finalCount[0].n} bookings at the end`,
      `load: ${CONNECTIONS} connections, ${SECONDS} s per main phase, ${SHORT_SECONDS} s per short phase; server and load generator share this machine`,
      '',
      table(rows),
      '',
      `API inserts/s ÷ raw inserts/s: ${fmt(apiRate, 0)} ÷ ${fmt(rawRate, 0)} = ${fmt(ratio * 100, 0)}%  (target ≥ ${TARGET_RATIO * 100}%: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
      `API booking p99: ${fmt(apiRow.p99, 2)} ms  (target < ${TARGET_P99_MS} ms: ${apiRow.p99 < TARGET_P99_MS ? 'met' : 'NOT met'})`,
      `(closed loop: latency ≈ connections ÷ throughput, so p99 < ${TARGET_P99_MS} ms at ${CONNECTIONS} connections needs well over ${fmt((CONNECTIONS * 1000) / TARGET_P99_MS, 0)} bookings/s)`,
      `server CPU per API booking at ${CONNECTIONS} connections: ${cpuPerRequest(apiCpu, all(api).length)} (less load-dependent than the rate: compare code by it)`,
      `machine CPU per booking (server, PostgreSQL, Redis, load generator): API ${cpuPerRequest(apiMachine, all(api).length)}, raw ${cpuPerRequest(rawMachine, raw.latencies.length)}` +
        (apiMachine !== undefined && rawMachine !== undefined && all(api).length > 0 && raw.latencies.length > 0
          ? `; raw ÷ API = ${fmt((rawMachine / raw.latencies.length / (apiMachine / all(api).length)) * 100, 0)}% (the ratio a saturated machine would show)`
          : ''),
      `server peak RSS (VmHWM): ${serverPeak === undefined ? 'unknown' : `${fmt(serverPeak, 0)} MiB`}; load generator peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB`,
      `server log lines at warn or above: ${server.lines.count}${server.tail.length > 0 ? ` (last: ${server.tail[server.tail.length - 1].slice(0, 200)})` : ''}`,
      '',
    ];
    process.stdout.write(out.join('\n'));
  } catch (error) {
    if (server && server.tail.length > 0) log(`last lines of the Fairgate process:\n${server.tail.join('\n')}`);
    await cleanup().catch((cleanupError: unknown) => log(String(cleanupError)));
    throw error;
  }
  await cleanup();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
