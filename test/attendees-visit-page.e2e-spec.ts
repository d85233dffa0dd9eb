import { mailTo } from './support/exhibitors';
import { startTestApp, type TestApp } from './support/test-app';

const EDITION = 'ppuri-2027'; // 2027-04-28 … 2027-04-30, registration open
const VISIT = `/fairs/${EDITION}/visit`;

/** The form's hidden fields and the pre-session cookie, as a browser gets them from the GET. */
async function openForm(t: TestApp, lang = 'ko'): Promise<{ cookie: string; csrf: string; formKey: string; html: string }> {
  const res = await t.http.get(`${VISIT}?lang=${lang}`).expect(200);
  const cookie = (res.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1];
  const formKey = /name="formKey" value="([^"]+)"/.exec(res.text)?.[1];
  if (!csrf || !formKey) throw new Error('no form fields');
  return { cookie, csrf, formKey, html: res.text };
}

let serial = 0;
function fields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  serial++;
  return {
    name: '김민준', email: `visit-${process.pid}-${serial}@visitors.example`, company: '광주전자', country: 'kr', kind: 'buyer',
    days: ['2027-04-29', '2027-04-28'], language: 'ko', consentMessages: 'true', consentShareContact: 'true', ...overrides,
  };
}

function post(t: TestApp, form: { cookie: string; csrf: string; formKey: string }, body: Record<string, string | string[]>, lang = 'ko') {
  return t.http.post(`${VISIT}?lang=${lang}`).set('Cookie', form.cookie).type('form').send({ _csrf: form.csrf, formKey: form.formKey, ...body });
}

describe('visitor registration page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the form in Korean with the days written out, in the site frame', async () => {
    const form = await openForm(t);
    expect(form.html).toContain('<html lang="ko"');
    expect(form.html).toContain('참관 등록');
    expect(form.html).toContain('2027년 4월 28일 (수)');
    expect(form.html).toContain('2027년 4월 30일 (금)');
    expect(form.html).toContain('광주광역시 서구 상무누리로 30');
    expect(form.html).not.toMatch(/\b(AM|PM)\b/);
    const en = await openForm(t, 'en');
    expect(en.html).toContain('Wed 28 Apr 2027');
    expect(en.html).toContain('Visitor registration');
  });

  it('registers through the form, lands on the private page with a 303, and the email arrives', async () => {
    const form = await openForm(t);
    const body = fields({ name: '김민준' });
    const res = await post(t, form, body).expect(303);
    const location = res.headers.location;
    expect(location).toMatch(/^\/attendee\/[A-Za-z0-9_-]{43}\?lang=ko$/);
    const page = await t.http.get(location).expect(200);
    expect(page.text).toContain('김민준');
    expect(page.text).toContain('noindex');
    expect(page.text).toContain('2027년 4월 28일 (수)');
    const row = (await t.db.pool.query(`SELECT * FROM attendees WHERE email = $1`, [body.email])).rows[0];
    expect(row).toMatchObject({ name: '김민준', country: 'KR', kind: 'buyer', days: ['2027-04-28', '2027-04-29'], locale: 'ko', consent_messages: true, consent_share_contact: true });
    const mail = await mailTo(t, String(body.email), /등록을 확인/);
    const token = location.split('/')[2].split('?')[0];
    expect(mail.parsed.text).toContain(`/attendee/${token}`);
    expect(mail.parsed.text).toContain(row.badge_code);
  });

  it('registers a double submit of one form once, both answers leading to the same page', async () => {
    const form = await openForm(t);
    const body = fields();
    const [a, b] = await Promise.all([post(t, form, body), post(t, form, body)]);
    const answers = [a.status, b.status].sort();
    // The second one either replays (303 to the same page) or meets the first still running (409, the form again).
    expect(answers[0]).toBe(303);
    const again = await post(t, form, body).expect(303);
    expect(again.headers.location).toBe((a.status === 303 ? a : b).headers.location);
    expect(Number((await t.db.pool.query(`SELECT count(*) AS n FROM attendees WHERE email = $1`, [body.email])).rows[0].n)).toBe(1);
    // The same key with something else typed: the form says it was sent already.
    const changed = await post(t, form, { ...body, name: '다른 이름' }).expect(422);
    expect(changed.text).toContain('이미 제출되었습니다');
  });

  it('shows errors next to each field and summarised on top, and keeps the values', async () => {
    const form = await openForm(t);
    const res = await post(t, form, fields({ name: '', email: 'not-an-email', country: 'Korea', kind: '', days: ['2027-05-02'], company: '광주 <전자>' })).expect(400);
    expect(res.text).toContain('입력한 내용을 확인해 주세요 (5건)');
    expect(res.text).toContain('href="#v-name"');
    expect(res.text).toContain('href="#v-email"');
    expect(res.text).toContain('href="#v-kind-trade_visitor"');
    expect(res.text).toContain('href="#v-day-2027-04-28"');
    expect(res.text).toContain('id="v-email-error"');
    expect(res.text).toContain('이메일 주소 형식이 올바르지 않습니다');
    expect(res.text).toContain('전시 기간 중의 날짜만');
    expect(res.text).toContain('value="not-an-email"');
    expect(res.text).toContain('value="광주 &lt;전자&gt;"');
    expect(res.text).toContain('value="KOREA"');
    expect(res.text).toMatch(/id="v-consentMessages" name="consentMessages" value="true" checked/);
    expect(res.text).not.toMatch(/must be|should not/); // no English validator text on a Korean page
  });

  it('refuses a post without the CSRF token and registers nothing', async () => {
    const body = fields();
    const res = await t.http.post(VISIT).type('form').send({ ...body }).expect(403);
    expect(res.text).toContain('양식이 만료되었습니다');
    expect(Number((await t.db.pool.query(`SELECT count(*) AS n FROM attendees WHERE email = $1`, [body.email])).rows[0].n)).toBe(0);
  });

  it('says a closed edition is closed, with no form, and an unknown one is not found', async () => {
    const closed = await t.http.get('/fairs/green-car-2018/visit?lang=ko').expect(200);
    expect(closed.text).toContain('참관 등록을 받지 않습니다');
    expect(closed.text).not.toContain('<form method="post"');
    await t.http.get('/fairs/no-such-fair-2099/visit?lang=en').expect(404);
    // A post to it registers nothing and says the same.
    const form = await openForm(t);
    const body = fields();
    const posted = await t.http.post('/fairs/green-car-2018/visit?lang=ko').set('Cookie', form.cookie).type('form')
      .send({ _csrf: form.csrf, formKey: form.formKey, ...body }).expect(409);
    expect(posted.text).toContain('참관 등록을 받지 않습니다');
    expect(Number((await t.db.pool.query(`SELECT count(*) AS n FROM attendees WHERE email = $1`, [body.email])).rows[0].n)).toBe(0);
  });

  it('sends an address registered before to a "check your email" page, never to the first page', async () => {
    const body = fields();
    const first = await post(t, await openForm(t), body).expect(303);
    const second = await post(t, await openForm(t), body).expect(303);
    expect(second.headers.location).toBe(`${VISIT}/sent?lang=ko`);
    expect(second.headers.location).not.toBe(first.headers.location);
    expect((await t.http.get(String(second.headers.location)).expect(200)).text).toContain('이메일을 확인해 주세요');
  });
});

describe('visitor registration page under the registration limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_REGISTRATION_PER_MINUTE: '2' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shares the API\'s limit: past it, a page in Korean with Retry-After, and nothing registered', async () => {
    const form = await openForm(t);
    // The API and the page draw from one bucket per address.
    await t.http.post(`/api/editions/${EDITION}/attendees`).send({
      name: 'API Visitor', email: `api-${process.pid}@visitors.example`, country: 'KR', kind: 'buyer', days: ['2027-04-28'], language: 'en', consentMessages: false, consentShareContact: false,
    }).expect(201);
    await post(t, { ...form, formKey: `${form.formKey}a` }, fields()).expect(303);
    const body = fields();
    const limited = await post(t, { ...form, formKey: `${form.formKey}b` }, body).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-type']).toMatch(/^text\/html/);
    expect(limited.text).toContain('요청이 너무 많습니다');
    expect(limited.text).toMatch(/\d+초 뒤에 다시 시도해 주세요/);
    expect(Number((await t.db.pool.query(`SELECT count(*) AS n FROM attendees WHERE email = $1`, [body.email])).rows[0].n)).toBe(0);
  });
});
