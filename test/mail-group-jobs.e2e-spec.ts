import { Queue } from 'bullmq';
import type { AppConfig } from '../src/core/config/app-config';
import { GroupRetryError, MailDeliveryService, type RateGate } from '../src/core/mail/mail-delivery.service';
import { MailRateGate } from '../src/core/mail/mail-rate-gate';
import { Queues } from '../src/core/queue/job-catalogue';
import { eventually, startTestApp, type TestApp } from './support/test-app';
import { submittedMailParams } from './support/factories';

/**
 * Group jobs (`mail.send-group`, one job per up to MAIL_GROUP_SIZE rows of a bulk send): a group
 * that dies half-way and is retried sends every row exactly once; per-row failures mark only their
 * row. The app runs as an API process (no mail worker), so the rows below — written as already
 * dispatched — are sent only by the calls the tests make, against the real SMTP server of the test.
 */
const TEMPLATE = 'exhibitor.application-submitted';

const params = (i: number): Record<string, unknown> => submittedMailParams(`Group Co. ${i}`, i);

/** Unlimited rate budget. */
const open: RateGate = (want) => Promise.resolve(want);

describe('mail group jobs', () => {
  let t: TestApp;
  let delivery: MailDeliveryService;

  beforeAll(async () => {
    t = await startTestApp({ env: { APP_ROLE: 'api' } });
    delivery = t.running.app.get(MailDeliveryService);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A bulk send's rows as the relay leaves them (dispatched): ids in the group's order. */
  async function dispatchedRows(prefix: string, count: number, override: (i: number) => { template?: string; recipient?: string } = () => ({})): Promise<{ ids: string[]; recipients: string[] }> {
    const batch = (await t.db.pool.query<{ id: string }>(`INSERT INTO mail_batches (template, label, total) VALUES ($1, $2, $3) RETURNING id`, [TEMPLATE, prefix, count])).rows[0].id;
    const recipients = Array.from({ length: count }, (_, i) => override(i).recipient ?? `${prefix}-${i}@group.example`);
    const { rows } = await t.db.pool.query<{ id: string }>(
      `INSERT INTO outbox_messages (template, recipient, locale, params, batch_id, status, dispatched_at)
       SELECT r.template, r.recipient, 'en', r.params, $1, 'dispatched', now() FROM unnest($2::text[], $3::text[], $4::jsonb[]) AS r(template, recipient, params)
       RETURNING id`,
      [batch, recipients.map((_, i) => override(i).template ?? TEMPLATE), recipients, recipients.map((_, i) => JSON.stringify(params(i)))],
    );
    return { ids: rows.map((r) => r.id).sort(), recipients };
  }

  const copies = (recipients: string[]): number[] => recipients.map((r) => t.smtp.perRecipient.get(r.toLowerCase()) ?? 0);
  const statusOf = async (ids: string[]): Promise<Record<string, number>> => {
    const { rows } = await t.db.pool.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM outbox_messages WHERE id = ANY($1::uuid[]) GROUP BY status`, [ids]);
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  };

  it('a group job that dies half-way, then is retried: every row sent exactly once, none lost (negative control: a lost "sent" record does send twice)', async () => {
    const { ids, recipients } = await dispatchedRows('crash', 20);
    // The job dies (its worker crashed, its Redis lock lapsed) when asking for the 9th send.
    let asked = 0;
    const dying: RateGate = () => (++asked >= 8 ? Promise.reject(new Error('worker died')) : Promise.resolve(1));
    await expect(delivery.deliverGroup(ids, false, dying)).rejects.toThrow('worker died');
    expect(await statusOf(ids)).toEqual({ sent: 8, dispatched: 12 });
    expect(copies(recipients).filter((n) => n === 1)).toHaveLength(8);

    // BullMQ hands the stalled job to another worker: the same group again.
    await expect(delivery.deliverGroup(ids, false, open)).resolves.toEqual({ sent: 12, skipped: 8, failed: 0 });
    expect(await statusOf(ids)).toEqual({ sent: 20 });
    expect(copies(recipients)).toEqual(recipients.map(() => 1));
    // And once more (a duplicate job of the same rows): nothing goes out.
    await expect(delivery.deliverGroup(ids, false, open)).resolves.toEqual({ sent: 0, skipped: 20, failed: 0 });
    expect(copies(recipients)).toEqual(recipients.map(() => 1));

    // Negative control: what keeps a row from going out twice is its recorded "sent". Forget it for
    // three rows (as if their commit had been lost) and the same group sends exactly those three again.
    await t.db.pool.query(`UPDATE outbox_messages SET status = 'dispatched' WHERE id = ANY($1::uuid[])`, [ids.slice(0, 3)]);
    await expect(delivery.deliverGroup(ids, false, open)).resolves.toEqual({ sent: 3, skipped: 17, failed: 0 });
    expect(copies(recipients).filter((n) => n === 2)).toHaveLength(3);
  });

  it('two jobs carrying the same rows at once (a regrouped relay pass): each row once, under its row lock', async () => {
    const { ids, recipients } = await dispatchedRows('twin', 30);
    t.smtp.replyDelayMs = 5; // both jobs are mid-send together
    try {
      const [a, b] = await Promise.all([delivery.deliverGroup(ids, false, open), delivery.deliverGroup([...ids].reverse(), false, open)]);
      expect(a.sent + b.sent).toBe(30);
      expect(a.skipped + b.skipped).toBe(30);
    } finally {
      t.smtp.replyDelayMs = 0;
    }
    expect(copies(recipients)).toEqual(recipients.map(() => 1));
    expect(await statusOf(ids)).toEqual({ sent: 30 });
  });

  it('per-row failures mark only their row: a template that cannot render, an address refused, a 4xx retried by the job', async () => {
    const { ids, recipients } = await dispatchedRows('rowfail', 6, (i) => (i === 1 ? { template: 'no.such-template' } : i === 2 ? { recipient: 'a@b.example, c@d.example' } : {}));
    const row = async (recipient: string): Promise<{ status: string; attempts: number; last_error: string | null }> =>
      (await t.db.pool.query(`SELECT status, attempts, last_error FROM outbox_messages WHERE recipient = $1`, [recipient])).rows[0];
    // The first DATA of this group is answered 451: the ids are sorted, so find whose it will be by sending order.
    t.smtp.replyWith({ code: 451, message: 'Try again later' });
    const before = t.smtp.attempts;
    await expect(delivery.deliverGroup(ids, false, open)).rejects.toBeInstanceOf(GroupRetryError);
    expect(await row(recipients[1])).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/no mail template named no\.such-template/) });
    expect(await row(recipients[2])).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/not a deliverable address/) });
    const after = await statusOf(ids);
    expect(after).toEqual({ failed: 2, sent: 3, dispatched: 1 });
    const waiting = (await t.db.pool.query<{ recipient: string; attempts: number; last_error: string }>(`SELECT recipient, attempts, last_error FROM outbox_messages WHERE id = ANY($1::uuid[]) AND status = 'dispatched'`, [ids])).rows[0];
    expect(waiting).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/SMTP 451/) });
    expect(t.smtp.attempts - before).toBe(4); // the 451 and three accepted: the two failed rows never reached the server

    // The job's retry sends the one left, and only it.
    await expect(delivery.deliverGroup(ids, false, open)).resolves.toEqual({ sent: 1, skipped: 5, failed: 0 });
    expect(await row(waiting.recipient)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(copies([0, 3, 4, 5].map((i) => recipients[i]))).toEqual([1, 1, 1, 1]);
  });

  it('the rate budget counts emails, not jobs: a group takes its sends from the BullMQ limiter counter', async () => {
    const queue = new Queue(Queues.Mail, { connection: { ...t.config.redis }, prefix: `${t.config.queuePrefix}-gate` });
    queue.on('error', () => undefined);
    try {
      const gate = new MailRateGate(queue, { mailRatePerSecond: 10 } as AppConfig);
      expect(await gate.take(25)).toBe(10);
      const client = await queue.getBackend().client;
      expect(await client.get(queue.keys.limiter)).toBe('10');
      // Spent: the next take waits for the window to renew, then gets what it asked for.
      expect(await gate.take(4)).toBe(4);
      expect(await client.get(queue.keys.limiter)).toBe('4');
    } finally {
      const client = await queue.getBackend().client;
      await client.del(queue.keys.limiter);
      await queue.close();
    }
  });

  it('relays a bulk send as group jobs that a worker sends, each recipient once', async () => {
    const worker = await startTestApp({ env: { APP_ROLE: 'worker', QUEUE_PREFIX: t.config.queuePrefix, MAIL_RATE_PER_SECOND: '1000' }, database: t.db });
    try {
      const batch = (await t.db.pool.query<{ id: string }>(`INSERT INTO mail_batches (template, label, total) VALUES ($1, 'relayed', 60) RETURNING id`, [TEMPLATE])).rows[0].id;
      const recipients = Array.from({ length: 60 }, (_, i) => `relayed-${i}@group.example`);
      await t.db.pool.query(
        `INSERT INTO outbox_messages (template, recipient, locale, params, batch_id) SELECT $1, r, 'ko', $3::jsonb, $2 FROM unnest($4::text[]) AS r`,
        [TEMPLATE, batch, JSON.stringify(params(1)), recipients],
      );
      const queue = new Queue(Queues.Mail, { connection: { ...t.config.redis }, prefix: t.config.queuePrefix });
      queue.on('error', () => undefined);
      try {
        const final = await eventually(async () => (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE batch_id = $1 AND status = 'sent'`, [batch])).rows[0].n, (n) => n === 60, 60_000);
        expect(final).toBe(60);
        const jobs = await queue.getJobs(['completed'], 0, 1000);
        const groups = jobs.filter((j) => j.name === 'mail.send-group');
        expect(groups.length).toBeGreaterThanOrEqual(3); // 60 rows, at most MAIL_GROUP_SIZE a job
        expect(groups.flatMap((j) => (j.data as { outboxIds: string[] }).outboxIds)).toHaveLength(60);
      } finally {
        await queue.close();
      }
      // The worker process sends to its own SMTP server.
      expect(recipients.map((r) => worker.smtp.perRecipient.get(r) ?? 0)).toEqual(recipients.map(() => 1));
    } finally {
      await worker.close();
    }
  });
});
