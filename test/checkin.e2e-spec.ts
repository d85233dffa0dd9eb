import { randomBytes } from 'node:crypto';
import { mailTo } from './support/exhibitors';
import { location, PageClient } from './support/page-client';
import { bearer, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

/*
 * The entrance check-in against the real services: 20 staff phones (20 sessions, CSRF) checking in
 * 180 visitors in parallel with duplicates mixed in — each visitor counted exactly once per day —
 * and the negative control (the unique key dropped: the same race double counts). Refusals (other
 * day, other edition, unknown code), the walk-in at the desk, the counts as CSV.
 */

const EDITION = 'green-car-2027'; // 2027-07-07 … 2027-07-09
const DAY1 = '2027-07-07';
const DAY2 = '2027-07-08';
/**
 * 180 visitors (a multiple of 3, 4 and 5: the kind and country counts below divide it), 60 of them tapped three
 * times: 300 taps. The property is per visitor, so volume adds nothing to it; the negative control still double
 * counted 107 of 167 triple-tapped visitors with 500 (and must see more than none with 60).
 */
const VISITORS = 180;
const PHONES = 20;

/** A badge code of the test's own range: FG-T<3 base-36 digits>-<4 random>. */
const badgeOf = (i: number, salt: string): string => `FG-T${i.toString(36).toUpperCase().padStart(3, '0')}-${salt}`;

interface Tap { badge: string; visitor: number }

/** Every visitor once, a third of them three times (adjacent, so different phones tap them at about the same moment), some typed sloppily. */
function taps(salt: string): Tap[] {
  const out: Tap[] = [];
  for (let i = 0; i < VISITORS; i++) {
    const badge = badgeOf(i, salt);
    out.push({ badge, visitor: i });
    if (i % 3 === 0) {
      out.push({ badge: badge.toLowerCase(), visitor: i });
      out.push({ badge: badge.replace(/-/g, ''), visitor: i });
    }
  }
  return out;
}

/** 20 phones pull taps from one list; each tap is the desk's POST with the phone's CSRF token. Answers: the outcome of each 303. */
async function race(phones: PageClient[], list: Tap[], day: string): Promise<{ outcomes: Map<string, number>; statuses: Map<number, number>; firstPerVisitor: Map<number, number> }> {
  let next = 0;
  const outcomes = new Map<string, number>();
  const statuses = new Map<number, number>();
  const firstPerVisitor = new Map<number, number>();
  await Promise.all(phones.map(async (phone) => {
    await phone.get(`/console/checkin/${EDITION}?day=${day}&lang=ko`);
    const csrf = phone.csrf();
    for (;;) {
      const tap = list[next++];
      if (!tap) return;
      const res = await phone.post(`/console/checkin/${EDITION}`, { _csrf: csrf, badge: tap.badge, day });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const outcome = res.status === 303 ? new URL(location(res), 'http://x').searchParams.get('outcome') ?? 'none' : 'error';
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (outcome === 'checkedIn') firstPerVisitor.set(tap.visitor, (firstPerVisitor.get(tap.visitor) ?? 0) + 1);
    }
  }));
  return { outcomes, statuses, firstPerVisitor };
}

describe('entrance check-in', () => {
  let t: TestApp;
  let editionId: string;
  let otherEditionId: string;
  const salt = randomBytes(2).toString('hex').toUpperCase();
  const phones: PageClient[] = [];
  let desk: PageClient;

  async function insertAttendee(edition: string, i: number, badge: string, days: string[], extra: { kind?: string; country?: string; name?: string } = {}): Promise<string> {
    const { rows } = await t.db.pool.query<{ id: string }>(
      `INSERT INTO attendees (edition_id, name, email, company, country, kind, days, locale, consent_messages, consent_share_contact, badge_code, access_token_hash, link_sent_at)
       VALUES ($1, $2, $3, '광주전자', $4, $5, $6, 'ko', false, false, $7, $8, now()) RETURNING id`,
      [edition, extra.name ?? `방문객 ${i}`, `v${i}-${badge.toLowerCase()}@visitors.example`, extra.country ?? (i % 4 === 0 ? 'VN' : 'KR'),
        extra.kind ?? (i % 5 === 0 ? 'buyer' : 'trade_visitor'), days, badge, randomBytes(32).toString('hex')],
    );
    return rows[0].id;
  }

  const count = async (day: string): Promise<number> =>
    (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM attendee_check_ins WHERE edition_id = $1 AND day = $2`, [editionId, day])).rows[0].n;

  beforeAll(async () => {
    t = await startTestApp();
    editionId = (await t.db.pool.query<{ id: string }>(`SELECT id FROM fair_editions WHERE code = $1`, [EDITION])).rows[0].id;
    otherEditionId = (await t.db.pool.query<{ id: string }>(`SELECT id FROM fair_editions WHERE code = 'ppuri-2027'`)).rows[0].id;
    for (let i = 0; i < VISITORS; i++) await insertAttendee(editionId, i, badgeOf(i, salt), [DAY1, DAY2]);
    for (let p = 0; p < PHONES; p++) {
      const phone = new PageClient(t);
      await phone.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
      phones.push(phone);
    }
    desk = phones[0];
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it(`20 phones check ${VISITORS} visitors in at once, duplicates mixed in: every visitor counted exactly once for the day`, async () => {
    const list = taps(salt);
    const { outcomes, statuses, firstPerVisitor } = await race(phones, list, DAY1);
    const duplicates = list.length - VISITORS;
    expect(Object.fromEntries(statuses)).toEqual({ 303: list.length });
    expect(outcomes.get('checkedIn')).toBe(VISITORS);
    expect(outcomes.get('already')).toBe(duplicates);
    expect(firstPerVisitor.size).toBe(VISITORS);
    expect([...firstPerVisitor.values()].every((n) => n === 1)).toBe(true);
    expect(await count(DAY1)).toBe(VISITORS);
    const perAttendee = await t.db.pool.query(`SELECT attendee_id FROM attendee_check_ins WHERE day = $1 GROUP BY attendee_id HAVING count(*) > 1`, [DAY1]);
    expect(perAttendee.rowCount).toBe(0);
    // The desk page and the CSV say the same.
    const page = await desk.get(`/console/checkin/${EDITION}?day=${DAY1}`);
    expect(page.text).toContain(`이날 입장 ${VISITORS}명`);
    const csv = await desk.get(`/console/checkin/${EDITION}/counts.csv`);
    expect(csv.text).toContain(`day,${DAY1},,${VISITORS}`);
    // console.log the figure for the report
    console.log(`check-in race: ${list.length} taps by ${PHONES} phones, ${VISITORS} visitors → DB ${await count(DAY1)}, outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
  }, 180_000);

  it('a second tap the same day says when the visitor came in, in Korean without AM/PM; the day after counts anew', async () => {
    await desk.get(`/console/checkin/${EDITION}?lang=ko`);
    const badge = badgeOf(7, salt);
    const again = await desk.post(`/console/checkin/${EDITION}`, { _csrf: desk.csrf(), badge, day: DAY1 });
    expect(location(again)).toBe(`/console/checkin/${EDITION}?badge=${badge}&day=${DAY1}&outcome=already`);
    const page = await desk.get(location(again));
    expect(page.text).toMatch(/이미 입장 확인됨: 오[전후] \d{1,2}:\d\d/);
    expect(page.text).not.toMatch(/\b(AM|PM)\b/);
    expect(page.text).toContain('방문객 7');
    const en = await desk.get(`${location(again)}&lang=en`);
    expect(en.text).toMatch(/Already checked in at \d{1,2}:\d\d [AP]M/);
    await desk.get(`/console/checkin/${EDITION}?lang=ko`);
    // Looked up (GET) before the tap: the visitor and the one button; nothing counted by looking.
    const look = await desk.get(`/console/checkin/${EDITION}?badge=${badgeOf(8, salt).toLowerCase()}&day=${DAY2}`);
    expect(look.text).toContain('확인할 참관객');
    expect(look.text).toContain('<button type="submit" class="big">입장 확인</button>');
    expect(look.text).toContain('베트남 (VN)');
    expect(await count(DAY2)).toBe(0);
    const tap = await desk.post(`/console/checkin/${EDITION}`, { _csrf: desk.csrf(), badge: badgeOf(8, salt), day: DAY2 });
    expect(new URL(location(tap), 'http://x').searchParams.get('outcome')).toBe('checkedIn');
    expect((await desk.get(location(tap))).text).toMatch(/방문객 8 님 입장 확인됨 \(오[전후] \d{1,2}:\d\d\)/);
    expect(await count(DAY2)).toBe(1);
  });

  it('refuses a badge for another day, of another edition, an unknown or malformed code, a day outside the fair — with the reason, counting nothing', async () => {
    const before = await count(DAY1);
    const day2Before = await count(DAY2);
    await desk.get(`/console/checkin/${EDITION}`);
    const dayNine = `FG-D9${salt.slice(0, 2)}-${salt}`;
    await insertAttendee(editionId, 9001, dayNine, ['2027-07-09'], { name: '구일만' });
    const otherBadge = `FG-OE${salt.slice(0, 2)}-${salt}`;
    const otherStart = (await t.db.pool.query<{ s: string }>(`SELECT starts_on::text AS s FROM fair_editions WHERE id = $1`, [otherEditionId])).rows[0].s;
    await insertAttendee(otherEditionId, 9002, otherBadge, [otherStart], { name: '다른회차' });
    const cases: Array<[string, string, RegExp, RegExp]> = [
      [dayNine, DAY1, /입장 불가: 이 참관객은 7월 7일 \(수\)에 등록하지 않았습니다\. 등록한 날: 7월 9일 \(금\)/, /This visitor did not register for Wed 7 Jul\. Registered for: Fri 9 Jul/],
      [otherBadge, DAY1, /입장 불가: 다른 회차의 배지입니다/, /another edition/],
      ['FG-ZZZZ-ZZZZ', DAY1, /입장 불가: 이 코드로 등록된 참관객이 없습니다/, /No visitor is registered with this code/],
      ['hello', DAY1, /입장 불가: 배지 코드 형식이 아닙니다/, /not a badge code/],
      [badgeOf(1, salt), '2027-08-01', /입장 불가: 8월 1일 \(일\)은\(는\) 이 회차의 박람회 기간이 아닙니다/, /is not a day of this edition/],
    ];
    for (const [badge, day, ko, en] of cases) {
      const res = await desk.post(`/console/checkin/${EDITION}`, { _csrf: desk.csrf(), badge, day });
      expect(res.status).toBe(303);
      expect(new URL(location(res), 'http://x').searchParams.get('outcome')).toBeNull();
      const page = await desk.get(location(res));
      expect(page.text).toMatch(ko);
      expect(page.text).not.toContain('class="big"');
      expect((await desk.get(`${location(res)}&lang=en`)).text).toMatch(en);
      await desk.get(`/console/checkin/${EDITION}?lang=ko`);
    }
    expect(await count(DAY1)).toBe(before);
    expect((await t.db.pool.query(`SELECT 1 FROM attendee_check_ins WHERE day = '2027-08-01'`)).rowCount).toBe(0);
    // Without ?day= the day is today at the venue; outside the fair the desk says so and lets nobody in.
    const today = await desk.get(`/console/checkin/${EDITION}`);
    if (!today.text.includes('박람회 기간에만')) throw new Error('expected the not-a-fair-day notice (tests run outside 2027-07-07…09)');
    const notToday = await desk.post(`/console/checkin/${EDITION}`, { _csrf: desk.csrf(), badge: badgeOf(3, salt) });
    expect(new URL(location(notToday), 'http://x').searchParams.get('outcome')).toBeNull();
    expect((await desk.get(location(notToday))).text).toMatch(/입장 불가: \d+월 \d+일 \([일월화수목금토]\)은\(는\) 이 회차의 박람회 기간이 아닙니다/);
    await desk.get(`/console/checkin/${EDITION}`);
    // A POST without a CSRF token does nothing; without a session it goes to the login.
    expect((await desk.post(`/console/checkin/${EDITION}`, { badge: badgeOf(2, salt), day: DAY2 })).status).toBe(403);
    expect((await t.http.post(`/console/checkin/${EDITION}`).type('form').send({ badge: badgeOf(2, salt), day: DAY2 })).status).toBeGreaterThanOrEqual(300);
    expect(await count(DAY2)).toBe(day2Before);
    await desk.get(`/console/checkin/no-such-edition`).then((r) => expect(r.status).toBe(404));
  });

  it('registers a walk-in at the desk, checks them in at once and links to the badge print page; errors stay next to the fields', async () => {
    const email = `walkin-${salt.toLowerCase()}@visitors.example`;
    await desk.get(`/console/checkin/${EDITION}?day=${DAY2}`);
    const bad = await desk.post(`/console/checkin/${EDITION}/walk-in`, { _csrf: desk.csrf(), day: DAY2, name: '박현장', email: 'not-an-email', company: '', country: '', kind: 'buyer', language: 'ko' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('입력한 내용을 확인하세요.');
    expect(bad.text).toContain('<a href="#walkin-email">이메일: 올바르지 않습니다.</a>');
    expect(bad.text).toContain('<a href="#walkin-country">국가: 입력하세요.</a>');
    expect(bad.text).toContain('value="박현장"');
    const started = Date.now();
    const ok = await desk.post(`/console/checkin/${EDITION}/walk-in`, {
      _csrf: desk.csrf(), day: DAY2, name: '박현장', email, company: '현장상사', country: 'KR', kind: 'buyer', language: 'ko', consentShareContact: 'yes',
    });
    expect(ok.status).toBe(303);
    const url = new URL(location(ok), 'http://x');
    expect(url.searchParams.get('outcome')).toBe('walkIn');
    const page = await desk.get(location(ok));
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(page.text).toMatch(/박현장 님을 현장 등록하고 입장 확인했습니다 \(오[전후] \d{1,2}:\d\d\)/);
    const row = (await t.db.pool.query<{ id: string; days: string[]; walk_in: boolean; checked_in_by: string | null }>(
      `SELECT a.id, a.days, c.walk_in, c.checked_in_by FROM attendees a JOIN attendee_check_ins c ON c.attendee_id = a.id WHERE a.email = $1`, [email])).rows;
    expect(row).toHaveLength(1);
    expect(row[0].days).toEqual([DAY2]);
    expect(row[0].walk_in).toBe(true);
    expect(row[0].checked_in_by).not.toBeNull();
    expect(page.text).toContain(`href="/console/attendees/${EDITION}/${row[0].id}/badge"`);
    await mailTo(t, email, /.+/);
    // The same address again: the registration on file is used, not a second one.
    const again = await desk.post(`/console/checkin/${EDITION}/walk-in`, { _csrf: desk.csrf(), day: DAY2, name: '박현장', email, company: '', country: 'KR', kind: 'buyer', language: 'ko' });
    expect(new URL(location(again), 'http://x').searchParams.get('outcome')).toBe('walkInBefore');
    expect((await desk.get(location(again))).text).toContain('이 이메일로 이미 등록된 참관객입니다');
    expect((await t.db.pool.query(`SELECT 1 FROM attendee_check_ins c JOIN attendees a ON a.id = c.attendee_id WHERE a.email = $1`, [email])).rowCount).toBe(1);

    // On the fair days registration is usually closed: the desk still registers; a finished edition does not (through the API, as an organizer does).
    const organizer = await bearer(t);
    await t.http.post(`/api/editions/${EDITION}/status`).set('Authorization', organizer).send({ to: 'registration_closed', reason: 'the fair opens' }).expect(200);
    await desk.get(`/console/checkin/${EDITION}?day=${DAY2}`);
    const csrf = desk.csrf();
    const closed = await desk.post(`/console/checkin/${EDITION}/walk-in`, {
      _csrf: csrf, day: DAY2, name: 'Late Comer', email: `late-${salt.toLowerCase()}@visitors.example`, company: '', country: 'US', kind: 'trade_visitor', language: 'en',
    });
    expect(new URL(location(closed), 'http://x').searchParams.get('outcome')).toBe('walkIn');
    await t.http.post(`/api/editions/${EDITION}/status`).set('Authorization', organizer).send({ to: 'finished', reason: 'the fair is over' }).expect(200);
    const finished = await desk.post(`/console/checkin/${EDITION}/walk-in`, {
      _csrf: csrf, day: DAY2, name: 'Too Late', email: `too-late-${salt.toLowerCase()}@visitors.example`, company: '', country: 'US', kind: 'trade_visitor', language: 'en',
    });
    expect(finished.status).toBe(400);
    expect(finished.text).toContain('이 회차는 참관 등록을 받지 않습니다.');
    expect(finished.text).toContain('value="Too Late"');
  });

  it('gives the counts as CSV (UTF-8 BOM, console session): per day, hour, kind and country, adding up to the distinct check-ins', async () => {
    const res = await t.http.get(`/console/checkin/${EDITION}/counts.csv`).set('Cookie', desk.cookieHeader()).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="check-ins-${EDITION}.csv"`);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).toEqual(['breakdown', 'day', 'key', 'check_ins']);
    const sum = (kind: string, day: string): number => lines.filter((l) => l[0] === kind && l[1] === day).reduce((s, l) => s + Number(l[3]), 0);
    for (const day of [DAY1, DAY2, '2027-07-09']) {
      const distinct = (await t.db.pool.query<{ n: number }>(`SELECT count(DISTINCT attendee_id)::int AS n FROM attendee_check_ins WHERE edition_id = $1 AND day = $2`, [editionId, day])).rows[0].n;
      expect(sum('day', day)).toBe(distinct);
      expect(sum('hour', day)).toBe(distinct);
      expect(sum('kind', day)).toBe(distinct);
      expect(sum('country', day)).toBe(distinct);
    }
    expect(sum('day', DAY1)).toBe(VISITORS);
    expect(sum('day', DAY2)).toBe(3); // one tapped in, two walk-ins
    expect(lines.find((l) => l[0] === 'kind' && l[1] === DAY1 && l[2] === 'buyer')?.[3]).toBe(String(VISITORS / 5));
    expect(lines.find((l) => l[0] === 'country' && l[1] === DAY1 && l[2] === 'VN')?.[3]).toBe(String(VISITORS / 4));
    const anonymous = await t.http.get(`/console/checkin/${EDITION}/counts.csv`).expect(303);
    expect(anonymous.headers.location).toMatch(/^\/console\/login/);
  });

  it('shows the check-ins on the dashboard: per day, per hour, by kind and by country, as charts and tables', async () => {
    const page = await desk.get(`/console?edition=${EDITION}&lang=ko`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="checkins-day"');
    expect(page.text).toMatch(new RegExp(`<th scope="row">7월 7일 \\(수\\)</th><td class="n"><a href="[^"]+">${VISITORS}</a>`));
    expect(page.text).toContain('id="checkins-hour"');
    expect(page.text).toContain('id="checkins-kind"');
    expect(page.text).toContain('id="checkins-country"');
    expect(page.text).toContain('베트남');
    // Not running today (the tests run outside the fair): no refresh. The scripts are same-origin files (CSP script-src 'self').
    expect(page.text).not.toContain('dashboard-live.js');
    for (const path of ['/console/dashboard-live.js', '/console/checkin/checkin.js']) {
      const js = await t.http.get(path).expect(200);
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(js.headers['content-security-policy']).toContain("script-src 'self'");
    }
  });

  // The negative control: without the unique key the same race double counts, so the first test can fail.
  it('negative control: with the unique key dropped, the same race counts visitors more than once', async () => {
    await t.db.pool.query(`DROP INDEX attendee_check_ins_attendee_day_key`);
    const day = '2027-07-09';
    await t.db.pool.query(`UPDATE attendees SET days = array_append(days, $2) WHERE edition_id = $1 AND badge_code LIKE 'FG-T%' AND NOT ($2 = ANY(days))`, [editionId, day]);
    const list = taps(salt);
    const { outcomes } = await race(phones, list, day);
    const rows = (await t.db.pool.query<{ n: number; d: number }>(`SELECT count(*)::int AS n, count(DISTINCT attendee_id)::int AS d FROM attendee_check_ins WHERE day = $1 AND edition_id = $2`, [day, editionId])).rows[0];
    console.log(`negative control: ${list.length} taps → ${rows.n} rows for ${rows.d} visitors; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
    expect(rows.d).toBe(VISITORS);
    expect(rows.n).toBeGreaterThan(VISITORS);
    expect(outcomes.get('checkedIn') ?? 0).toBeGreaterThan(VISITORS);
  }, 180_000);
});
