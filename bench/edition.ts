/**
 * npm run bench:edition [-- --scale S] — a whole edition's load, rehearsed on one machine.
 *
 * `--scale 1` is the volume of issue 17 (a large edition); the default 0.1 finishes in a few minutes
 * on a quiet 2-core machine. The work done is fixed by the scale (request counts, not durations):
 *   A. the hour registration opens, compressed: 1,000 × S exhibitor applications (the anonymous form,
 *      POST /api/editions/ppuri-2027/exhibitor-applications) at 32 connections, then their
 *      confirmation emails drained to the SMTP server;
 *   B. 30,000 × S visitor registrations (POST /api/editions/ppuri-2027/attendees) at 32 connections,
 *      then their link emails drained;
 *   C. an itinerary bulk send to every visitor of B (the itinerary email with its .ics, committed as
 *      MailBatchService commits one) drained;
 *   D. a scheduler run over 3,000 × S participants (the engine's instance generator, half buyers half
 *      exhibitors; the engine in a child process as the job runs it) while the API serves another
 *      3,000 × S visitor registrations: the API's figures beside B's show what the solve costs it.
 * Processes: Fairgate API (APP_ROLE=api) and Fairgate worker (APP_ROLE=worker, MAIL_CONCURRENCY 5) from
 * dist/, the SMTP sink (bench/lib/smtp-sink-child), the load generator (this process, node:http,
 * closed loop), PostgreSQL and Redis: all on this machine.
 * Checked (the bench fails otherwise): rows written = requests answered 201, every 201 one row, no
 * 5xx; every outbox row sent; SMTP messages received = outbox rows, each Message-ID exactly once.
 * Prints figures; never fails on time.
 *
 * Environment: BENCH_DATABASE_URL (its name must contain "bench"; default fairgate_bench_edition),
 * BENCH_REDIS_URL, BENCH_CONNECTIONS (32), SCHEDULING_DIR (where gen.mjs is; default ../shared/scheduling).
 */
import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { Queues } from '../src/core/queue/job-catalogue';
import { businessRegistrationCheckDigit } from '../src/modules/exhibitors/domain/business-registration-number';
import { adminUrl, databaseName, deleteRedisKeys, recreateBenchDatabase, withClient, freePort, peakRssMiB, percentile, positiveInt, runtimeLine, spawnChild, stopChild, waitForHealth, type Child } from './lib/harness';
import { insertBulkSend, itinerary, startSink, waitFor, type SinkHandle } from './lib/mail-load';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN_JS = path.resolve(__dirname, '..', 'src', 'main.js');
const MIGRATE_JS = path.resolve(__dirname, '..', 'src', 'core', 'database', 'migrate-cli.js');
const SOLVE_JS = path.resolve(__dirname, 'lib', 'solve-child.js');
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fairgate_bench_edition';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE_PREFIX = `fairgate-bench-edition-${process.pid}`;
const CONNECTIONS = positiveInt('BENCH_CONNECTIONS', 32);
const EDITION = 'ppuri-2027';
const MAIL_CONCURRENCY = 5;
const DRAIN_TIMEOUT_MS = 60 * 60_000;

function scaleOption(): number {
  const i = process.argv.indexOf('--scale');
  const value = i >= 0 ? Number(process.argv[i + 1]) : 0.1;
  if (!Number.isFinite(value) || value <= 0 || value > 10) throw new Error('--scale must be a number above 0 and at most 10 (1 = the issue\'s volume)');
  return value;
}

const SCALE = scaleOption();
const EXHIBITORS = Math.max(1, Math.round(1000 * SCALE));
const VISITORS = Math.max(1, Math.round(30_000 * SCALE));
const PARTICIPANTS = Math.max(20, Math.round(3000 * SCALE));
const DURING_SOLVE = Math.max(1, Math.round(3000 * SCALE));

const log = (line: string): void => void process.stdout.write(`[bench:edition] ${line}\n`);

// ---------------------------------------------------------------- request bodies

const BRN_BASE = randomInt(0, 500_000_000);
function exhibitorBody(n: number): string {
  const nine = String((BRN_BASE + n) % 1_000_000_000).padStart(9, '0');
  return JSON.stringify({
    company: { name: `빛고을정밀 ${n} 주식회사`, businessRegistrationNumber: `${nine}${businessRegistrationCheckDigit(nine)}`, country: 'KR', address: '광주광역시 광산구 하남산단 8번로 100', website: 'https://bitgoeul-precision.example' },
    contact: { name: '김민준', email: `exhibitor-${n}@bench.example`, phone: '+82 62-123-4567' },
    booth: { type: 'shell_scheme', count: 2 },
    productCategories: ['casting', 'mold'],
    language: n % 2 ? 'en' : 'ko',
  });
}

function visitorBody(n: number, days: string[]): string {
  return JSON.stringify({
    name: `Visitor ${n}`, email: `visitor-${n}@bench.example`, company: `Visitor Company ${n % 500}`, country: ['KR', 'VN', 'JP', 'DE'][n % 4],
    kind: 'trade_visitor', days: days.slice(0, 1 + (n % days.length)), language: n % 2 ? 'en' : 'ko', consentMessages: true, consentShareContact: n % 3 === 0,
  });
}

// ---------------------------------------------------------------- closed-loop load

interface LoadResult {
  requests: number;
  seconds: number;
  byStatus: Map<number, number>;
  latencies: number[];
}

/** `count` POSTs over `connections` keep-alive connections, each sending its next when answered. */
async function closedLoop(port: number, urlPath: string, count: number, body: (n: number) => string, connections: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const byStatus = new Map<number, number>();
  const latencies: number[] = [];
  let next = 0;
  const one = (n: number): Promise<number> =>
    new Promise((resolve) => {
      const payload = body(n);
      const req = http.request(
        { host: '127.0.0.1', port, path: urlPath, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      req.on('error', () => resolve(0));
      req.setTimeout(60_000, () => req.destroy());
      req.end(payload);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < count) {
        const n = next++;
        const t0 = performance.now();
        const status = await one(n);
        latencies.push(performance.now() - t0);
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: count, seconds, byStatus, latencies };
}

// ---------------------------------------------------------------- processes and database

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: ROOT, env, timeout: 600_000, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout.trim());
    });
  });
}


type Server = Child & { name: string; port: number };

/** Starts a Fairgate process and adds it to `servers` at once, so that one failing to start is stopped too. */
async function startFairgate(servers: Server[], role: 'api' | 'worker', sink: SinkHandle, mailDir: string, seed: boolean): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL,
    REDIS_URL,
    QUEUE_PREFIX,
    PORT: String(port),
    APP_ROLE: role,
    LOG_LEVEL: 'warn',
    MAIL_DIR: mailDir,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    MAIL_FROM: 'Fairgate <no-reply@fairgate.bench>',
    MAIL_RATE_PER_SECOND: '100000',
    MAIL_CONCURRENCY: String(MAIL_CONCURRENCY),
    MIGRATE_ON_START: 'false',
    SEED_ON_START: String(seed),
    RATE_LIMIT_REGISTRATION_PER_MINUTE: '100000',
    APP_SECRET: randomBytes(32).toString('hex'),
  };
  const server: Server = { name: `Fairgate ${role}`, port, ...spawnChild(MAIN_JS, [], env, ROOT) };
  servers.push(server);
  if (role === 'api') await waitForHealth(server);
  else await waitForMailWorker(server);
  return server;
}

/** A worker has no HTTP port: ready once its mail queue worker is registered in Redis. */
async function waitForMailWorker(server: Server): Promise<void> {
  const queue = new Queue(Queues.Mail, { connection: { url: REDIS_URL }, prefix: QUEUE_PREFIX });
  let exited = false;
  void server.exited.then(() => (exited = true));
  try {
    await waitFor(async () => (exited ? -1 : (await queue.getWorkers()).length), (n) => n !== 0, 120_000, `${server.name} mail worker registered`, 200);
    if (exited) throw new Error(`${server.name} exited before its mail worker started:\n${server.tail.join('\n')}`);
  } finally {
    await queue.close();
  }
}

async function count(db: Client, sql: string): Promise<number> {
  return Number((await db.query<{ n: string }>(sql)).rows[0].n);
}

/** Waits until no outbox row is pending or dispatched; answers the seconds it took. */
async function drainOutbox(db: Client): Promise<number> {
  const started = performance.now();
  await waitFor(() => count(db, `SELECT count(*) AS n FROM outbox_messages WHERE status IN ('pending', 'dispatched')`), (n) => n === 0, DRAIN_TIMEOUT_MS, 'outbox drained', 100);
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------- figures

interface PhaseRow {
  phase: string;
  work: string;
  perSecond: string;
  p50: string;
  p99: string;
  drain: string;
  note: string;
}

const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '–');

function statuses(r: LoadResult): string {
  return [...r.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
}

function apiRow(phase: string, r: LoadResult, drainSeconds: number | undefined, note: string): PhaseRow {
  return {
    phase,
    work: `${r.requests} POST`,
    perSecond: (r.requests / r.seconds).toFixed(0),
    p50: ms(percentile(r.latencies, 50)),
    p99: ms(percentile(r.latencies, 99)),
    drain: drainSeconds === undefined ? '–' : drainSeconds.toFixed(1),
    note: `${statuses(r)}${note ? `; ${note}` : ''}`,
  };
}

function table(rows: PhaseRow[]): string {
  const head = ['phase', 'work', 'per s', 'p50 ms', 'p99 ms', 'mail drain s', 'note'];
  const cells = rows.map((r) => [r.phase, r.work, r.perSecond, r.p50, r.p99, r.drain, r.note]);
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]): string => `| ${c.map((v, i) => (i >= 2 && i <= 5 ? v.padStart(width[i]) : v.padEnd(width[i]))).join(' | ')} |`;
  return [line(head), `|${width.map((w, i) => (i >= 2 && i <= 5 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`, ...cells.map(line)].join('\n');
}

function expectAll201(what: string, r: LoadResult): number {
  const created = r.byStatus.get(201) ?? 0;
  if (created !== r.requests) throw new Error(`${what}: ${created} of ${r.requests} answered 201 (${statuses(r)})`);
  return created;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadBefore = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const mailDir = mkdtempSync(path.join(os.tmpdir(), 'fairgate-bench-edition-mail-'));
  const work = mkdtempSync(path.join(os.tmpdir(), 'fairgate-bench-edition-'));
  const servers: Server[] = [];
  const sink = await startSink();
  const db = new Client({ connectionString: DATABASE_URL });
  let dbOpen = false;
  try {
    log(`scale ${SCALE}: ${EXHIBITORS} exhibitor applications, ${VISITORS} visitor registrations, itinerary bulk send to ${VISITORS}, scheduler over ${PARTICIPANTS} participants while ${DURING_SOLVE} more visitors register; ${CONNECTIONS} connections`);
    const pgVersion = await recreateBenchDatabase(DATABASE_URL);
    await run(process.execPath, [MIGRATE_JS], { PATH: process.env.PATH ?? '', DATABASE_URL, REDIS_URL, LOG_LEVEL: 'warn' });
    const seeder = await startFairgate(servers, 'api', sink, mailDir, true);
    await stopChild(seeder);
    servers.pop();
    await db.connect();
    dbOpen = true;
    // The seed's own emails are not the bench's: drop them before counting.
    await db.query(`DELETE FROM outbox_messages`);
    const edition = (await db.query<{ starts_on: string; ends_on: string; status: string }>(
      `SELECT starts_on::text, ends_on::text, status FROM fair_editions WHERE code = $1`, [EDITION])).rows[0];
    if (edition?.status !== 'registration_open') throw new Error(`${EDITION} is not open for registration after seeding`);
    const days: string[] = [];
    for (let d = new Date(`${edition.starts_on}T00:00:00Z`); d <= new Date(`${edition.ends_on}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));

    const api = await startFairgate(servers, 'api', sink, mailDir, false);
    const worker = await startFairgate(servers, 'worker', sink, mailDir, false);
    await sink.ask('reset');
    log(`API pid ${api.child.pid} port ${api.port}, worker pid ${worker.child.pid}, SMTP sink port ${sink.port}`);
    const rows: PhaseRow[] = [];

    // A. registration opens
    const exhibitors = await closedLoop(api.port, `/api/editions/${EDITION}/exhibitor-applications`, EXHIBITORS, exhibitorBody, CONNECTIONS);
    const drainA = await drainOutbox(db);
    expectAll201('exhibitor applications', exhibitors);
    rows.push(apiRow('A. exhibitor applications', exhibitors, drainA, 'drain: confirmations after the last answer'));
    log(`A done: ${(exhibitors.requests / exhibitors.seconds).toFixed(0)}/s, confirmations drained ${drainA.toFixed(1)} s after`);

    // B. visitors
    let visitorNo = 0;
    const visitors = await closedLoop(api.port, `/api/editions/${EDITION}/attendees`, VISITORS, () => visitorBody(visitorNo++, days), CONNECTIONS);
    const drainB = await drainOutbox(db);
    expectAll201('visitor registrations', visitors);
    rows.push(apiRow('B. visitor registrations', visitors, drainB, 'drain: link emails after the last answer'));
    log(`B done: ${(visitors.requests / visitors.seconds).toFixed(0)}/s, links drained ${drainB.toFixed(1)} s after`);

    // C. itinerary bulk send
    const list = Array.from({ length: VISITORS }, (_, i) => ({ ...itinerary(i), participantEmail: `visitor-${i}@bench.example` }));
    const c0 = performance.now();
    await insertBulkSend(db, list);
    const drainC = await drainOutbox(db);
    const seconds = (performance.now() - c0) / 1000;
    rows.push({ phase: 'C. itinerary bulk send', work: `${VISITORS} emails`, perSecond: (VISITORS / seconds).toFixed(0), p50: '–', p99: '–', drain: drainC.toFixed(1), note: `commit to last row sent ${seconds.toFixed(1)} s (.ics attached)` });
    log(`C done: ${(VISITORS / seconds).toFixed(0)} emails/s`);

    // D. scheduler while the API serves
    const buyers = Math.round(PARTICIPANTS / 2);
    const instance = path.join(work, 'instance.json');
    const scheduling = [process.env.SCHEDULING_DIR, path.resolve(ROOT, '../shared/scheduling'), path.resolve(ROOT, '../../shared/scheduling')].find((d) => d && existsSync(path.join(d, 'gen.mjs')));
    let solveNote = 'skipped: gen.mjs not found (set SCHEDULING_DIR)';
    let solveSeconds = Number.NaN;
    let solving: Promise<string> = Promise.resolve('');
    if (scheduling) {
      writeFileSync(instance, await run(process.execPath, [path.join(scheduling, 'gen.mjs'), '--buyers', String(buyers), '--exhibitors', String(PARTICIPANTS - buyers), '--days', '2', '--seed', '17'], process.env));
      const s0 = performance.now();
      solving = run(process.execPath, [SOLVE_JS, instance, path.join(work, 'engine.json'), path.join(work, 'greedy.json')], process.env).then((out) => {
        solveSeconds = (performance.now() - s0) / 1000;
        return out;
      });
    }
    const during = await closedLoop(api.port, `/api/editions/${EDITION}/attendees`, DURING_SOLVE, () => visitorBody(visitorNo++, days), CONNECTIONS);
    const solved = await solving;
    if (scheduling) {
      const result = JSON.parse(solved.split('\n').at(-1) ?? '{}') as { requests?: number; meetings?: number; weight?: number };
      solveNote = `solve ${solveSeconds.toFixed(1)} s: ${buyers} buyers + ${PARTICIPANTS - buyers} exhibitors, ${result.requests ?? '?'} requests → ${result.meetings ?? '?'} meetings (weight ${result.weight ?? '?'})`;
    }
    const drainD = await drainOutbox(db);
    expectAll201('visitor registrations during the solve', during);
    rows.push(apiRow('D. visitors while scheduling', during, drainD, solveNote));
    log(`D done: ${solveNote}`);

    // Checks: nothing lost, nothing sent twice.
    const applications = await count(db, `SELECT count(*) AS n FROM exhibitor_applications WHERE contact_email LIKE 'exhibitor-%@bench.example'`);
    const attendees = await count(db, `SELECT count(*) AS n FROM attendees WHERE email LIKE 'visitor-%@bench.example'`);
    const outboxRows = await count(db, `SELECT count(*) AS n FROM outbox_messages`);
    const sent = await count(db, `SELECT count(*) AS n FROM outbox_messages WHERE status = 'sent'`);
    const distinctOutboxIds = await count(db, `SELECT count(DISTINCT message_id) AS n FROM outbox_messages WHERE status = 'sent'`);
    await waitFor(() => sink.ask('count'), (c) => c.count >= outboxRows, 60_000, 'the SMTP sink to count every message', 50);
    const received = await sink.ask('count');
    const problems: string[] = [];
    if (applications !== EXHIBITORS) problems.push(`${applications} applications for ${EXHIBITORS} answered 201`);
    if (attendees !== VISITORS + DURING_SOLVE) problems.push(`${attendees} attendees for ${VISITORS + DURING_SOLVE} answered 201`);
    if (sent !== outboxRows) problems.push(`${outboxRows - sent} of ${outboxRows} outbox rows not sent`);
    if (received.count !== outboxRows) problems.push(`SMTP sink received ${received.count} messages for ${outboxRows} outbox rows`);
    if (received.duplicateIds !== 0 || received.missingIds !== 0) problems.push(`${received.duplicateIds} Message-IDs received twice, ${received.missingIds} messages without one`);
    if (received.distinctIds !== distinctOutboxIds) problems.push(`${received.distinctIds} distinct Message-IDs received, ${distinctOutboxIds} recorded in the outbox`);

    const out = [
      '',
      `Fairgate edition rehearsal (bench:edition --scale ${SCALE}) — ${startedAt.toISOString()}`,
      `machine: nproc ${os.availableParallelism()}, ${os.cpus()[0]?.model ?? 'unknown'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; load average ${loadBefore} at start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end`,
      `software: ${runtimeLine(ROOT)}, PostgreSQL ${pgVersion}; one API process (APP_ROLE=api), one worker (APP_ROLE=worker, MAIL_CONCURRENCY ${MAIL_CONCURRENCY}), SMTP sink, load generator (${CONNECTIONS} connections, closed loop), PostgreSQL and Redis on this machine`,
      '',
      table(rows),
      '',
      `written: ${applications} applications, ${attendees} attendees, ${outboxRows} outbox rows (${sent} sent); SMTP sink: ${received.count} messages, ${received.distinctIds} distinct Message-IDs, ${received.duplicateIds} repeated`,
      `peak RSS (VmHWM): API ${peakRssMiB(api.child.pid)?.toFixed(0) ?? '–'} MiB, worker ${peakRssMiB(worker.child.pid)?.toFixed(0) ?? '–'} MiB; load generator ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
      problems.length === 0 ? 'checks: nothing lost, nothing sent twice (rows = 201s; messages = outbox rows; each Message-ID once)' : `CHECKS FAILED: ${problems.join('; ')}`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    if (dbOpen) await db.end().catch(() => undefined);
    for (const s of servers.reverse()) await stopChild(s).catch(() => undefined);
    sink.child.send('stop');
    await withClient(adminUrl(DATABASE_URL), (c) => c.query(`DROP DATABASE IF EXISTS "${databaseName(DATABASE_URL)}" WITH (FORCE)`)).catch(() => undefined);
    log(`deleted ${await deleteRedisKeys(REDIS_URL, QUEUE_PREFIX)} Redis keys under ${QUEUE_PREFIX}:`);
    rmSync(mailDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:edition] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

