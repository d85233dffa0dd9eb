import type { Response } from 'supertest';
import { linkToken, mailTo, newApplicationForm, newSignUp } from './support/exhibitors';
import { bearer, startTestApp, type TestApp } from './support/test-app';

/** A small browser-like client: keeps the cookies the pages set, reads the CSRF token from the last page. */
class Browser {
  private readonly cookies = new Map<string, string>();
  private last = '';

  constructor(private readonly t: TestApp) {}

  private keep(res: Response): Response {
    for (const c of (res.headers['set-cookie'] as unknown as string[] | undefined) ?? []) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      if (/Max-Age=0/.test(c)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    this.last = res.text ?? '';
    return res;
  }

  private cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string): Promise<Response> {
    return this.keep(await this.t.http.get(path).set('Cookie', this.cookie()).set('Accept-Language', 'ko'));
  }

  async post(path: string, form: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    body.append('_csrf', /name="_csrf" value="([^"]+)"/.exec(this.last)?.[1] ?? '');
    return this.keep(await this.t.http.post(path).set('Cookie', this.cookie()).set('Accept-Language', 'ko').type('form').send(body.toString()));
  }
}

/** A company signed up in Korean (its mails come in Korean): sign-up, the confirmation link, login. */
async function signUpInKorean(t: TestApp): Promise<{ email: string; password: string; auth: string }> {
  const body = newSignUp({ language: 'ko', displayName: '김민준' });
  await t.http.post('/api/exhibitor-accounts').send(body).expect(201);
  const mail = await mailTo(t, body.email, /이메일 주소를 확인/);
  await t.http.post('/api/exhibitor-accounts/confirm-email').send({ token: linkToken(mail, '/exhibitor/confirm-email') }).expect(204);
  const login = await t.http.post('/api/auth/login').send({ email: body.email, password: body.password }).expect(200);
  return { email: body.email, password: body.password, auth: `Bearer ${login.body.token as string}` };
}

/** The words a reader sees: tags, styles and attributes gone. */
const visible = (page: string): string => page.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');

/** English words (of four letters or more) on a page, leaving out the brand, the language switch and file formats. */
const english = (page: string): string[] =>
  (visible(page).match(/[A-Za-z]{4,}/g) ?? []).filter((w) => !['Fairgate', 'English', 'Center', 'KDJ', 'JPEG', 'WebP'].includes(w) && !/example|journey|company/.test(w));

describe('exhibitor pages and mails in Korean', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says 보완 요청 on the page and in the mail, with hall names, dates written out and the Korean footer', async () => {
    const owner = await signUpInKorean(t);
    const contact = `minjun-${Date.now()}@bitgoeul.example`;
    const created = await t.http.post('/api/company/applications').set('Authorization', owner.auth)
      .send(newApplicationForm({ contact: { name: '김민준', email: contact, phone: '+82 62-600-1234' }, submit: true })).expect(201);
    const id = created.body.id as string;
    await t.http.post(`/api/organizer/applications/${id}/request-changes`).set('Authorization', await bearer(t))
      .send({ reason: '사업자등록증 사본이 흐립니다' }).expect(200);

    const mail = await mailTo(t, contact, /보완 요청/);
    expect(mail.parsed.subject).toMatch(/^\[Fairgate\] 참가 신청 보완 요청: 2027 /);
    expect(mail.parsed.text).toMatch(/^김민준 님, 안녕하세요\./);
    expect(mail.parsed.text).toContain('김대중컨벤션센터 · 광주광역시 서구 상무누리로 30');
    expect(mail.parsed.text).toContain('참가 신청 담당자로 등록되어 있어');
    expect(mail.parsed.text).not.toContain('수정');

    const b = new Browser(t);
    await b.get('/exhibitor/login');
    expect((await b.post('/exhibitor/login', { email: owner.email, password: owner.password })).status).toBe(303);
    const page = await b.get(`/exhibitor/applications/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<span class="badge st-changes_requested">보완 요청</span>');
    expect(page.text).toContain('주최 측에서 보완 요청을 보냈습니다');
    expect(page.text).toContain('<span class="who">김민준 님</span>');
    expect(page.text).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일 \([일월화수목금토]\) 오[전후] \d{1,2}:\d{2} · 보완\u00a0요청/);
    expect(visible(page.text)).not.toMatch(/\b(AM|PM)\b/);
    expect(visible(page.text)).not.toContain('EXH1');
    expect(english(page.text)).toEqual([]);
  });

  it('answers a refusal of the service in Korean, never with its English message', async () => {
    const owner = await signUpInKorean(t);
    await t.http.post('/api/company/applications').set('Authorization', owner.auth).send(newApplicationForm()).expect(201);
    const b = new Browser(t);
    await b.get('/exhibitor/login');
    expect((await b.post('/exhibitor/login', { email: owner.email, password: owner.password })).status).toBe(303);
    await b.get('/exhibitor/applications/new?edition=ppuri-2027');
    const again = await b.post('/exhibitor/applications/new', {
      edition: 'ppuri-2027', contactName: '김민준', contactEmail: 'minjun@bitgoeul.example', contactPhone: '+82 62-600-1234', boothType: 'shell_scheme',
      boothCount: '2', hall: 'EXH1', preferredBoothKind: '', productCategories: ['casting'], notes: '', intent: 'submit',
    });
    expect(again.status).toBe(409);
    expect(again.text).toContain('이 회차에는 이미 신청하셨습니다.');
    expect(english(again.text)).toEqual([]);
    const switchTo = /href="([^"]*lang=en[^"]*)"/.exec(again.text)?.[1]?.replace(/&amp;/g, '&');

    // A bad edition code: the error page in Korean.
    const missing = await b.get('/exhibitor/applications/new?edition=no-such-fair-2027');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('페이지를 찾을 수 없습니다');
    expect(english(missing.text)).toEqual([]);

    // The language switch of the refused form leads to the form of that edition, not to a 404.
    expect(switchTo).toBe('/exhibitor/applications/new?edition=ppuri-2027&lang=en');
    expect((await b.get(switchTo!)).status).toBe(200);
  });
});
