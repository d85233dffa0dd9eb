import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Queues } from '../src/core/queue/job-catalogue';
import { JobSchedulers } from '../src/core/queue/job-schedulers';
import { mailTo } from './support/exhibitors';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 12, item 2: periodic jobs must survive Redis losing its data. The schedulers of
 * `itinerary.sweep` and `venue.hold-sweep` were upserted once at start-up; after Redis came back
 * empty nothing swept until the app restarted, and /health said ok. Here a private redis-server
 * (no persistence) is SIGKILLed under the running app and started again, empty, on the same port.
 */

async function freePort(): Promise<number> {
  const server = createServer();
  server.on('error', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** A redis-server of this test alone, without persistence: killed, it comes back empty. */
class EphemeralRedis {
  private child?: ChildProcess;
  private log = '';

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--daemonize', 'no'];
    const child = spawn('redis-server', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    child.on('error', (error) => (this.log += `\nspawn error: ${error.message}`));
    child.stdout?.on('data', (d: Buffer) => (this.log = (this.log + d.toString()).slice(-4000)));
    child.stderr?.on('data', (d: Buffer) => (this.log = (this.log + d.toString()).slice(-4000)));
    child.stdout?.on('error', () => undefined);
    child.stderr?.on('error', () => undefined);
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${this.log}`);
        return this.command((r) => r.ping()).catch(() => 'down');
      },
      (reply) => reply === 'PONG',
      15_000,
    );
  }

  /** SIGKILL to its process group; resolves once it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
    await exited;
  }

  /** One command on a connection of its own (error handler attached, closed afterwards). */
  async command<T>(run: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = new Redis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      return await run(redis);
    } finally {
      redis.disconnect();
    }
  }
}

const EDITION = 'ppuri-2027';
const ALL_PRESENT = { 'attendees/itinerary.sweep': 1, 'venue/venue.hold-sweep': 1 };

describe('repeatable jobs after Redis loses its data (issue 12, item 2)', () => {
  let redis: EphemeralRedis;
  let t: TestApp | undefined;
  let token: string;
  let sessions: string[];
  const email = `schedulers-${process.pid}@visitor.example`;
  const itineraries = (): number => t!.smtp.received.filter((m) => m.envelopeTo.includes(email) && /itinerary/i.test(m.parsed.subject ?? '')).length;
  const health = async (): Promise<{ status: number; body: Record<string, { status?: string; details?: Record<string, number>; error?: string } | string> }> => {
    const res = await t!.http.get('/health').timeout({ deadline: 10_000 });
    return { status: res.status, body: res.body as never };
  };

  beforeAll(async () => {
    redis = new EphemeralRedis(await freePort());
    await redis.start();
    t = await startTestApp({ env: { REDIS_URL: redis.url, ITINERARY_DEBOUNCE_SECONDS: '1' } });
    const organizer = await bearer(t);
    sessions = [];
    for (const [title, start] of [['Hydrogen valves', '2027-04-28T11:00:00+09:00'], ['Battery casings', '2027-04-29T11:00:00+09:00']]) {
      const res = await t.http.post(`/api/editions/${EDITION}/conference-sessions`).set('Authorization', organizer)
        .send({ titleKo: title, titleEn: title, speakers: ['Dr. Choi'], room: 'R201', startsAt: start, endsAt: start.replace('T11', 'T12'), capacity: 50 }).expect(201);
      sessions.push(res.body.id as string);
    }
    await t.http.post(`/api/editions/${EDITION}/attendees`).send({
      name: 'Jin Seo', email, country: 'KR', kind: 'trade_visitor', days: ['2027-04-28', '2027-04-29'], language: 'en', consentMessages: true, consentShareContact: false,
    }).expect(201);
    token = /\/attendee\/([A-Za-z0-9_-]{43})/.exec((await mailTo(t, email, /registration/i)).parsed.text ?? '')![1];
    // The sweeper works before the outage: confirming sends the first itinerary.
    await t.http.post(`/api/attendee-access/${token}/confirm`).expect(200);
    await eventually(() => Promise.resolve(itineraries()), (n) => n === 1, 30_000);
  });
  afterAll(async () => {
    // Workers close cleanly only against a live Redis.
    if (redis && !redis.running) await redis.start().catch(() => undefined);
    await t?.close();
    await redis?.kill();
  });

  it('re-creates the sweepers after Redis restarts empty: a change is emailed without restarting Fairgate, and /health recovers', async () => {
    const app = t!;
    const before = await health();
    expect(before).toMatchObject({ status: 200, body: { status: 'ok', schedulers: { status: 'up', details: ALL_PRESENT } } });

    await redis.kill();
    await redis.start(); // same port, nothing persisted: every key is gone
    const keysAfterRestart = await redis.command((r) => r.dbsize());

    const sent = itineraries();
    const picked = Date.now();
    await app.http.post(`/api/attendee-access/${token}/sessions/${sessions[0]}`).expect(200);
    await eventually(() => Promise.resolve(itineraries()), (n) => n > sent, 45_000);
    const emailedAfterMs = Date.now() - picked;
    const mail = app.smtp.received.filter((m) => m.envelopeTo.includes(email) && /itinerary/i.test(m.parsed.subject ?? '')).at(-1)!;
    expect(mail.parsed.text).toContain('Hydrogen valves');

    const recovered = await eventually(health, (h) => h.status === 200, 30_000);
    expect(recovered.body).toMatchObject({ status: 'ok', redis: { status: 'up' }, schedulers: { status: 'up', details: ALL_PRESENT } });
    const recreated = app.running.app.get(JobSchedulers).recreated;
    expect(recreated).toBeGreaterThanOrEqual(2);
    console.log(`Redis restarted empty (${keysAfterRestart} keys): schedulers re-created ${recreated}, itinerary of a pick emailed after ${emailedAfterMs} ms, /health 200`);
  }, 120_000);

  it('reports a missing scheduler as not ready until the watchdog has put it back, also one a module upserted on its own', async () => {
    const app = t!;
    const schedulers = app.running.app.get(JobSchedulers);
    // A module that registers a repeatable job directly on a queue of the catalogue gets the same care.
    const venueQueue = app.running.app.get<Queue>(getQueueToken(Queues.Venue));
    await venueQueue.upsertJobScheduler('adopted-sweep', { every: 3_600_000 }, { name: 'venue.hold-sweep', data: {} });
    expect(schedulers.names()).toEqual(expect.arrayContaining(['venue/adopted-sweep', 'attendees/itinerary.sweep', 'venue/venue.hold-sweep', 'meeting-requests/meetings.request-sweep']));
    // Hold the watchdog so the gap can be seen; Redis keeps running (no reconnect either).
    const check = jest.spyOn(schedulers, 'check').mockResolvedValue(undefined);
    try {
      // A pass already under way when the watchdog was held may still put them back: flush until the gap shows.
      const gap = await eventually(async () => (await redis.command((r) => r.flushall()), health()), (h) => h.status === 503, 15_000);
      expect(gap.body).toMatchObject({
        status: 'error', redis: { status: 'up' },
        schedulers: {
          status: 'down', error: 'missing: attendees/itinerary.sweep, billing/billing.reminder-sweep, meeting-requests/meetings.request-sweep, meeting-requests/meetings.survey-sweep, venue/adopted-sweep, venue/venue.hold-sweep',
          details: { 'attendees/itinerary.sweep': 0, 'billing/billing.reminder-sweep': 0, 'venue/venue.hold-sweep': 0, 'venue/adopted-sweep': 0, 'meeting-requests/meetings.request-sweep': 0, 'meeting-requests/meetings.survey-sweep': 0 },
        },
      });
    } finally {
      check.mockRestore();
    }
    // Released, the watchdog's next tick re-creates both (no reconnect happens here): ready again, and sweeping.
    await eventually(health, (h) => h.status === 200, 30_000);
    const sent = itineraries();
    await app.http.post(`/api/attendee-access/${token}/sessions/${sessions[1]}`).expect(200);
    await eventually(() => Promise.resolve(itineraries()), (n) => n > sent, 45_000);
    expect(await venueQueue.getJobScheduler('adopted-sweep')).toMatchObject({ name: 'venue.hold-sweep', every: 3_600_000 });
    // Removed on purpose, it is forgotten: not re-created, not reported.
    await venueQueue.removeJobScheduler('adopted-sweep');
    expect(schedulers.names()).not.toContain('venue/adopted-sweep');
    await schedulers.check();
    expect(await venueQueue.getJobScheduler('adopted-sweep')).toBeUndefined();
    expect((await health()).body).toMatchObject({ status: 'ok', schedulers: { status: 'up', details: ALL_PRESENT } });
  }, 120_000);
});
