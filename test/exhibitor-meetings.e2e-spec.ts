import type { Test } from 'supertest';
import { newBusinessRegistrationNumber } from './support/factories';
import { signUpExhibitor, type Exhibitor } from './support/exhibitors';
import { withInsertsHeld } from './support/insert-gate';
import { fourSlotMeetingDay } from './support/meetings';
import { PageClient } from './support/page-client';
import type { ReceivedMail } from './support/smtp-sink';
import { bearer, eventually, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

const EDITION = 'green-car-2027';
const PAGE = `/exhibitor/meetings/${EDITION}`;
const API = `/api/editions/${EDITION}/meetings`;
const ACCESS = /^\[Fairgate\] (수출상담회 등록 완료|You are registered for the export meetings)/;
const DIGEST = /^\[Fairgate\] (\d+ updates? on your meeting requests|수출상담 신청 알림 \d+건)/;

const textOf = (page: string): string => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const csrfOf = (page: string): string => {
  const m = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!m) throw new Error(`no CSRF token in: ${page.slice(0, 300)}`);
  return m[1];
};

/**
 * Issue 16, item 6: an exhibitor with an approved application joins the edition's export meetings
 * itself, from its account (/exhibitor/meetings), once — however often or concurrently it submits —
 * and gets buyers' requests by email and answers them on its page. Against the real PostgreSQL,
 * Redis, the mail worker and the SMTP sink.
 */
describe('exhibitors join the export meetings themselves', () => {
  let t: TestApp;
  let organizer: string;
  let serial = 0;

  /** An application of the company to Green Car 2027 in the given status, with its contact email. */
  async function application(companyId: string, status: string, name: string, categories: string[] = ['battery-charging']): Promise<{ id: string; email: string }> {
    const email = `contact-${++serial}-${process.pid}@${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example`;
    const { rows } = await t.db.pool.query(
      `INSERT INTO exhibitor_applications (edition_id, status, company_id, company_name, business_registration_number, company_country, company_address,
              contact_name, contact_email, contact_phone, booth_type, booth_count, product_categories, locale)
       SELECT e.id, $2, $3, $4, $5, 'KR', '광주광역시 북구', '박지은', $6, '+82 62-600-1234', 'shell_scheme', 1, $7, 'ko' FROM fair_editions e WHERE e.code = $1 RETURNING id`,
      [EDITION, status, companyId, name, newBusinessRegistrationNumber(), email, categories],
    );
    return { id: rows[0].id as string, email };
  }

  /** The exhibitor's pages with its login session (the cookie the /exhibitor login sets). */
  function session(x: Exhibitor) {
    const cookie = `fairgate_session=${x.auth.slice('Bearer '.length)}`;
    return {
      get: (path: string): Test => t.http.get(path).set('Cookie', cookie),
      post: (path: string, form: Record<string, string | string[]>): Test => {
        const body = new URLSearchParams();
        for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
        return t.http.post(path).set('Cookie', cookie).type('form').send(body.toString());
      },
    };
  }

  const optInForm = (csrf: string, email: string): Record<string, string | string[]> => ({
    _csrf: csrf, contactName: '박지은', email, languages: ['ko', 'en'], interests: ['battery-charging'], days: ['2027-07-08'], locale: 'ko',
  });
  const participantsOf = async (companyId: string): Promise<Array<{ id: string; email: string; application_id: string; side: string; unavailable_slots: string[] }>> =>
    (await t.db.pool.query(`SELECT id, email, application_id, side, unavailable_slots FROM meeting_participants WHERE company_id = $1`, [companyId])).rows;
  const accessMails = async (email: string): Promise<number> =>
    (await t.db.pool.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'meetings.access-link' AND recipient = $1`, [email])).rows[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ env: { MEETING_REQUEST_DIGEST_SECONDS: '2' } });
    organizer = await bearer(t);
    await fourSlotMeetingDay(t, organizer, ['T01', 'T02']);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('an approved exhibitor', () => {
    let cell: Exhibitor;
    let app: { id: string; email: string };

    beforeAll(async () => {
      cell = await signUpExhibitor(t);
      app = await application(cell.companyId, 'approved', 'Bitgoeul Cell');
    });

    it('needs its login: without it the pages go to the exhibitor login', async () => {
      await t.http.get('/exhibitor/meetings').expect(303).expect('Location', '/exhibitor/login');
      await t.http.get(PAGE).expect(303).expect('Location', '/exhibitor/login');
      await t.http.post(`${PAGE}/opt-in`).type('form').send({ contactName: 'x' }).expect(303).expect('Location', '/exhibitor/login');
    });

    it('finds the edition in its list and a form filled from its application, in Korean', async () => {
      const me = session(cell);
      const list = await me.get('/exhibitor/meetings?lang=ko').expect(200);
      expect(textOf(list.text)).toContain('참여 가능');
      expect(list.text).toContain(`href="${PAGE}?lang=ko"`);
      const page = await me.get(`${PAGE}?lang=ko`).expect(200);
      expect(page.text).toContain('<html lang="ko">');
      expect(page.text).toContain(`value="${app.email}"`);
      expect(page.text).toMatch(/value="battery-charging" checked/);
      expect(page.text).toMatch(/value="2027-07-08" checked/);
      expect(textOf(page.text)).toContain('수출상담회 참여 신청');
      // The dashboard links here (a plain link: the exhibitors area does not import the meetings).
      const dashboard = await me.get('/exhibitor?lang=ko').expect(200);
      expect(dashboard.text).toContain('href="/exhibitor/meetings?lang=ko"');
    });

    it('refuses a form without its CSRF token, and creates nothing', async () => {
      const res = await session(cell).post(`${PAGE}/opt-in?lang=ko`, { ...optInForm('', app.email), _csrf: 'forged' });
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain('양식이 만료되었습니다');
      expect(await participantsOf(cell.companyId)).toEqual([]);
    });

    it('keeps the values and says what is wrong next to each field and on top', async () => {
      const me = session(cell);
      const csrf = csrfOf((await me.get(`${PAGE}?lang=ko`)).text);
      const res = await me.post(`${PAGE}/opt-in?lang=ko`, { _csrf: csrf, contactName: '박지은', email: 'not-an-email', days: ['2027-07-08'], locale: 'ko' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('value="not-an-email"');
      expect(res.text).toContain('<a href="#f-email">');
      expect(res.text).toContain('<a href="#f-languages">');
      expect(res.text).toContain('<p class="error" id="e-email">');
      expect(await participantsOf(cell.companyId)).toEqual([]);
    });

    it('opts in through the page: one exhibitor participant linked to its company and application, the private link emailed', async () => {
      const me = session(cell);
      const csrf = csrfOf((await me.get(`${PAGE}?lang=ko`)).text);
      const res = await me.post(`${PAGE}/opt-in?lang=ko`, optInForm(csrf, app.email)).expect(303);
      expect(res.headers.location).toBe(`${PAGE}?lang=ko&done=joined`);
      const rows = await participantsOf(cell.companyId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ side: 'exhibitor', email: app.email, application_id: app.id });
      // Available on 8 July only: every slot of the day is free (one meeting day).
      expect(rows[0].unavailable_slots).toEqual([]);
      const mine = await eventually(() => Promise.resolve(t.smtp.received.filter((m) => m.envelopeTo.includes(app.email) && ACCESS.test(m.parsed.subject ?? ''))), (m) => m.length === 1);
      expect(mine[0].parsed.subject).toMatch(/^\[Fairgate\] 수출상담회 등록 완료: /);
      expect(mine[0].parsed.text).toContain(`/meetings/${rows[0].id}.`);

      const page = await me.get(res.headers.location).expect(200);
      const text = textOf(page.text);
      expect(text).toContain('수출상담회 참여가 등록되었습니다');
      expect(text).toContain('답변할 상담 신청');
      expect(text).toContain('추천 기업');
      expect(page.text).toContain(`href="/meetings/${rows[0].id}.`);
    });

    it('a second opt-in creates no second participant and sends no second email', async () => {
      const me = session(cell);
      const csrf = csrfOf((await me.get(`${PAGE}?lang=ko`)).text);
      await me.post(`${PAGE}/opt-in?lang=ko`, optInForm(csrf, app.email)).expect(303);
      expect(await participantsOf(cell.companyId)).toHaveLength(1);
      expect(await accessMails(app.email)).toBe(1);
    });

    it('the organizer sees it on the participants page, marked self-registered', async () => {
      const console = new PageClient(t);
      await console.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
      const page = await console.get(`/console/meetings/${EDITION}/participants`);
      expect(page.status).toBe(200);
      const [id] = (await participantsOf(cell.companyId)).map((p) => p.id);
      const card = page.text.split(`<li id="p-${id}">`)[1].split('</li>')[0];
      expect(card).toContain('Bitgoeul Cell');
      expect(card).toContain('직접 참여 신청');
    });

    it('a buyer requests it: the digest email reaches the contact, and it accepts on its own page', async () => {
      const buyerEmail = `buyer-${process.pid}@saigon-battery.example`;
      await t.http.post(`${API}/register`)
        .send({ companyName: 'Saigon Battery JSC', country: 'VN', contactName: 'Nguyen An', email: buyerEmail, languages: ['vi', 'en'], interests: ['battery-charging'] })
        .expect(201);
      const buyerMail = await eventually(() => Promise.resolve(t.smtp.received.find((m) => m.envelopeTo.includes(buyerEmail) && ACCESS.test(m.parsed.subject ?? ''))), (m) => m !== undefined);
      const buyerPage = /\/meetings\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}/.exec(buyerMail!.parsed.text ?? '')![0];
      // The buyer sees the exhibitor among its suggestions and requests it from its private page.
      const [exhibitor] = await participantsOf(cell.companyId);
      const buyerView = await t.http.get(`${buyerPage}?lang=en`).expect(200);
      expect(buyerView.text).toContain(`value="${exhibitor.id}"`);
      await t.http.post(`${buyerPage}/requests`).type('form').send({ counterpart: exhibitor.id, priority: 'must' }).expect(303);

      const digest: ReceivedMail = (await eventually(
        () => Promise.resolve(t.smtp.received.find((m) => m.envelopeTo.includes(app.email) && DIGEST.test(m.parsed.subject ?? ''))),
        (m) => m !== undefined,
        40_000,
      ))!;
      expect(digest.parsed.subject).toMatch(/^\[Fairgate\] 수출상담 신청 알림 1건: /);
      expect(digest.parsed.text).toContain('박지은 님, 안녕하세요.');
      expect(digest.parsed.text).toContain('- Saigon Battery JSC (VN)에서 상담을 신청했습니다. 개인 링크에서 수락하거나 거절해 주세요.');

      // The exhibitor's page lists the request with accept/decline; it accepts with its session and CSRF token.
      const me = session(cell);
      const page = await me.get(`${PAGE}?lang=ko`).expect(200);
      expect(textOf(page.text)).toContain('Saigon Battery JSC (베트남)');
      const accept = /action="([^"]+\/accept\?lang=ko)"/.exec(page.text)![1];
      await me.post(accept, { _csrf: 'forged' }).expect(403);
      const done = await me.post(accept, { _csrf: csrfOf(page.text) }).expect(303);
      expect(done.headers.location).toBe(`${PAGE}?lang=ko&done=accepted`);
      const { rows } = await t.db.pool.query(`SELECT status FROM meeting_requests WHERE exhibitor_id = $1`, [exhibitor.id]);
      expect(rows).toEqual([{ status: 'accepted' }]);
      const after = textOf((await me.get(done.headers.location).expect(200)).text);
      expect(after).toContain('상담 신청을 수락했습니다.');
      expect(after).toContain('수락됨');
      // Accepting again changes nothing; declining it now is refused in Korean, not with the service's English.
      await me.post(accept, { _csrf: csrfOf(page.text) }).expect(303);
      const again = await me.post(accept.replace('/accept?', '/decline?'), { _csrf: csrfOf(page.text) });
      expect(again.status).toBe(409);
      expect(textOf(again.text)).toContain('이 신청은 이미 수락됨 상태라 더 이상 답할 수 없습니다.');
      expect((await t.db.pool.query(`SELECT status FROM meeting_requests WHERE exhibitor_id = $1`, [exhibitor.id])).rows).toEqual([{ status: 'accepted' }]);
    });
  });

  it('two concurrent opt-ins (ten, in fact) of one company make one participant and one email', async () => {
    const motor = await signUpExhibitor(t);
    const app = await application(motor.companyId, 'approved', 'Gwangju Motor');
    const me = session(motor);
    const csrf = csrfOf((await me.get(`${PAGE}?lang=ko`)).text);
    // At least two of them past their "not joined yet" check before the first insert commits.
    const answers = await withInsertsHeld(t.db.pool, 'meeting_participants', () =>
      Promise.all(Array.from({ length: 10 }, () => me.post(`${PAGE}/opt-in?lang=ko`, optInForm(csrf, app.email)))),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(303));
    expect(await participantsOf(motor.companyId)).toHaveLength(1);
    expect(await accessMails(app.email)).toBe(1);
  });

  it('negative control: without the unique key, the same ten concurrent opt-ins make more than one participant', async () => {
    const mold = await signUpExhibitor(t);
    const app = await application(mold.companyId, 'approved', 'Mudeung Mold');
    const me = session(mold);
    const csrf = csrfOf((await me.get(`${PAGE}?lang=ko`)).text);
    await t.db.pool.query(`DROP INDEX meeting_participants_edition_company_key`);
    try {
      // The same contact email would be caught by the (edition, side, email) key: each submit names its own, as a real race of two colleagues would.
      const answers = await withInsertsHeld(t.db.pool, 'meeting_participants', () =>
        Promise.all(Array.from({ length: 10 }, (_, i) => me.post(`${PAGE}/opt-in?lang=ko`, optInForm(csrf, `c${i}-${app.email}`)))),
      );
      expect(answers.every((r) => r.status === 303)).toBe(true);
      expect((await participantsOf(mold.companyId)).length).toBeGreaterThan(1);
    } finally {
      await t.db.pool.query(`DELETE FROM meeting_participants WHERE company_id = $1`, [mold.companyId]);
      await t.db.pool.query(`CREATE UNIQUE INDEX meeting_participants_edition_company_key ON meeting_participants (edition_id, company_id) WHERE company_id IS NOT NULL`);
    }
  });

  it('an exhibitor whose application is not approved is refused, with the reason in its language', async () => {
    const waiting = await signUpExhibitor(t);
    await application(waiting.companyId, 'changes_requested', 'Namdo Parts');
    const me = session(waiting);
    const page = await me.get(`${PAGE}?lang=ko`).expect(200);
    expect(textOf(page.text)).toContain('참가 신청이 아직 승인되지 않았습니다(현재 상태: 보완 요청).');
    expect(page.text).not.toContain('/opt-in');
    // The page offers no form; a crafted post with the session's token (from the dashboard) is refused all the same.
    const csrf = csrfOf((await me.get('/exhibitor?lang=ko').expect(200)).text);
    const refused = await me.post(`${PAGE}/opt-in?lang=ko`, optInForm(csrf, 'namdo@parts.example'));
    expect(refused.status).toBe(403);
    expect(textOf(refused.text)).toContain('참가 신청이 아직 승인되지 않았습니다(현재 상태: 보완 요청).');
    const en = await me.post(`${PAGE}/opt-in?lang=en`, optInForm(csrf, 'namdo@parts.example'));
    expect(textOf(en.text)).toContain('Your application is not approved yet (now: changes requested).');
    expect(await participantsOf(waiting.companyId)).toEqual([]);
    // An exhibitor with no application to the fair at all is told so.
    const none = await signUpExhibitor(t);
    expect(textOf((await session(none).get(`${PAGE}?lang=ko`).expect(200)).text)).toContain('이 전시회에 회사의 참가 신청이 없습니다.');
  });

  it('opts out before the schedule is published; not after', async () => {
    const leaving = await signUpExhibitor(t);
    const app = await application(leaving.companyId, 'approved', 'Jeonnam Charge');
    const me = session(leaving);
    const csrf = csrfOf((await me.get(`${PAGE}?lang=ko`)).text);
    await me.post(`${PAGE}/opt-in?lang=ko`, optInForm(csrf, app.email)).expect(303);
    const page = await me.get(`${PAGE}?lang=ko`).expect(200);
    expect(page.text).toContain('/opt-out?lang=ko');
    const out = await me.post(`${PAGE}/opt-out?lang=ko`, { _csrf: csrf }).expect(303);
    expect(out.headers.location).toBe('/exhibitor/meetings?lang=ko&done=left');
    expect(await participantsOf(leaving.companyId)).toEqual([]);
    expect(textOf((await me.get(out.headers.location).expect(200)).text)).toContain('수출상담회 참여를 취소했습니다.');

    // Back in, then a schedule is published (a meeting of the edition in the published state): leaving is refused.
    await me.post(`${PAGE}/opt-in?lang=ko`, optInForm(csrf, app.email)).expect(303);
    const published = await t.db.pool.query(`SELECT count(*)::int AS n FROM meetings m JOIN fair_editions e ON e.id = m.edition_id WHERE e.code = $1 AND m.status = 'published'`, [EDITION]);
    expect(published.rows[0].n).toBe(0);
    const [p] = await participantsOf(leaving.companyId);
    const buyer = (await t.http.post(`${API}/participants`).set('Authorization', organizer)
      .send({ side: 'buyer', companyName: 'Jakarta Volt', country: 'ID', contactName: 'Budi', email: `budi-${process.pid}@volt.example`, languages: ['en'], interests: ['battery-charging'] }).expect(201)).body.id as string;
    const request = (await t.http.post(`${API}/requests`).set('Authorization', organizer).send({ buyer, exhibitor: p.id, priority: 'must', requestedBy: 'organizer' }).expect(201)).body.id as string;
    await t.db.pool.query(
      `INSERT INTO meetings (edition_id, request_id, slot_id, table_code, starts_at, ends_at, status)
       SELECT r.edition_id, r.id, 'D2027-07-08-1000', 'T01', '2027-07-08T10:00:00+09:00', '2027-07-08T10:30:00+09:00', 'published' FROM meeting_requests r WHERE r.id = $1`,
      [request],
    );
    const closed = await me.get(`${PAGE}?lang=ko`).expect(200);
    expect(closed.text).not.toContain('/opt-out');
    expect(textOf(closed.text)).toContain('상담 일정이 게시되어 참여를 취소할 수 없습니다.');
    const refused = await me.post(`${PAGE}/opt-out?lang=ko`, { _csrf: csrf });
    expect(refused.status).toBe(409);
    expect(textOf(refused.text)).toContain('상담 일정이 이미 게시되어');
    expect(await participantsOf(leaving.companyId)).toHaveLength(1);
  });
});
