/**
 * What the HTTP benches (bench/api.ts, bench/venue.ts, bench/mail.ts) share: autocannon's types,
 * settings from the environment, percentiles, free ports, a child's health and peak memory, the
 * admin database URL and the cleanup of a run's Redis keys. Each bench keeps what is its own.
 */
import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import Redis from 'ioredis';

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

// ---------------------------------------------------------------- settings and statistics

/** A positive whole number from the environment, or the fallback when unset. */
export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number (got "${raw}")`);
  return value;
}

/** The p-th percentile of ascending latencies (nearest rank), NaN for none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------- child processes

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
