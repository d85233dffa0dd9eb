/**
 * npm run bench:mail — 10,000 itinerary-like emails (HTML + text + a METHOD:REQUEST .ics) through
 * Fairgate's pipeline vs raw nodemailer, to the same local SMTP server in the same run.
 *
 *   raw        this process renders the 10,000 messages first (not timed), then sends them with one
 *              nodemailer transport, `pool: true`, BENCH_CONCURRENCY connections: the ceiling (the
 *              issue's baseline, composed by nodemailer; printed again composed by the pipeline's own
 *              composeMimeMessage, the same work as the pipeline's send without outbox, queue or lock).
 *   pipeline   Fairgate (node dist/src/main.js, APP_ROLE=all) in a child process; this process
 *              commits one bulk send (mail_batches + 10,000 outbox_messages rows, the same multi-row
 *              INSERT as MailBatchService) and times from the commit until the SMTP server has
 *              accepted all 10,000 and every row is `sent`: relay → BullMQ → mail worker (row lock,
 *              render, send, mark sent) → nodemailer → server.
 * The SMTP server is a third process (bench/lib/smtp-sink-child) that accepts, reads and counts.
 * Peak RSS of the app process is its VmHWM from /proc at the end. Prints figures, never fails on a
 * missed target (exit 1 only when the bench itself breaks).
 *
 * Each side first sends BENCH_WARMUP_MESSAGES (3000) other itineraries, not measured.
 *
 * Environment: BENCH_MESSAGES (10000), BENCH_WARMUP_MESSAGES (3000), BENCH_WORKER_CONCURRENCY (the app's MAIL_CONCURRENCY; default
 * BENCH_CONCURRENCY), BENCH_CONCURRENCY (5: MAIL_SMTP_CONNECTIONS of the app and the raw
 * pool's maxConnections), BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_SERVER_NODE_ARGS.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import { addressOfSender } from '../src/core/mail/email-address';
import { composeMimeMessage } from '../src/core/mail/mime-message';
import { agendaMail, type AgendaMailParams } from '../src/modules/meetings/mail/agenda.mail';
import { cpuSeconds, freePort, machineCpuSeconds, peakRssMiB, positiveInt, runtimeLine } from './lib/harness';
import { insertBulkSend, itinerary, startSink, waitFor, type SinkHandle } from './lib/mail-load';

const MAIN_JS = path.resolve(__dirname, '..', 'src', 'main.js');
const MESSAGES = positiveInt('BENCH_MESSAGES', 10_000);
/**
 * Messages each side sends before its measured run (BENCH_WARMUP_MESSAGES): a fresh app climbs for
 * seconds before its rate levels off (V8 optimising a large code base), as bench:api and bench:venue
 * showed; without this the pipeline was measured partly cold against a raw loop that warms up at once.
 */
const WARMUP_MESSAGES = positiveInt('BENCH_WARMUP_MESSAGES', 3000);
const CONCURRENCY = positiveInt('BENCH_CONCURRENCY', 5);
/** The app's mail jobs in flight (MAIL_CONCURRENCY); its SMTP connections stay BENCH_CONCURRENCY, as raw's. */
const WORKER_CONCURRENCY = positiveInt('BENCH_WORKER_CONCURRENCY', CONCURRENCY);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fairgate_bench_mail';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const QUEUE_PREFIX = `fairgate-bench-mail-${process.pid}`;
const FROM = 'Fairgate <no-reply@fairgate.bench>';
const TARGET_RATIO = 0.7;

async function recreateDatabase(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const name = url.pathname.slice(1);
  if (!name.includes('bench')) throw new Error(`BENCH_DATABASE_URL must name a database whose name contains "bench" (got ${name})`);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

async function deleteQueueKeys(): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------- phases

interface PhaseResult {
  seconds: number;
  perSecond: number;
  bytes: number;
  /** CPU ms per message of the sending process (raw: this one; pipeline: the app) and of the whole machine. */
  cpuMs: number;
  machineCpuMs: number;
}

/** CPU ms per message over a phase, from the readings at its start and end. */
const perMessage = (start: number | undefined, end: number | undefined, messages: number): number => (start === undefined || end === undefined ? NaN : ((end - start) * 1000) / messages);

/**
 * The ceiling: this process sends the pre-rendered messages itself. `nodemailer` composes each with
 * nodemailer's composer (the baseline); `fairgate` composes each with Fairgate's
 * composeMimeMessage, which the pipeline uses, and hands nodemailer the bytes (the same work as the
 * pipeline's send, without the outbox, the queue and the row lock). Composing is timed in both.
 */
async function rawPhase(sink: SinkHandle, warm: AgendaMailParams[], list: AgendaMailParams[], composer: 'nodemailer' | 'fairgate'): Promise<PhaseResult> {
  const render = (messages: AgendaMailParams[], first: number): RawMessage[] =>
    messages.map((p, i) => ({ to: p.participantEmail, messageId: `<raw-${first + i}@fairgate.bench>`, ...agendaMail.render(p, (first + i) % 2 ? 'en' : 'ko', { publicUrl: 'http://localhost' }) }));
  const warmRendered = render(warm, list.length);
  const rendered = render(list, 0);
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, pool: true, maxConnections: CONCURRENCY, maxMessages: 100, ignoreTLS: true });
  const envelopeFrom = addressOfSender(FROM);
  const sendAll = async (messages: RawMessage[]): Promise<void> => {
    // nodemailer's pool queues what its connections cannot take yet; keep a bounded number in flight.
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < messages.length) {
        const m = messages[next++];
        if (composer === 'fairgate') {
          await transport.sendMail({ envelope: { from: envelopeFrom, to: [m.to] }, raw: composeMimeMessage({ from: FROM, ...m }) });
          continue;
        }
        await transport.sendMail({
          from: FROM, to: m.to, subject: m.subject, html: m.html, text: m.text, messageId: m.messageId, disableFileAccess: true, disableUrlAccess: true,
          attachments: m.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
        });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY * 2 }, lane));
  };
  await sendAll(warmRendered);
  await sink.ask('reset');
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const machineAtStart = machineCpuSeconds();
  await sendAll(rendered);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const machineCpuMs = perMessage(machineAtStart, machineCpuSeconds(), rendered.length);
  transport.close();
  const { count, bytes } = await sink.ask('count');
  if (count !== rendered.length) throw new Error(`raw: the server counted ${count} of ${rendered.length}`);
  return { seconds, perSecond: rendered.length / seconds, bytes, cpuMs: (cpu.user + cpu.system) / 1000 / rendered.length, machineCpuMs };
}

type RawMessage = ReturnType<typeof agendaMail.render> & { to: string; messageId: string };

async function pipelinePhase(sink: SinkHandle, warm: AgendaMailParams[], list: AgendaMailParams[]): Promise<PhaseResult & { peakRssMiB: number; relaySeconds: number }> {
  await recreateDatabase();
  const port = await freePort();
  const app = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), MAIN_JS], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL,
      REDIS_URL,
      QUEUE_PREFIX,
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      MAIL_FROM: FROM,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      APP_ROLE: 'all',
      MAIL_RATE_PER_SECOND: '100000',
      MAIL_CONCURRENCY: String(WORKER_CONCURRENCY),
      MAIL_SMTP_CONNECTIONS: String(CONCURRENCY),
      OUTBOX_POLL_MS: '200',
      // A real secret keeps the development-secret warning out of the output.
      APP_SECRET: randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => app.on('exit', resolve));
  const db = new Client({ connectionString: DATABASE_URL });
  try {
    await waitFor(() => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0), (s) => s === 200, 60_000, 'app health', 200);
    await db.connect();
    const sentRows = async (): Promise<number> => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_messages WHERE status = 'sent'`)).rows[0].n);
    // The warm-up: a bulk send of its own, all of it sent before the measured one is committed.
    await sink.ask('reset');
    await insertBulkSend(db, warm);
    await waitFor(sentRows, (n) => n === warm.length, 600_000, 'the warm-up sent', 50);
    await sink.ask('reset');
    await insertBulkSend(db, list);
    const started = performance.now();
    const appCpuAtStart = cpuSeconds(app.pid);
    const machineAtStart = machineCpuSeconds();
    const relayed = waitFor(
      async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_messages WHERE status = 'pending'`)).rows[0].n),
      (n) => n === 0, 600_000, 'all rows relayed', 50,
    ).then(() => (performance.now() - started) / 1000);
    await waitFor(() => sink.ask('count'), (c) => c.count >= list.length, 600_000, 'all emails accepted', 20);
    await waitFor(sentRows, (n) => n === warm.length + list.length, 60_000, 'all rows sent', 10);
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = perMessage(appCpuAtStart, cpuSeconds(app.pid), list.length);
    const machineCpuMs = perMessage(machineAtStart, machineCpuSeconds(), list.length);
    const relaySeconds = await relayed;
    const { count, bytes } = await sink.ask('count');
    if (count !== list.length) throw new Error(`pipeline: the server counted ${count} of ${list.length} (duplicates?)`);
    const peak = peakRssMiB(app.pid) ?? NaN;
    return { seconds, perSecond: list.length / seconds, bytes, cpuMs, machineCpuMs, peakRssMiB: peak, relaySeconds };
  } finally {
    await db.end().catch(() => undefined);
    app.kill('SIGTERM');
    await exited;
    await deleteQueueKeys();
  }
}

async function main(): Promise<void> {
  const list = Array.from({ length: MESSAGES }, (_, i) => itinerary(i));
  const warm = Array.from({ length: WARMUP_MESSAGES }, (_, i) => itinerary(MESSAGES + i));
  const sample = agendaMail.render(list[0], 'en', { publicUrl: 'http://localhost' });
  const ics = sample.attachments?.[0];
  if (!ics || !ics.content.includes('METHOD:REQUEST') || !ics.contentType.includes('method=REQUEST')) throw new Error('the sample itinerary has no REQUEST invitation');
  const sink = await startSink();
  try {
    process.stdout.write(`mail bench: ${MESSAGES} messages after ${WARMUP_MESSAGES} not measured (each side), concurrency ${CONCURRENCY} (SMTP connections of both sides; app mail jobs in flight ${WORKER_CONCURRENCY}), ${os.cpus().length} CPUs, ${runtimeLine(path.resolve(__dirname, '..', '..'))}\n`);
    const raw = await rawPhase(sink, warm, list, 'nodemailer');
    process.stdout.write(`raw nodemailer (pool: true, ${CONCURRENCY} connections): ${raw.seconds.toFixed(2)} s, ${raw.perSecond.toFixed(0)} msg/s, ${(raw.bytes / raw.seconds / 1e6).toFixed(1)} MB/s, ${(raw.bytes / MESSAGES / 1024).toFixed(1)} KiB/message\n`);
    const pipe = await pipelinePhase(sink, warm, list);
    process.stdout.write(
      `pipeline (outbox → relay → BullMQ → worker → nodemailer): ${pipe.seconds.toFixed(2)} s, ${pipe.perSecond.toFixed(0)} msg/s ` +
        `(all rows relayed after ${pipe.relaySeconds.toFixed(2)} s), app peak RSS ${pipe.peakRssMiB.toFixed(0)} MiB, ${(pipe.bytes / MESSAGES / 1024).toFixed(1)} KiB/message\n`,
    );
    const same = await rawPhase(sink, warm, list, 'fairgate');
    process.stdout.write(`raw nodemailer sending what composeMimeMessage wrote (the pipeline's composer): ${same.seconds.toFixed(2)} s, ${same.perSecond.toFixed(0)} msg/s\n`);
    const cpu = (r: PhaseResult): string => `${r.cpuMs.toFixed(2)} / ${r.machineCpuMs.toFixed(2)}`;
    process.stdout.write(`CPU ms per message (sender / whole machine): raw ${cpu(raw)}, pipeline ${cpu(pipe)} (the app), raw with the pipeline's composer ${cpu(same)}\n`);
    const ratio = pipe.perSecond / raw.perSecond;
    process.stdout.write(`ratio pipeline/raw: ${(ratio * 100).toFixed(1)} % (target ≥ ${TARGET_RATIO * 100} %: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})\n`);
    process.stdout.write(`ratio pipeline/raw with the pipeline's composer: ${((pipe.perSecond / same.perSecond) * 100).toFixed(1)} % (what the outbox, the queue and the row lock cost)\n`);
  } finally {
    sink.child.send('stop');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

