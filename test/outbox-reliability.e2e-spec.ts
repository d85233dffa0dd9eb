import { TcpProxy } from './support/tcp-proxy';
import { newExhibitorApplication, registrationPath, submittedMailParams } from './support/factories';
import { eventually, mailSettled, startTestApp, type TestApp } from './support/test-app';
import { OutboxRelay } from '../src/core/outbox/outbox-relay';

/** Nothing lost, nothing twice: the outbox keeps emails across a Redis outage and lost jobs. */
describe('outbox and relay', () => {
  let t: TestApp;
  let redisProxy: TcpProxy;

  beforeAll(async () => {
    redisProxy = new TcpProxy({ host: '127.0.0.1', port: 6379 });
    const port = await redisProxy.start();
    // Closing the app after the Redis cut has at times hung in a BullMQ worker's close (3 × 20 s of the default
    // 25 s budget: one full run's afterAll took 67 s). This file tests no shutdown; a shorter budget bounds that hang.
    t = await startTestApp({ env: { REDIS_URL: `redis://127.0.0.1:${port}`, OUTBOX_REDRIVE_AFTER_MS: '1500', SHUTDOWN_TIMEOUT_MS: '5000' } });
  });
  afterAll(async () => {
    await t?.close();
    await redisProxy?.stop();
  });

  const statusesOf = async (ids: string[]): Promise<string[]> =>
    (await t.db.pool.query(`SELECT status FROM outbox_messages WHERE params->>'applicationId' = ANY($1) ORDER BY status`, [ids])).rows.map(
      (r: { status: string }) => r.status,
    );

  it('accepts registrations while Redis is down and sends their emails once it is back', async () => {
    redisProxy.cutOff();
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        // The API never waits for Redis: a hang fails the deadline (a bound, not a timing to meet).
        const res = await t.http.post(registrationPath()).timeout({ deadline: 30_000 }).send(newExhibitorApplication()).expect(201);
        ids.push(res.body.id);
      }
      const health = await t.http.get('/health').expect(503);
      expect(health.body.redis.status).toBe('down');
      // A relay pass while Redis is down (it gives up within its own deadline) leaves every row pending.
      await t.running.app.get(OutboxRelay).relayBatch().catch(() => 0);
      expect(await statusesOf(ids)).toEqual(Array(5).fill('pending'));

      const before = t.smtp.received.length;
      redisProxy.restore();
      await t.smtp.waitFor(before + 5, 30000);
      await eventually(() => statusesOf(ids), (s) => s.every((x) => x === 'sent'), 20000);
      await mailSettled(t); // nothing left that could send a second copy
      for (const id of ids) expect(t.smtp.received.filter((m) => m.parsed.text?.includes(id))).toHaveLength(1);
      await t.http.get('/health').expect(200);
    } finally {
      redisProxy.restore();
    }
  });

  it('re-drives a row whose job was lost, and sends it exactly once', async () => {
    // A committed row that reached Redis once, but whose job vanished (Redis restarted without AOF).
    const { rows } = await t.db.pool.query(
      `INSERT INTO outbox_messages (template, recipient, locale, params, status, dispatched_at)
       VALUES ('exhibitor.application-submitted', 'lost@example.com', 'en', $1, 'dispatched', now() - interval '1 hour') RETURNING id`,
      [JSON.stringify(lostParams())],
    );
    const id = rows[0].id as string;
    const before = t.smtp.received.length;
    const mails = await t.smtp.waitFor(before + 1, 20000);
    expect(mails[before].parsed.messageId).toBe(`<ob-${id}@fairgate.local>`);
    const row = await eventually(
      async () => (await t.db.pool.query(`SELECT status, redrives FROM outbox_messages WHERE id = $1`, [id])).rows[0],
      (r) => r.status === 'sent',
    );
    expect(row.redrives).toBe(1);
  });

  it('relays a pending row once even when many relay passes race for it', async () => {
    const relay = t.running.app.get(OutboxRelay);
    const { rows } = await t.db.pool.query(
      `INSERT INTO outbox_messages (template, recipient, locale, params) VALUES ('exhibitor.application-submitted', 'race@example.com', 'en', $1) RETURNING id`,
      [JSON.stringify(lostParams())],
    );
    const relayed = await Promise.all(Array.from({ length: 8 }, () => relay.relayBatch().catch(() => 0)));
    expect(relayed.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
    const before = t.smtp.received.filter((m) => m.parsed.messageId === `<ob-${rows[0].id}@fairgate.local>`).length;
    expect(before).toBeLessThanOrEqual(1);
    await eventually(
      async () => (await t.db.pool.query(`SELECT status FROM outbox_messages WHERE id = $1`, [rows[0].id])).rows[0].status as string,
      (s) => s === 'sent',
    );
    await mailSettled(t); // nothing left that could send a second copy
    expect(t.smtp.received.filter((m) => m.parsed.messageId === `<ob-${rows[0].id}@fairgate.local>`)).toHaveLength(1);
  });
});

const lostParams = (): Record<string, unknown> => submittedMailParams('Lost Co.');
