import type { Response } from 'supertest';
import { newBusinessRegistrationNumber } from './support/factories';
import { newApplicationForm, newSignUp, signUpExhibitor } from './support/exhibitors';
import { forwardedFor, PageClient } from './support/page-client';
import { eventually, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

describe('exhibitor pages over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the open fairs and shows an edition page, in Korean and in English', async () => {
    const ko = await t.http.get('/exhibitor/fairs').set('Accept-Language', 'ko').expect(200);
    expect(ko.text).toContain('<html lang="ko">');
    expect(ko.text).toContain('참가 신청 가능한 전시회');
    expect(ko.text).toContain('/exhibitor/fairs/ppuri-2027');
    const en = await t.http.get('/exhibitor/fairs/ppuri-2027?lang=en').expect(200);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toMatch(/KRW [\d,]+/);
    expect(en.text).toContain('Apply to exhibit');
    await t.http.get('/exhibitor/fairs/no-such-edition').expect(404);
    // The JSON API keeps its place under /api.
    await t.http.get('/api/company/applications').expect(401);
  });

  it('re-renders an invalid sign-up with a message next to each field, values kept, 400', async () => {
    const c = new PageClient(t);
    await c.get('/exhibitor/sign-up');
    const res = await c.post('/exhibitor/sign-up', {
      _csrf: c.csrf(), companyName: '빛고을정밀', brn: '123-45-67890', country: 'KR', address: '광주광역시 서구', website: '',
      displayName: '김민준', email: 'not-an-email', password: 'short', language: 'ko',
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/id="f-brn"[^>]*aria-invalid="true"[^>]*aria-describedby="f-brn-hint f-brn-error"/);
    expect(res.text).toContain('<div class="error" id="f-brn-error">사업자등록번호 10자리를 확인해 주세요');
    expect(res.text).toContain('id="f-email-error">올바른 이메일 주소를 입력하세요.');
    expect(res.text).toContain('id="f-password-error"');
    expect(res.text).toContain('value="빛고을정밀"');
    expect(res.text).not.toContain('id="f-companyName-error"');
  });

  it('refuses a form post without a CSRF token (403 page), and sends the unauthenticated to the login', async () => {
    const res = await t.http.post('/exhibitor/sign-up').type('form').send('email=a%40b.example');
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const dash = await t.http.get('/exhibitor').expect(303);
    expect(dash.headers.location).toBe('/exhibitor/login');
  });

  it('signs up through the pages, confirms by POST only, and says when the email is unconfirmed', async () => {
    const c = new PageClient(t);
    const email = `pages-${Date.now()}@bitgoeul.example`;
    await c.get('/exhibitor/sign-up');
    const done = await c.post('/exhibitor/sign-up', {
      _csrf: c.csrf(), companyName: '빛고을정밀 주식회사', brn: newBusinessRegistrationNumber(), country: 'kr', address: '광주광역시 광산구 하남산단 8번로 100',
      website: '', displayName: '김민준', email, password: 'kimchi-fried-rice-2027', language: 'ko',
    });
    expect(done.status).toBe(200);
    expect(done.text).toContain('이메일을 확인해 주세요');

    await c.get('/exhibitor/login');
    const unconfirmed = await c.post('/exhibitor/login', { _csrf: c.csrf(), email, password: 'kimchi-fried-rice-2027' });
    expect(unconfirmed.status).toBe(403);
    expect(unconfirmed.text).toContain('확인 메일 다시 받기');

    const row = await t.db.pool.query(`SELECT email_confirmed_at FROM accounts WHERE email = $1`, [email]);
    expect(row.rows[0].email_confirmed_at).toBeNull();
    const page = await c.get('/exhibitor/confirm-email?token=whatever-token-that-is-long-enough');
    expect(page.status).toBe(200);
    const bad = await c.post('/exhibitor/confirm-email', { _csrf: c.csrf(), token: 'whatever-token-that-is-long-enough' });
    expect(bad.status).toBe(410);
  });

  it('shows an application only to its own company (404 otherwise) and keeps the form values on errors', async () => {
    const owner = await signUpExhibitor(t);
    const other = await signUpExhibitor(t);
    const created = await t.http.post('/api/company/applications').set('Authorization', owner.auth).send(newApplicationForm()).expect(201);
    const id = created.body.id as string;

    const mine = new PageClient(t);
    await mine.login(owner.email, owner.password, '/exhibitor/login');
    const own = await mine.get(`/exhibitor/applications/${id}?lang=en`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('Application to');
    expect(own.text).toContain('draft');

    const invalid = await mine.post(`/exhibitor/applications/${id}`, {
      _csrf: mine.csrf(), contactName: '이서연', contactEmail: 'seoyeon@company.example', contactPhone: 'abc', boothType: 'shell_scheme', boothCount: '0',
      hall: 'EXH1', preferredBoothKind: '', notes: '', intent: 'draft', edition: 'ppuri-2027',
    }, 'en');
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('id="f-contactPhone-error"');
    expect(invalid.text).toContain('id="f-boothCount-error"');
    expect(invalid.text).toContain('id="f-categories-error"');
    expect(invalid.text).toContain('value="seoyeon@company.example"');

    const theirs = new PageClient(t);
    await theirs.login(other.email, other.password, '/exhibitor/login');
    const res = await theirs.get(`/exhibitor/applications/${id}`);
    expect(res.status).toBe(404);
    expect(res.text).toContain('페이지를 찾을 수 없습니다');
    // The API's GET of the same shape is still the API.
    await t.http.get(`/api/company/applications/${id}`).set('Authorization', owner.auth).expect(200);
  });

  it('lets an organizer filter, refuse without a reason (400 next to the row) and approve', async () => {
    const ex = await signUpExhibitor(t);
    const created = await t.http.post('/api/company/applications').set('Authorization', ex.auth).send(newApplicationForm({ submit: true })).expect(201);
    const id = created.body.id as string;
    const org = new PageClient(t);
    await org.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
    const list = await org.get('/console/applications?edition=ppuri-2027&status=submitted&lang=en');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`id="app-${id}"`);
    const badFilter = await org.get('/console/applications?country=KOR');
    expect(badFilter.status).toBe(400);
    expect(badFilter.text).toContain('id="q-country-error"');

    const refused = await org.post(`/console/applications/${id}/decision`, { _csrf: org.csrf(), action: 'reject', reason: '', back: '?edition=ppuri-2027' }, 'en');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(`id="reason-${id}-error"`);

    const ok = await org.post(`/console/applications/${id}/decision`, { _csrf: org.csrf(), action: 'approve', reason: '', back: '?edition=ppuri-2027' });
    expect(ok.status).toBe(303);
    expect((await t.db.pool.query(`SELECT status FROM exhibitor_applications WHERE id = $1`, [id])).rows[0].status).toBe('approved');

    const csv = await org.get('/console/applications/export.csv?edition=ppuri-2027');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment/);
  });

  describe('login limits count the real client (issue 12 #6)', () => {
    const tag = `${process.pid}-${Date.now() % 100000}`;

    /** One login through the form: the page first (CSRF token), then the post. */
    async function pageLogin(c: PageClient, email: string, password: string): Promise<Response> {
      await c.get('/exhibitor/login');
      return c.post('/exhibitor/login', { _csrf: c.csrf(), email, password });
    }

    it('50 wrong page logins for random addresses from one client stop that client only: an exhibitor elsewhere logs in', async () => {
      const owner = await signUpExhibitor(t);
      const attacker = new PageClient(t, { from: forwardedFor('198.51.100.66') });
      for (let i = 0; i < 50; i++) expect((await pageLogin(attacker, `nobody-${i}-${tag}@example.kr`, 'wrong-password-123')).status).toBe(401);
      const refused = await pageLogin(attacker, `nobody-51-${tag}@example.kr`, 'wrong-password-123');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.headers['content-type']).toMatch(/text\/html/);
      expect(refused.text).toContain('요청이 너무 많습니다'); // a page in the user's language, not JSON

      const real = new PageClient(t, { from: forwardedFor('198.51.100.67') });
      expect((await pageLogin(real, owner.email, owner.password)).status).toBe(303);
    });

    it('5 wrong page logins on one account from IP A: IP B logs in with the right password after at most a short backoff', async () => {
      const owner = await signUpExhibitor(t);
      const a = new PageClient(t, { from: forwardedFor('198.51.100.70') });
      for (let i = 0; i < 5; i++) expect((await pageLogin(a, owner.email, `wrong-guess-${i}`)).status).toBe(401);
      // Two more from a third address: past the account's free failures, each now makes it wait (1 s, 2 s).
      const c = new PageClient(t, { from: forwardedFor('198.51.100.72') });
      for (let i = 0; i < 2; i++) {
        const res = await eventually(() => pageLogin(c, owner.email, `wrong-again-${i}`), (r) => r.status !== 429, 10000);
        expect(res.status).toBe(401);
      }

      const b = new PageClient(t, { from: forwardedFor('198.51.100.71') });
      const first = await pageLogin(b, owner.email, owner.password);
      if (first.status === 429) expect(Number(first.headers['retry-after'])).toBeLessThanOrEqual(2); // seconds, not 15 minutes
      else expect(first.status).toBe(303);
      const loggedIn = await eventually(() => pageLogin(b, owner.email, owner.password), (r) => r.status !== 429, 10000);
      expect(loggedIn.status).toBe(303);
      expect(loggedIn.headers.location).toBe('/exhibitor');
      // A, which guessed 5 times, stays refused for this account (email + IP) for the window.
      const stillA = await pageLogin(a, owner.email, owner.password);
      expect(stillA.status).toBe(429);
      expect(Number(stillA.headers['retry-after'])).toBeGreaterThan(60);
    });
  });

  /** Its own app: the shared one lifts the sign-up and reset limits for the other tests. */
  describe('page forms share the API routes\' limits (issue 12 #7)', () => {
    let limited: TestApp;
    const tag = `${process.pid}-${Date.now() % 100000}`;

    beforeAll(async () => {
      limited = await startTestApp({ env: { RATE_LIMIT_SIGNUP_PER_HOUR: '3', RATE_LIMIT_RESET_PER_HOUR: '3' } });
    });
    afterAll(async () => {
      await limited?.close();
    });

    const expectFriendly429 = (res: Response, text: RegExp): void => {
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toMatch(text);
    };

    it('sign-up: the page and the API count one limit per IP; the page answers 429 with a page in its language', async () => {
      const ip = '198.51.100.80';
      const c = new PageClient(limited, { from: forwardedFor(ip) });
      const pageSignUp = async (lang = 'ko'): Promise<Response> => {
        await c.get('/exhibitor/sign-up', lang);
        return c.post('/exhibitor/sign-up', {
          _csrf: c.csrf(), companyName: `빛고을정밀 ${tag}`, brn: newBusinessRegistrationNumber(), country: 'KR', address: '광주광역시 광산구',
          website: '', displayName: '김민준', email: `limit-${tag}-${Math.random().toString(36).slice(2)}@bitgoeul.example`, password: 'kimchi-fried-rice-2027', language: 'ko',
        }, lang);
      };
      expect((await pageSignUp()).status).toBe(200);
      expect((await pageSignUp()).status).toBe(200);
      await limited.http.post('/api/exhibitor-accounts').set('X-Forwarded-For', ip).send(newSignUp()).expect(201);
      expectFriendly429(await pageSignUp(), /요청이 너무 많습니다[\s\S]*분 후에 다시 시도해 주세요/);
      expectFriendly429(await pageSignUp('en'), /Too many requests[\s\S]*Please try again in \d+ minutes/);
      await limited.http.post('/api/exhibitor-accounts').set('X-Forwarded-For', ip).send(newSignUp()).expect(429);
      // Another address is not affected.
      await limited.http.post('/api/exhibitor-accounts').set('X-Forwarded-For', '198.51.100.81').send(newSignUp()).expect(201);
    });

    it('forgot-password: once the API has answered 429, the page sends no more reset emails either', async () => {
      const owner = await signUpExhibitor(limited);
      const ip = '198.51.100.82';
      const resetMails = (): number => limited.smtp.received.filter((m) => m.envelopeTo.includes(owner.email) && /reset|재설정/i.test(m.parsed.subject ?? '')).length;
      for (let i = 0; i < 3; i++) await limited.http.post('/api/exhibitor-accounts/password-reset').set('X-Forwarded-For', ip).send({ email: owner.email }).expect(202);
      await limited.http.post('/api/exhibitor-accounts/password-reset').set('X-Forwarded-For', ip).send({ email: owner.email }).expect(429);
      const c = new PageClient(limited, { from: forwardedFor(ip) });
      for (let i = 0; i < 5; i++) {
        await c.get('/exhibitor/forgot-password');
        expectFriendly429(await c.post('/exhibitor/forgot-password', { _csrf: c.csrf(), email: ` ${owner.email.toUpperCase()} ` }), /요청이 너무 많습니다/);
      }
      // What was accepted is written at once (token and outbox row in one transaction): exactly the limit.
      const tokens = await limited.db.pool.query(
        `SELECT count(*)::int AS n FROM account_tokens t JOIN accounts a ON a.id = t.account_id WHERE a.email = $1 AND t.purpose = 'reset_password'`, [owner.email]);
      expect(tokens.rows[0].n).toBe(3);
      await eventually(() => Promise.resolve(resetMails()), (n) => n === 3);
    });

    it('resend-confirmation: the page has the API route\'s limit (per IP and email)', async () => {
      const ip = '198.51.100.83';
      const email = `resend-${tag}@bitgoeul.example`;
      const c = new PageClient(limited, { from: forwardedFor(ip) });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        await c.get('/exhibitor/login');
        statuses.push((await c.post('/exhibitor/resend-confirmation', { _csrf: c.csrf(), email })).status);
      }
      expect(statuses).toEqual([303, 303, 303, 429]);
      await limited.http.post('/api/exhibitor-accounts/resend-confirmation').set('X-Forwarded-For', ip).send({ email }).expect(429);
      await limited.http.post('/api/exhibitor-accounts/resend-confirmation').set('X-Forwarded-For', '198.51.100.84').send({ email }).expect(202);
    });
  });
});
