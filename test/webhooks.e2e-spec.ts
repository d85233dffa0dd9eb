/**
 * Webhooks end to end, against a receiver started here (node:http on loopback): the signed payload
 * verifies with the secret shown once at creation; 500, 500, 200 → three attempts, one delivered,
 * each logged; a receiver that is down → retries, then failed, and "send again" from the console
 * delivers; an event of a rolled-back transaction sends nothing; duplicate jobs and concurrent
 * workers → the receiver sees the delivery id once (negative control: without the conditional
 * claim it sees it several times); private addresses refused without WEBHOOK_ALLOW_PRIVATE; each
 * event type emitted by its real action. Replay: npx jest test/webhooks.e2e-spec
 */
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig } from '../src/core/config/app-config';
import { TransactionRunner } from '../src/core/database/transaction-runner';
import { Queues } from '../src/core/queue/job-catalogue';
import { WebhookDeliveryService } from '../src/core/webhooks/webhook-delivery.service';
import { webhookTestEvent } from '../src/core/webhooks/webhook-event-type';
import { WebhookEvents } from '../src/core/webhooks/webhook-events';
import { verifySignature } from '../src/core/webhooks/webhook-signature';
import { DataSource } from 'typeorm';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { listenOnLoopback } from './support/listen';
import { publishedMeetingDay, type LockedMeetings, type Participants } from './support/meetings';
import { PageClient } from './support/page-client';
import { bearer, eventually, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver that answers the queued status codes in turn (then 200) and records every request. */
class Receiver {
  readonly received: Received[] = [];
  readonly answers: number[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('error', () => undefined);
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        const status = this.answers.shift() ?? 200;
        res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? 'ok, thanks' : `boom ${status}`);
      });
    });
    server.on('error', () => undefined);
    server.on('clientError', (_e, socket) => socket.destroy());
    await listenOnLoopback(server);
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  of(deliveryId: string): Received[] {
    return this.received.filter((r) => r.headers['fairgate-delivery'] === deliveryId);
  }

  ofType(type: string): Received[] {
    return this.received.filter((r) => r.headers['fairgate-event'] === type);
  }
}

describe('webhooks', () => {
  let t: TestApp;
  let api: string;
  const receiver = new Receiver();
  const as = (method: 'get' | 'post' | 'patch' | 'delete', path: string) => t.http[method](path).set('Authorization', api);

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({
      env: {
        WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '200',
        WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '5000',
      },
    });
    api = await bearer(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  async function subscribe(body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
    const res = await as('post', '/api/organizer/webhooks').send(body).expect(201);
    expect(res.body.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    return { id: res.body.webhook.id, secret: res.body.secret };
  }

  async function settled(deliveryId: string, status: 'delivered' | 'failed'): Promise<{ status: string; attempts: number; attemptLog: Array<{ statusCode: number | null; responseExcerpt: string | null; error: string | null }> }> {
    return eventually(async () => (await as('get', `/api/organizer/webhook-deliveries/${deliveryId}`).expect(200)).body, (d) => d.status === status, 60_000);
  }

  it('signs with the secret shown once; 500, 500, 200 gives three logged attempts and one delivery', async () => {
    const { id, secret } = await subscribe({ url: receiver.url, events: ['application.submitted'], description: 'CRM' });
    // The secret is never shown again.
    const listed = await as('get', '/api/organizer/webhooks').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toContain('sealed');

    receiver.answers.push(500, 500);
    const { deliveryId } = (await as('post', `/api/organizer/webhooks/${id}/test`).expect(202)).body;
    const delivery = await settled(deliveryId, 'delivered');
    expect(delivery.attempts).toBe(3);
    expect(delivery.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 200]);
    expect(delivery.attemptLog[0].responseExcerpt).toBe('boom 500');
    expect(delivery.attemptLog[2].responseExcerpt).toBe('ok, thanks');

    const seen = receiver.of(deliveryId);
    expect(seen).toHaveLength(3);
    for (const r of seen) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['fairgate-event']).toBe('webhook.test');
      expect(verifySignature(secret, r.body, String(r.headers['fairgate-signature']), new Date())).toBe(true);
      expect(verifySignature(`${secret}x`, r.body, String(r.headers['fairgate-signature']), new Date())).toBe(false);
    }
    // The same bytes on every attempt.
    expect(new Set(seen.map((r) => r.body)).size).toBe(1);
    const payload = JSON.parse(seen[0].body);
    expect(Object.keys(payload)).toEqual(['id', 'type', 'created_at', 'scope', 'data']);

    // Rotating makes a new secret; the old one no longer verifies what comes next.
    const rotated = (await as('post', `/api/organizer/webhooks/${id}/rotate-secret`).expect(200)).body.secret as string;
    expect(rotated).not.toBe(secret);
    const next = (await as('post', `/api/organizer/webhooks/${id}/test`).expect(202)).body.deliveryId as string;
    await settled(next, 'delivered');
    const [r] = receiver.of(next);
    expect(verifySignature(rotated, r.body, String(r.headers['fairgate-signature']), new Date())).toBe(true);
    expect(verifySignature(secret, r.body, String(r.headers['fairgate-signature']), new Date())).toBe(false);
    // Every write was audited, never with the secret.
    const audit = await t.db.pool.query(`SELECT action, after::text AS after FROM audit_entries WHERE subject_id = $1 ORDER BY at`, [id]);
    expect(audit.rows.map((a: { action: string }) => a.action)).toEqual(['webhook.create', 'webhook.test', 'webhook.rotate-secret', 'webhook.test']);
    expect(JSON.stringify(audit.rows)).not.toContain(rotated);
    await as('delete', `/api/organizer/webhooks/${id}`).expect(204);
  }, 90_000);

  it('a receiver that is down: retries, then failed; "send again" from the console delivers', async () => {
    const down = new Receiver();
    await down.start();
    const deadUrl = down.url;
    await down.stop();
    const { id } = await subscribe({ url: deadUrl, events: ['attendee.registered'] });
    const { deliveryId } = (await as('post', `/api/organizer/webhooks/${id}/test`).expect(202)).body;
    const failed = await settled(deliveryId, 'failed');
    expect(failed.attempts).toBe(3);
    expect(failed.attemptLog).toHaveLength(3);
    expect(failed.attemptLog.every((a) => a.statusCode === null && /ECONNREFUSED/.test(a.error ?? ''))).toBe(true);

    // The organizer points it at the live receiver and sends it again from the console.
    await as('patch', `/api/organizer/webhooks/${id}`).send({ url: receiver.url }).expect(200);
    const page = new PageClient(t);
    await page.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
    const log = await page.get('/console/webhooks?status=failed');
    expect(log.status).toBe(200);
    expect(log.text).toContain(`delivery-${deliveryId}`);
    const resent = await page.post(`/console/webhooks/deliveries/${deliveryId}/resend`, { _csrf: page.csrf() });
    expect(resent.status).toBe(303);
    await settled(deliveryId, 'delivered');
    expect(receiver.of(deliveryId)).toHaveLength(1);
    await as('delete', `/api/organizer/webhooks/${id}`).expect(204);
  }, 120_000);

  it('an event emitted in a transaction that rolls back sends nothing', async () => {
    const { id } = await subscribe({ url: receiver.url, events: ['schedule.published'] });
    const events = t.running.app.get(WebhookEvents);
    const transactions = t.running.app.get(TransactionRunner);
    await expect(transactions.run(async (tx) => {
      await events.emitTo(tx, id, webhookTestEvent, { scope: null, data: { message: 'rolled back', subscription_id: id } });
      throw new Error('the change fails after the emit');
    })).rejects.toThrow('the change fails');
    await transactions.run((tx) => events.emitTo(tx, id, webhookTestEvent, { scope: null, data: { message: 'committed', subscription_id: id } }));
    await eventually(() => Promise.resolve(receiver.received.filter((r) => r.body.includes('"committed"')).length), (n) => n === 1);
    // The committed one went through the same relay after the rolled-back one: that one never existed.
    const rows = await t.db.pool.query(`SELECT body FROM webhook_events WHERE body LIKE '%rolled back%'`);
    expect(rows.rowCount).toBe(0);
    expect(receiver.received.filter((r) => r.body.includes('rolled back'))).toHaveLength(0);
    await as('delete', `/api/organizer/webhooks/${id}`).expect(204);
  }, 60_000);

  describe('duplicate jobs and concurrent workers', () => {
    /** A delivery handed over (dispatched) but not to the relay's queue, so only the test's calls send it. */
    async function dispatchedDelivery(subscriptionId: string, message: string): Promise<string> {
      const events = t.running.app.get(WebhookEvents);
      return t.running.app.get(TransactionRunner).run(async (tx) => {
        const [deliveryId] = await events.emitTo(tx, subscriptionId, webhookTestEvent, { scope: null, data: { message, subscription_id: subscriptionId } });
        await tx.manager.query(`UPDATE webhook_deliveries SET status = 'dispatched', claimed_at = now() WHERE id = $1`, [deliveryId]);
        return deliveryId;
      });
    }

    async function race(service: WebhookDeliveryService, deliveryId: string): Promise<void> {
      const queue = t.running.app.get<Queue>(getQueueToken(Queues.Webhooks));
      // Two duplicate jobs for the real workers, and five workers' worth of direct calls at once.
      await queue.addBulk([1, 2].map((n) => ({ name: 'webhook.deliver', data: { deliveryId }, opts: { jobId: `dup-${deliveryId}-${n}` } })));
      await Promise.all(Array.from({ length: 5 }, () => service.deliver(deliveryId)));
      await eventually(async () => (await t.db.pool.query(`SELECT status FROM webhook_deliveries WHERE id = $1`, [deliveryId])).rows[0].status, (s) => s === 'delivered');
      await eventually(async () => (await queue.getJobCounts('active', 'waiting', 'delayed')), (c) => c.active + c.waiting + c.delayed === 0);
    }

    it('the receiver sees each delivery id once', async () => {
      const { id } = await subscribe({ url: receiver.url, events: ['application.approved'] });
      const deliveryId = await dispatchedDelivery(id, 'race-guarded');
      await race(t.running.app.get(WebhookDeliveryService), deliveryId);
      expect(receiver.of(deliveryId)).toHaveLength(1);
      const attempts = await t.db.pool.query(`SELECT count(*)::int AS n FROM webhook_attempts WHERE delivery_id = $1`, [deliveryId]);
      expect(attempts.rows[0].n).toBe(1);
      await as('delete', `/api/organizer/webhooks/${id}`).expect(204);
    }, 60_000);

    it('negative control: without the conditional claim the same delivery is POSTed several times', async () => {
      const { id } = await subscribe({ url: receiver.url, events: ['application.approved'] });
      const deliveryId = await dispatchedDelivery(id, 'race-unguarded');
      const config = Object.assign(Object.create(t.config) as AppConfig, { webhookClaimGuard: false });
      const unguarded = new WebhookDeliveryService(t.running.app.get(DataSource), config);
      await race(unguarded, deliveryId);
      expect(receiver.of(deliveryId).length).toBeGreaterThan(1);
      console.log(`webhooks negative control: ${receiver.of(deliveryId).length} POSTs of one delivery without the claim (1 with it)`);
      await as('delete', `/api/organizer/webhooks/${id}`).expect(204);
    }, 60_000);
  });

  it('refuses URLs with credentials or without https, and private addresses unless allowed', async () => {
    for (const url of ['https://user:secret@crm.example.com/hooks', 'ftp://crm.example.com/hooks', 'not a url']) {
      const res = await as('post', '/api/organizer/webhooks').send({ url, events: ['application.submitted'] }).expect(400);
      expect(res.body.errors[0].field).toBe('url');
    }
    await as('post', '/api/organizer/webhooks').send({ url: receiver.url, events: ['no.such-event'] }).expect(400);

    // The same deployment without WEBHOOK_ALLOW_PRIVATE: the delivery to the loopback receiver is refused before any byte is sent.
    const { id } = await subscribe({ url: receiver.url, events: ['application.approved'] });
    const events = t.running.app.get(WebhookEvents);
    const deliveryId = await t.running.app.get(TransactionRunner).run(async (tx) => {
      const [created] = await events.emitTo(tx, id, webhookTestEvent, { scope: null, data: { message: 'private', subscription_id: id } });
      await tx.manager.query(`UPDATE webhook_deliveries SET status = 'dispatched' WHERE id = $1`, [created]);
      return created;
    });
    const strict = Object.assign(Object.create(t.config) as AppConfig, { webhookUrlRules: { allowHttp: true, allowPrivate: false }, webhookMaxAttempts: 1 });
    await expect(new WebhookDeliveryService(t.running.app.get(DataSource), strict).deliver(deliveryId)).resolves.toBe('failed');
    expect(receiver.of(deliveryId)).toHaveLength(0);
    const [attempt] = (await t.db.pool.query(`SELECT error FROM webhook_attempts WHERE delivery_id = $1`, [deliveryId])).rows;
    expect(attempt.error).toMatch(/private/);
    await as('delete', `/api/organizer/webhooks/${id}`).expect(204);
  }, 60_000);

  it('each event type is emitted by its real action, with a stable payload', async () => {
    const { id, secret } = await subscribe({
      url: receiver.url, events: ['application.submitted', 'application.approved', 'payment.recorded', 'attendee.registered', 'schedule.published'],
    });
    // Scoped to one edition: another edition's events do not reach it.
    const { id: scoped } = await subscribe({ url: receiver.url, events: ['attendee.registered'], edition: 'green-car-2027' });

    const application = (await t.http.post(registrationPath('ppuri-2027')).send(newExhibitorApplication()).expect(201)).body.id as string;
    await as('post', `/api/organizer/applications/${application}/start-review`).send({}).expect(200);
    const approved = await as('post', `/api/organizer/applications/${application}/approve`).send({ hall: 'EXH1' });
    expect({ status: approved.status, body: approved.status === 200 ? null : approved.body }).toEqual({ status: 200, body: null });
    const invoice = (await as('post', '/api/editions/ppuri-2027/invoices').send({ applicationId: application }).expect(201)).body;
    await as('post', `/api/editions/ppuri-2027/invoices/${invoice.id}/payments`)
      .send({ kind: 'payment', amountKrw: 100_000, receivedOn: '2026-12-01', payerName: '빛고을정밀', provider: 'bank', providerReference: 'WH-1' })
      .expect(201);
    await t.http.post('/api/editions/ppuri-2027/attendees').send({
      name: 'Tran Minh', email: 'minh@hanoi-ev.example', company: 'Hanoi EV Trading', country: 'vn', kind: 'buyer',
      days: ['2027-04-28'], language: 'en', consentMessages: true, consentShareContact: true,
    }).expect(201);
    const people: Participants = [
      ['hanoi', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['en'], interests: ['ev-powertrain'], tableCode: 'T01', locale: 'en' }],
      ['motor', { side: 'exhibitor', companyName: 'Gwangju Motor Co.', country: 'KR', contactName: '이준', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'], locale: 'ko' }],
    ];
    const plan: LockedMeetings = [['hanoi', 'motor', 'D2027-07-08-1000', 'T01']];
    await publishedMeetingDay(t, api, { tables: ['T01'], people, plan });

    const types = ['application.submitted', 'application.approved', 'payment.recorded', 'attendee.registered', 'schedule.published'];
    await eventually(() => Promise.resolve(types.map((type) => receiver.ofType(type).length)), (n) => n.every((c) => c >= 1), 60_000);
    const bodies = Object.fromEntries(types.map((type) => [type, JSON.parse(receiver.ofType(type)[0].body)]));
    for (const type of types) {
      const r = receiver.ofType(type)[0];
      expect(verifySignature(secret, r.body, String(r.headers['fairgate-signature']), new Date())).toBe(true);
      expect(Object.keys(bodies[type])).toEqual(['id', 'type', 'created_at', 'edition', 'data']);
      expect(bodies[type].type).toBe(type);
    }
    expect(bodies['application.submitted']).toMatchObject({ edition: 'ppuri-2027', data: { application_id: application, status: 'submitted', company_name: '빛고을정밀 주식회사' } });
    expect(bodies['application.approved']).toMatchObject({ edition: 'ppuri-2027', data: { application_id: application, status: 'approved' } });
    expect(bodies['payment.recorded']).toMatchObject({
      edition: 'ppuri-2027', data: { invoice_id: invoice.id, invoice_number: invoice.number, application_id: application, amount_krw: 100_000, method: 'bank_transfer', received_on: '2026-12-01' },
    });
    expect(bodies['attendee.registered']).toMatchObject({ edition: 'ppuri-2027', data: { email: 'minh@hanoi-ev.example', kind: 'buyer', days: ['2027-04-28'] } });
    expect(bodies['schedule.published']).toMatchObject({ edition: 'green-car-2027', data: { newly_published: 1, meetings_published: 1 } });
    // No secrets in any payload: no badge code, token or password field.
    expect(JSON.stringify(bodies)).not.toMatch(/badge|token|password|secret/i);
    // The edition-scoped subscription got nothing from ppuri-2027.
    const scopedDeliveries = await as('get', `/api/organizer/webhook-deliveries?subscription=${scoped}`).expect(200);
    expect(scopedDeliveries.body.total).toBe(0);
    await as('delete', `/api/organizer/webhooks/${id}`).expect(204);
    await as('delete', `/api/organizer/webhooks/${scoped}`).expect(204);
  }, 180_000);
});
