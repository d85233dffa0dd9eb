import { csrfOf, PageClient } from './support/page-client';
import { bearer, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

const BOOKINGS = '/api/venues/kdj-center/bookings';
const PPURI = 'ppuri-2027';
const PPURI_NAME = '2027 International Manufacturing Technology (PPURI) Fair';

/** Exhibition terms with these halls, as an organizer sets them. */
const terms = (halls: Array<{ hall: string; boothCapacity: number }>): Record<string, unknown> => ({
  registrationDeadline: '2099-01-01T00:00:00+09:00', earlyBirdUntil: '2020-01-01', priceRawSpaceKrw: 2_000_000, priceShellSchemeKrw: 2_500_000,
  cornerSurchargePct: 10, islandSurchargePct: 15, earlyBirdDiscountPct: 10, halls,
});

const tally = (statuses: number[]): Record<number, number> => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

/**
 * Issue 15, part 1: one venue truth. Whatever occupies a space (an edition's halls with build-up
 * and tear-down, a conference session, an export-meeting area) holds a venue booking under the
 * venue's exclusion constraint, written in the same transaction as the thing itself; a conflict
 * is a 409 naming what holds the space.
 */
describe('one venue truth: the programme and the halls book the venue', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const session = (body: Record<string, unknown>, edition = PPURI) =>
    t.http.post(`/api/editions/${edition}/conference-sessions`).set('Authorization', organizer)
      .send({ titleKo: '세션', titleEn: 'Session', speakers: [], capacity: 40, ...body });
  const book = (body: Record<string, unknown>) => t.http.post(BOOKINGS).set('Authorization', organizer).send({ confirm: true, ...body });
  const activeHolding = async (ref: string): Promise<{ space: string; from: string; until: string } | undefined> =>
    (await t.db.pool.query(
      `SELECT s.code AS space, to_char(b.occupied_from AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD HH24:MI') AS "from",
              to_char(b.occupied_until AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD HH24:MI') AS "until"
         FROM venue_bookings b JOIN venue_spaces s ON s.id = b.space_id JOIN venue_booking_occupancies o ON o.booking_id = b.id
        WHERE b.holder_ref = $1 AND b.status = 'confirmed'`, [ref])).rows[0];

  it('refuses a second conference session in the same room at an overlapping time, naming the first', async () => {
    const first = await session({ titleKo: '스마트 모빌리티', titleEn: 'Smart mobility', room: 'R301', startsAt: '2027-04-28T14:00:00+09:00', endsAt: '2027-04-28T15:30:00+09:00' }).expect(201);
    const second = await session({ room: 'R301', startsAt: '2027-04-28T15:00:00+09:00', endsAt: '2027-04-28T16:00:00+09:00' }).expect(409);
    expect(second.body).toMatchObject({
      code: 'BOOKING_CONFLICT',
      message: `R301 is held 2027-04-28 14:00–15:30 by conference session 'Smart mobility' of ${PPURI_NAME}.`,
      conflictingSpace: 'R301',
      holder: { kind: 'conference-session' },
    });
    expect(second.body.messageKo).toBe(`제2센터 301호 회의실: 2027년 4월 28일 (수) 오후 2:00–오후 3:30에 2027 국제뿌리산업전시회 학술회의 세션 '스마트 모빌리티'이(가) 사용합니다.`);
    // The refused session does not exist; back to back is fine.
    const programme = await t.http.get(`/api/editions/${PPURI}/programme`).expect(200);
    expect(programme.body.conferenceSessions.filter((s: { room: string }) => s.room === 'R301')).toHaveLength(1);
    await session({ room: 'R301', startsAt: '2027-04-28T15:30:00+09:00', endsAt: '2027-04-28T16:00:00+09:00' }).expect(201);
    expect(await activeHolding(`conference-session:${first.body.id}`)).toEqual({ space: 'R301', from: '2027-04-28 14:00', until: '2027-04-28 15:30' });
  });

  it('refuses a confirmed venue booking over a session, naming the session; the venue cannot cancel what a session holds', async () => {
    await session({ titleKo: '용접 자동화', titleEn: 'Welding automation', room: 'R302', startsAt: '2027-04-29T10:00:00+09:00', endsAt: '2027-04-29T11:00:00+09:00' }).expect(201);
    const res = await book({ space: 'R302', startsAt: '2027-04-29T10:30:00+09:00', endsAt: '2027-04-29T12:00:00+09:00', purpose: 'Press briefing' }).expect(409);
    expect(res.body.message).toBe(`R302 is held 2027-04-29 10:00–11:00 by conference session 'Welding automation' of ${PPURI_NAME}.`);
    // A booking of the whole room R201-202 is refused by a session in one of its parts too.
    await session({ titleKo: '금형', titleEn: 'Molds', room: 'R202', startsAt: '2027-04-29T13:00:00+09:00', endsAt: '2027-04-29T14:00:00+09:00' }).expect(201);
    expect((await book({ space: 'R201-202', startsAt: '2027-04-29T13:30:00+09:00', endsAt: '2027-04-29T15:00:00+09:00', purpose: 'Gala' }).expect(409)).body.message)
      .toMatch(/^R202 is held 2027-04-29 13:00–14:00 by conference session 'Molds'/);

    const held = (await t.http.get(BOOKINGS).query({ space: 'R302', edition: PPURI }).set('Authorization', organizer).expect(200)).body.items[0];
    const cancel = await t.http.post(`${BOOKINGS}/${held.id}/cancel`).set('Authorization', organizer).send({});
    expect(cancel.status).toBe(409);
    expect(cancel.body.message).toMatch(/held by conference session 'Welding automation'/);
  });

  it('refuses a second edition selling a hall another edition holds on the same days (with build-up and tear-down), naming it', async () => {
    // The seed shares the hall between Green Car (EXH1) and IoT (EXH2), both 7–9 July 2027.
    const res = await t.http.put('/api/editions/green-car-2027/exhibition').set('Authorization', organizer)
      .send(terms([{ hall: 'EXH1', boothCapacity: 240 }, { hall: 'EXH2', boothCapacity: 240 }])).expect(409);
    expect(res.body.message).toBe('EXH2 is held 2027-07-05 07:00 – 2027-07-10 23:00 by 2027 Gwangju International IoT·Appliance·Robot Fair: exhibition with build-up and tear-down.');
    // Nothing of the refused change stayed: Green Car still sells EXH1 only.
    const halls = (await t.http.get('/api/editions/green-car-2027/exhibition').expect(200)).body.halls.map((h: { code: string }) => h.code);
    expect(halls).toEqual(['EXH1']);
    // The whole exhibition hall overlaps both halves; a plain booking during build-up is refused too.
    const whole = await book({ space: 'EXH', startsAt: '2027-07-05T09:00:00+09:00', endsAt: '2027-07-05T18:00:00+09:00', purpose: 'Car show' }).expect(409);
    expect(whole.body.holder.kind).toBe('edition-hall');
  });

  it('moves a session and its booking in one transaction: a refused move leaves the old booking; a move frees the old slot; cancelling frees it', async () => {
    const a = (await session({ titleKo: '가', titleEn: 'A', room: 'R303', startsAt: '2027-04-30T10:00:00+09:00', endsAt: '2027-04-30T11:00:00+09:00' }).expect(201)).body;
    const b = (await session({ titleKo: '나', titleEn: 'B', room: 'R304', startsAt: '2027-04-30T10:00:00+09:00', endsAt: '2027-04-30T11:00:00+09:00' }).expect(201)).body;
    const move = (id: string, body: Record<string, unknown>) => t.http.patch(`/api/editions/${PPURI}/conference-sessions/${id}`).set('Authorization', organizer).send(body);

    const refused = await move(a.id, { room: 'R304', startsAt: '2027-04-30T10:30:00+09:00', endsAt: '2027-04-30T11:30:00+09:00' }).expect(409);
    expect(refused.body.message).toBe(`R304 is held 2027-04-30 10:00–11:00 by conference session 'B' of ${PPURI_NAME}.`);
    expect(await activeHolding(`conference-session:${a.id}`)).toEqual({ space: 'R303', from: '2027-04-30 10:00', until: '2027-04-30 11:00' });
    const row = (await t.db.pool.query(`SELECT r.code, c.starts_at FROM conference_sessions c JOIN venue_spaces r ON r.id = c.room_id WHERE c.id = $1`, [a.id])).rows[0];
    expect(row.code).toBe('R303');
    expect(new Date(row.starts_at).toISOString()).toBe('2027-04-30T01:00:00.000Z');

    await move(a.id, { room: 'R305', startsAt: '2027-04-30T14:00:00+09:00', endsAt: '2027-04-30T15:00:00+09:00' }).expect(200);
    expect(await activeHolding(`conference-session:${a.id}`)).toEqual({ space: 'R305', from: '2027-04-30 14:00', until: '2027-04-30 15:00' });
    await book({ space: 'R303', startsAt: '2027-04-30T10:00:00+09:00', endsAt: '2027-04-30T11:00:00+09:00', purpose: 'Old slot is free' }).expect(201);
    expect((await book({ space: 'R305', startsAt: '2027-04-30T14:30:00+09:00', endsAt: '2027-04-30T15:30:00+09:00', purpose: 'New slot is taken' }).expect(409)).body.holder.kind)
      .toBe('conference-session');

    await t.http.delete(`/api/editions/${PPURI}/conference-sessions/${b.id}`).set('Authorization', organizer).expect(204);
    expect(await activeHolding(`conference-session:${b.id}`)).toBeUndefined();
    await book({ space: 'R304', startsAt: '2027-04-30T10:00:00+09:00', endsAt: '2027-04-30T11:00:00+09:00', purpose: 'Freed by the cancellation' }).expect(201);
  });

  it('books the export-meeting area, and the halls move with the edition days and build-up', async () => {
    await t.http.post(`/api/editions/${PPURI}/meeting-sessions`).set('Authorization', organizer)
      .send({ day: '2027-04-29', startsAt: '10:00', endsAt: '12:00', space: 'MPH' }).expect(201);
    const res = await book({ space: 'MPH', startsAt: '2027-04-29T11:00:00+09:00', endsAt: '2027-04-29T13:00:00+09:00', purpose: 'Robot demo' }).expect(409);
    expect(res.body.message).toBe(`MPH is held 2027-04-29 10:00–12:00 by export meetings of ${PPURI_NAME}.`);

    const hallRef = async (edition: string, hall: string): Promise<string> =>
      (await t.db.pool.query(`SELECT 'edition-hall:' || e.id || ':' || s.id AS ref FROM fair_editions e, venue_spaces s WHERE e.code = $1 AND s.code = $2`, [edition, hall])).rows[0].ref;
    const ppuriExh1 = await hallRef(PPURI, 'EXH1');
    expect(await activeHolding(ppuriExh1)).toEqual({ space: 'EXH1', from: '2027-04-26 07:00', until: '2027-05-01 23:00' });
    const patched = await t.http.patch(`/api/editions/${PPURI}`).set('Authorization', organizer).send({ buildUpDays: 3, tearDownDays: 0 }).expect(200);
    expect(patched.body).toMatchObject({ buildUpDays: 3, tearDownDays: 0 });
    expect(await activeHolding(ppuriExh1)).toEqual({ space: 'EXH1', from: '2027-04-25 07:00', until: '2027-04-30 23:00' });

    // Moving Green Car onto the PPURI days is refused (its hall would clash), and nothing moves.
    const clash = await t.http.patch('/api/editions/green-car-2027').set('Authorization', organizer).send({ startsOn: '2027-04-28', endsOn: '2027-04-30' }).expect(409);
    expect(clash.body.message).toMatch(/^EXH1 is held 2027-04-25 07:00 – 2027-04-30 23:00 by 2027 International Manufacturing Technology \(PPURI\) Fair: exhibition/);
    expect((await t.http.get('/api/editions/green-car-2027').set('Authorization', organizer).expect(200)).body.startsOn).toBe('2027-07-07');
  });

  it('never lets an edition hall sell more booths than its space holds: 400 from the API, the trigger below it', async () => {
    const res = await t.http.put(`/api/editions/${PPURI}/exhibition`).set('Authorization', organizer)
      .send(terms([{ hall: 'EXH1', boothCapacity: 260 }])).expect(400);
    expect(res.body.errors).toEqual([{ field: 'halls.0.boothCapacity', messages: ['EXH1 holds at most 250 booth units, not 260'] }]);
    await expect(t.db.pool.query(`UPDATE edition_halls SET booth_capacity = 251 WHERE space_id = (SELECT id FROM venue_spaces WHERE code = 'EXH1')`))
      .rejects.toMatchObject({ code: '23514', constraint: 'edition_halls_within_space_capacity' });
    await expect(t.db.pool.query(`UPDATE venue_spaces SET booth_capacity = 100 WHERE code = 'EXH1'`)).rejects.toMatchObject({ code: '23514' });
  });

  it('shows the conflict on the programme page next to the room and the times, in Korean (and English with ?lang=en), keeping what was typed', async () => {
    const organizerPages = new PageClient(t, { lang: null });
    const login = await organizerPages.get('/console/login');
    expect((await organizerPages.post('/console/login', { ...TEST_ORGANIZER, _csrf: csrfOf(login) })).status).toBe(303);
    await session({ titleKo: '배터리 안전', titleEn: 'Battery safety', room: 'R306', startsAt: '2027-07-08T14:00:00+09:00', endsAt: '2027-07-08T15:00:00+09:00' }, 'green-car-2027').expect(201);
    const form = { titleKo: '충전 인프라', titleEn: 'Charging', speakers: '', room: 'R306', day: '2027-07-08', start: '14:30', end: '15:30', capacity: '30' };

    const page = await organizerPages.get('/console/programme/green-car-2027');
    const ko = await organizerPages.post('/console/programme/green-car-2027/sessions', { _csrf: csrfOf(page), ...form });
    expect(ko.status).toBe(400);
    expect(ko.text).toContain(`<p class="error" id="f-room-error">이 시간에는 장소를 쓸 수 없습니다. 제2센터 306호 회의실: 2027년 7월 8일 (목) 오후 2:00–오후 3:00에 2027 국제그린카산업전시회 학술회의 세션 &#39;배터리 안전&#39;이(가) 사용합니다.</p>`);
    expect(ko.text).toContain('<p class="error" id="f-start-error">다른 시간을 고르거나 다른 장소를 선택하세요.</p>');
    expect(ko.text).toContain('href="#f-room"');
    expect(ko.text).toContain('value="충전 인프라"');
    expect(ko.text).not.toMatch(/conference session| PM|exhibition with/);

    const en = await organizerPages.post('/console/programme/green-car-2027/sessions?lang=en', { _csrf: csrfOf(page), ...form });
    expect(en.status).toBe(400);
    expect(en.text).toContain(`The room is not free then. Meeting Room 306 (Second Center) is held Thu 8 Jul 2027, 2:00 PM–3:00 PM by conference session &#39;Battery safety&#39; of 2027 International Green Car Industry Fair.`);

    // The venue's day page lists the holdings with their holder's name, in the page's language, and no cancel button for them.
    const day = await organizerPages.get('/console/venue?date=2027-07-08');
    expect(day.status).toBe(200);
    expect(day.text).toContain(`2027 국제그린카산업전시회 학술회의 세션 &#39;배터리 안전&#39;`);
    expect(day.text).toContain('2027 국제그린카산업전시회 전시회(설치·철거 포함)');
    expect(day.text).toContain('프로그램이나 전시회가 잡은 대관입니다.');
    const dayEn = await organizerPages.get('/console/venue?date=2027-07-08&lang=en');
    expect(dayEn.text).toContain(`conference session &#39;Battery safety&#39; of 2027 International Green Car Industry Fair`);
  });

  it('the seeded 2027 editions do not oversell: per atomic space and day, the units sold are within its capacity, and every hall is booked', async () => {
    const { rows } = await t.db.pool.query(`
      WITH sold AS (
        SELECT leaf.id AS space_id, leaf.code, leaf.booth_capacity AS capacity, d::date AS day, e.code AS edition, h.booth_capacity AS units
          FROM edition_halls h JOIN fair_editions e ON e.id = h.edition_id
          JOIN venue_spaces leaf ON leaf.id = h.space_id OR leaf.id IN (SELECT part_space_id FROM venue_space_parts WHERE whole_space_id = h.space_id)
          CROSS JOIN generate_series(e.starts_on - e.build_up_days, e.ends_on + e.tear_down_days, interval '1 day') d
         WHERE e.year = 2027 AND NOT EXISTS (SELECT 1 FROM venue_space_parts p WHERE p.whole_space_id = leaf.id))
      SELECT code, day, capacity, sum(units)::int AS units, string_agg(edition, ',') AS editions FROM sold GROUP BY code, day, capacity
      HAVING sum(units) > capacity OR count(*) > 1`);
    expect(rows).toEqual([]);
    const floor = await t.db.pool.query(`
      SELECT d::date AS day, sum(h.booth_capacity)::int AS units FROM edition_halls h JOIN fair_editions e ON e.id = h.edition_id
        CROSS JOIN generate_series(e.starts_on, e.ends_on, interval '1 day') d WHERE e.year = 2027 GROUP BY d ORDER BY units DESC LIMIT 1`);
    expect(floor.rows[0].units).toBeLessThanOrEqual(500);
    const unbooked = await t.db.pool.query(`
      SELECT e.code, s.code AS hall FROM edition_halls h JOIN fair_editions e ON e.id = h.edition_id JOIN venue_spaces s ON s.id = h.space_id
       WHERE NOT EXISTS (SELECT 1 FROM venue_bookings b WHERE b.holder_ref = 'edition-hall:' || h.edition_id || ':' || h.space_id AND b.status = 'confirmed')`);
    expect(unbooked.rows).toEqual([]);
  });
});

/**
 * Twenty editions on the same days race for EXH1: exactly one wins, the others get 409 naming it.
 * Negative control: with VENUE_SPACE_HOLDINGS=false (the test-only switch that skips the booking)
 * all twenty sell the same hall.
 */
describe('one venue truth: editions racing for one hall', () => {
  async function race(env: Record<string, string>): Promise<{ statuses: number[]; sellers: number; messages: string[] }> {
    const t = await startTestApp({ env });
    try {
      const organizer = await bearer(t);
      await t.db.pool.query(`
        INSERT INTO fair_editions (code, series_id, year, starts_on, ends_on, venue_id, status)
        SELECT 'ppuri-' || y, s.id, y, '2031-03-11', '2031-03-13', v.id, 'registration_open'
          FROM fair_series s, venues v, generate_series(2060, 2079) y WHERE s.code = 'ppuri' AND v.code = 'kdj-center'`);
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) =>
        t.http.put(`/api/editions/ppuri-${2060 + i}/exhibition`).set('Authorization', organizer).send(terms([{ hall: 'EXH1', boothCapacity: 200 }])).then((r) => r)));
      const sellers = (await t.db.pool.query(`SELECT count(*)::int AS n FROM edition_halls h JOIN fair_editions e ON e.id = h.edition_id WHERE e.year >= 2060`)).rows[0].n as number;
      return { statuses: responses.map((r) => r.status), sellers, messages: responses.filter((r) => r.status === 409).map((r) => r.body.message as string) };
    } finally {
      await t.close();
    }
  }

  it('lets exactly one of 20 editions take the hall', async () => {
    const { statuses, sellers, messages } = await race({});
    expect(tally(statuses)).toEqual({ 200: 1, 409: 19 });
    expect(sellers).toBe(1);
    for (const m of messages) expect(m).toMatch(/^EXH1 is held 2031-03-09 07:00 – 2031-03-14 23:00 by 20[67]\d International Manufacturing Technology \(PPURI\) Fair: exhibition/);
  }, 120_000);

  it('negative control: without the hall booking all 20 sell it', async () => {
    const { statuses, sellers } = await race({ VENUE_SPACE_HOLDINGS: 'false' });
    expect(tally(statuses)).toEqual({ 200: 20 });
    expect(sellers).toBe(20);
  }, 120_000);
});
