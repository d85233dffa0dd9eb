import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { TransactionRunner } from '../src/core/database/transaction-runner';
import { BATCH_INSERT_CHUNK, MailBatchService, type MailBatchRecipient } from '../src/core/outbox/mail-batch.service';
import { Queues } from '../src/core/queue/job-catalogue';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';
import { submittedMailParams } from './support/factories';

/**
 * Bulk sends: the batch and its outbox rows in one transaction, progress to 100 %, and T6 — a
 * worker process killed mid-batch (SIGKILL) or stopped (SIGTERM), then started again.
 */

/** The built program, as the start-up test runs it (npm test builds dist/ first). */
const DIST = process.env.FAIRGATE_TEST_DIST ?? join(__dirname, '..', 'dist');
const MAIN = join(DIST, 'src', 'main.js');
const TEMPLATE = 'exhibitor.application-submitted';

const recipients = (prefix: string, count: number): MailBatchRecipient[] =>
  Array.from({ length: count }, (_, i) => ({ recipient: `${prefix}-${i}@batch.example`, locale: i % 2 ? 'en' : 'ko', params: params(i) }));

const params = (i: number): Record<string, unknown> => submittedMailParams(`Batch Co. ${i}`, i);

async function createBatch(t: TestApp, label: string, list: MailBatchRecipient[]): Promise<string> {
  const batch = await t.running.app.get(TransactionRunner).run((tx) => t.running.app.get(MailBatchService).create(tx, { template: TEMPLATE, label, recipients: list }));
  return batch.id;
}

/** Copies of each recipient's email the SMTP server accepted. */
function deliveries(t: TestApp, list: MailBatchRecipient[]): { missing: number; duplicates: number; delivered: number } {
  let missing = 0;
  let duplicates = 0;
  let delivered = 0;
  for (const r of list) {
    const n = t.smtp.perRecipient.get(r.recipient) ?? 0;
    if (n === 0) missing++;
    duplicates += Math.max(0, n - 1);
    delivered += n;
  }
  return { missing, duplicates, delivered };
}

describe('bulk sends', () => {
  let t: TestApp;
  let api: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { MAIL_RATE_PER_SECOND: '1000', MAIL_CONCURRENCY: '10' } });
    api = await bearer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`writes a batch of 10,000 in the caller's transaction with multi-row inserts (${BATCH_INSERT_CHUNK} a statement), quickly`, async () => {
    const list = recipients('bulk-insert', 10_000);
    let elapsed = 0;
    let counted = 0;
    const rollback = new Error('rolled back on purpose');
    await expect(
      t.running.app.get(TransactionRunner).run(async (tx) => {
        const started = performance.now();
        const batch = await t.running.app.get(MailBatchService).create(tx, { template: TEMPLATE, label: 'insert speed', recipients: list });
        elapsed = performance.now() - started;
        counted = Number((await tx.manager.query(`SELECT count(*) AS n FROM outbox_messages WHERE batch_id = $1`, [batch.id]))[0].n);
        throw rollback; // nothing of it is committed, so nothing is sent
      }),
    ).rejects.toBe(rollback);
    expect(counted).toBe(10_000);
    process.stdout.write(`mail-batch: 10,000 outbox rows + batch row inserted in ${elapsed.toFixed(0)} ms\n`);
    expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE recipient LIKE 'bulk-insert-%'`)).rows[0].n).toBe(0);
  });

  it('refuses a batch of an unknown template', async () => {
    await expect(
      t.running.app.get(TransactionRunner).run((tx) => t.running.app.get(MailBatchService).create(tx, { template: 'no.such-template', label: 'x', recipients: [] })),
    ).rejects.toThrow(/no mail template named no.such-template/);
  });

  it('sends a batch of 500, each recipient exactly once, and its progress reaches 100 %', async () => {
    const list = recipients('progress', 500);
    const id = await createBatch(t, 'Progress 500', list);
    const progress = async (): Promise<Record<string, any>> => (await t.http.get(`/api/organizer/mail/batches/${id}`).set('Authorization', api).expect(200)).body;
    const first = await progress();
    expect(first).toMatchObject({ id, label: 'Progress 500', template: TEMPLATE, total: 500 });
    expect(first.pending + first.dispatched + first.sent + first.failed).toBe(500);
    const seen = new Set<number>([first.percent]);
    const done = await eventually(
      async () => {
        const p = await progress();
        seen.add(p.percent);
        return p;
      },
      (p) => p.percent === 100 && p.finishedAt !== null,
      // A bound against a hang, not a timing: at load 13–18 on 2 cores 500 mails took over a minute.
      240_000,
    );
    expect(done).toMatchObject({ total: 500, sent: 500, failed: 0, pending: 0, dispatched: 0, percent: 100 });
    expect(seen.size).toBeGreaterThan(1); // it moved through intermediate values
    expect(deliveries(t, list)).toEqual({ missing: 0, duplicates: 0, delivered: 500 });

    const listed = (await t.http.get('/api/organizer/mail/batches').set('Authorization', api).expect(200)).body;
    expect(listed.items.find((b: { id: string }) => b.id === id)).toMatchObject({ percent: 100, sent: 500 });
    await t.http.get('/api/organizer/mail/batches/00000000-0000-4000-8000-000000000000').set('Authorization', api).expect(404);
    await t.http.get(`/api/organizer/mail/batches/${id}`).expect(401);
  }, 300_000);
});

interface Proc {
  child: ChildProcess;
  output: string;
  exit: Promise<number | null>;
}

describe('T6: a worker process killed or stopped in the middle of a batch of 500', () => {
  let t: TestApp;
  let queue: Queue;
  const CONCURRENCY = 5;

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
    // This process serves the API and relays the outbox; the emails are sent by worker child processes.
    t = await startTestApp({ env: { APP_ROLE: 'api' } });
    queue = new Queue(Queues.Mail, { connection: { ...t.config.redis }, prefix: t.config.queuePrefix });
    // Other suites cut Redis connections on purpose (TCP proxies); a reset here must not crash the file.
    queue.on('error', () => undefined);
  });
  afterAll(async () => {
    await queue?.close();
    await t?.close();
  });

  function startWorker(): Proc {
    const child = spawn(process.execPath, [MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        APP_ROLE: 'worker',
        DATABASE_URL: t.db.url,
        REDIS_URL: t.config.redisUrl,
        QUEUE_PREFIX: t.config.queuePrefix,
        SMTP_URL: t.config.smtpUrl ?? '',
        MIGRATE_ON_START: 'false',
        SEED_ON_START: 'false',
        LOG_LEVEL: 'warn',
        OUTBOX_POLL_MS: '100',
        MAIL_RETRY_BASE_MS: '50',
        MAIL_RATE_PER_SECOND: '100',
        MAIL_CONCURRENCY: String(CONCURRENCY),
        // A killed worker's jobs come back once their lock lapses, at the next stalled-job check: 30 s + up
        // to 30 s with BullMQ's defaults. Renewed every 5 s, a 10 s lock survives a loaded event loop.
        JOB_LOCK_DURATION_MS: '10000',
        JOB_STALLED_INTERVAL_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc: Proc = { child, output: '', exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
    // A failed spawn (or a failed kill) is an 'error' event: record it, do not crash the file.
    child.on('error', (error) => (proc.output += `\nchild process error: ${error.message}`));
    child.stdout?.on('data', (d: Buffer) => (proc.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (proc.output += d.toString()));
    return proc;
  }

  const statuses = async (batchId: string): Promise<Record<string, number>> => {
    const { rows } = await t.db.pool.query(`SELECT status, count(*)::int AS n FROM outbox_messages WHERE batch_id = $1 GROUP BY status`, [batchId]);
    return Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, r.n]));
  };
  const deliveredOf = (list: MailBatchRecipient[]): number => list.filter((r) => t.smtp.perRecipient.has(r.recipient)).length;

  it('SIGKILL after ~100 delivered, mid-send, then a new worker: every recipient gets its email; duplicates only of messages in flight at the kill (≤ concurrency), same Message-ID', async () => {
    const list = recipients('t6-kill', 500);
    t.smtp.replyDelayMs = 20; // sends are in flight when the kill lands
    const id = await createBatch(t, 'T6 SIGKILL', list);
    let worker = startWorker();
    let restarted: Proc | undefined;
    try {
      // Kill mid-send: past 100 delivered, at an instant when the SMTP server holds at least one complete
      // message whose 250 it has not sent yet — a message the worker can never record, so it must come
      // back as exactly the duplicate the docs allow (the test checks this path instead of hoping for it).
      await eventually(() => {
        if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.output}`);
        return Promise.resolve({ delivered: deliveredOf(list), awaitingReply: t.smtp.pendingReplies });
      }, (s) => s.delivered >= 100 && s.awaitingReply > 0, 240_000);
      const sendsBefore = { started: t.smtp.dataStarted, answered: t.smtp.attempts, awaitingReply: t.smtp.pendingReplies };
      worker.child.kill('SIGKILL');
      expect(await worker.exit).toBeNull();
      // The kill closed the worker's SMTP connections. Once the server has seen them all close and has
      // answered every message it had received in full, it holds what it will ever hold from that worker.
      await eventually(() => Promise.resolve({ open: t.smtp.openConnections, pending: t.smtp.pendingReplies }), (s) => s.open === 0 && s.pending === 0, 60_000);
      const atKill = deliveredOf(list);
      const rows = await statuses(id);
      // In flight at the kill: the SMTP server took the message, PostgreSQL has no "sent" for its row
      // (the worker died between the end of DATA and the commit). Only these can go out twice.
      const recorded = new Set(
        (await t.db.pool.query<{ recipient: string }>(`SELECT recipient FROM outbox_messages WHERE batch_id = $1 AND status = 'sent'`, [id])).rows.map((r) => r.recipient),
      );
      const inFlight = list.filter((r) => t.smtp.perRecipient.has(r.recipient) && !recorded.has(r.recipient)).map((r) => r.recipient);

      restarted = startWorker();
      worker = restarted;
      // Jobs of the killed worker come back once their lock expires (BullMQ's stalled-job check).
      const final = await eventually(() => statuses(id), (s) => s.sent === 500, 300_000);
      expect(final).toEqual({ sent: 500 });
      const result = deliveries(t, list);
      const duplicated = list.filter((r) => (t.smtp.perRecipient.get(r.recipient) ?? 0) > 1).map((r) => r.recipient);
      process.stdout.write(
        `T6 SIGKILL: ${atKill} recipients delivered at the kill (rows then: ${JSON.stringify(rows)}), ${inFlight.length} in flight (accepted by SMTP, not recorded); ` +
          `SMTP at the kill ${JSON.stringify(sendsBefore)}; after restart ${result.delivered} emails for 500 recipients, ${result.missing} missing, ${result.duplicates} duplicates (concurrency ${CONCURRENCY})\n`,
      );
      expect(result.missing).toBe(0);
      // The guarantee as README.md and docs/operations.md state it: a duplicate only of a message in
      // flight in the killed worker at the kill, at most one each, so at most MAIL_CONCURRENCY ...
      expect(inFlight.length).toBeLessThanOrEqual(CONCURRENCY);
      expect(duplicated.filter((r) => !inFlight.includes(r))).toEqual([]);
      expect(result.duplicates).toBe(duplicated.length);
      expect(result.duplicates).toBeLessThanOrEqual(inFlight.length);
      // A message the server held unanswered at the kill was never recorded: it did go out twice.
      expect(result.duplicates).toBeGreaterThanOrEqual(sendsBefore.awaitingReply);
      // ... and each one recognisable: it carries the same Message-ID as the first copy.
      const ids = t.smtp.received.filter((m) => m.envelopeTo.some((to) => to.startsWith('t6-kill-'))).map((m) => m.parsed.messageId);
      expect(new Set(ids).size).toBe(500);
      const batch = await eventually(
        async () => (await t.db.pool.query(`SELECT finished_at FROM mail_batches WHERE id = $1`, [id])).rows[0],
        (b) => b.finished_at !== null,
      );
      expect(batch.finished_at).not.toBeNull();
      restarted.child.kill('SIGTERM');
      expect(await restarted.exit).toBe(0);
    } finally {
      t.smtp.replyDelayMs = 0;
      worker.child.kill('SIGKILL');
    }
  }, 600_000);

  it('SIGTERM after ~100 delivered: the worker finishes its sends, exits 0, leaves no job active; a new worker sends the rest, 0 duplicates', async () => {
    const list = recipients('t6-term', 500);
    t.smtp.replyDelayMs = 20;
    const id = await createBatch(t, 'T6 SIGTERM', list);
    let worker = startWorker();
    try {
      await eventually(() => {
        if (worker.child.exitCode !== null) throw new Error(`worker exited: ${worker.output}`);
        return Promise.resolve(deliveredOf(list));
      }, (n) => n >= 100, 240_000); // hang bounds: at load 8 the first 100 took over a minute
      worker.child.kill('SIGTERM');
      expect(await worker.exit).toBe(0);
      const atStop = deliveredOf(list);
      const active = await queue.getActiveCount();
      const rows = await statuses(id);
      // Every email the SMTP server accepted was recorded before the exit: nothing in flight was cut.
      expect(rows.sent).toBe(atStop);
      // A closing BullMQ worker may already hold the next jobs it fetched along with a completion but
      // never starts them (seen under CI load: up to the concurrency). They were not sent (above), and the
      // stalled-job check hands them to the next worker — the restart below delivers them, 0 duplicates.
      expect(active).toBeLessThanOrEqual(CONCURRENCY);

      worker = startWorker();
      const final = await eventually(() => statuses(id), (s) => s.sent === 500, 300_000);
      expect(final).toEqual({ sent: 500 });
      const result = deliveries(t, list);
      process.stdout.write(
        `T6 SIGTERM: ${atStop} delivered at the stop, ${active} jobs active after exit 0; after restart ${result.delivered} emails for 500 recipients, ` +
          `${result.missing} missing, ${result.duplicates} duplicates\n`,
      );
      expect(result).toEqual({ missing: 0, duplicates: 0, delivered: 500 });
      worker.child.kill('SIGTERM');
      expect(await worker.exit).toBe(0);
    } finally {
      t.smtp.replyDelayMs = 0;
      worker.child.kill('SIGKILL');
    }
  }, 600_000);
});
