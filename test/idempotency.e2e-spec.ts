import type { PoolClient } from 'pg';
import type { Response } from 'supertest';
import { ParticipantLinks } from '../src/modules/meetings/participant-links';
import { newApplicationForm, newSignUp, signUpExhibitor } from './support/exhibitors';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';

/**
 * Idempotency-Key on every POST that creates something (reliability rule 6, T4), one table of
 * routes and the same four checks for each: a replay answers the same status and the same bytes
 * and creates nothing; the same key with another body answers 422; identical requests sent at
 * once create one row; a retry while the first request still runs answers 409 with Retry-After.
 */
interface Case {
  route: string;
  /** The n-th request's path, caller and body (the same n always gives the same request). */
  path: (n: number) => string;
  auth?: (n: number) => Promise<string | undefined>;
  body: (n: number) => unknown;
  status: number;
  /** Counts what the route creates. */
  rows: () => Promise<number>;
  /** What the first request creates, and each later one (a second publication publishes nothing new). */
  firstCreates?: number;
  laterCreates?: number;
  /** A table the route writes to: locked in SHARE mode to hold a request in flight. */
  lockTable: string;
}

const GREEN = 'green-car-2027';

describe('Idempotency-Key on every creating POST', () => {
  let t: TestApp;
  let organizer: string;
  const count = async (sql: string): Promise<number> => Number((await t.db.pool.query<{ n: string }>(sql)).rows[0].n);

  /** Memoizes a factory per n: the same n must give the same request. */
  function memo<T>(make: (n: number) => T): (n: number) => T {
    const made = new Map<number, T>();
    return (n) => {
      if (!made.has(n)) made.set(n, make(n));
      return made.get(n)!;
    };
  }
  function memoAsync<T>(make: (n: number) => Promise<T>): (n: number) => Promise<T> {
    const made = new Map<number, Promise<T>>();
    return (n) => {
      if (!made.has(n)) made.set(n, make(n));
      return made.get(n)!;
    };
  }

  const participant = async (side: 'exhibitor' | 'buyer', name: string): Promise<string> =>
    (await t.http.post(`/api/editions/${GREEN}/meetings/participants`).set('Authorization', organizer).send({
      side, companyName: name, country: side === 'buyer' ? 'VN' : 'KR', contactName: 'Lee', email: `${name.toLowerCase().replace(/\W+/g, '-')}@idem.example`,
      languages: ['en'], interests: ['ev-powertrain'], locale: 'en',
    }).expect(201)).body.id as string;

  const pairs: Array<{ buyer: string; exhibitor: string }> = [];
  let ownBuyerToken = '';
  let counterparts: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
    // A schedule to publish: one session, tables, one accepted request, one scheduler run.
    await t.http.post(`/api/editions/${GREEN}/meeting-sessions`).set('Authorization', organizer).send({ day: '2027-07-08', startsAt: '10:00', endsAt: '11:00' }).expect(201);
    await t.http.put(`/api/editions/${GREEN}/meetings/tables`).set('Authorization', organizer).send({ codes: ['T01', 'T02'] }).expect(200);
    await t.http.post(`/api/editions/${GREEN}/meetings/requests`).set('Authorization', organizer)
      .send({ buyer: await participant('buyer', 'Publish Buyer'), exhibitor: await participant('exhibitor', 'Publish Maker'), priority: 'must', requestedBy: 'organizer' }).expect(201);
    const run = await t.http.post(`/api/editions/${GREEN}/meetings/schedule-runs`).set('Authorization', organizer).send({}).expect(202);
    await eventually(
      async () => (await t.http.get(`/api/editions/${GREEN}/meetings/schedule-runs/${run.body.id}`).set('Authorization', organizer).expect(200)).body,
      (r: { status: string }) => r.status === 'done' || r.status === 'failed',
      30000,
    );
    for (let n = 1; n <= 4; n++) pairs.push({ buyer: await participant('buyer', `Idem Buyer ${n}`), exhibitor: await participant('exhibitor', `Idem Maker ${n}`) });
    const own = await participant('buyer', 'Idem Own Buyer');
    ownBuyerToken = t.running.app.get(ParticipantLinks).token(own);
    counterparts = [];
    for (let n = 1; n <= 4; n++) counterparts.push(await participant('exhibitor', `Idem Counterpart ${n}`));
  }, 90_000);
  afterAll(async () => {
    await t?.close();
  });

  const organizerAuth = (): Promise<string> => Promise.resolve(organizer);
  const exhibitorAuth = memoAsync(async () => (await signUpExhibitor(t)).auth);
  let serial = 0;
  const unique = (): string => `${process.pid}-${++serial}`;
  const editionsForSend = ['ppuri-2027', GREEN, GREEN, 'iot-appliance-robot-2027'];

  const cases: Case[] = [
    {
      route: 'POST /api/venues/{venue}/bookings (holds and bookings)',
      path: () => '/api/venues/kdj-center/bookings',
      auth: organizerAuth,
      body: (n) => ({ space: 'R305', startsAt: `2027-05-${String(10 + n).padStart(2, '0')}T10:00:00+09:00`, endsAt: `2027-05-${String(10 + n).padStart(2, '0')}T11:00:00+09:00`, purpose: `Idempotent ${n}` }),
      status: 201,
      rows: () => count(`SELECT count(*) AS n FROM venue_bookings`),
      lockTable: 'venue_bookings',
    },
    {
      route: 'POST /api/exhibitor-accounts (sign-up)',
      path: () => '/api/exhibitor-accounts',
      body: memo(() => newSignUp()),
      status: 201,
      rows: () => count(`SELECT count(*) AS n FROM accounts`),
      lockTable: 'accounts',
    },
    {
      route: 'POST /api/company/applications (company application)',
      path: () => '/api/company/applications',
      auth: (n) => exhibitorAuth(n === 2 ? 1 : n),
      body: memo(() => newApplicationForm()),
      status: 201,
      rows: () => count(`SELECT count(*) AS n FROM exhibitor_applications`),
      lockTable: 'exhibitor_applications',
    },
    {
      route: 'POST /api/editions/{edition}/exhibitor-applications (anonymous one-call registration)',
      path: () => registrationPath(),
      body: memo(() => newExhibitorApplication()),
      status: 201,
      rows: () => count(`SELECT count(*) AS n FROM exhibitor_applications`),
      lockTable: 'exhibitor_applications',
    },
    {
      route: 'POST /api/editions/{edition}/meetings/register (buyer registration)',
      path: () => `/api/editions/${GREEN}/meetings/register`,
      body: memo(() => ({ companyName: 'Idem Trading', country: 'VN', contactName: 'Tran', email: `buyer-${unique()}@idem.example`, languages: ['en'], interests: ['ev-powertrain'] })),
      status: 201,
      rows: () => count(`SELECT count(*) AS n FROM meeting_participants`),
      lockTable: 'meeting_participants',
    },
    {
      route: 'POST /api/editions/{edition}/attendees (visitor registration)',
      path: () => '/api/editions/ppuri-2027/attendees',
      body: memo(() => ({
        name: 'Idem Visitor', email: `visitor-${unique()}@idem.example`, company: 'Idem', country: 'vn', kind: 'buyer', days: ['2027-04-28'], language: 'en',
        consentMessages: true, consentShareContact: false,
      })),
      status: 201,
      rows: () => count(`SELECT count(*) AS n FROM attendees`),
      lockTable: 'attendees',
    },
    {
      route: 'POST /api/editions/{edition}/meetings/requests (organizer meeting request)',
      path: () => `/api/editions/${GREEN}/meetings/requests`,
      auth: organizerAuth,
      body: (n) => ({ buyer: pairs[n - 1].buyer, exhibitor: pairs[n - 1].exhibitor, priority: 'want', requestedBy: 'organizer' }),
      status: 201,
      rows: () => count(`SELECT count(*) AS n FROM meeting_requests`),
      lockTable: 'meeting_requests',
    },
    {
      route: 'POST /api/meeting-access/{token}/requests (a participant asks by its private link)',
      path: () => `/api/meeting-access/${ownBuyerToken}/requests`,
      body: (n) => ({ counterpart: counterparts[n - 1], priority: 'must' }),
      status: 201,
      rows: () => count(`SELECT count(*) AS n FROM meeting_requests`),
      lockTable: 'meeting_requests',
    },
    {
      route: 'POST /api/editions/{edition}/meetings/publish (schedule publication)',
      path: () => `/api/editions/${GREEN}/meetings/publish`,
      auth: organizerAuth,
      body: (n) => (n === 2 ? { again: true } : {}),
      status: 200,
      rows: () => count(`SELECT count(*) AS n FROM meetings WHERE status = 'published'`),
      firstCreates: 1,
      laterCreates: 0,
      lockTable: 'meetings',
    },
    {
      route: 'POST /api/editions/{edition}/itineraries/send (bulk itinerary send)',
      path: (n) => `/api/editions/${editionsForSend[n - 1]}/itineraries/send`,
      auth: organizerAuth,
      body: (n) => (n === 2 ? { again: true } : {}),
      status: 202,
      rows: () => count(`SELECT count(*) AS n FROM mail_batches`),
      lockTable: 'mail_batches',
    },
  ];

  const send = async (c: Case, n: number, key: string, as = n): Promise<Response> => {
    const req = t.http.post(c.path(as === 2 ? 1 : as)).set('Idempotency-Key', key);
    const auth = await c.auth?.(as);
    if (auth) req.set('Authorization', auth);
    return req.send(c.body(n) as object);
  };

  it.each(cases.map((c) => [c.route, c] as const))('%s', async (_route, c) => {
    const key = (step: string): string => `${step}-${unique()}`;

    // 1. Replay: the same status and the same bytes, nothing created twice.
    const k1 = key('replay');
    const before = await c.rows();
    const first = await send(c, 1, k1);
    expect({ status: first.status, body: first.body as unknown }).toMatchObject({ status: c.status });
    expect(await c.rows()).toBe(before + (c.firstCreates ?? 1));
    const replay = await send(c, 1, k1);
    expect(replay.status).toBe(first.status);
    expect(replay.text).toBe(first.text);
    expect(replay.headers['content-type']).toBe(first.headers['content-type']);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await c.rows()).toBe(before + (c.firstCreates ?? 1));

    // 2. The same key with another body, from the same caller on the same path: 422, nothing created.
    const other = await send(c, 2, k1);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await c.rows()).toBe(before + (c.firstCreates ?? 1));

    // 3. Ten identical requests at once: one does the work, the others replay it or are told to retry.
    const k3 = key('race');
    const mid = await c.rows();
    const racers = await Promise.all(Array.from({ length: 10 }, () => send(c, 3, k3)));
    const ok = racers.filter((r) => r.status === c.status);
    expect(racers.map((r) => r.status).filter((s) => s !== c.status && s !== 409)).toEqual([]);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.text)).size).toBe(1);
    for (const r of racers.filter((x) => x.status === 409)) expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(await c.rows()).toBe(mid + (c.laterCreates ?? 1));
    const settled = await send(c, 3, k3);
    expect(settled.text).toBe(ok[0].text);

    // 4. In flight: the first request waits on a lock; a retry meanwhile gets 409 with Retry-After.
    const k4 = key('inflight');
    const lock: PoolClient = await t.db.pool.connect();
    let pending: Promise<Response> = Promise.reject(new Error('not sent'));
    pending.catch(() => undefined);
    try {
      await lock.query('BEGIN');
      await lock.query(`LOCK TABLE ${c.lockTable} IN SHARE MODE`);
      pending = send(c, 4, k4);
      await eventually(
        async () => (await t.db.pool.query(`SELECT state FROM idempotency_keys WHERE key = $1`, [k4])).rows[0]?.state as string | undefined,
        (state) => state === 'in_progress',
      );
      // The claim is taken before the work: wait until the work is blocked on the lock, so the key is truly in flight.
      await eventually(
        async () => count(`SELECT count(*) AS n FROM pg_locks WHERE NOT granted AND relation = '${c.lockTable}'::regclass`),
        (n) => n > 0,
      );
      const busy = await send(c, 4, k4);
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
      expect(Number(busy.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    } finally {
      await lock.query('COMMIT').catch(() => undefined);
      lock.release();
    }
    const done = await pending;
    expect(done.status).toBe(c.status);
    expect((await send(c, 4, k4)).text).toBe(done.text);
  });

  it('keeps keys of different callers apart: the same key and body from another company runs on its own', async () => {
    const [a, b] = [await signUpExhibitor(t), await signUpExhibitor(t)];
    const body = newApplicationForm({ edition: 'iot-appliance-robot-2027', hall: 'EXH2', productCategories: ['robots'] });
    const mine = await t.http.post('/api/company/applications').set('Authorization', a.auth).set('Idempotency-Key', 'shared-key').send(body).expect(201);
    const theirs = await t.http.post('/api/company/applications').set('Authorization', b.auth).set('Idempotency-Key', 'shared-key').send(body).expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);
    const scopes = (await t.db.pool.query(`SELECT scope FROM idempotency_keys WHERE key = 'shared-key' ORDER BY scope`)).rows.map((r: { scope: string }) => r.scope);
    expect(scopes).toHaveLength(2);
    for (const scope of scopes) expect(scope).toMatch(/^account:[0-9a-f-]{36} POST [0-9a-f]{32}$/);
  });

  it('stores the answer as text, exactly as sent', async () => {
    const res = await t.http.post(registrationPath()).set('Idempotency-Key', `text-${unique()}`).send(newExhibitorApplication()).expect(201);
    const stored = await t.db.pool.query(`SELECT pg_typeof(response_body)::text AS type, response_body FROM idempotency_keys WHERE response_body LIKE $1`, [`%${res.body.id as string}%`]);
    expect(stored.rows[0].type).toBe('text');
    expect(stored.rows[0].response_body).toBe(res.text);
  });
});
