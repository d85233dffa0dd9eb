import type { Response } from 'supertest';
import { bearer, createAccount, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

/**
 * The organizer's web console, driven like a browser would: cookies kept between requests,
 * forms posted url-encoded with the CSRF token the page gave.
 */
class Browser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly t: TestApp,
    private readonly headers: Record<string, string> = {},
  ) {}

  async get(path: string): Promise<Response> {
    return this.remember(await this.withCookies(this.t.http.get(path)));
  }

  async post(path: string, form: Record<string, string>): Promise<Response> {
    return this.remember(await this.withCookies(this.t.http.post(path).type('form').send(form)));
  }

  /** Opens the login form and posts it. */
  async login(credentials: { email: string; password: string } = TEST_ORGANIZER): Promise<Response> {
    const page = await this.get('/console/login');
    return this.post('/console/login', { ...credentials, _csrf: csrfOf(page) });
  }

  private withCookies<T extends { set(name: string, value: string): T }>(req: T): T {
    let r = req;
    for (const [name, value] of Object.entries(this.headers)) r = r.set(name, value);
    return this.cookies.size > 0 ? r.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')) : r;
  }

  private remember(res: Response): Response {
    for (const line of setCookies(res)) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      if (/;\s*max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(eq + 1));
    }
    return res;
  }
}

const setCookies = (res: Response): string[] => {
  const h = res.headers['set-cookie'] as string[] | string | undefined;
  return h === undefined ? [] : Array.isArray(h) ? h : [h];
};

function csrfOf(res: Response): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(res.text);
  if (!match) throw new Error(`no CSRF token in the page (status ${res.status})`);
  return match[1];
}

describe('venue console (web pages)', () => {
  let t: TestApp;
  let organizer: Browser;
  let api: string;
  let day = 0;

  beforeAll(async () => {
    t = await startTestApp();
    api = await bearer(t);
    organizer = new Browser(t);
    expect((await organizer.login()).status).toBe(303);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    organizer.cookies.delete('fairgate_lang'); // each test starts in the default language
  });

  /** A fresh day for each test, so tests never collide with each other's bookings. */
  const nextDay = (): string => {
    day++;
    return new Date(Date.UTC(2028, 0, 3) + day * 86400_000).toISOString().slice(0, 10);
  };
  const kst = (date: string, time: string): string => `${date}T${time}:00+09:00`;
  const bookViaApi = async (body: Record<string, unknown>): Promise<string> =>
    (await t.http.post('/api/venues/kdj-center/bookings').set('Authorization', api).send(body).expect(201)).body.id as string;
  const bookingCount = async (): Promise<number> => (await t.db.pool.query(`SELECT count(*)::int AS n FROM venue_bookings`)).rows[0].n;
  const statusOf = async (id: string): Promise<string> => (await t.db.pool.query(`SELECT status FROM venue_bookings WHERE id = $1`, [id])).rows[0].status;
  const holdForm = async (date: string, fields: Record<string, string>): Promise<Record<string, string>> => {
    const page = await organizer.get(`/console/venue?date=${date}`);
    return { _csrf: csrfOf(page), space: 'R301', date, start: '10:00', end: '12:00', setupMinutes: '0', teardownMinutes: '0', purpose: 'Seminar', ...fields };
  };

  it('logs in through the form: an HttpOnly, SameSite=Lax session cookie scoped to /console, then the grid', async () => {
    const browser = new Browser(t);
    const form = await browser.get('/console/login');
    expect(form.status).toBe(200);
    expect(form.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(form.text).toContain('<html lang="ko">');
    expect(form.text).toMatch(/<label for="f-email">이메일<\/label>/);

    const res = await browser.post('/console/login', { email: TEST_ORGANIZER.email, password: TEST_ORGANIZER.password, _csrf: csrfOf(form) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console'); // the dashboard: the console's home
    const session = setCookies(res).find((c) => c.startsWith('fairgate_session='))!;
    expect(session).toBeDefined();
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(session).toMatch(/; Path=\/console/);
    expect(session).not.toMatch(/; Secure/); // PUBLIC_URL is http in tests
    const grid = await browser.get('/console/venue');
    expect(grid.status).toBe(200);
    expect(grid.text).toContain('제2센터 301호 회의실');
  });

  it('refuses a wrong password on the form page, keeping the email, and sets no session', async () => {
    const browser = new Browser(t);
    const form = await browser.get('/console/login?lang=en');
    const res = await browser.post('/console/login', { email: TEST_ORGANIZER.email, password: 'not-the-password', _csrf: csrfOf(form) });
    expect(res.status).toBe(401);
    expect(res.text).toContain('Email or password is wrong.');
    expect(res.text).toContain(`value="${TEST_ORGANIZER.email}"`);
    expect(browser.cookies.has('fairgate_session')).toBe(false);
  });

  it('sends an anonymous visitor (or one with a dead session) to the login form instead of a JSON 401', async () => {
    for (const path of ['/console/venue', '/console/venue?view=week']) {
      const res = await t.http.get(path).expect(303);
      expect(res.headers.location).toBe(`/console/login?next=${encodeURIComponent(path)}`); // back there after the login
    }
    const stale = await t.http.get('/console/venue').set('Cookie', 'fairgate_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(303);
    expect(setCookies(stale).find((c) => c.startsWith('fairgate_session='))).toMatch(/Max-Age=0/);
    const post = await t.http.post('/console/venue/bookings').type('form').send({ purpose: 'x' }).expect(303);
    expect(post.headers.location).toBe('/console/login');
    expect((await t.http.get('/console').expect(303)).headers.location).toBe('/console/login');
    // Pages keep the app's security headers; the CSP allows their inline stylesheet but no script.
    const login = await t.http.get('/console/login').expect(200);
    expect(login.headers['content-security-policy']).toMatch(/style-src 'self' https: 'unsafe-inline'/);
    expect(login.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(login.text).not.toMatch(/<script/);
  });

  it('shows the day grid in Korean and English with every seeded space, holds and confirmed bookings told apart', async () => {
    const d = nextDay();
    await bookViaApi({ space: 'R301', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: 'Seminar' });
    await bookViaApi({ space: 'CONV', startsAt: kst(d, '13:00'), endsAt: kst(d, '15:00'), purpose: 'Keynote', confirm: true });
    const spaces: Array<{ code: string; name_ko: string; name_en: string }> = (await t.db.pool.query(`SELECT code, name_ko, name_en FROM venue_spaces`)).rows;
    expect(spaces).toHaveLength(20);

    const ko = await organizer.get(`/console/venue?date=${d}&lang=ko`);
    expect(ko.status).toBe(200);
    expect(ko.text).toContain('<html lang="ko">');
    for (const s of spaces) expect(ko.text).toContain(s.name_ko);
    expect(ko.text).toMatch(/<td class="slot held" colspan="2"><a href="#booking-[0-9a-f-]+" aria-label="오전 10:00–오후 12:00 제2센터 301호 회의실: 가예약 — Seminar"/);
    expect(ko.text).toMatch(/<td class="slot confirmed" colspan="2"><a href="#booking-[0-9a-f-]+" aria-label="오후 1:00–오후 3:00 컨벤션홀: 확정 — Keynote"/);
    expect(ko.text).toContain('<span class="badge held">가예약</span>');
    expect(ko.text).toContain('<span class="badge confirmed">확정</span>');

    const en = await organizer.get(`/console/venue?date=${d}&lang=en`);
    expect(en.text).toContain('<html lang="en">');
    for (const s of spaces) expect(en.text).toContain(s.name_en);
    expect(en.text).toContain('aria-label="10:00 AM–12:00 PM Meeting Room 301 (Second Center): held — Seminar"');
    expect(en.text).toContain('aria-label="1:00 PM–3:00 PM Convention Hall: confirmed — Keynote"');
    // Only the hold can be confirmed; both can be cancelled.
    expect(en.text.match(/>Confirm<\/button>/g)).toHaveLength(1);
    expect(en.text.match(/>Cancel<\/button>/g)).toHaveLength(2);
    // ?lang= sticks through a cookie; without it Accept-Language decides, Korean by default.
    expect(setCookies(en).some((c) => c.startsWith('fairgate_lang=en;'))).toBe(true);
    expect((await organizer.get(`/console/venue?date=${d}`)).text).toContain('<html lang="en">');
    organizer.cookies.delete('fairgate_lang');
    expect((await organizer.get(`/console/venue?date=${d}`)).text).toContain('<html lang="ko">');
    const english = new Browser(t, { 'Accept-Language': 'en-US,en;q=0.9,ko;q=0.5' });
    await english.login();
    expect((await english.get(`/console/venue?date=${d}`)).text).toContain('<html lang="en">');
  });

  it('shows the week as spaces × seven days, with the bookings of each day', async () => {
    const d = nextDay();
    await bookViaApi({ space: 'EXH', startsAt: kst(d, '09:00'), endsAt: kst(d, '18:00'), purpose: 'Joint hall fair', confirm: true });
    await bookViaApi({ space: 'R302', startsAt: kst(d, '08:00'), endsAt: kst(d, '09:30'), purpose: 'Breakfast briefing' });
    const res = await organizer.get(`/console/venue?date=${d}&view=week&lang=en`);
    expect(res.status).toBe(200);
    expect(res.text.match(/<th scope="col"><a href="\/console\/venue\?date=\d{4}-\d{2}-\d{2}">/g)).toHaveLength(7);
    expect(res.text).toContain('9:00 AM–6:00 PM Exhibition Hall (whole): confirmed — Joint hall fair"');
    // The parts of a booked whole show it too, saying so.
    expect(res.text).toContain('9:00 AM–6:00 PM Exhibition Hall 1: confirmed — Joint hall fair (part of the Exhibition Hall (whole) booking)');
    expect(res.text).toContain('8:00 AM–9:30 AM Meeting Room 302 (Second Center): held — Breakfast briefing"');
  });

  it('places a hold through the form: a held booking in the database, then back to the grid with a message', async () => {
    const d = nextDay();
    const res = await organizer.post('/console/venue/bookings', await holdForm(d, { space: 'R303', start: '14:00', end: '16:30', setupMinutes: '30', purpose: '빛고을 세미나' }));
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^/console/venue\\?date=${d}&flash=held#booking-[0-9a-f-]{36}$`));
    const { rows } = await t.db.pool.query(
      `SELECT b.status, b.purpose, b.starts_at, b.ends_at, b.setup_minutes, s.code FROM venue_bookings b JOIN venue_spaces s ON s.id = b.space_id WHERE b.purpose = '빛고을 세미나'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'held', code: 'R303', setup_minutes: 30 });
    expect(rows[0].starts_at.toISOString()).toBe(new Date(kst(d, '14:00')).toISOString());
    expect(rows[0].ends_at.toISOString()).toBe(new Date(kst(d, '16:30')).toISOString());
    const page = await organizer.get(res.headers.location);
    expect(page.text).toContain('가예약이 등록되었습니다.');
    expect(page.text).toContain('제2센터 303호 회의실: 가예약 — 빛고을 세미나');
  });

  it('shows a conflicting hold as a message naming the booking in the way, keeps the input, and creates nothing', async () => {
    const d = nextDay();
    const first = await bookViaApi({ space: 'R304', startsAt: kst(d, '09:00'), endsAt: kst(d, '11:00'), purpose: 'Press briefing' });
    const before = await bookingCount();
    const res = await organizer.post('/console/venue/bookings?lang=en', await holdForm(d, { space: 'R304', start: '10:30', end: '12:00', purpose: 'Workshop & <demo>' }));
    expect(res.status).toBe(409);
    expect(await bookingCount()).toBe(before);
    expect(res.text).toContain(`is already held from 9:00 AM to 11:00 AM: “Press briefing” (booking ${first})`);
    expect(res.text).toContain('value="Workshop &amp; &lt;demo&gt;"');
    expect(res.text).toMatch(/<option value="R304" selected>/);
    expect(res.text).toContain('value="10:30"');
  });

  it('shows form errors next to their fields, in the user language, keeping the input', async () => {
    const d = nextDay();
    const before = await bookingCount();
    const res = await organizer.post('/console/venue/bookings', await holdForm(d, { start: '12:00', end: '10:00', purpose: '', setupMinutes: 'ten' }));
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<input id="f-end" name="end" aria-invalid="true" aria-describedby="f-end-error"[^>]*value="10:00">/);
    expect(res.text).toContain('<p class="error" id="f-end-error">종료 시각은 시작 시각보다 늦어야 합니다.</p>');
    expect(res.text).toContain('<p class="error" id="f-purpose-error">필수 항목입니다.</p>');
    expect(res.text).toMatch(/id="f-setupMinutes"[^>]*aria-invalid="true"/);
    // The service's own rule (opening hours) comes back the same way.
    const late = await organizer.post('/console/venue/bookings', await holdForm(d, { start: '21:00', end: '22:30', teardownMinutes: '60' }));
    expect(late.status).toBe(400);
    expect(late.text).toMatch(/id="f-teardownMinutes-error">준비·철수 시간을 포함해 운영 시간 07:00–23:00 안이어야 합니다./);
    expect(await bookingCount()).toBe(before);
  });

  it('confirms and cancels through the forms', async () => {
    const d = nextDay();
    const id = await bookViaApi({ space: 'R305', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: 'To confirm' });
    const page = await organizer.get(`/console/venue?date=${d}`);
    expect(page.text).toContain(`action="/console/venue/bookings/${id}/confirm"`);
    const confirmed = await organizer.post(`/console/venue/bookings/${id}/confirm`, { _csrf: csrfOf(page), returnDate: d, returnView: 'day' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.location).toBe(`/console/venue?date=${d}&flash=confirmed#booking-${id}`);
    expect(await statusOf(id)).toBe('confirmed');
    expect((await organizer.get(confirmed.headers.location)).text).toContain('대관이 확정되었습니다.');

    const cancelled = await organizer.post(`/console/venue/bookings/${id}/cancel`, { _csrf: csrfOf(page), returnDate: d, returnView: 'week' });
    expect(cancelled.headers.location).toBe(`/console/venue?date=${d}&view=week&flash=cancelled`);
    expect(await statusOf(id)).toBe('cancelled');
    // Confirming a cancelled booking is refused with a message, not an error page.
    const again = await organizer.post(`/console/venue/bookings/${id}/confirm`, { _csrf: csrfOf(page), returnDate: d });
    expect(again.headers.location).toBe(`/console/venue?date=${d}&flash=not-confirmable`);
    expect(await statusOf(id)).toBe('cancelled');
  });

  it('refuses a form post without, or with a wrong, CSRF token (403) and changes nothing', async () => {
    const d = nextDay();
    const id = await bookViaApi({ space: 'R201', startsAt: kst(d, '10:00'), endsAt: kst(d, '12:00'), purpose: 'Guarded' });
    const before = await bookingCount();
    const { _csrf: _, ...withoutToken } = await holdForm(d, { space: 'R202' });
    const missing = await organizer.post('/console/venue/bookings', withoutToken);
    expect(missing.status).toBe(403);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expect(missing.text).toContain('요청이 거부되었습니다');
    expect((await organizer.post('/console/venue/bookings', { ...withoutToken, _csrf: 'x'.repeat(43) })).status).toBe(403);
    // A token of another session is as good as none.
    const other = new Browser(t);
    await other.login();
    const otherToken = csrfOf(await other.get('/console/venue'));
    expect((await organizer.post('/console/venue/bookings', { ...withoutToken, _csrf: otherToken })).status).toBe(403);
    expect((await organizer.post(`/console/venue/bookings/${id}/confirm`, { _csrf: otherToken })).status).toBe(403);
    expect((await organizer.post(`/console/venue/bookings/${id}/cancel`, {})).status).toBe(403);
    expect((await organizer.post('/console/logout', {})).status).toBe(403);
    expect(await bookingCount()).toBe(before);
    expect(await statusOf(id)).toBe('held');
    // The login form is guarded too (against logging a victim into someone else's account).
    const fresh = new Browser(t);
    await fresh.get('/console/login');
    expect((await fresh.post('/console/login', { email: TEST_ORGANIZER.email, password: TEST_ORGANIZER.password })).status).toBe(403);
    expect(fresh.cookies.has('fairgate_session')).toBe(false);
  });

  it('refuses an account that is not an organizer', async () => {
    await createAccount(t, 'exhibitor', 'exhibitor@fairgate.test', 'exhibitor-password-123');
    const exhibitor = new Browser(t);
    expect((await exhibitor.login({ email: 'exhibitor@fairgate.test', password: 'exhibitor-password-123' })).status).toBe(303);
    const page = await exhibitor.get('/console/venue');
    expect(page.status).toBe(403);
    expect(page.text).toContain('이 페이지는 주최자 계정만 사용할 수 있습니다.');
    const before = await bookingCount();
    const token = csrfOf(page); // the logout form of the refusal page
    const d = nextDay();
    const post = await exhibitor.post('/console/venue/bookings', { _csrf: token, space: 'R301', date: d, start: '10:00', end: '11:00', purpose: 'Sneaky' });
    expect(post.status).toBe(403);
    expect(await bookingCount()).toBe(before);
    expect((await exhibitor.post('/console/logout', { _csrf: token })).status).toBe(303);
  });

  it('logs out: the session ends and the cookie is dropped', async () => {
    const browser = new Browser(t);
    await browser.login();
    const cookie = browser.cookies.get('fairgate_session')!;
    const page = await browser.get('/console/venue');
    const res = await browser.post('/console/logout', { _csrf: csrfOf(page) });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/console/login?flash=logged-out');
    expect(setCookies(res).find((c) => c.startsWith('fairgate_session='))).toMatch(/Max-Age=0/);
    expect((await t.http.get('/console/venue').set('Cookie', `fairgate_session=${cookie}`)).status).toBe(303);
  });

  it('leaves the API alone: the console cookie does not authenticate /api, and the console is not under /api', async () => {
    const cookie = `fairgate_session=${organizer.cookies.get('fairgate_session')}`;
    const d = nextDay();
    const day = await t.http.get(`/api/venues/kdj-center/day?date=${d}`).set('Cookie', cookie).expect(401);
    expect(day.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    await t.http.get('/api/auth/me').set('Cookie', cookie).expect(401);
    await t.http.post('/api/venues/kdj-center/bookings').set('Cookie', cookie)
      .send({ space: 'R301', startsAt: kst(d, '10:00'), endsAt: kst(d, '11:00'), purpose: 'Via cookie' }).expect(401);
    await t.http.get(`/api/venues/kdj-center/day?date=${d}`).set('Authorization', api).expect(200);
    await t.http.get('/api/console/venue').set('Cookie', cookie).expect(404);
    await t.http.get('/api/fairs').expect(200);
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths).filter((p) => p.includes('console'))).toEqual([]);
  });

  it('escapes what users typed wherever it is shown', async () => {
    const d = nextDay();
    await bookViaApi({ space: 'R202', startsAt: kst(d, '10:00'), endsAt: kst(d, '11:00'), purpose: '<script>alert("x")</script>' });
    const page = await organizer.get(`/console/venue?date=${d}`);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
