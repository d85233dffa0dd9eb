import type { Response } from 'supertest';
import { bearer, startTestApp, type TestApp } from './support/test-app';

/** The page's text without tags, spaces collapsed, entities left as they are. */
const textOf = (page: string): string => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const hidden = (page: string, name: string): string => {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(page);
  if (!m) throw new Error(`no ${name} in the page`);
  return m[1];
};

/** A browser-like client: keeps the cookies the pages set. */
class Visitor {
  private cookies = new Map<string, string>();
  constructor(private readonly t: TestApp, private readonly ip = '10.9.8.7') {}
  private keep(res: Response): Response {
    for (const c of (res.headers['set-cookie'] as unknown as string[] | undefined) ?? []) {
      const pair = c.split(';')[0];
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }
  private get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async get(path: string): Promise<Response> {
    return this.keep(await this.t.http.get(path).set('Cookie', this.cookie).set('X-Forwarded-For', this.ip));
  }
  async post(path: string, body: URLSearchParams): Promise<Response> {
    return this.keep(await this.t.http.post(path).set('Cookie', this.cookie).set('X-Forwarded-For', this.ip).type('form').send(body.toString()));
  }
}

const PAGE = '/fairs/green-car-2027/buyers';

function filled(page: string, overrides: Record<string, string | string[]> = {}): URLSearchParams {
  const fields: Record<string, string | string[]> = {
    _csrf: hidden(page, '_csrf'),
    formKey: hidden(page, 'formKey'),
    companyName: 'Saigon Auto Parts JSC',
    country: 'VN',
    contactName: 'Nguyen Van An',
    email: 'an.nguyen@saigon-auto.example',
    interests: ['ev-powertrain', 'auto-parts'],
    languages: ['vi', 'en'],
    days: ['2027-07-08'],
    purchasePlans: 'EV motor housings',
    locale: 'ko',
    ...overrides,
  };
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return body;
}

describe('export meetings: buyers register on a page', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
    for (const day of ['2027-07-08', '2027-07-09']) {
      await t.http.post('/api/editions/green-car-2027/meeting-sessions').set('Authorization', organizer).send({ day, startsAt: '10:00', endsAt: '11:00' }).expect(201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('registers through the form: 303 to the participant page, the email arrives, a double submit registers once', async () => {
    const v = new Visitor(t);
    const form = await v.get(`${PAGE}?lang=ko`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('<html lang="ko">');
    const text = textOf(form.text);
    for (const word of ['해외 바이어 수출상담회 등록', '2027 국제그린카산업전시회', '전기차 구동계', '베트남', '베트남어', '2027년 7월 8일 (목)', '2027년 7월 9일 (금)', '김대중컨벤션센터']) {
      expect(text).toContain(word);
    }
    expect(text).not.toMatch(/\b(AM|PM)\b/);
    const body = filled(form.text);

    const first = await v.post(`${PAGE}?lang=ko`, body);
    expect(first.status).toBe(303);
    expect(first.headers.location).toMatch(/^\/meetings\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}\?lang=ko&done=registered$/);
    // The same form sent again (a double click, a reload): the same answer, nothing new.
    const second = await v.post(`${PAGE}?lang=ko`, body);
    expect(second.status).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    const rows = await t.db.pool.query(`SELECT id, company_name, country, languages, interests, locale, unavailable_slots FROM meeting_participants WHERE email = $1`, ['an.nguyen@saigon-auto.example']);
    expect(rows.rows).toEqual([{
      id: expect.any(String), company_name: 'Saigon Auto Parts JSC', country: 'VN', languages: ['vi', 'en'], interests: ['ev-powertrain', 'auto-parts'], locale: 'ko',
      // Not there on 9 July: that day's slots are away.
      unavailable_slots: ['D2027-07-09-1000', 'D2027-07-09-1030'],
    }]);

    const landing = await v.get(first.headers.location);
    expect(landing.status).toBe(200);
    expect(textOf(landing.text)).toContain('수출상담회 바이어 등록이 완료되었습니다.');
    expect(textOf(landing.text)).toContain('Saigon Auto Parts JSC');

    const mail = await t.smtp.waitForSubject(/^\[Fairgate\] 수출상담회 등록 완료/);
    expect(mail.envelopeTo).toEqual(['an.nguyen@saigon-auto.example']);
    expect(mail.parsed.text).toContain(first.headers.location.split('?')[0]);
    expect(mail.parsed.text).toContain('Nguyen Van An 님');
    // Exactly one email for the two submits.
    expect(t.smtp.received.filter((m) => m.envelopeTo.includes('an.nguyen@saigon-auto.example'))).toHaveLength(1);
  });

  it('registers once when the same form arrives twice at the same time (a double click)', async () => {
    const v = new Visitor(t, '10.9.8.6');
    const form = await v.get(`${PAGE}?lang=en`);
    const body = filled(form.text, { email: 'double@click.example', locale: 'en' });
    const [a, b] = await Promise.all([v.post(`${PAGE}?lang=en`, body), v.post(`${PAGE}?lang=en`, body)]);
    expect([a.status, b.status]).toEqual([303, 303]);
    expect(a.headers.location).toBe(b.headers.location);
    expect((await t.db.pool.query(`SELECT 1 FROM meeting_participants WHERE email = 'double@click.example'`)).rowCount).toBe(1);
    // Another form (a new key) with the same email is told it is registered already, at the email field.
    const again = await v.post(`${PAGE}?lang=en`, filled((await v.get(`${PAGE}?lang=en`)).text, { email: 'double@click.example' }));
    expect(again.status).toBe(400);
    expect(again.text).toContain('<p class="error" id="f-email-error">This email is already registered as a buyer of this fair.');
  });

  it('shows the errors next to each field and on top, keeps the values, names the field', async () => {
    const v = new Visitor(t, '10.9.8.8');
    const form = await v.get(`${PAGE}?lang=ko`);
    const bad = await v.post(`${PAGE}?lang=ko`, filled(form.text, { email: 'not-an-email', interests: [], country: '', companyName: 'Hanoi <EV> Trading' }));
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    const text = textOf(bad.text);
    expect(text).toContain('입력 내용을 확인해 주세요 (3건)');
    expect(bad.text).toContain('<a href="#f-email">이메일: 올바른 이메일 주소를 입력해 주세요');
    expect(bad.text).toContain('<a href="#f-interests">관심 품목:');
    expect(bad.text).toContain('<a href="#f-country">국가:');
    expect(bad.text).toContain('<p class="error" id="f-email-error">올바른 이메일 주소를 입력해 주세요');
    expect(bad.text).toMatch(/<input id="f-email" name="email" value="not-an-email"[^>]*aria-invalid="true"/);
    expect(bad.text).toContain('value="Hanoi &lt;EV&gt; Trading"');
    expect(bad.text).toMatch(/value="vi" checked/);
    expect(bad.text).toContain('EV motor housings</textarea>');
    expect((await t.db.pool.query(`SELECT 1 FROM meeting_participants WHERE email = 'not-an-email'`)).rowCount).toBe(0);

    // In English too, and an email already registered is named at its field.
    const en = await v.get(`${PAGE}?lang=en`);
    const taken = await v.post(`${PAGE}?lang=en`, filled(en.text, { email: 'an.nguyen@saigon-auto.example' }));
    expect(taken.status).toBe(400);
    expect(taken.text).toContain('<a href="#f-email">Email: This email is already registered as a buyer of this fair.');
  });

  it('refuses a post without the CSRF token as a page', async () => {
    const v = new Visitor(t, '10.9.8.9');
    const form = await v.get(`${PAGE}?lang=ko`);
    const forged = await v.post(`${PAGE}?lang=ko`, filled(form.text, { _csrf: 'forged', email: 'forged@x.example' }));
    expect(forged.status).toBe(403);
    expect(forged.headers['content-type']).toMatch(/^text\/html/);
    expect(textOf(forged.text)).toContain('양식이 만료되었습니다');
    expect((await t.db.pool.query(`SELECT 1 FROM meeting_participants WHERE email = 'forged@x.example'`)).rowCount).toBe(0);
  });

  it('says so when the edition does not take buyers, with no form', async () => {
    const closed = await new Visitor(t).get('/fairs/green-car-2018/buyers?lang=ko');
    expect(closed.status).toBe(200);
    expect(textOf(closed.text)).toContain('바이어 등록 기간이 아닙니다');
    expect(closed.text).not.toContain('<form method="post"');
    // A form posted to it (opened while it was open) is refused with the same notice.
    const open = new Visitor(t, '10.9.8.5');
    const form = await open.get(`${PAGE}?lang=ko`);
    const late = await open.post('/fairs/green-car-2018/buyers?lang=ko', filled(form.text, { email: 'late@x.example' }));
    expect(late.status).toBe(409);
    expect(textOf(late.text)).toContain('바이어 등록 기간이 아닙니다');
    expect((await t.db.pool.query(`SELECT 1 FROM meeting_participants WHERE email = 'late@x.example'`)).rowCount).toBe(0);
    const unknown = await new Visitor(t).get('/fairs/no-such-fair/buyers?lang=en');
    expect(unknown.status).toBe(404);
    expect(textOf(unknown.text)).toContain('Fair not found');
  });
});

describe('export meetings: the buyers registration page is rate-limited like the API', () => {
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
  });

  it('shares the API counter and answers a Korean page with Retry-After', async () => {
    t = await startTestApp({ env: { RATE_LIMIT_REGISTRATION_PER_MINUTE: '2' } });
    const v = new Visitor(t, '10.1.1.1');
    const form = await v.get(`${PAGE}?lang=ko`);
    // One API call and one page post use up the two of this address.
    await t.http.post('/api/editions/green-car-2027/meetings/register').set('X-Forwarded-For', '10.1.1.1')
      .send({ companyName: 'A', country: 'VN', contactName: 'A', email: 'a@a.example', languages: ['en'], interests: ['ev-powertrain'] }).expect(201);
    expect((await v.post(`${PAGE}?lang=ko`, filled(form.text, { email: 'b@b.example', days: [] }))).status).toBe(303);
    const limited = await v.post(`${PAGE}?lang=ko`, filled(form.text, { email: 'c@c.example', formKey: 'another-key', days: [] }));
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^text\/html/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(textOf(limited.text)).toMatch(/요청이 너무 많습니다 .*\d+초 후에 다시 시도해 주세요/);
    expect((await t.db.pool.query(`SELECT 1 FROM meeting_participants WHERE email = 'c@c.example'`)).rowCount).toBe(0);
  });
});
