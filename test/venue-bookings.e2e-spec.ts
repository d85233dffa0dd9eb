import ICAL from 'ical.js';
import { NO_OVERLAP_CONSTRAINT } from '../src/modules/venue/entities/booking-occupancy.entity';
import { bearer, createAccount, eventually, mailSettled, startTestApp, type TestApp } from './support/test-app';

const BOOKINGS = '/api/venues/kdj-center/bookings';

/** Double booking is impossible: the exclusion constraint decides, however many organizers click at once. */
describe('venue bookings', () => {
  let t: TestApp;
  let organizer: string;
  let day = 0;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A fresh day for each test, so tests never collide with each other's bookings. */
  const nextDay = (): string => {
    day++;
    return new Date(Date.UTC(2027, 2, 1) + day * 86400_000).toISOString().slice(0, 10);
  };
  const kst = (date: string, time: string): string => `${date}T${time}:00+09:00`;
  const book = (body: Record<string, unknown>, auth = organizer) => t.http.post(BOOKINGS).set('Authorization', auth).send(body);
  const overlappingRows = async (): Promise<number> =>
    (
      await t.db.pool.query(`SELECT count(*)::int AS n FROM venue_booking_occupancies a JOIN venue_booking_occupancies b
         ON a.space_id = b.space_id AND a.booking_id < b.booking_id AND a.during && b.during`)
    ).rows[0].n;

  async function race(bodies: Array<Record<string, unknown>>): Promise<number[]> {
    const responses = await Promise.all(bodies.map((b) => book(b)));
    return responses.map((r) => r.status);
  }

  it('T1: of 200 concurrent bookings of one space and time, exactly one wins; 199 get 409; one email', async () => {
    const d = nextDay();
    const mailsBefore = t.smtp.received.length;
    const bodies = Array.from({ length: 200 }, (_, i) => ({
      space: 'R301', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: `Seminar ${i}`, confirm: true,
    }));
    const responses = await Promise.all(bodies.map((b) => book(b)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    // The others are refused: 409 naming the winner, or — on a busy machine, where 200 waits on one
    // space's lock outlast the 5 s lock timeout — 503 with Retry-After. Never a 500, never a second 201.
    const busy = responses.filter((r) => r.status === 503);
    expect(statuses.filter((s) => s === 409).length + busy.length).toBe(199);
    for (const r of busy) expect(r.headers['retry-after']).toBeDefined();
    expect(await overlappingRows()).toBe(0);
    await t.smtp.waitFor(mailsBefore + 1);
    await mailSettled(t); // no row unsent, no mail job left: a second email can no longer come
    expect(t.smtp.received.slice(mailsBefore).filter((m) => m.parsed.subject?.startsWith('[Fairgate] Booking confirmed'))).toHaveLength(1);
  });

  it('names the conflicting booking in the 409', async () => {
    const d = nextDay();
    const first = await book({ space: 'R302', startsAt: kst(d, '09:00'), endsAt: kst(d, '11:00'), purpose: 'Press briefing' }).expect(201);
    const res = await book({ space: 'R302', startsAt: kst(d, '10:30'), endsAt: kst(d, '12:00'), purpose: 'Workshop' }).expect(409);
    expect(res.body).toMatchObject({ code: 'BOOKING_CONFLICT', conflictingBookingId: first.body.id, conflictingSpace: 'R302', conflictingStatus: 'held' });
    expect(res.body.message).toContain(`R302 is held from ${d}T09:00:00+09:00 to ${d}T11:00:00+09:00`);
  });

  it('lets back-to-back bookings through, and counts setup and teardown as occupied', async () => {
    const d = nextDay();
    await book({ space: 'R303', startsAt: kst(d, '09:00'), endsAt: kst(d, '11:00'), purpose: 'Morning' }).expect(201);
    await book({ space: 'R303', startsAt: kst(d, '11:00'), endsAt: kst(d, '13:00'), purpose: 'Noon' }).expect(201);
    // 14:00–15:00 with 60 minutes of setup occupies from 13:00: fine; with 61 it would collide.
    await book({ space: 'R303', startsAt: kst(d, '14:00'), endsAt: kst(d, '15:00'), setupMinutes: 61, purpose: 'Late' }).expect(409);
    const ok = await book({ space: 'R303', startsAt: kst(d, '14:00'), endsAt: kst(d, '15:00'), setupMinutes: 60, teardownMinutes: 30, purpose: 'Afternoon' }).expect(201);
    expect(ok.body).toMatchObject({ occupiedFrom: `${d}T13:00:00+09:00`, occupiedUntil: `${d}T15:30:00+09:00`, status: 'held' });
  });

  it('blocks the parts when the whole is booked, and the whole when a part is booked — also under a race', async () => {
    const d = nextDay();
    await book({ space: 'EXH', startsAt: kst(d, '09:00'), endsAt: kst(d, '18:00'), purpose: 'Joint hall fair' }).expect(201);
    expect((await book({ space: 'EXH1', startsAt: kst(d, '12:00'), endsAt: kst(d, '13:00'), purpose: 'Part' }).expect(409)).body.conflictingSpace).toBe('EXH');
    await book({ space: 'EXH2', startsAt: kst(d, '17:00'), endsAt: kst(d, '19:00'), purpose: 'Part' }).expect(409);

    const d2 = nextDay();
    await book({ space: 'R202', startsAt: kst(d2, '10:00'), endsAt: kst(d2, '11:00'), purpose: 'Small room' }).expect(201);
    expect((await book({ space: 'R201-202', startsAt: kst(d2, '08:00'), endsAt: kst(d2, '10:30'), purpose: 'Big room' }).expect(409)).body.conflictingSpace).toBe('R202');
    await book({ space: 'R201', startsAt: kst(d2, '10:00'), endsAt: kst(d2, '11:00'), purpose: 'Other part is free' }).expect(201);

    const d3 = nextDay();
    const spaces = ['EXH', 'EXH1', 'EXH2'];
    const statuses = await race(Array.from({ length: 90 }, (_, i) => ({ space: spaces[i % 3], startsAt: kst(d3, '09:00'), endsAt: kst(d3, '18:00'), purpose: `Race ${i}` })));
    const winners = statuses.filter((s) => s === 201).length;
    // Either the whole hall won (1 booking) or each half won once (2 bookings): never more.
    expect([1, 2]).toContain(winners);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    expect(await overlappingRows()).toBe(0);
  });

  it('negative control: without the exclusion constraint the same race double-books', async () => {
    const d = nextDay();
    await t.db.pool.query(`ALTER TABLE venue_booking_occupancies DROP CONSTRAINT ${NO_OVERLAP_CONSTRAINT}`);
    try {
      const statuses = await race(Array.from({ length: 50 }, (_, i) => ({ space: 'R304', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: `Unguarded ${i}` })));
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(1);
      expect(await overlappingRows()).toBeGreaterThan(0);
    } finally {
      await t.db.pool.query(`DELETE FROM venue_bookings WHERE purpose LIKE 'Unguarded %'`);
      await t.db.pool.query(
        `ALTER TABLE venue_booking_occupancies ADD CONSTRAINT ${NO_OVERLAP_CONSTRAINT} EXCLUDE USING gist ("space_id" WITH =, "during" WITH &&)`,
      );
    }
  });

  it('frees the space of an expired hold at once, and its job or the sweeper lapses it once', async () => {
    const d = nextDay();
    const hold = await book({ space: 'R305', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: 'Tentative' }).expect(201);
    await book({ space: 'R305', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: 'Blocked' }).expect(409);
    // Time passes: the hold's expiry is now behind us, before any job has run.
    await t.db.pool.query(`UPDATE venue_bookings SET hold_expires_at = now() - interval '1 second' WHERE id = $1`, [hold.body.id]);
    const read = await t.http.get(`${BOOKINGS}/${hold.body.id}`).set('Authorization', organizer).expect(200);
    expect(read.body.status).toBe('expired');
    const free = await t.http.get(`/api/venues/kdj-center/availability?from=${d}&to=${d}&space=R305`).expect(200);
    expect(free.body[0].free).toEqual([{ from: `${d}T07:00:00+09:00`, until: `${d}T23:00:00+09:00` }]);
    // Booked straight away: the overdue hold lapses inside the booking's own transaction.
    const winner = await book({ space: 'R305', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: 'Firm', confirm: true }).expect(201);
    const rows = await t.db.pool.query(`SELECT id, status FROM venue_bookings WHERE space_id = (SELECT space_id FROM venue_bookings WHERE id = $1) ORDER BY created_at`, [hold.body.id]);
    expect(rows.rows.map((r: { status: string }) => r.status)).toEqual(['expired', 'confirmed']);
    expect(rows.rows[1].id).toBe(winner.body.id);
    await t.http.post(`${BOOKINGS}/${hold.body.id}/confirm`).set('Authorization', organizer).expect(409);
    await t.smtp.waitForSubject('[Fairgate] Hold expired: Meeting Room 305 (Second Center) · Tentative');
  });

  it('lapses a hold through the worker, emails the organizer, and leaves a confirmed booking alone', async () => {
    const d = nextDay();
    const hold = await book({ space: 'R306', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: 'Will lapse' }).expect(201);
    const firm = await book({ space: 'R307', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: 'Will stay' }).expect(201);
    await t.http.post(`${BOOKINGS}/${firm.body.id}/confirm`).set('Authorization', organizer).expect(200);
    await t.db.pool.query(`UPDATE venue_bookings SET hold_expires_at = now() - interval '1 second' WHERE id = ANY($1)`, [[hold.body.id, firm.body.id]]);
    const { Queue } = await import('bullmq');
    const queue = new Queue('venue', { connection: { ...t.config.redis }, prefix: t.config.queuePrefix });
    queue.on('error', () => undefined); // a failed command rejects and says why
    const before = t.smtp.received.length;
    try {
      await queue.add('venue.hold-sweep', {});
      await eventually(
        async () => (await t.db.pool.query(`SELECT status FROM venue_bookings WHERE id = $1`, [hold.body.id])).rows[0].status as string,
        (s) => s === 'expired',
      );
    } finally {
      await queue.close();
    }
    const lapsed = await t.smtp.waitForSubject('[Fairgate] Hold expired: Meeting Room 306 (Second Center) · Will lapse');
    expect(lapsed.envelopeTo).toEqual(['organizer@fairgate.test']);
    expect(t.smtp.received.length).toBeGreaterThan(before);
    expect((await t.db.pool.query(`SELECT status FROM venue_bookings WHERE id = $1`, [firm.body.id])).rows[0].status).toBe('confirmed');
    await book({ space: 'R307', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: 'Still blocked' }).expect(409);
  });

  it('confirms and cancels, emailing the organizer each time; a cancelled booking frees the space', async () => {
    const d = nextDay();
    const before = t.smtp.received.length;
    const hold = await book({ space: 'MPH', startsAt: kst(d, '09:00'), endsAt: kst(d, '18:00'), purpose: 'Robot fair opening' }).expect(201);
    const confirmed = await t.http.post(`${BOOKINGS}/${hold.body.id}/confirm`).set('Authorization', organizer).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', holdExpiresAt: null, sequence: 1 });
    await t.http.post(`${BOOKINGS}/${hold.body.id}/confirm`).set('Authorization', organizer).expect(200); // twice: no change
    const cancelled = await t.http.post(`${BOOKINGS}/${hold.body.id}/cancel`).set('Authorization', organizer).send({ reason: 'Moved to the convention hall' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2 });
    await t.http.post(`${BOOKINGS}/${hold.body.id}/confirm`).set('Authorization', organizer).expect(409);
    await book({ space: 'MPH', startsAt: kst(d, '09:00'), endsAt: kst(d, '18:00'), purpose: 'Free again' }).expect(201);
    await t.smtp.waitForSubject('[Fairgate] Booking confirmed: Multipurpose Hall (Second Center) · Robot fair opening');
    const cancelMail = await t.smtp.waitForSubject('[Fairgate] Booking cancelled: Multipurpose Hall (Second Center) · Robot fair opening');
    expect(t.smtp.received.length).toBeGreaterThanOrEqual(before + 2);
    expect(cancelMail.envelopeTo).toEqual(['organizer@fairgate.test']);
    expect(cancelMail.parsed.text).toContain('Reason: Moved to the convention hall');
  });

  it('refuses an end before the start and times outside opening hours with 400 and the reason', async () => {
    const d = nextDay();
    const backwards = await book({ space: 'R301', startsAt: kst(d, '12:00'), endsAt: kst(d, '10:00'), purpose: 'Backwards' }).expect(400);
    expect(backwards.body.errors).toEqual([{ field: 'endsAt', messages: ['endsAt must be after startsAt'] }]);
    const early = await book({ space: 'R301', startsAt: kst(d, '08:00'), endsAt: kst(d, '10:00'), setupMinutes: 120, purpose: 'Too early' }).expect(400);
    expect(early.body.errors[0]).toEqual({
      field: 'setupMinutes',
      messages: ["the booking with its setup would start outside the venue's opening hours 07:00–23:00 (Asia/Seoul)"],
    });
    const noZone = await book({ space: 'R301', startsAt: `${d}T10:00:00`, endsAt: kst(d, '11:00'), purpose: 'No zone' }).expect(400);
    expect(noZone.body.errors[0].field).toBe('startsAt');
    await book({ space: 'NOPE', startsAt: kst(d, '10:00'), endsAt: kst(d, '11:00'), purpose: 'Nowhere' }).expect(404);
    expect(await t.db.pool.query(`SELECT 1 FROM venue_bookings WHERE purpose IN ('Backwards','Too early','No zone','Nowhere')`)).toMatchObject({ rowCount: 0 });
  });

  it('lets only organizers write: 401 without a token, 403 for another role, 401 after logout', async () => {
    const d = nextDay();
    const body = { space: 'R301', startsAt: kst(d, '10:00'), endsAt: kst(d, '11:00'), purpose: 'Sneaky' };
    expect((await t.http.post(BOOKINGS).send(body).expect(401)).body.code).toBe('UNAUTHENTICATED');
    await createAccount(t, 'exhibitor', 'exhibitor@company.test', 'exhibitor-password-long');
    const exhibitor = await bearer(t, { email: 'exhibitor@company.test', password: 'exhibitor-password-long' });
    expect((await book(body, exhibitor).expect(403)).body.code).toBe('FORBIDDEN');
    await t.http.get('/api/venues/kdj-center/day?date=' + d).set('Authorization', exhibitor).expect(403);
    const session = await bearer(t);
    await t.http.post('/api/auth/logout').set('Authorization', session).expect(204);
    await book(body, session).expect(401);
    await t.http.post('/api/auth/login').send({ email: 'organizer@fairgate.test', password: 'wrong-password' }).expect(401);
  });

  it('stores organizer passwords as argon2id at OWASP strength', async () => {
    const { rows } = await t.db.pool.query(`SELECT password_hash FROM accounts WHERE email = 'organizer@fairgate.test'`);
    const [, algorithm, version, params] = (rows[0].password_hash as string).split('$');
    expect([algorithm, version]).toEqual(['argon2id', 'v=19']);
    const p = Object.fromEntries(params.split(',').map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])]));
    expect(p.m).toBeGreaterThanOrEqual(19456);
    expect(p.t).toBeGreaterThanOrEqual(2);
    expect(p.p).toBe(1);
  });

  it('shows a day as spaces × hours, holds and confirmed bookings told apart', async () => {
    const d = nextDay();
    await book({ space: 'CONV', startsAt: kst(d, '09:00'), endsAt: kst(d, '11:00'), purpose: 'Keynote', confirm: true }).expect(201);
    await book({ space: 'EXH1', startsAt: kst(d, '13:00'), endsAt: kst(d, '14:00'), purpose: 'Hall tour' }).expect(201);
    const view = await t.http.get(`/api/venues/kdj-center/day?date=${d}`).set('Authorization', organizer).expect(200);
    expect(view.body.hours[0]).toBe(7);
    const row = (code: string) => view.body.spaces.find((s: { space: string }) => s.space === code);
    const state = (code: string, hour: number) => row(code).cells.find((c: { hour: number }) => c.hour === hour).state;
    expect([state('CONV', 8), state('CONV', 9), state('CONV', 10), state('CONV', 11)]).toEqual(['free', 'confirmed', 'confirmed', 'free']);
    expect(state('EXH1', 13)).toBe('held');
    expect(state('EXH', 13)).toBe('held'); // the whole is blocked by its part
    expect(state('EXH2', 13)).toBe('free');
  });

  it('lists bookings with filters and pagination', async () => {
    const d = nextDay();
    for (const h of ['09', '11', '13']) await book({ space: 'R201', startsAt: kst(d, `${h}:00`), endsAt: kst(d, `${h}:30`), purpose: `Slot ${h}` }).expect(201);
    const page = await t.http
      .get(`${BOOKINGS}?space=R201&from=${encodeURIComponent(kst(d, '00:00'))}&to=${encodeURIComponent(kst(d, '23:59'))}&pageSize=2&page=2`)
      .set('Authorization', organizer)
      .expect(200);
    expect(page.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.body.items.map((b: { purpose: string }) => b.purpose)).toEqual(['Slot 13']);
    await t.http.get(`${BOOKINGS}?pageSize=1000`).set('Authorization', organizer).expect(400);
  });

  it('names the edition a booking serves in every answer: hold, read, list, confirm, cancel', async () => {
    const d = nextDay();
    const held = await book({ space: 'R304', startsAt: kst(d, '09:00'), endsAt: kst(d, '10:00'), purpose: 'Exhibitor briefing', edition: 'ppuri-2027' }).expect(201);
    expect(held.body.edition).toBe('ppuri-2027');
    const stored = await t.db.pool.query(`SELECT e.code FROM venue_bookings b JOIN fair_editions e ON e.id = b.edition_id WHERE b.id = $1`, [held.body.id]);
    expect(stored.rows[0].code).toBe('ppuri-2027');
    expect((await t.http.get(`${BOOKINGS}/${held.body.id}`).set('Authorization', organizer).expect(200)).body.edition).toBe('ppuri-2027');
    const listed = (await t.http.get(BOOKINGS).query({ edition: 'ppuri-2027', space: 'R304' }).set('Authorization', organizer).expect(200)).body;
    expect(listed.items.find((b: { id: string }) => b.id === held.body.id)?.edition).toBe('ppuri-2027');
    expect((await t.http.post(`${BOOKINGS}/${held.body.id}/confirm`).set('Authorization', organizer).expect(200)).body.edition).toBe('ppuri-2027');
    expect((await t.http.post(`${BOOKINGS}/${held.body.id}/cancel`).set('Authorization', organizer).send({}).expect(200)).body.edition).toBe('ppuri-2027');
    const plain = await book({ space: 'R304', startsAt: kst(d, '11:00'), endsAt: kst(d, '12:00'), purpose: 'No edition' }).expect(201);
    expect((await t.http.get(`${BOOKINGS}/${plain.body.id}`).set('Authorization', organizer).expect(200)).body.edition).toBeNull();
  });

  it('publishes each space as an iCalendar feed a calendar app can subscribe to', async () => {
    const d = nextDay();
    const b = await book({ space: 'R203', startsAt: kst(d, '10:00'), endsAt: kst(d, '11:00'), setupMinutes: 30, purpose: 'Buyers, welcome; coffee', confirm: true }).expect(201);
    const { url } = (await t.http.get('/api/venues/kdj-center/spaces/R203/feed-url').set('Authorization', organizer).expect(200)).body;
    const path = new URL(url).pathname + new URL(url).search;
    const res = await t.http.get(path).expect(200).expect('content-type', /text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(res.text));
    ICAL.TimezoneService.register(new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!));
    const event = new ICAL.Event(cal.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `booking-${b.body.id}@fairgate`));
    expect(event.summary).toBe('Buyers, welcome; coffee');
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(kst(d, '09:30')).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(kst(d, '11:00')).toISOString());
    await t.http.get(path.replace(/key=[^&]+/, 'key=' + 'x'.repeat(32))).expect(404);
  });
});
