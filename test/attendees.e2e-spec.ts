import { randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '../src/core/errors/domain-error';
import { AttendeeAccessService } from '../src/modules/attendees/attendee-access.service';
import { qrMatrix, qrPng } from '../src/modules/attendees/badges/badge.view-model';
import { accessTokenFor, newBadgeCode } from '../src/modules/attendees/domain/attendee-tokens';
import { LeadsService } from '../src/modules/attendees/leads.service';
import { newBusinessRegistrationNumber } from './support/factories';
import { mailTo, signUpExhibitor, type Exhibitor } from './support/exhibitors';
import { eventually, startTestApp, type TestApp } from './support/test-app';

const EDITION = 'ppuri-2027'; // 2027-04-28 … 2027-04-30, registration open
const REGISTER = `/api/editions/${EDITION}/attendees`;

let serial = 0;
function newRegistration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  serial++;
  return {
    name: `Visitor ${serial}`, email: `visitor-${process.pid}-${serial}@visitors.example`, company: 'Hanoi EV Trading', country: 'vn',
    kind: 'buyer', days: ['2027-04-29', '2027-04-28'], language: 'en', consentMessages: true, consentShareContact: true, ...overrides,
  };
}

/** What a rate limit throws (see rate-limit.guard.ts) and what a lost database connection looks like. */
const tooMany = (): DomainError => new DomainError(ErrorCode.TooManyRequests, 'Too many attempts: try again in 37 seconds.', { retryAfterSeconds: 37 });
const connectionLost = (): Error => new Error('Connection terminated unexpectedly');

const tokenIn = (text: string | undefined): string => {
  const match = /\/attendee\/([A-Za-z0-9_-]{43})/.exec(text ?? '');
  if (!match) throw new Error(`no personal link in: ${text}`);
  return match[1];
};

describe('attendees', () => {
  let t: TestApp;
  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await t.db.pool.query(sql, params)).rows[0].n);

  /** Registers and answers the token of the emailed link. */
  async function register(overrides: Record<string, unknown> = {}): Promise<{ token: string; id: string; badgeCode: string; email: string }> {
    const body = newRegistration(overrides);
    const res = await t.http.post(REGISTER).send(body).expect(201);
    // Generous, a bound against hangs only (mail on a machine at load 15).
    const mail = await mailTo(t, body.email as string, /confirm your registration|등록을 확인/, 150_000);
    const token = tokenIn(mail.parsed.text);
    // The emailed link is the one seedVisitor derives without waiting for the mail.
    expect(token).toBe(accessTokenFor(t.config.appSecret, res.body.id as string).token);
    return { token, id: res.body.id, badgeCode: res.body.badgeCode, email: body.email as string };
  }

  /**
   * A visitor written straight to the database, with the personal link the app derives from the id (the
   * emailed link, as register() checks): the session race needs 30 visitors, not 30 registration mails
   * (registration, its races and its mail have tests of their own above).
   */
  async function seedVisitor(): Promise<{ token: string; id: string }> {
    const body = newRegistration();
    const id = randomUUID();
    const { token, hash } = accessTokenFor(t.config.appSecret, id);
    await t.db.pool.query(
      `INSERT INTO attendees (id, edition_id, name, email, company, country, kind, days, locale, consent_messages, consent_share_contact, badge_code, access_token_hash, link_sent_at)
       SELECT $1, e.id, $3, $4, $5, 'VN', 'buyer', $6, 'en', true, true, $7, $8, now() FROM fair_editions e WHERE e.code = $2`,
      [id, EDITION, body.name, body.email, body.company, [...(body.days as string[])].sort(), newBadgeCode(), hash],
    );
    return { token, id };
  }

  async function newSession(capacity: number): Promise<string> {
    const { rows } = await t.db.pool.query(
      `INSERT INTO conference_sessions (edition_id, title_ko, title_en, speakers, room_id, starts_at, ends_at, capacity)
       SELECT e.id, '주조 기술의 미래', 'The future of casting', '{"Dr. Park"}', (SELECT id FROM venue_spaces ORDER BY code LIMIT 1),
              '2027-04-28T14:00:00+09:00', '2027-04-28T15:30:00+09:00', $2 FROM fair_editions e WHERE e.code = $1 RETURNING id`,
      [EDITION, capacity],
    );
    return rows[0].id;
  }

  /** An approved application of a company (or of the anonymous form), with one booth. */
  async function approvedExhibitor(name: string, companyId: string | null, categories: string[]): Promise<string> {
    const { rows } = await t.db.pool.query(
      `INSERT INTO exhibitor_applications (edition_id, status, company_id, hall_id, company_name, business_registration_number, company_country, company_address,
              contact_name, contact_email, contact_phone, booth_type, booth_count, product_categories, locale)
       SELECT e.id, 'approved', $2, (SELECT id FROM venue_spaces WHERE code = 'EXH1' AND venue_id = e.venue_id), $3, $4, 'KR', '광주', '이서연',
              'contact@company.example', '+82 62-600-1234', 'shell_scheme', 1, $5, 'ko' FROM fair_editions e WHERE e.code = $1 RETURNING id`,
      [EDITION, companyId, name, newBusinessRegistrationNumber(), categories],
    );
    const id: string = rows[0].id;
    await t.db.pool.query(
      `INSERT INTO booth_assignments (booth_id, application_id)
       SELECT b.id, $1 FROM booths b JOIN fair_editions e ON e.id = b.edition_id
        WHERE e.code = $2 AND NOT EXISTS (SELECT 1 FROM booth_assignments ba WHERE ba.booth_id = b.id) ORDER BY b.code LIMIT 1`,
      [id, EDITION],
    );
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('registration and the personal page', () => {
    it('registers, emails the personal link, shows the badge as an inline SVG QR code, and confirms only on POST', async () => {
      const body = newRegistration({ name: 'Tran <Minh>' });
      const res = await t.http.post(REGISTER).send(body).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), edition: EDITION, badgeCode: expect.stringMatching(/^FG-[0-9A-Z]{4}-[0-9A-Z]{4}$/), status: 'unconfirmed' });
      const mail = await mailTo(t, body.email as string, /Please confirm your registration/);
      const token = tokenIn(mail.parsed.text);
      expect(mail.parsed.html).toContain(`/attendee/${token}`);
      expect(mail.parsed.text).toContain(res.body.badgeCode);
      // The badge QR code travels in the email as an inline PNG (cid), shown next to the badge code.
      const qr = mail.parsed.attachments.find((a) => a.cid === 'badge-qr');
      expect(qr?.contentType).toBe('image/png');
      expect([...(qr?.content ?? Buffer.alloc(0)).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // Drawn from the badge code when the email was composed (badge.view-model.spec scans that PNG back):
      // the API's outbox row carries no image, and the attachment is that drawing of this badge's code.
      expect(qr?.content.equals(qrPng(qrMatrix(res.body.badgeCode as string), 240))).toBe(true);
      const outbox = (await t.db.pool.query(`SELECT params FROM outbox_messages WHERE recipient = $1`, [body.email])).rows;
      expect(outbox).toHaveLength(1);
      expect(outbox[0].params).not.toHaveProperty('badgeQrPng');
      expect(mail.parsed.html).toMatch(/<img src="(cid:badge-qr|data:image\/png;base64,[^"]+)"/); // mailparser inlines cid images

      // Only the SHA-256 of the token is stored.
      const row = (await t.db.pool.query(`SELECT * FROM attendees WHERE id = $1`, [res.body.id])).rows[0];
      expect(row.access_token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(token);
      expect(row).toMatchObject({ email: body.email, country: 'VN', days: ['2027-04-28', '2027-04-29'], confirmed_at: null, consent_share_contact: true });

      const page = await t.http.get(`/attendee/${token}`).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain('<svg role="img"');
      expect(page.text).toContain(res.body.badgeCode);
      expect(page.text).toContain('Tran &lt;Minh&gt;');
      expect(page.text).not.toContain('Tran <Minh>');
      expect(page.text).toContain('<html lang="en"');
      expect((await t.http.get(`/attendee/${token}?lang=ko`).expect(200)).text).toContain('등록 확인');
      // A GET (a mail scanner prefetching) confirms nothing.
      expect((await t.db.pool.query(`SELECT confirmed_at FROM attendees WHERE id = $1`, [res.body.id])).rows[0].confirmed_at).toBeNull();

      const formToken = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      // A form without the hidden field is refused and changes nothing.
      await t.http.post(`/attendee/${token}/confirm`).type('form').send('').expect(403);
      expect((await t.db.pool.query(`SELECT confirmed_at FROM attendees WHERE id = $1`, [res.body.id])).rows[0].confirmed_at).toBeNull();
      const confirmed = await t.http.post(`/attendee/${token}/confirm?lang=en`).type('form').send({ _csrf: formToken }).expect(303);
      expect(confirmed.headers.location).toBe(`/attendee/${token}?lang=en&done=confirmed`);
      const after = (await t.http.get(confirmed.headers.location).expect(200)).text;
      expect(after).toContain('Your registration is confirmed.');
      expect(after).not.toContain('action="/attendee/' + token + '/confirm');

      const json = await t.http.get(`/api/attendee-access/${token}`).expect(200);
      expect(json.body).toMatchObject({ badgeCode: res.body.badgeCode, edition: { code: EDITION }, attendee: { kind: 'buyer', confirmedAt: expect.any(String) } });
    });

    it('answers 404 pages and JSON for unknown links', async () => {
      const page = await t.http.get(`/attendee/${'A'.repeat(43)}`).expect(404);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.text).toMatch(/링크를 찾을 수 없습니다|Link not found/);
      await t.http.get('/attendee/short').expect(404);
      await t.http.get(`/api/attendee-access/${'A'.repeat(43)}`).expect(404);
    });

    it('refuses invalid fields one by one and writes nothing', async () => {
      const before = await count(`SELECT count(*) AS n FROM attendees`);
      const outbox = await count(`SELECT count(*) AS n FROM outbox_messages`);
      const res = await t.http.post(REGISTER)
        .send({ name: '', email: 'not-an-email', country: 'XX', kind: 'vip', days: [], language: 'fr', consentShareContact: 'yes', role: 'organizer' })
        .expect(400);
      const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
      expect(fields).toEqual(expect.arrayContaining(['consentMessages', 'consentShareContact', 'country', 'days', 'email', 'kind', 'language', 'name']));
      // A day outside the edition.
      const outside = await t.http.post(REGISTER).send(newRegistration({ days: ['2027-05-01'] })).expect(400);
      expect(outside.body.errors).toEqual([{ field: 'days', messages: [expect.stringContaining('2027-05-01')] }]);
      expect(await count(`SELECT count(*) AS n FROM attendees`)).toBe(before);
      expect(await count(`SELECT count(*) AS n FROM outbox_messages`)).toBe(outbox);
    });

    it('answers a second registration of an email like a first one, keeps its link working, and mails it at most once per 15 minutes (issue 12 #10)', async () => {
      const first = await register({ language: 'ko' });
      const fresh = await t.http.post(REGISTER).send(newRegistration()).expect(201);
      const outboxTo = (): Promise<number> => count(`SELECT count(*) AS n FROM outbox_messages WHERE recipient = $1`, [first.email]);
      const again = (): Promise<number> => t.http.post(REGISTER).send(newRegistration({ email: first.email.toUpperCase(), name: 'Someone else' })).then((r) => r.status);

      // Ten more right after the first: the same answer as a new registration, nothing that tells them apart …
      const answer = await t.http.post(REGISTER).send(newRegistration({ email: first.email, name: 'Someone else' })).expect(201);
      expect(Object.keys(answer.body).sort()).toEqual(Object.keys(fresh.body).sort());
      expect(answer.body).toEqual({ id: expect.any(String), edition: EDITION, badgeCode: expect.stringMatching(/^FG-[0-9A-Z]{4}-[0-9A-Z]{4}$/), status: 'unconfirmed' });
      expect(answer.body.id).not.toBe(first.id); // nothing of the stored registration is told to the caller
      expect(answer.body.badgeCode).not.toBe(first.badgeCode);
      expect(await Promise.all(Array.from({ length: 8 }, again))).toEqual(Array<number>(8).fill(201));
      // Retried with an Idempotency-Key: replayed exactly like a new registration's answer.
      for (const [n, email] of [first.email, `someone-new-${process.pid}-${serial}@visitors.example`].entries()) {
        const key = `re-registration-${process.pid}-${Date.now()}-${n}`;
        const body = newRegistration({ email });
        const one = await t.http.post(REGISTER).set('Idempotency-Key', key).send(body).expect(201);
        const two = await t.http.post(REGISTER).set('Idempotency-Key', key).send(body).expect(201);
        expect(two.headers['idempotent-replayed']).toBe('true');
        expect(two.body).toEqual(one.body);
      }
      // … no new email (the link went out moments ago), one row, and the link still opens the page.
      expect(await outboxTo()).toBe(1);
      expect(await count(`SELECT count(*) AS n FROM attendees WHERE email = $1`, [first.email])).toBe(1);
      await t.http.get(`/api/attendee-access/${first.token}`).expect(200);

      // 15 minutes later: ten concurrent registrations mail the SAME link once.
      await t.db.pool.query(`UPDATE attendees SET link_sent_at = now() - interval '16 minutes' WHERE id = $1`, [first.id]);
      expect(await Promise.all(Array.from({ length: 10 }, again))).toEqual(Array<number>(10).fill(201));
      expect(await outboxTo()).toBe(2);
      const mails = await eventually(() => Promise.resolve(t.smtp.received.filter((m) => m.envelopeTo.includes(first.email))), (m) => m.length === 2);
      const resent = mails.find((m) => m.parsed.text?.includes('이미 참관 등록이 되어 있어'))!;
      expect(resent.parsed.text).toContain('그대로 사용할 수 있습니다');
      expect(tokenIn(resent.parsed.text)).toBe(first.token);
      await t.http.get(`/api/attendee-access/${first.token}`).expect(200);
    }, 300_000); // about 25 registrations and two mails: over 180 s at load 11 (12–21 s a registration); a bound against hangs

    it('replays an Idempotency-Key instead of registering twice', async () => {
      const body = newRegistration();
      const one = await t.http.post(REGISTER).set('Idempotency-Key', `att-${serial}`).send(body).expect(201);
      const two = await t.http.post(REGISTER).set('Idempotency-Key', `att-${serial}`).send(body).expect(201);
      expect(two.headers['idempotent-replayed']).toBe('true');
      expect(two.body).toEqual(one.body);
      expect(await count(`SELECT count(*) AS n FROM attendees WHERE email = $1`, [body.email])).toBe(1);
    });
  });

  describe('session choices', () => {
    it('seats exactly the capacity under 30 concurrent picks, queues the rest, and promotes in queue order on 5 concurrent unpicks', async () => {
      const sessionId = await newSession(10);
      const people = await Promise.all(Array.from({ length: 30 }, () => seedVisitor()));
      const answers = await Promise.all(people.map((p) => t.http.post(`/api/attendee-access/${p.token}/sessions/${sessionId}`)));
      expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
      const statuses = answers.map((a) => a.body.status as string);
      expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(10);
      expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(20);
      const seats = async (): Promise<{ taken: number; confirmed: number }> => ({
        taken: Number((await t.db.pool.query(`SELECT taken FROM conference_session_seats WHERE session_id = $1`, [sessionId])).rows[0].taken),
        confirmed: await count(`SELECT count(*) AS n FROM attendee_session_picks WHERE session_id = $1 AND status = 'confirmed'`, [sessionId]),
      });
      expect(await seats()).toEqual({ taken: 10, confirmed: 10 });
      // Picking again changes nothing.
      const seated = people.filter((_, i) => statuses[i] === 'confirmed');
      expect((await t.http.post(`/api/attendee-access/${seated[0].token}/sessions/${sessionId}`).expect(200)).body.status).toBe('confirmed');

      const queue: string[] = (await t.db.pool.query(
        `SELECT attendee_id FROM attendee_session_picks WHERE session_id = $1 AND status = 'waitlisted' ORDER BY waitlisted_at, id`, [sessionId],
      )).rows.map((r: { attendee_id: string }) => r.attendee_id);
      const leaving = seated.slice(0, 5);
      const unpicks = await Promise.all(leaving.map((p) => t.http.delete(`/api/attendee-access/${p.token}/sessions/${sessionId}`)));
      expect(unpicks.map((u) => u.status)).toEqual(Array(5).fill(200));
      const promoted: string[] = (await t.db.pool.query(
        `SELECT attendee_id FROM attendee_session_picks WHERE session_id = $1 AND status = 'confirmed' AND waitlisted_at IS NOT NULL`, [sessionId],
      )).rows.map((r: { attendee_id: string }) => r.attendee_id);
      expect(promoted.sort()).toEqual(queue.slice(0, 5).sort());
      expect(await seats()).toEqual({ taken: 10, confirmed: 10 });
      expect(await count(`SELECT count(*) AS n FROM attendee_session_picks WHERE session_id = $1 AND status = 'waitlisted'`, [sessionId])).toBe(15);

      // The page shows a queue position to the next in line.
      const next = people.find((p) => p.id === queue[5])!;
      const mine = (await t.http.get(`/api/attendee-access/${next.token}`).expect(200)).body.sessions.find((s: { id: string }) => s.id === sessionId);
      expect(mine).toMatchObject({ myStatus: 'waitlisted', queuePosition: 1, seatsLeft: 0 });

      // The backstop: the database itself refuses more seats than the capacity.
      await expect(t.db.pool.query(`UPDATE conference_session_seats SET taken = capacity + 1 WHERE session_id = $1`, [sessionId])).rejects.toMatchObject({ code: '23514' });
    }, 120_000); // 30 concurrent picks on a loaded machine: a bound against hangs

    it('picks and unpicks from the page forms; unknown sessions are 404', async () => {
      const sessionId = await newSession(1);
      const me = await register();
      const page = (await t.http.get(`/attendee/${me.token}`).expect(200)).text;
      const formToken = /name="_csrf" value="([^"]+)"/.exec(page)![1];
      await t.http.post(`/attendee/${me.token}/sessions/${sessionId}`).type('form').send({ _csrf: formToken }).expect(303);
      expect((await t.http.get(`/attendee/${me.token}?lang=en`).expect(200)).text).toContain('Seat confirmed');
      await t.http.post(`/attendee/${me.token}/sessions/${sessionId}/remove`).type('form').send({ _csrf: formToken }).expect(303);
      expect(await count(`SELECT count(*) AS n FROM attendee_session_picks WHERE attendee_id = $1`, [me.id])).toBe(0);
      await t.http.post(`/api/attendee-access/${me.token}/sessions/00000000-0000-4000-8000-000000000000`).expect(404);
    });

    it('answers 429 and 503 on the personal page with Retry-After, as a page like the other pages do (issue 13)', async () => {
      const sessionId = await newSession(5);
      const me = await register();
      const page = (await t.http.get(`/attendee/${me.token}?lang=en`).expect(200)).text;
      const formToken = /name="_csrf" value="([^"]+)"/.exec(page)![1];
      const pick = jest.spyOn(t.running.app.get(AttendeeAccessService), 'pick');
      try {
        pick.mockRejectedValueOnce(tooMany());
        const limited = await t.http.post(`/attendee/${me.token}/sessions/${sessionId}?lang=en`).type('form').send({ _csrf: formToken });
        expect(limited.status).toBe(429);
        expect(limited.headers['retry-after']).toBe('37');
        expect(limited.headers['content-type']).toMatch(/text\/html/);
        expect(limited.text).toContain('Too many requests: try again in 37 seconds.');

        pick.mockRejectedValueOnce(connectionLost());
        const down = await t.http.post(`/attendee/${me.token}/sessions/${sessionId}?lang=en`).type('form').send({ _csrf: formToken });
        expect(down.status).toBe(503);
        expect(down.headers['retry-after']).toBe('5');
        expect(down.headers['content-type']).toMatch(/text\/html/);
        expect(down.text).not.toContain('terminated');
      } finally {
        pick.mockRestore();
      }
      expect(await count(`SELECT count(*) AS n FROM attendee_session_picks WHERE attendee_id = $1`, [me.id])).toBe(0);
    });
  });

  describe('exhibitors, bookmarks and leads', () => {
    let a: Exhibitor;
    let b: Exhibitor;
    let appA: string;

    beforeAll(async () => {
      [a, b] = [await signUpExhibitor(t), await signUpExhibitor(t)];
      appA = await approvedExhibitor('Bitgoeul Casting', a.companyId, ['casting']);
      await approvedExhibitor('Mudeung Mold', b.companyId, ['mold']);
    });

    it('lists approved exhibitors with hall and booths, by category and name; bookmarks from the API and the page', async () => {
      const all = (await t.http.get(`/api/editions/${EDITION}/exhibitors`).expect(200)).body as Array<{ companyName: string; hall: string; booths: string[] }>;
      expect(all.map((e) => e.companyName)).toEqual(expect.arrayContaining(['Bitgoeul Casting', 'Mudeung Mold']));
      const casting = (await t.http.get(`/api/editions/${EDITION}/exhibitors?category=casting`).expect(200)).body;
      expect(casting).toEqual([{ applicationId: appA, companyName: 'Bitgoeul Casting', country: 'KR', categories: ['casting'], hall: 'EXH1', booths: [expect.any(String)] }]);
      expect((await t.http.get(`/api/editions/${EDITION}/exhibitors?q=mudeung`).expect(200)).body).toHaveLength(1);
      expect((await t.http.get(`/api/editions/${EDITION}/exhibitors?q=%25`).expect(200)).body).toHaveLength(0);
      await t.http.get(`/api/editions/${EDITION}/exhibitors?category=DROP%20TABLE`).expect(400);

      const me = await register();
      await t.http.post(`/api/attendee-access/${me.token}/bookmarks/${appA}`).expect(200);
      await t.http.post(`/api/attendee-access/${me.token}/bookmarks/${appA}`).expect(200);
      expect((await t.http.get(`/api/attendee-access/${me.token}`).expect(200)).body.bookmarks).toEqual([expect.objectContaining({ applicationId: appA })]);
      await t.http.post(`/api/attendee-access/${me.token}/bookmarks/00000000-0000-4000-8000-000000000000`).expect(404);
      await t.http.delete(`/api/attendee-access/${me.token}/bookmarks/${appA}`).expect(200);

      const page = (await t.http.get(`/attendee/${me.token}?lang=en&q=Bitgoeul`).expect(200)).text;
      expect(page).toContain('Bitgoeul Casting');
      expect(page).not.toContain('Mudeung Mold');
      const formToken = /name="_csrf" value="([^"]+)"/.exec(page)![1];
      await t.http.post(`/attendee/${me.token}/bookmarks/${appA}`).type('form').send({ _csrf: formToken }).expect(303);
      expect(await count(`SELECT count(*) AS n FROM attendee_bookmarks WHERE attendee_id = $1`, [me.id])).toBe(1);
    });

    it('records leads per company, shows contacts only with consent, updates the note on a second scan, and keeps companies apart', async () => {
      const sharing = await register({ name: 'Nguyen Lan', company: 'Saigon Parts' });
      const private_ = await register({ name: 'Hidden Person', consentShareContact: false });

      const first = await t.http.post('/api/company/leads').set('Authorization', a.auth)
        .send({ editionCode: EDITION, badgeCode: sharing.badgeCode.toLowerCase().replace(/-/g, ' '), note: 'wants a quote' }).expect(201);
      expect(first.body).toMatchObject({ badgeCode: sharing.badgeCode, contactShared: true, contact: { name: 'Nguyen Lan', email: sharing.email, company: 'Saigon Parts' }, note: 'wants a quote' });
      const second = await t.http.post('/api/company/leads').set('Authorization', a.auth)
        .send({ editionCode: EDITION, badgeCode: sharing.badgeCode, note: '=HYPERLINK("x")' }).expect(200);
      expect(second.body.id).toBe(first.body.id);
      const hidden = await t.http.post('/api/company/leads').set('Authorization', a.auth).send({ editionCode: EDITION, badgeCode: private_.badgeCode }).expect(201);
      expect(hidden.body).toMatchObject({ contactShared: false, contact: null });
      expect(JSON.stringify(hidden.body)).not.toContain('Hidden Person');

      const list = (await t.http.get(`/api/company/leads?edition=${EDITION}`).set('Authorization', a.auth).expect(200)).body;
      expect(list).toHaveLength(2);
      const csv = await t.http.get(`/api/company/leads.csv?edition=${EDITION}`).set('Authorization', a.auth).expect(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.text.charCodeAt(0)).toBe(0xfeff);
      expect(csv.text).toContain(`'=HYPERLINK(""x"")`);
      expect(csv.text).toContain('(contact not shared)');
      expect(csv.text).not.toContain('Hidden Person');

      // Company B sees none of A's leads and cannot act on them.
      expect((await t.http.get(`/api/company/leads?edition=${EDITION}`).set('Authorization', b.auth).expect(200)).body).toEqual([]);
      await t.http.get(`/api/company/leads/${first.body.id}`).set('Authorization', b.auth).expect(404);
      await t.http.delete(`/api/company/leads/${first.body.id}`).set('Authorization', b.auth).expect(404);
      await t.http.get(`/api/company/leads/${first.body.id}`).set('Authorization', a.auth).expect(200);
      // B's own scan of the same badge is its own lead.
      const bLead = await t.http.post('/api/company/leads').set('Authorization', b.auth).send({ editionCode: EDITION, badgeCode: sharing.badgeCode }).expect(201);
      expect(bLead.body.id).not.toBe(first.body.id);

      await t.http.post('/api/company/leads').set('Authorization', a.auth).send({ editionCode: EDITION, badgeCode: 'FG-ZZZZ-ZZZZ' }).expect(404);
      await t.http.post('/api/company/leads').set('Authorization', a.auth).send({ editionCode: EDITION, badgeCode: 'not a badge' }).expect(400);
      await t.http.get(`/api/company/leads?edition=${EDITION}`).expect(401);
      await t.http.delete(`/api/company/leads/${first.body.id}`).set('Authorization', a.auth).expect(204);
    });

    it('scans a badge from the phone page with the session cookie and a CSRF token', async () => {
      const visitor = await register({ name: 'Page Scanned' });
      await t.http.get('/exhibitor/leads').expect(303).expect('Location', '/exhibitor/login');
      const cookie = `fairgate_session=${a.auth.slice('Bearer '.length)}`;
      const page = await t.http.get(`/exhibitor/leads?lang=en&edition=${EDITION}`).set('Cookie', cookie).expect(200);
      expect(page.text).toContain('<label for="badgeCode">Badge code</label>');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      await t.http.post('/exhibitor/leads').set('Cookie', cookie).type('form').send({ edition: EDITION, badgeCode: visitor.badgeCode }).expect(403);
      const done = await t.http.post('/exhibitor/leads?lang=en').set('Cookie', cookie).type('form')
        .send({ _csrf: csrf, edition: EDITION, badgeCode: visitor.badgeCode, note: 'met at booth' }).expect(303);
      const after = await t.http.get(done.headers.location).set('Cookie', cookie).expect(200);
      expect(after.text).toContain('Page Scanned');
      expect(after.text).toContain('met at booth');
      expect(after.text).not.toMatch(/Intl|undefined/);

      // The CSV link of the page works with the page's session cookie (issue 14 #8), UTF-8 with a BOM.
      const link = /href="(\/exhibitor\/leads\.csv\?edition=[^"]+)"/.exec(after.text)?.[1];
      expect(link).toBe(`/exhibitor/leads.csv?edition=${EDITION}`);
      const csv = await t.http.get(link!).set('Cookie', cookie).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toContain('attachment');
      const bytes = csv.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
      expect(lines[0]).toBe('scanned_at,badge_code,name,email,company,country,kind,note');
      expect(lines.some((l) => l.includes(visitor.badgeCode) && l.includes('Page Scanned') && l.includes('met at booth'))).toBe(true);
      // Without the session: to the login, not a JSON 401 about a bearer token.
      await t.http.get(link!).expect(303).expect('Location', '/exhibitor/login');
      // Korean page: Korean refusal words, not the service's English.
      const refused = await t.http.post('/exhibitor/leads?lang=ko').set('Cookie', cookie).type('form').send({ _csrf: csrf, edition: EDITION, badgeCode: 'FG-ZZZZ-ZZZZ' }).expect(404);
      expect(refused.text).toContain('배지나 전시회를 찾을 수 없습니다');
      expect(refused.text).not.toContain('No visitor badge');
    });

    it('answers 429 and 503 on the leads page with Retry-After, as a page like the other pages do (issue 13)', async () => {
      const visitor = await register({ name: 'Scanned While Busy' });
      const cookie = `fairgate_session=${a.auth.slice('Bearer '.length)}`;
      const page = await t.http.get(`/exhibitor/leads?lang=en&edition=${EDITION}`).set('Cookie', cookie).expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      const scan = jest.spyOn(t.running.app.get(LeadsService), 'scan');
      const post = () => t.http.post('/exhibitor/leads?lang=en').set('Cookie', cookie).type('form').send({ _csrf: csrf, edition: EDITION, badgeCode: visitor.badgeCode });
      try {
        scan.mockRejectedValueOnce(tooMany());
        const limited = await post();
        expect(limited.status).toBe(429);
        expect(limited.headers['retry-after']).toBe('37');
        expect(limited.headers['content-type']).toMatch(/text\/html/);
        expect(limited.text).toContain('Too many requests: try again in 37 seconds.');

        scan.mockRejectedValueOnce(connectionLost());
        const down = await post();
        expect(down.status).toBe(503);
        expect(down.headers['retry-after']).toBe('5');
        expect(down.headers['content-type']).toMatch(/text\/html/);
      } finally {
        scan.mockRestore();
      }
    });
  });
});
