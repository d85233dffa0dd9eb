/**
 * What the HTTP benches (bench/api.ts, bench/venue.ts, bench/mail.ts) share: autocannon's types,
 * settings from the environment, percentiles, free ports, a child's health and peak memory, the
 * admin database URL and the cleanup of a run's Redis keys. Each bench keeps what is its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { Client } from 'pg';

// ---------------------------------------------------------------- autocannon (ships without types)

export interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  setupRequest?: (request: CannonRequest, context: Record<string, unknown>) => CannonRequest;
}

export interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  requests: CannonRequest[];
}

export interface CannonResult {
  errors: number;
  timeouts: number;
  duration: number;
}

type Autocannon = (options: CannonOptions, done: (error: Error | null, result: CannonResult) => void) => EventEmitter;

// autocannon has no type declarations and a module augmentation of an untyped package is refused.
export const autocannon = createRequire(__filename)('autocannon') as Autocannon;

// ---------------------------------------------------------------- the runtime measured

/**
 * "Node v20.20.2", and when its major is not the one production runs (the Dockerfile's `FROM node:NN`)
 * a note saying so: the same build spends a quarter less CPU on a hold on Node 24 than on Node 20
 * (AsyncLocalStorage without promise hooks, less GC; docs/benchmarks.md, Session 11).
 */
export function runtimeLine(root: string): string {
  let production: string | undefined;
  try {
    production = /^FROM node:(\d+)/m.exec(readFileSync(`${root}/Dockerfile`, 'utf8'))?.[1];
  } catch {
    production = undefined; // no Dockerfile beside the build: nothing to compare with
  }
  const major = process.versions.node.split('.')[0];
  return production === undefined || production === major
    ? `Node ${process.version}`
    : `Node ${process.version} (production runs Node ${production}, the Dockerfile's; figures differ, see docs/benchmarks.md)`;
}

// ---------------------------------------------------------------- settings and statistics

/** A positive whole number from the environment, or the fallback when unset. */
export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}

/**
 * Seconds of load before a measured run, on both sides of a comparison (BENCH_WARMUP_SECONDS, default 8).
 * A fresh Fairgate process under load climbs for about 8 s before its rate levels off (V8 optimising
 * a large code base); the raw baselines level off within 3 s. A shorter warm-up measured part of
 * Fairgate's climb against the raw side's plateau (docs/benchmarks.md, Session 10).
 */
export function warmupSeconds(): number {
  return positiveInt('BENCH_WARMUP_SECONDS', 8);
}

/** The p-th percentile of ascending latencies (nearest rank), NaN for none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One autocannon run: our own record of every response (latency by status), its wall time and autocannon's result. */
export interface CannonRun {
  seconds: number;
  byStatus: Map<number, number[]>;
  result: CannonResult;
  /** How long the server took afterwards to answer /health promptly again (see drain). */
  drainedMs: number;
}

/** Loads 127.0.0.1:port with `request` for `seconds`, then drains the server (drainTimeoutMs). */
export function runCannon(port: number, connections: number, seconds: number, request: CannonRequest, drainTimeoutMs: number): Promise<CannonRun> {
  return new Promise((resolve, reject) => {
    const byStatus = new Map<number, number[]>();
    const started = performance.now();
    const instance = autocannon({ url: `http://127.0.0.1:${port}`, connections, duration: seconds, timeout: 10, requests: [request] }, (error, result) => {
      if (error) return reject(error);
      const elapsed = (performance.now() - started) / 1000;
      drain(port, drainTimeoutMs).then(
        (drainedMs) => resolve({ seconds: elapsed, byStatus, result, drainedMs }),
        (drainError: unknown) => reject(drainError instanceof Error ? drainError : new Error(String(drainError))),
      );
    });
    // Our own record of each response: sub-millisecond latencies (autocannon's histogram keeps whole ms), by status.
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      const list = byStatus.get(status);
      if (list) list.push(ms);
      else byStatus.set(status, [ms]);
    });
  });
}

/**
 * autocannon drops its connections at the end of a run with requests still in flight, and the
 * server finishes them anyway: wait until it answers /health promptly so the next run starts clean.
 * Returns how long that took (ms).
 */
export async function drain(port: number, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (let quick = 0; quick < 2 && performance.now() - started < timeoutMs; ) {
    const t0 = performance.now();
    await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(timeoutMs) }).then((res) => res.arrayBuffer());
    quick = performance.now() - t0 < 25 ? quick + 1 : 0;
  }
  return performance.now() - started;
}

// ---------------------------------------------------------------- child processes

/** A node child whose output is counted and whose last 40 lines are kept (for the error when it dies). */
export interface Child {
  child: ChildProcess;
  tail: string[];
  lines: { count: number };
  exited: Promise<number | null>;
}

/**
 * Runs `node [nodeArgs] script` in cwd with env, output piped into the tail, and appended whole to
 * the file BENCH_SERVER_OUTPUT names, if set (e.g. with BENCH_SERVER_NODE_ARGS=--trace-gc).
 */
export function spawnChild(script: string, nodeArgs: string[], env: NodeJS.ProcessEnv, cwd: string): Child {
  const child = spawn(process.execPath, [...nodeArgs, script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const lines = { count: 0 };
  const copy = process.env.BENCH_SERVER_OUTPUT;
  const keep = (chunk: Buffer): void => {
    if (copy) appendFileSync(copy, chunk);
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line);
      lines.count++;
    }
    if (tail.length > 40) tail.splice(0, tail.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, tail, lines, exited };
}

/** SIGTERM, then SIGKILL after 30 s; nothing when the child has already ended. */
export async function stopChild(server: Pick<Child, 'child' | 'exited'>): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const stopped = await Promise.race([server.exited.then(() => true), sleep(30_000).then(() => false)]);
  if (!stopped) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}


export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A server child to wait for: `tail` (its last output lines), when given, is shown if it dies first. */
export interface HealthTarget {
  name: string;
  port: number;
  exited: Promise<number | null>;
  tail?: string[];
}

/** Polls GET /health until 200; fails when the child exits first or the time is up. */
export async function waitForHealth(server: HealthTarget, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${server.name} exited with code ${String(exitCode)} before it was healthy${server.tail ? `:\n${server.tail.join('\n')}` : ''}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${server.name} was not healthy within ${timeoutMs / 1000} s`);
}

/** The process's peak resident memory (VmHWM) in MiB, when it can be read. */
export function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; undefined when
 * unreadable. The server's CPU per request over a phase depends much less on a shared machine's
 * load than its requests per second (steal and cache effects aside): the figure to compare code by.
 */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name "(…)": state is field 3, utime 14 and stime 15 (in clock ticks).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds the whole machine spent busy (every process: the server, PostgreSQL, Redis, the load
 * generator; /proc/stat's user + nice + system + irq + softirq + steal), or undefined off Linux.
 * Over a phase, ÷ requests: what one request costs the machine, which on a saturated machine is
 * what the throughput follows, and which a neighbour's load moves much less than the rate.
 */
export function machineCpuSeconds(): number | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = cpu;
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every Linux the benches run on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

// ---------------------------------------------------------------- database and Redis

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** The same server's `postgres` database, to create and drop the bench database from. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** Deletes the run's BullMQ keys (`<prefix>:*`); returns how many. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** One PostgreSQL connection for `work`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and creates the bench's database; answers the server's version. Refuses a name without "bench". */
export async function recreateBenchDatabase(url: string): Promise<string> {
  const name = databaseName(url);
  // Dropped at start and end: refuse to do that to one that is not obviously a bench's.
  if (!/bench/i.test(name)) throw new Error(`refusing to drop database "${name}": its name must contain "bench"`);
  return withClient(adminUrl(url), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  });
}
