import { csrfOf, PageClient } from './support/page-client';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { bearer, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

/** The href of the link whose text is exactly `text` after the label, as the html tag escapes it. */
const amp = (href: string): string => href.replaceAll('&', '&amp;');

describe('the public front door and the console dashboard', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('front door', () => {
    it('lists the fairs and their current editions in Korean by default, with dates and status', async () => {
      const res = await t.http.get('/').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<html lang="ko">');
      expect(res.text).toContain('href="/fairs/ppuri-2027"');
      expect(res.text).toContain('2027년 4월 28일 (수) – 4월 30일 (금)');
      expect(res.text).toContain('등록 중');
      expect(res.text).not.toMatch(/Registration open|AM|PM/);
      expect(res.text).toContain('<link rel="icon" href="/favicon.svg"');
    });

    it('speaks English by Accept-Language and by ?lang=, which wins over the header', async () => {
      const byHeader = await t.http.get('/').set('Accept-Language', 'en-US,en;q=0.9').expect(200);
      expect(byHeader.text).toContain('<html lang="en">');
      expect(byHeader.text).toContain('Wed 28 Apr 2027 – Fri 30 Apr 2027');
      expect(byHeader.text).toContain('Registration open');
      const byQuery = await t.http.get('/?lang=en').set('Accept-Language', 'ko').expect(200);
      expect(byQuery.text).toContain('<html lang="en">');
      const korean = await t.http.get('/?lang=ko').set('Accept-Language', 'en').expect(200);
      expect(korean.text).toContain('<html lang="ko">');
      // The switch in the header points at the other language.
      expect(korean.text).toContain('href="/?lang=en"');
    });

    it('ignores query parameters it does not know (a public page is linked from anywhere)', async () => {
      await t.http.get('/?utm_source=newsletter').expect(200);
    });

    it('shows an edition: dates, hall names, and what visitors, buyers and exhibitors can do while registration is open', async () => {
      const res = await t.http.get('/fairs/ppuri-2027').expect(200);
      expect(res.text).toContain('<h1>2027 국제뿌리산업전시회</h1>');
      expect(res.text).toContain('2027년 4월 28일 (수) – 4월 30일 (금)');
      expect(res.text).toContain('전시장 1홀');
      expect(res.text).not.toContain('EXH1');
      expect(res.text).toContain('href="/fairs/ppuri-2027/visit"');
      expect(res.text).toContain('href="/fairs/ppuri-2027/buyers"');
      expect(res.text).toContain('href="/exhibitor/fairs/ppuri-2027"');
      // The exhibitors' page for the edition takes the same code.
      await t.http.get('/exhibitor/fairs/ppuri-2027').expect(200);
    });

    it('says why there is no registration link for a finished edition, and 404s drafts and unknown codes as pages', async () => {
      const finished = await t.http.get('/fairs/ppuri-2018').expect(200);
      expect(finished.text).toContain('이 회차는 끝났습니다.');
      expect(finished.text).not.toContain('/fairs/ppuri-2018/visit');
      expect(finished.text).not.toContain('/exhibitor/fairs/ppuri-2018');
      await t.db.pool.query(
        `INSERT INTO fair_editions (code, series_id, year, starts_on, ends_on, venue_id, status)
         SELECT 'ppuri-2031', series_id, 2031, '2031-04-23', '2031-04-25', venue_id, 'draft' FROM fair_editions WHERE code = 'ppuri-2027'`,
      );
      const draft = await t.http.get('/fairs/ppuri-2031').expect(404);
      expect(draft.headers['content-type']).toMatch(/^text\/html/);
      expect(draft.text).toContain('찾을 수 없습니다');
      expect((await t.http.get('/').expect(200)).text).not.toContain('ppuri-2031');
      expect((await t.http.get('/fairs/no-such-fair').set('Accept-Language', 'en').expect(404)).text).toContain('There is no such fair or page.');
    });

    it('serves the favicon as SVG, cached, and sends /favicon.ico there', async () => {
      const svg = await t.http.get('/favicon.svg').expect(200);
      expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(svg.headers['cache-control']).toMatch(/max-age=\d{4,}/);
      expect(String(svg.body instanceof Buffer ? svg.body.toString() : svg.text)).toContain('<svg');
      const ico = await t.http.get('/favicon.ico').expect(301);
      expect(ico.headers.location).toBe('/favicon.svg');
      expect(ico.headers['cache-control']).toMatch(/max-age=\d{4,}/);
    });
  });

  describe('console login', () => {
    it('sends /console without a session to the login form', async () => {
      expect((await t.http.get('/console').expect(303)).headers.location).toBe('/console/login');
    });

    it('returns to the page that was asked for after the login', async () => {
      const browser = new PageClient(t, { lang: null });
      const asked = await browser.get('/console/applications?edition=ppuri-2027');
      expect(asked.status).toBe(303);
      expect(asked.headers.location).toBe(`/console/login?next=${encodeURIComponent('/console/applications?edition=ppuri-2027')}`);
      const form = await browser.get(asked.headers.location);
      expect(form.text).toContain(`name="next" value="${amp('/console/applications?edition=ppuri-2027')}"`);
      const res = await browser.post('/console/login', { ...TEST_ORGANIZER, _csrf: csrfOf(form), next: '/console/applications?edition=ppuri-2027' });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console/applications?edition=ppuri-2027');
      expect((await browser.get(res.headers.location)).status).toBe(200);
      // Logged in, the login page sends on at once.
      expect((await browser.get('/console/login?next=%2Fconsole%2Fvenue')).headers.location).toBe('/console/venue');
    });

    it.each([
      ['https://evil.example'],
      ['//evil'],
      ['//evil.example/console'],
      ['/\\evil.example'],
      ['/console/../exhibitor'],
      ['/console/%2e%2e/exhibitor'],
      ['/exhibitor'],
      ['javascript:alert(1)'],
      ['/consolexyz'],
    ])('refuses to return to %s after the login: the dashboard instead', async (next) => {
      const browser = new PageClient(t, { lang: null });
      const form = await browser.get(`/console/login?next=${encodeURIComponent(next)}`);
      expect(form.text).toContain('name="next" value="/console"');
      const res = await browser.post('/console/login', { ...TEST_ORGANIZER, _csrf: csrfOf(form), next });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console');
    });
  });

  describe('dashboard', () => {
    let organizer: PageClient;

    beforeAll(async () => {
      organizer = new PageClient(t, { lang: null });
      const form = await organizer.get('/console/login');
      expect((await organizer.post('/console/login', { ...TEST_ORGANIZER, _csrf: csrfOf(form) })).status).toBe(303);
      // Three applications, two visitors (one on both days), meeting requests, one failed email.
      for (let i = 0; i < 3; i++) await t.http.post(registrationPath('ppuri-2027')).send(newExhibitorApplication()).expect(201);
      for (const [n, days] of [[1, ['2027-04-28', '2027-04-29']], [2, ['2027-04-28']]] as const) {
        await t.http.post('/api/editions/ppuri-2027/attendees').send({
          name: `Visitor ${n}`, email: `dash-visitor-${n}@visitors.example`, company: 'Hanoi EV Trading', country: 'vn', kind: 'trade_visitor',
          days, language: 'en', consentMessages: true, consentShareContact: false,
        }).expect(201);
      }
      const api = await bearer(t);
      const meetings = '/api/editions/ppuri-2027/meetings';
      const participant = async (side: string, name: string): Promise<string> =>
        (await t.http.post(`${meetings}/participants`).set('Authorization', api).send({
          side, companyName: name, country: side === 'buyer' ? 'VN' : 'KR', contactName: 'Kim', email: `${name.toLowerCase().replaceAll(' ', '-')}@dash.example`,
          languages: ['en'], interests: ['casting'],
        }).expect(201)).body.id;
      const buyerA = await participant('buyer', 'Buyer A');
      const buyerB = await participant('buyer', 'Buyer B');
      const maker = await participant('exhibitor', 'Maker Co');
      await t.http.post(`${meetings}/requests`).set('Authorization', api).send({ buyer: buyerA, exhibitor: maker, priority: 'want', requestedBy: 'buyer' }).expect(201);
      await t.http.post(`${meetings}/requests`).set('Authorization', api).send({ buyer: buyerB, exhibitor: maker, priority: 'must', requestedBy: 'organizer' }).expect(201);
      await t.db.pool.query(`INSERT INTO outbox_messages (template, recipient, locale, params, status, attempts, failed_at) VALUES ('x.test', 'bounce@dash.example', 'en', '{}', 'failed', 5, now())`);
    });

    it('shows the figures of the edition asked for, each number linking to the page that lists it', async () => {
      const res = await organizer.get('/console?edition=ppuri-2027');
      expect(res.status).toBe(200);
      const page = res.text;
      const figure = (href: string, value: string | number): void => expect(page).toContain(`<a href="${amp(href)}">${value}</a>`);
      const { rows } = await t.db.pool.query(
        `SELECT a.status, count(*)::int AS n FROM exhibitor_applications a JOIN fair_editions e ON e.id = a.edition_id WHERE e.code = 'ppuri-2027' GROUP BY a.status`,
      );
      expect(rows).toEqual([{ status: 'submitted', n: 3 }]);
      figure('/console/applications?edition=ppuri-2027&status=submitted', 3);
      figure('/console/applications?edition=ppuri-2027&status=approved', 0);
      figure('/console/applications?edition=ppuri-2027', 3);
      // Visitors per day: 28 Apr both, 29 Apr one, 30 Apr none.
      expect(page).toMatch(/<th scope="row">4월 28일 \(수\)<\/th><td class="n"><a href="[^"]+">2<\/a>/);
      expect(page).toMatch(/<th scope="row">4월 29일 \(목\)<\/th><td class="n"><a href="[^"]+">1<\/a>/);
      expect(page).toMatch(/<th scope="row">4월 30일 \(금\)<\/th><td class="n"><a href="[^"]+">0<\/a>/);
      figure('/console/meetings/ppuri-2027/requests?status=pending', 1);
      figure('/console/meetings/ppuri-2027/requests?status=accepted', 1);
      figure('/console/mail?status=failed', 1);
      // Halls by name, sold units of capacity.
      expect(page).toMatch(/<th scope="row">전시장 1홀<\/th><td class="n"><a href="[^"]+">0 \/ \d+<\/a>/);
      // The charts are images with a title, and the numbers are in tables too.
      expect(page).toMatch(/<svg class="chart" role="img" aria-labelledby="chart-applications-title"/);
      expect(page).toContain('<title id="chart-applications-title">상태별 참가 신청 수: 제출됨 3,');
      // The navigation marks the dashboard.
      expect(page).toContain('<a href="/console" aria-current="page">현황판</a>');
      expect(page).not.toMatch(/Submitted|Pending/);
    });

    it('picks the current or next edition by default and lists the others to switch to', async () => {
      const res = await organizer.get('/console?lang=en');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<html lang="en">');
      expect(res.text).toContain('href="/console?edition=green-car-2027"');
      expect(res.text).toMatch(/<strong aria-current="page">2027 [^<]+<small>/);
      await organizer.get('/console?lang=ko');
      expect((await organizer.get('/console?edition=no-such-edition')).status).toBe(404);
    });
  });

  describe('programme', () => {
    let organizer: PageClient;

    beforeAll(async () => {
      organizer = new PageClient(t, { lang: null });
      const form = await organizer.get('/console/login');
      expect((await organizer.post('/console/login', { ...TEST_ORGANIZER, _csrf: csrfOf(form) })).status).toBe(303);
    });

    it('lists the editions, each linking to its programme', async () => {
      const res = await organizer.get('/console/programme');
      expect(res.status).toBe(200);
      expect(res.text).toContain('href="/console/programme/green-car-2027"');
      expect(res.text).toContain('<a href="/console/programme" aria-current="page">프로그램</a>');
    });

    it('adds a session from the form and shows it under its day with the room name and time as people read them', async () => {
      const page = await organizer.get('/console/programme/green-car-2027');
      expect(page.status).toBe(200);
      expect(page.text).toContain('2027년 7월 8일 (목)');
      const res = await organizer.post('/console/programme/green-car-2027/sessions', {
        _csrf: csrfOf(page), titleKo: '전기차 부품의 미래', titleEn: 'The future of EV parts', speakers: '박지훈, Anna Weber', room: 'R301', day: '2027-07-08',
        start: '14:00', end: '15:30', capacity: '40',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/console/programme/green-car-2027?flash=added');
      const after = await organizer.get(res.headers.location);
      expect(after.text).toContain('세션이 추가되었습니다.');
      expect(after.text).toContain('전기차 부품의 미래');
      expect(after.text).toContain('7월 8일 (목) 오후 2:00–오후 3:30 · 제2센터 301호 회의실');
      expect(after.text).not.toContain('R301 ');
      // And on the public edition page, as a highlight.
      expect((await t.http.get('/fairs/green-car-2027').expect(200)).text).toContain('전기차 부품의 미래');
    });

    it('keeps what was typed and says what is wrong next to each field and on top, in Korean', async () => {
      const page = await organizer.get('/console/programme/green-car-2027');
      const res = await organizer.post('/console/programme/green-car-2027/sessions', {
        _csrf: csrfOf(page), titleKo: '', titleEn: 'Half typed', speakers: '', room: 'R301', day: '2027-07-08', start: '16:00', end: '15:00', capacity: '100000',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('value="Half typed"');
      expect(res.text).toContain('<p class="error" id="f-titleKo-error">필수 항목입니다.</p>');
      expect(res.text).toContain('<p class="error" id="f-end-error">종료 시각은 시작 시각보다 늦어야 합니다.</p>');
      expect(res.text).toContain('href="#f-capacity"');
      const count = await t.db.pool.query(`SELECT count(*)::int AS n FROM conference_sessions WHERE title_en = 'Half typed'`);
      expect(count.rows[0].n).toBe(0);
    });
  });
});
