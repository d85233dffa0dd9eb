import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { Client } from 'pg';
import { correlation } from '../src/core/logging/request-id';
import { bearer, startTestApp, type TestApp } from './support/test-app';

const BOOKINGS = '/api/venues/kdj-center/bookings';

/**
 * What one hold costs in round trips (issue 17: the venue hold is a hot path). Every SQL statement
 * and Redis command the server sends while handling one request is counted: the request carries its
 * own X-Request-Id, and the server runs it in that correlation context (request-id middleware), so
 * background work (outbox relay, sweepers) is not counted. No timing is asserted, only counts.
 */
describe('venue hold: round trips per request', () => {
  let t: TestApp;
  let organizer: string;
  let port: number;
  const seen = new Map<string, { sql: string[]; redis: string[] }>();
  // Unbound on purpose: the wrappers below call them with the client as `this`.
  const originalQuery = Reflect.get(Client.prototype, 'query') as (...args: unknown[]) => unknown;
  const originalSendCommand = Reflect.get<Redis, 'sendCommand'>(Redis.prototype, 'sendCommand');

  const record = (kind: 'sql' | 'redis', what: string): void => {
    const id = correlation.getStore()?.requestId;
    const entry = id === undefined ? undefined : seen.get(id);
    if (entry) entry[kind].push(what);
  };

  beforeAll(async () => {
    (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      record('sql', typeof q === 'string' ? q : (q?.text ?? '?'));
      return originalQuery.apply(this, args);
    };
    Redis.prototype.sendCommand = function (this: Redis, ...args: Parameters<Redis['sendCommand']>) {
      record('redis', args[0].name);
      return originalSendCommand.apply(this, args);
    };
    t = await startTestApp();
    organizer = await bearer(t);
    port = (t.running.server!.address() as AddressInfo).port;
  });
  afterAll(async () => {
    Reflect.set(Client.prototype, 'query', originalQuery);
    Reflect.set(Redis.prototype, 'sendCommand', originalSendCommand);
    await t?.close();
  });

  /** POSTs a hold with its own request id (headers and body in one write) and answers the status, body and what it sent. */
  async function hold(requestId: string, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown>; sql: string[]; redis: string[] }> {
    const entry = { sql: [] as string[], redis: [] as string[] };
    seen.set(requestId, entry);
    const payload = JSON.stringify(body);
    const response = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: BOOKINGS, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: organizer, 'x-request-id': requestId } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    seen.delete(requestId);
    return { status: response.status, body: JSON.parse(response.text) as Record<string, unknown>, ...entry };
  }

  const slot = (day: string, from: string, until: string, space = 'R304'): Record<string, unknown> => ({
    space, startsAt: `${day}T${from}:00+09:00`, endsAt: `${day}T${until}:00+09:00`, purpose: `Round trips ${day} ${from}`,
  });

  it('takes two SQL statements (the session, then one statement for the hold and its audit entry) and no Redis command', async () => {
    // The first request of a process reads the venue layout (kept a minute): not what is measured.
    expect((await hold('rt-warm-up', slot('2031-04-01', '09:00', '10:00'))).status).toBe(201);

    const r = await hold('rt-hold', slot('2031-04-02', '09:00', '10:00'));
    expect(r.status).toBe(201);
    expect(r.sql).toHaveLength(2);
    expect(r.sql[0]).toContain('FROM sessions s JOIN accounts a');
    expect(r.sql[1]).toMatch(/INSERT INTO venue_bookings[\s\S]*INSERT INTO venue_booking_occupancies[\s\S]*INSERT INTO audit_entries/);
    expect(r.sql.some((s) => /^\s*(BEGIN|START TRANSACTION|COMMIT)/i.test(s))).toBe(false);
    // No delayed job per hold: the sweeper lapses overdue holds from the database.
    expect(r.redis).toEqual([]);

    // What the one statement wrote: the booking, its occupancy, its audit entry (and no route entry besides).
    const id = r.body.id as string;
    const written = await t.db.pool.query<{ status: string; occupancies: number; audit: string[] }>(
      `SELECT b.status, (SELECT count(*)::int FROM venue_booking_occupancies o WHERE o.booking_id = b.id) AS occupancies,
              ARRAY(SELECT action FROM audit_entries a WHERE a.subject_id = b.id::text OR a.action LIKE 'route.%' AND a.at >= b.created_at ORDER BY a.at) AS audit
         FROM venue_bookings b WHERE b.id = $1`,
      [id],
    );
    expect(written.rows).toEqual([{ status: 'held', occupancies: 1, audit: ['booking.hold'] }]);
  });

  it('a combined space: one occupancy row per part, still in the one statement', async () => {
    const r = await hold('rt-combined', slot('2031-04-03', '09:00', '10:00', 'R201-202'));
    expect(r.status).toBe(201);
    expect(r.sql).toHaveLength(2);
    const { rows } = await t.db.pool.query<{ code: string }>(
      `SELECT s.code FROM venue_booking_occupancies o JOIN venue_spaces s ON s.id = o.space_id WHERE o.booking_id = $1 ORDER BY s.code`,
      [r.body.id],
    );
    expect(rows.map((x) => x.code)).toEqual(['R201', 'R202']);
  });

  it('a conflicting hold writes nothing and answers 409 naming the holder', async () => {
    const first = await hold('rt-first', slot('2031-04-04', '09:00', '11:00'));
    expect(first.status).toBe(201);
    const before = (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entries`)).rows[0].n;
    const second = await hold('rt-second', slot('2031-04-04', '10:00', '12:00'));
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'BOOKING_CONFLICT', conflictingBookingId: first.body.id, conflictingSpace: 'R304', conflictingStatus: 'held' });
    expect((await t.db.pool.query(`SELECT 1 FROM venue_bookings WHERE purpose = 'Round trips 2031-04-04 10:00'`)).rowCount).toBe(0);
    expect((await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entries`)).rows[0].n).toBe(before);
  });
});
