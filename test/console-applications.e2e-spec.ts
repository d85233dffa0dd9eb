import { newApplicationForm, signUpExhibitor } from './support/exhibitors';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { location, PageClient } from './support/page-client';
import { startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** The organizers' application pages over HTTP with a console session: pages, bulk results, halls, the detail page. */
describe('console applications (issue 14 #4)', () => {
  let t: TestApp;
  let org: PageClient;

  beforeAll(async () => {
    t = await startTestApp();
    org = new PageClient(t);
    await org.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
  });
  afterAll(async () => {
    await t?.close();
  });

  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => (await t.db.pool.query(sql, params)).rows[0] as T;

  /** An anonymous registration: submitted, without a hall. */
  async function withoutHall(name: string): Promise<string> {
    const res = await t.http.post(registrationPath()).send(newExhibitorApplication({ company: { ...(newExhibitorApplication().company as object), name } })).expect(201);
    return res.body.id as string;
  }

  /** A company's application in EXH1, submitted. */
  async function inHall(count = 2): Promise<{ id: string; auth: string }> {
    const ex = await signUpExhibitor(t);
    const res = await t.http.post('/api/company/applications').set('Authorization', ex.auth).send(newApplicationForm({ submit: true, booth: { type: 'shell_scheme', count } })).expect(201);
    return { id: res.body.id as string, auth: ex.auth };
  }

  it('without an edition offers the editions; the list pages 220 applications by 50 and page 5 shows the last ones', async () => {
    const pick = await org.get('/console/applications', 'en');
    expect(pick.status).toBe(200);
    expect(pick.text).toContain('Choose an edition');
    expect(pick.text).toContain('href="/console/applications?edition=ppuri-2027"');

    await t.db.pool.query(
      `INSERT INTO exhibitor_applications (edition_id, status, company_name, business_registration_number, company_country, company_address,
                                           contact_name, contact_email, contact_phone, booth_type, booth_count, product_categories, locale, submitted_at)
       SELECT e.id, 'submitted', 'Paging Co ' || lpad(i::text, 3, '0'), lpad((9000000000 + i)::text, 10, '0'), 'KR', 'Gwangju',
              'Kim', 'p' || i || '@paging.example', '+82 62-000-0000', 'shell_scheme', 1, ARRAY['casting'], 'en', now() - (i || ' minutes')::interval
         FROM fair_editions e, generate_series(1, 220) AS i WHERE e.code = 'ppuri-2027'`,
    );
    const first = await org.get('/console/applications?edition=ppuri-2027&status=submitted&q=Paging&sort=companyName', 'en');
    expect(first.status).toBe(200);
    expect(first.text).toContain('1–50 of 220');
    expect(first.text).toContain('Paging Co 050');
    expect(first.text).not.toContain('Paging Co 051');
    expect(first.text).toContain('href="/console/applications?edition=ppuri-2027&amp;status=submitted&amp;q=Paging&amp;sort=companyName&amp;page=5"');

    const last = await org.get('/console/applications?edition=ppuri-2027&status=submitted&q=Paging&sort=companyName&page=5', 'en');
    expect(last.text).toContain('201–220 of 220');
    expect(last.text).toContain('Paging Co 220');
    expect(last.text).toContain('Paging Co 201');
    expect(last.text).not.toContain('Paging Co 200');
    expect(last.text).toMatch(/<span aria-current="page" aria-label="Page 5">5<\/span>/);

    const ko = await org.get('/console/applications?edition=ppuri-2027&q=Paging&page=2', 'ko');
    expect(ko.text).toContain('전체 220건 중 51–100');
    const all = await org.get('/console/applications?edition=ppuri-2027&q=Paging&page=2&select=all', 'ko');
    expect(all.text.match(/name="ids" value="[^"]+" id="sel-[^"]+" checked/g)).toHaveLength(50);
    await t.db.pool.query(`DELETE FROM exhibitor_applications WHERE company_name LIKE 'Paging Co %'`);
  });

  it('decides in bulk and says per application what happened, amber when some were refused, with the reason in words', async () => {
    const a = await inHall();
    const b = await withoutHall('홀없는 주식회사');
    await org.get('/console/applications?edition=ppuri-2027');
    const res = await org.post('/console/applications/bulk', { _csrf: org.csrf(), ids: [a.id, b], action: 'approve', reason: '', back: '?edition=ppuri-2027' });
    expect(res.status).toBe(303);
    const page = await org.get(location(res), 'ko');
    expect(page.status).toBe(200);
    expect(page.text).toContain('class="notice warn"');
    expect(page.text).toContain('1건 처리, 1건은 처리되지 않았습니다.');
    expect(page.text).toContain(`<li class="done"><a href="/console/applications/${a.id}">`);
    expect(page.text).toContain(`<a href="/console/applications/${b}">홀없는 주식회사</a> → 처리되지 않음: 홀이 지정되지 않았습니다.`);
    expect((await one(`SELECT status FROM exhibitor_applications WHERE id = $1`, [a.id])).status).toBe('approved');
    expect((await one(`SELECT status FROM exhibitor_applications WHERE id = $1`, [b])).status).toBe('submitted');

    // Rejecting needs a reason: said next to the bulk form, nothing changes.
    const noReason = await org.post('/console/applications/bulk', { _csrf: org.csrf(), ids: [b], action: 'reject', reason: '', back: '?edition=ppuri-2027' });
    const refusedPage = await org.get(location(noReason), 'ko');
    expect(refusedPage.text).toContain('<div class="error" role="alert" id="bulk-error">반려와 보완 요청에는 사유를 적어야 합니다.</div>');

    // All done: green; an approved one refused: red, with its status in words.
    const c = await inHall();
    const changes = await org.post('/console/applications/bulk', { _csrf: org.csrf(), ids: [c.id], action: 'request_changes', reason: '사업자등록증을 올려 주세요', back: '?edition=ppuri-2027' });
    const green = await org.get(location(changes), 'en');
    expect(green.text).toContain('<div class="notice ok" role="status">All 1 done.</div>');
    expect(green.text).toContain('→ changes requested');
    const again = await org.post('/console/applications/bulk', { _csrf: org.csrf(), ids: [a.id], action: 'reject', reason: 'late', back: '?edition=ppuri-2027' });
    const red = await org.get(location(again), 'en');
    expect(red.text).toContain('class="notice bad"');
    expect(red.text).toContain('refused: it is approved, which does not allow this.');
  });

  it('approves an application without a hall by picking one by name; without the pick it says so next to the hall', async () => {
    const id = await withoutHall('광주정밀 주식회사');
    const list = await org.get('/console/applications?edition=ppuri-2027&status=submitted', 'ko');
    expect(list.text).toMatch(new RegExp(`<select id="hall-${id}" name="hall"[^>]*><option value="" selected>홀 선택</option><option value="EXH1">[^<]*전시[^<]*\\(남은 부스 \\d+\\)</option>`));

    const missing = await org.post(`/console/applications/${id}/decision`, { _csrf: org.csrf(), action: 'approve', reason: '', hall: '', back: '?edition=ppuri-2027' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain(`<div class="error" id="hall-${id}-error">승인하려면 홀을 고르세요.</div>`);

    const ok = await org.post(`/console/applications/${id}/decision`, { _csrf: org.csrf(), action: 'approve', reason: '', hall: 'EXH2', back: '?edition=ppuri-2027' });
    expect(ok.status).toBe(303);
    const row = await one<{ status: string; hall: string }>(`SELECT a.status, s.code AS hall FROM exhibitor_applications a JOIN venue_spaces s ON s.id = a.hall_id WHERE a.id = $1`, [id]);
    expect(row).toEqual({ status: 'approved', hall: 'EXH2' });
    const after = await org.get(location(ok), 'ko');
    expect(after.text).toContain('광주정밀 주식회사: 승인');
  });

  it('shows one application: contacts, categories, logo preview and brochure served to the console, fee, history with who and when', async () => {
    const a = await inHall();
    await t.http.put(`/api/company/applications/${a.id}/files/logo`).set('Authorization', a.auth).attach('file', PNG_1X1, 'logo.png').expect(200);
    await t.http.put(`/api/company/applications/${a.id}/files/brochure`).set('Authorization', a.auth).attach('file', PDF, 'brochure.pdf').expect(200);
    await org.get(`/console/applications/${a.id}`);
    const changes = await org.post(`/console/applications/${a.id}/decision`, { _csrf: org.csrf(), action: 'request_changes', reason: '로고를 바꿔 주세요', back: `/${a.id}` });
    expect(changes.status).toBe(303);
    expect(location(changes)).toMatch(new RegExp(`^/console/applications/${a.id}\\?flash=decided`));

    const page = await org.get(location(changes), 'ko');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<img class="logo" src="/console/applications/${a.id}/uploads/logo"`);
    expect(page.text).toContain(`href="/console/applications/${a.id}/uploads/brochure"`);
    expect(page.text).toMatch(/contact-\d+-\d+@company\.example/);
    expect(page.text).toContain('주조'); // the category by name
    expect(page.text).toContain('로고를 바꿔 주세요');
    expect(page.text).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일 \([일월화수목금토]\) 오[전후] \d{1,2}:\d{2}/);
    expect(page.text).toMatch(/Fairgate[^<]*\(주최자\)|\(주최자\)/);
    expect(page.text).toContain('부가세');
    expect(page.text).toContain('aria-current="page">참가 신청</a>');

    const logo = await t.http.get(`/console/applications/${a.id}/uploads/logo`).set('Cookie', org.cookieHeader()).expect(200);
    expect(logo.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(logo.body as Buffer, PNG_1X1)).toBe(0);
    const brochure = await t.http.get(`/console/applications/${a.id}/uploads/brochure`).set('Cookie', org.cookieHeader()).expect(200);
    expect(brochure.headers['content-disposition']).toMatch(/^attachment/);
    await t.http.get(`/console/applications/${a.id}/uploads/logo`).expect((r) => expect([302, 303, 401]).toContain(r.status));

    const csv = await t.http.get('/console/applications/export.csv?edition=ppuri-2027').set('Cookie', org.cookieHeader());
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
  });
});
