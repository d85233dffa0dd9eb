/**
 * Loaded into a server under a bench (`--require`), records where its requests' time went and writes a
 * summary when the server is stopped:
 *
 *   BENCH_SERVER_NODE_ARGS="--require ./dist/bench/tools/request-timeline.js" REQUEST_TIMELINE_OUT=/tmp/t.txt \
 *     BENCH_CONNECTIONS=32 node dist/bench/api.js
 *
 * - each request's time in the server, from node's `request` event to the response's `finish`;
 * - each wait for a pg pool connection; every statement sent, by its text (or prepared statement name);
 * - the event loop's delay (`monitorEventLoopDelay`) and every garbage collection;
 * - per time bucket (REQUEST_TIMELINE_BUCKET_MS, 500): requests finished, how many took over
 *   REQUEST_TIMELINE_SLOW_MS (60), the GC time, and the statements other than the most frequent one —
 *   how a burst of slow requests lines up with what the server did then (docs/benchmarks.md, Session 10).
 * A diagnostic: it patches `http.Server#emit`, `pg.Pool#connect` and `pg.Client#query` of the server it is loaded into.
 */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { percentile } from '../lib/harness';

const OUT = process.env.REQUEST_TIMELINE_OUT ?? '/tmp/request-timeline.txt';
const BUCKET_MS = Number(process.env.REQUEST_TIMELINE_BUCKET_MS ?? 500);
const SLOW_MS = Number(process.env.REQUEST_TIMELINE_SLOW_MS ?? 60);

const requests: Array<{ at: number; ms: number }> = [];
const poolWaits: number[] = [];
const statements: Array<{ at: number; text: string }> = [];
const collections: Array<{ at: number; ms: number }> = [];
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();

type Emit = (this: http.Server, event: string, ...args: unknown[]) => boolean;
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the server as `this`
const emit = http.Server.prototype.emit as Emit;
http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]): boolean {
  if (event === 'request') {
    const started = performance.now();
    (args[1] as http.ServerResponse).on('finish', () => requests.push({ at: started, ms: performance.now() - started }));
  }
  return emit.call(this, event, ...args);
} as typeof http.Server.prototype.emit;

type Callback = (...args: unknown[]) => void;
interface PgModule {
  Pool: { prototype: { connect: (callback?: Callback) => unknown } };
  Client: { prototype: { query: (...args: unknown[]) => unknown } };
}
// The server's own pg (resolved from its working directory, as the server resolves it).
const pg = require(require.resolve('pg', { paths: [process.cwd()] })) as PgModule; // eslint-disable-line @typescript-eslint/no-require-imports
const connect = pg.Pool.prototype.connect;
pg.Pool.prototype.connect = function (this: unknown, callback?: Callback): unknown {
  const asked = performance.now();
  if (typeof callback === 'function') {
    return connect.call(this, (...args: unknown[]) => {
      poolWaits.push(performance.now() - asked);
      callback(...args);
    });
  }
  return (connect.call(this) as Promise<unknown>).then((client) => {
    poolWaits.push(performance.now() - asked);
    return client;
  });
};
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]): unknown {
  const q = args[0] as string | { name?: string; text?: string } | undefined;
  const text = typeof q === 'string' ? q : q?.name ? `prepared ${q.name}` : (q?.text ?? '');
  statements.push({ at: performance.now(), text: text.replace(/\s+/g, ' ').slice(0, 60) });
  return query.apply(this, args);
};

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collections.push({ at: entry.startTime, ms: entry.duration });
}).observe({ entryTypes: ['gc'] });

/** A percentile of unsorted values in ms, for the summary. */
function ms(values: number[], p: number): string {
  return values.length === 0 ? '–' : percentile([...values].sort((a, b) => a - b), p).toFixed(1);
}

function summary(): string {
  const times = requests.map((r) => r.ms);
  const counts = new Map<string, number>();
  for (const s of statements) counts.set(s.text, (counts.get(s.text) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1]);
  const commonest = byCount[0]?.[0];
  const lines = [
    `requests ${times.length}: in the server p50 ${ms(times, 50)} p90 ${ms(times, 90)} p99 ${ms(times, 99)} max ${ms(times, 100)} ms`,
    `pool waits ${poolWaits.length}: p50 ${ms(poolWaits, 50)} p90 ${ms(poolWaits, 90)} p99 ${ms(poolWaits, 99)} max ${ms(poolWaits, 100)} ms`,
    `event loop delay: p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} p90 ${(loopDelay.percentile(90) / 1e6).toFixed(1)} p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} max ${(loopDelay.max / 1e6).toFixed(1)} ms`,
    `garbage collections ${collections.length}: ${collections.reduce((sum, c) => sum + c.ms, 0).toFixed(0)} ms in all, longest ${Math.max(0, ...collections.map((c) => c.ms)).toFixed(1)} ms`,
    'statements by text:',
    ...byCount.slice(0, 15).map(([text, n]) => `  ${String(n).padStart(7)}  ${text}`),
    '',
    `per ${BUCKET_MS} ms from the first request: finished, over ${SLOW_MS} ms, GC ms, statements other than the commonest`,
  ];
  const first = requests[0]?.at ?? 0;
  const buckets = new Map<number, { done: number; slow: number; gc: number; other: Map<string, number> }>();
  const bucket = (at: number) => {
    const k = Math.floor((at - first) / BUCKET_MS);
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = { done: 0, slow: 0, gc: 0, other: new Map() }));
    return b;
  };
  for (const r of requests) {
    const b = bucket(r.at + r.ms);
    b.done++;
    if (r.ms > SLOW_MS) b.slow++;
  }
  for (const c of collections) if (c.at >= first) bucket(c.at).gc += c.ms;
  for (const s of statements) {
    if (s.at < first || s.text === commonest) continue;
    const { other } = bucket(s.at);
    other.set(s.text, (other.get(s.text) ?? 0) + 1);
  }
  for (const k of [...buckets.keys()].sort((a, b) => a - b)) {
    const b = buckets.get(k)!;
    const other = [...b.other].map(([text, n]) => `${n}× ${text.slice(0, 30)}`).join('; ');
    lines.push(`${((k * BUCKET_MS) / 1000).toFixed(2).padStart(7)} s  ${String(b.done).padStart(5)}  ${String(b.slow).padStart(4)}  ${b.gc.toFixed(0).padStart(4)}  ${other}`);
  }
  return `${lines.join('\n')}\n`;
}

const write = (): void => writeFileSync(OUT, summary());
process.on('SIGTERM', write); // the benches stop their servers with SIGTERM; the server's own handler still runs
process.on('exit', write);
