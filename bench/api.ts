/**
 * npm run bench:api — anonymous exhibitor registration over HTTP, Fairgate against a raw baseline.
 *
 * Both servers are child processes on one bench database, measured in the same run, one after the other:
 *   Fairgate   node <dist>/src/main.js with APP_ROLE=api (no workers compete for the CPU; its outbox
 *              relay still hands every email to BullMQ, as an API process does in production)
 *   raw        node <dist>/bench/lib/raw-registration-server.js: node:http + pg, the same transaction
 *              (application row, status history row, outbox row), no framework
 * At 32 and then 128 connections (BENCH_CONNECTIONS), each level on a fresh process of each server, every request
 * POST /api/editions/ppuri-2027/exhibitor-applications with a body like the tests' newExhibitorApplication()
 * and its own valid business registration number (built in autocannon's setupRequest).
 * The database is dropped, created, migrated with the migrate CLI (<dist>/src/core/database/migrate-cli.js)
 * and seeded by starting Fairgate once with SEED_ON_START=true; after each server's turn the three
 * written tables are checked (two history rows, create and submit, and one outbox row per application;
 * as many applications as 201s answered) and emptied, so every
 * turn starts from the same state.
 * Prints figures; never fails on a missed target (exit 1 only when the bench itself breaks).
 *
 * Environment: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (8, both servers), BENCH_CONNECTIONS ("32,128"), BENCH_DATABASE_URL (its name must contain
 * "bench"), BENCH_REDIS_URL, FAIRGATE_DIST (the compiled tree the servers run from; default dist),
 * BENCH_SERVER_NODE_ARGS (extra node flags for the Fairgate server, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { businessRegistrationCheckDigit } from '../src/modules/exhibitors/domain/business-registration-number';
import { adminUrl, cpuSeconds, machineCpuSeconds, databaseName, deleteRedisKeys, recreateBenchDatabase, withClient, freePort, peakRssMiB, percentile, positiveInt, runCannon, spawnChild, stopChild, runtimeLine, waitForHealth, warmupSeconds, type CannonRequest } from './lib/harness';

// ---------------------------------------------------------------- settings

/** The repository: the nearest folder above this file with a package.json (works from dist/ and var/…/). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'migrations'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository above ${from}`);
  }
}

const ROOT = findRoot(__dirname);
const DIST = path.resolve(ROOT, process.env.FAIRGATE_DIST ?? 'dist');
const MAIN_JS = path.join(DIST, 'src', 'main.js');
const MIGRATE_JS = path.join(DIST, 'src', 'core', 'database', 'migrate-cli.js');
const RAW_JS = path.join(DIST, 'bench', 'lib', 'raw-registration-server.js');
const SECONDS = positiveInt('BENCH_SECONDS', 10);
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '32,128').split(',').map((s) => {
  const n = Number(s.trim());
  if (!Number.isInteger(n) || n <= 0) throw new Error(`BENCH_CONNECTIONS must be positive whole numbers separated by commas (got "${s}")`);
  return n;
});
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fairgate_bench_api';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE_PREFIX = `fairgate-bench-api-${process.pid}`;
const EDITION = 'ppuri-2027';
const PATH = `/api/editions/${EDITION}/exhibitor-applications`;
const WARMUP_SECONDS = warmupSeconds();

const TARGET_RATIO = 0.5;
/** Issue 17: the floor is p99 ≤ 60 ms at 32 connections (the goal ≤ 50 ms). */
const TARGET_P99_MS = 60;
const TARGET_P99_AT = 32;

// ---------------------------------------------------------------- request bodies

/** A different valid business registration number for every n (a random base per run, then n). */
const BRN_BASE = randomInt(0, 500_000_000);
function businessRegistrationNumber(n: number): string {
  const nine = String((BRN_BASE + n) % 1_000_000_000).padStart(9, '0');
  return `${nine}${businessRegistrationCheckDigit(nine)}`;
}

/** The body of test/support/factories.ts newExhibitorApplication(), numbered. */
function applicationBody(n: number): string {
  return JSON.stringify({
    company: {
      name: '빛고을정밀 주식회사',
      businessRegistrationNumber: businessRegistrationNumber(n),
      country: 'KR',
      address: '광주광역시 광산구 하남산단 8번로 100',
      website: 'https://bitgoeul-precision.example',
    },
    contact: { name: '김민준', email: `minjun.kim+${n}@bitgoeul-precision.example`, phone: '+82 62-123-4567' },
    booth: { type: 'shell_scheme', count: 2 },
    productCategories: ['casting', 'mold'],
    language: 'en',
  });
}

/** One counter for the whole run: no number is sent twice, whichever server gets it. */
const counter = { next: 0 };
const registration: CannonRequest = {
  method: 'POST',
  path: PATH,
  headers: { 'content-type': 'application/json' },
  setupRequest: (request) => {
    request.body = applicationBody(counter.next++);
    return request;
  },
};

// ---------------------------------------------------------------- statistics and load

interface HttpRun {
  seconds: number;
  byStatus: Map<number, number[]>;
  socketErrors: number;
}

async function runCannonOnce(port: number, connections: number, seconds: number): Promise<HttpRun> {
  const run = await runCannon(port, connections, seconds, registration, 15_000);
  return { seconds: run.seconds, byStatus: run.byStatus, socketErrors: run.result.errors + run.result.timeouts };
}

// ---------------------------------------------------------------- child processes

interface Server {
  name: string;
  child: ChildProcess;
  port: number;
  tail: string[];
  lines: { count: number };
  exited: Promise<number | null>;
}

function start(name: string, script: string, nodeArgs: string[], env: NodeJS.ProcessEnv, port: number): Server {
  if (!existsSync(script)) throw new Error(`${script} is missing: compile first (npm run bench:api does; or set FAIRGATE_DIST)`);
  return { name, port, ...spawnChild(script, nodeArgs, env, ROOT) };
}

function fairgateEnv(port: number, mailDir: string, seed: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL,
    REDIS_URL,
    PORT: String(port),
    APP_ROLE: 'api',
    QUEUE_PREFIX,
    LOG_LEVEL: 'warn',
    MAIL_DIR: mailDir,
    MIGRATE_ON_START: 'false',
    SEED_ON_START: String(seed),
    RATE_LIMIT_REGISTRATION_PER_MINUTE: '100000',
    // A real secret keeps the development-secret warning out of the output.
    APP_SECRET: randomBytes(32).toString('hex'),
  };
  delete env.SMTP_URL;
  return env;
}

async function startFairgate(mailDir: string, seed: boolean, nodeArgs: string[] = []): Promise<Server> {
  const port = await freePort();
  const server = start('Fairgate', MAIN_JS, nodeArgs, fairgateEnv(port, mailDir, seed), port);
  await waitForHealth(server);
  return server;
}

async function startRaw(): Promise<Server> {
  const port = await freePort();
  // The raw server's pool as large as Fairgate's (DATABASE_POOL_SIZE when the run sets one).
  const rawPool = process.env.DATABASE_POOL_SIZE ? { RAW_POOL_MAX: process.env.DATABASE_POOL_SIZE } : {};
  const server = start('raw', RAW_JS, [], { PATH: process.env.PATH ?? '', DATABASE_URL, PORT: String(port), ...rawPool }, port);
  await waitForHealth(server);
  return server;
}

/** Resets the peak resident set size (Linux: clear_refs 5) so each level has its own (peakRssMiB in lib/harness.ts reads it). */
function resetPeakRss(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: ROOT, env, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout.trim());
    });
  });
}

// ---------------------------------------------------------------- database and Redis


async function dropDatabase(): Promise<void> {
  await withClient(adminUrl(DATABASE_URL), (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName(DATABASE_URL)}" WITH (FORCE)`));
}

/** Rows the bench wrote, and an empty start for the next server. */
async function countAndEmpty(): Promise<WrittenRows> {
  return withClient(DATABASE_URL, async (client) => {
    const { rows } = await client.query<{ a: number; c: number; s: number; o: number; bad: number }>(
      `SELECT (SELECT count(*)::int FROM exhibitor_applications) AS a,
              (SELECT count(*)::int FROM application_status_changes WHERE action = 'create') AS c,
              (SELECT count(*)::int FROM application_status_changes WHERE action = 'submit') AS s,
              (SELECT count(*)::int FROM outbox_messages) AS o,
              -- applications without exactly one 'create', one 'submit' and one confirmation row
              -- (grouped, then joined: a correlated count over outbox_messages.params took 30 s at 10,000 rows)
              (SELECT count(*)::int FROM exhibitor_applications a
                 LEFT JOIN (SELECT application_id, count(*) FILTER (WHERE action = 'create') AS creates, count(*) FILTER (WHERE action = 'submit') AS submits
                              FROM application_status_changes GROUP BY application_id) h ON h.application_id = a.id
                 LEFT JOIN (SELECT params->>'applicationId' AS application_id, count(*) AS mails FROM outbox_messages GROUP BY 1) m ON m.application_id = a.id::text
                WHERE coalesce(h.creates, 0) <> 1 OR coalesce(h.submits, 0) <> 1 OR coalesce(m.mails, 0) <> 1 OR a.status <> 'submitted') AS bad`,
    );
    await client.query('TRUNCATE exhibitor_applications, application_status_changes, outbox_messages CASCADE');
    await client.query('VACUUM ANALYZE exhibitor_applications, application_status_changes, outbox_messages');
    const r = rows[0];
    return { applications: r.a, creates: r.c, submits: r.s, outbox: r.o, incomplete: r.bad };
  });
}

interface WrittenRows {
  applications: number;
  creates: number;
  submits: number;
  outbox: number;
  incomplete: number;
}

/**
 * The number of applications, after checking that each is 'submitted' with its two history rows
 * ('create' draft, then 'submit' draft → submitted: both sides write both) and its one confirmation
 * in the outbox, and that every 201 answered (warm-up included) is a row.
 */
function checkWritten(rows: WrittenRows, run: Pick<Row, 'answered201' | 'unanswered'>, connections: number): number {
  if (rows.creates !== rows.applications || rows.submits !== rows.applications || rows.outbox !== rows.applications || rows.incomplete !== 0) {
    throw new Error(
      `inconsistent rows: ${rows.applications} applications, ${rows.creates} 'create' and ${rows.submits} 'submit' history rows, ` +
        `${rows.outbox} outbox rows, ${rows.incomplete} applications without exactly one of each`,
    );
  }
  // autocannon abandons the requests in flight when a run's time is up (up to `connections` per run, two runs)
  // and those that time out: the server still completes them, so that many more rows than 201s are fine;
  // fewer rows than 201s would be a lost write.
  const { answered201, unanswered } = run;
  if (rows.applications < answered201 || rows.applications > answered201 + unanswered + 2 * connections) {
    throw new Error(`${answered201} requests answered 201 (${unanswered} unanswered) but ${rows.applications} applications written`);
  }
  return rows.applications;
}

// ---------------------------------------------------------------- output

interface Row {
  server: string;
  connections: number;
  created: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: string;
  peakRss?: number;
  /** The server's CPU (user + system) per answered request over the measured run, in ms. */
  cpuMsPerRequest?: number;
  /** The whole machine's CPU (server, PostgreSQL, Redis, load generator) per answered request, in ms. */
  machineCpuMsPerRequest?: number;
  /** 201s of the warm-up and the measured run together (what the tables must hold). */
  answered201: number;
  /** Requests of both runs that timed out or lost their socket: the server may still have written them. */
  unanswered: number;
}

function fmt(value: number | undefined, digits = 1): string {
  return value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '–';
}

const perSecond = (r: Row): number => r.created / r.seconds;

function table(rows: Row[]): string {
  const header = ['server', 'connections', 'created/s', 'p50 ms', 'p99 ms', 'errors', 'peak RSS MiB', 'CPU ms/req', 'machine CPU ms/req', 'responses'];
  const body = rows.map((r) => [r.server, String(r.connections), fmt(perSecond(r), 0), fmt(r.p50, 2), fmt(r.p99, 2), String(r.errors), fmt(r.peakRss, 0), fmt(r.cpuMsPerRequest, 2), fmt(r.machineCpuMsPerRequest, 2), r.statuses]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const numeric = (i: number): boolean => i >= 1 && i <= 8;
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...body.map(line)].join('\n');
}

function log(message: string): void {
  process.stderr.write(`[bench:api] ${message}\n`);
}

function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(2)).join(' ');
}

// ---------------------------------------------------------------- the run

/** One level on a fresh server: warm-up, reset of the peak RSS, the measured run. */
async function measure(server: Server, connections: number): Promise<Row> {
  log(`${server.name} (pid ${String(server.child.pid)}, port ${server.port}): warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s at ${connections} connections`);
  const warm = await runCannonOnce(server.port, connections, WARMUP_SECONDS);
  const resettable = resetPeakRss(server.child.pid);
  const cpuBefore = cpuSeconds(server.child.pid);
  const machineBefore = machineCpuSeconds();
  const result = await runCannonOnce(server.port, connections, SECONDS);
  const cpuAfter = cpuSeconds(server.child.pid);
  const machineAfter = machineCpuSeconds();
  const latencies = [...result.byStatus.values()].flat().sort((a, b) => a - b);
  const created = result.byStatus.get(201)?.length ?? 0;
  return {
    server: server.name,
    connections,
    created,
    seconds: result.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: latencies.length - created + result.socketErrors,
    statuses: [...result.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, l]) => `${s}×${l.length}`).join(' '),
    peakRss: resettable ? peakRssMiB(server.child.pid) : undefined,
    // CPU per request: less dependent on the shared machine's load than the rate (compare code by it).
    cpuMsPerRequest: cpuBefore === undefined || cpuAfter === undefined || latencies.length === 0 ? undefined : ((cpuAfter - cpuBefore) * 1000) / latencies.length,
    machineCpuMsPerRequest: machineBefore === undefined || machineAfter === undefined || latencies.length === 0 ? undefined : ((machineAfter - machineBefore) * 1000) / latencies.length,
    answered201: created + (warm.byStatus.get(201)?.length ?? 0),
    unanswered: result.socketErrors + warm.socketErrors,
  };
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = loadAverage();
  const mailDir = mkdtempSync(path.join(os.tmpdir(), 'fairgate-bench-api-mail-'));
  const servers: Server[] = [];
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
      for (const s of servers) await attempt(`stop ${s.name}`, () => stopChild(s));
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
    log(`dist ${path.relative(ROOT, DIST) || '.'}, database ${databaseName(DATABASE_URL)}, queue prefix ${QUEUE_PREFIX}, ${LEVELS.join(' and ')} connections, ${SECONDS} s each`);
    const pgVersion = await recreateBenchDatabase(DATABASE_URL);
    const migrateEnv = { PATH: process.env.PATH ?? '', DATABASE_URL, REDIS_URL, LOG_LEVEL: 'warn' };
    const migrated = await run(process.execPath, [MIGRATE_JS], migrateEnv);
    log(`migrate CLI: ${migrated.split(',').length} migrations (${migrated.slice(0, 60)}…)`);

    const seeder = await startFairgate(mailDir, true);
    servers.push(seeder);
    await stopChild(seeder);
    servers.pop();
    const editionOpen = await withClient(DATABASE_URL, (c) => c.query<{ status: string }>(`SELECT status FROM fair_editions WHERE code = $1`, [EDITION]));
    if (editionOpen.rows[0]?.status !== 'registration_open') throw new Error(`${EDITION} is not open for registration after seeding`);
    log('seeded by one start of Fairgate with SEED_ON_START=true');

    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter((a) => a !== '');
    // Level by level, each server fresh and alone on an emptied table: a change of the machine's load
    // during the run then hits both sides of a comparison alike.
    const fairgateRows: Row[] = [];
    const rawRows: Row[] = [];
    const written = { fairgate: 0, raw: 0 };
    let fairgateLines = 0;
    let fairgateLast: string | undefined;
    for (const connections of LEVELS) {
      const fairgate = await startFairgate(mailDir, false, nodeArgs);
      servers.push(fairgate);
      fairgateRows.push(await measure(fairgate, connections));
      fairgateLines += fairgate.lines.count;
      fairgateLast = fairgate.tail.at(-1) ?? fairgateLast;
      await stopChild(fairgate);
      servers.pop();
      written.fairgate += checkWritten(await countAndEmpty(), fairgateRows[fairgateRows.length - 1], connections);

      const raw = await startRaw();
      servers.push(raw);
      rawRows.push(await measure(raw, connections));
      await stopChild(raw);
      servers.pop();
      written.raw += checkWritten(await countAndEmpty(), rawRows[rawRows.length - 1], connections);
    }
    const loadAfter = loadAverage();

    const rows: Row[] = [];
    for (let i = 0; i < LEVELS.length; i++) rows.push(fairgateRows[i], rawRows[i]);
    const ratios = LEVELS.map((c, i) => ({ c, ratio: perSecond(fairgateRows[i]) / perSecond(rawRows[i]) }));
    const at32 = fairgateRows[LEVELS.indexOf(TARGET_P99_AT)] as Row | undefined;
    const cpu = os.cpus()[0]?.model ?? 'unknown';
    const out = [
      '',
      `Fairgate API benchmark: exhibitor registration — ${startedAt.toISOString()}`,
      `machine: nproc ${os.availableParallelism()}, ${cpu}, ${fmt(os.totalmem() / 2 ** 30)} GiB RAM; load average ${loadBefore} at start, ${loadAfter} at the end`,
      `software: ${runtimeLine(ROOT)}, PostgreSQL ${pgVersion}, ${os.type()} ${os.release()}; servers from ${path.relative(ROOT, DIST) || '.'}`,
      `load: POST ${PATH}, a new business registration number per request; warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s per level; servers, PostgreSQL, Redis and autocannon share this machine`,
      `applications written (each with its two history rows and its outbox row, checked; warm-ups included): Fairgate ${written.fairgate}, raw ${written.raw}`,
      '',
      table(rows),
      '',
      ...ratios.map(({ c, ratio }) => `Fairgate ÷ raw at ${c} connections: ${fmt(ratio * 100, 0)}%  (target ≥ ${TARGET_RATIO * 100}%: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`),
      ...LEVELS.map((c, i) => {
        const [f, r] = [fairgateRows[i].machineCpuMsPerRequest, rawRows[i].machineCpuMsPerRequest];
        return `machine CPU per registration at ${c} connections: raw ÷ Fairgate = ${f && r ? `${fmt((r / f) * 100, 0)}%` : '–'} (the ratio a saturated machine would show; less moved by a neighbour's load)`;
      }),
      at32
        ? `Fairgate p99 at ${TARGET_P99_AT} connections: ${fmt(at32.p99, 2)} ms  (floor ≤ ${TARGET_P99_MS} ms: ${at32.p99 <= TARGET_P99_MS ? 'met' : 'NOT met'})`
        : `(no ${TARGET_P99_AT}-connection level in BENCH_CONNECTIONS: the p99 target is not checked)`,
      `each level on a freshly started server (Fairgate, then raw) after a ${WARMUP_SECONDS} s warm-up; peak RSS is VmHWM after the warm-up; load generator peak RSS ${fmt(process.resourceUsage().maxRSS / 1024, 0)} MiB`,
      `Fairgate log lines at warn or above: ${fairgateLines}${fairgateLast ? ` (last: ${fairgateLast.slice(0, 200)})` : ''}`,
      '',
    ];
    process.stdout.write(out.join('\n'));
  } catch (error) {
    for (const s of servers) if (s.tail.length > 0) log(`last lines of ${s.name}:\n${s.tail.join('\n')}`);
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
