import { newApplicationForm, newSignUp, signUpExhibitor } from './support/exhibitors';
import { location, PageClient } from './support/page-client';
import { bearer, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

/** The organizers' booth plan over HTTP with a console session: assign and release booth by booth, automatic assignment previewed then committed. */
describe('console booths (issue 14 #5)', () => {
  let t: TestApp;
  let org: PageClient;
  let api: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = new PageClient(t);
    await org.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
    api = await bearer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => (await t.db.pool.query(sql, params)).rows as T[];
  const ownerOf = async (booth: string): Promise<string | null> =>
    (await rows<{ id: string }>(`SELECT ba.application_id AS id FROM booth_assignments ba JOIN booths b ON b.id = ba.booth_id JOIN fair_editions e ON e.id = b.edition_id WHERE e.code = 'ppuri-2027' AND b.code = $1`, [booth]))[0]?.id ?? null;

  /** An approved application of a company in a hall. */
  async function approved(count: number, hall = 'EXH1', name = `회사 ${Math.random().toString(36).slice(2, 7)}`): Promise<string> {
    const ex = await signUpExhibitor(t, { company: { ...(newSignUp().company as object), name } });
    const res = await t.http.post('/api/company/applications').set('Authorization', ex.auth).send(newApplicationForm({ submit: true, hall, booth: { type: 'shell_scheme', count } })).expect(201);
    await t.http.post(`/api/organizer/applications/${res.body.id as string}/approve`).set('Authorization', api).send({}).expect(200);
    return res.body.id as string;
  }

  it('draws the plan per hall by name; assigns booths one by one (reserved, then sold), refuses a taken or wrong-hall booth, releases', async () => {
    const id = await approved(2, 'EXH1', '빛고을정밀 주식회사');
    const other = await approved(1, 'EXH1', '광주금형');

    const editions = await org.get('/console/booths', 'ko');
    expect(editions.text).toContain('href="/console/booths/ppuri-2027"');
    const plan = await org.get('/console/booths/ppuri-2027', 'ko');
    expect(plan.status).toBe(200);
    expect(plan.text).toMatch(/<h2 id="hall-EXH1">[^<]*전시[^<]*<\/h2>/);
    expect(plan.text).toContain('<a href="/console/booths/ppuri-2027/booths/1A05" aria-label="1A05 일반 3×3m, 빈 부스">');
    expect(plan.text).toContain('<svg viewBox=');

    const page = await org.get('/console/booths/ppuri-2027/booths/1A05', 'ko');
    expect(page.text).toContain(`<option value="${id}">빛고을정밀 주식회사 — 2부스 중 0 배정됨</option>`);
    const first = await org.post('/console/booths/ppuri-2027/booths/1A05/assign', { _csrf: org.csrf(), application: id });
    expect(first.status).toBe(303);
    expect(await ownerOf('1A05')).toBe(id);
    const reserved = await org.get(location(first), 'ko');
    expect(reserved.text).toContain('부스 1A05을(를) 빛고을정밀 주식회사에 배정했습니다.');
    expect(reserved.text).toContain('aria-label="1A05 일반 3×3m, 예약: 빛고을정밀 주식회사"');

    await org.get('/console/booths/ppuri-2027/booths/1A06');
    const second = await org.post('/console/booths/ppuri-2027/booths/1A06/assign', { _csrf: org.csrf(), application: id });
    expect(second.status).toBe(303);
    const sold = await org.get(location(second), 'en');
    expect(sold.text).toContain('All its booths are assigned');
    expect(sold.text).toContain('aria-label="1A06 inline 3×3 m, sold: 빛고을정밀 주식회사"');
    expect((await rows(`SELECT fee_lines FROM exhibitor_applications WHERE id = $1 AND fee_total_krw IS NOT NULL`, [id]))).toHaveLength(1);

    // A taken booth, a booth of another hall, a full application: refused in words next to the picker.
    await org.get('/console/booths/ppuri-2027/booths/1A07');
    const full = await org.post('/console/booths/ppuri-2027/booths/1A07/assign', { _csrf: org.csrf(), application: id }, 'ko');
    expect(full.status).toBe(400);
    expect(full.text).toContain('<div class="error" id="f-application-error">신청한 부스 수보다 많아집니다.</div>');
    const taken = await org.post('/console/booths/ppuri-2027/booths/1A06/assign', { _csrf: org.csrf(), application: other }, 'ko');
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('이미 다른 참가기업에 배정된 부스입니다.');
    const wrongHall = await org.post('/console/booths/ppuri-2027/booths/2A01/assign', { _csrf: org.csrf(), application: other }, 'ko');
    expect(wrongHall.status).toBe(400);
    expect(wrongHall.text).toContain('신청한 홀의 부스가 아닙니다.');
    expect(await ownerOf('2A01')).toBeNull();

    await org.get('/console/booths/ppuri-2027/booths/1A05');
    const released = await org.post('/console/booths/ppuri-2027/booths/1A05/release', { _csrf: org.csrf() });
    expect(released.status).toBe(303);
    expect(await ownerOf('1A05')).toBeNull();
    expect(await ownerOf('1A06')).toBe(id);
    const after = await org.get(location(released), 'ko');
    expect(after.text).toContain('부스 1A05의 배정을 해제했습니다.');
    expect(after.text).toContain('action="/console/booths/ppuri-2027/booths/1A05/assign"');

    expect((await org.get('/console/booths/ppuri-2027/booths/ZZ99')).status).toBe(404);
  });

  it('previews the automatic assignment without changing anything, then commits exactly that', async () => {
    const a = await approved(2, 'EXH2', '자동배정 가');
    const b = await approved(1, 'EXH2', '자동배정 나');
    const before = await rows(`SELECT booth_id, application_id FROM booth_assignments ORDER BY booth_id`);
    const preview = await org.get('/console/booths/ppuri-2027/auto-assign', 'ko');
    expect(preview.status).toBe(200);
    expect(preview.text).toMatch(/자동배정 가<\/a> → [^:]+: 부스 2A\d\d, 2A\d\d/);
    expect(preview.text).toMatch(/자동배정 나<\/a> → [^:]+: 부스 2A\d\d/);
    expect(await rows(`SELECT booth_id, application_id FROM booth_assignments ORDER BY booth_id`)).toEqual(before);
    const proposed = [...preview.text.matchAll(/(자동배정 [가나])<\/a> → [^:]+: 부스 ([^<]+)<\/li>/g)].map((m) => `${m[1]}:${m[2]}`);

    const version = /name="version" value="([^"]+)"/.exec(preview.text)?.[1] ?? '';
    const commit = await org.post('/console/booths/ppuri-2027/auto-assign', { _csrf: org.csrf(), version });
    expect(commit.status).toBe(303);
    expect(location(commit)).toMatch(/^\/console\/booths\/ppuri-2027\?flash=auto&count=\d+$/);
    const assigned = await rows<{ company: string; codes: string }>(
      `SELECT a.company_name AS company, string_agg(b.code, ', ' ORDER BY b.code) AS codes FROM booth_assignments ba JOIN booths b ON b.id = ba.booth_id
         JOIN exhibitor_applications a ON a.id = ba.application_id WHERE a.id = ANY($1) GROUP BY a.company_name ORDER BY a.company_name`, [[a, b]],
    );
    expect(assigned.map((r) => `${r.company}:${r.codes}`)).toEqual(proposed.sort());
  });

  it('refuses the commit when the plan changed after the preview, and shows the new preview', async () => {
    const a = await approved(1, 'EXH2', '변경 전 신청');
    await org.get('/console/booths/ppuri-2027/auto-assign', 'ko');
    const version = /name="version" value="([^"]+)"/.exec(org.lastHtml)?.[1] ?? '';
    const csrf = org.csrf();
    // Someone assigns a booth by hand meanwhile.
    const b = await approved(1, 'EXH2', '수동 배정');
    await t.http.put(`/api/organizer/applications/${b}/booths`).set('Authorization', api).send({ booths: ['2C05'] }).expect(200);

    const stale = await org.post('/console/booths/ppuri-2027/auto-assign', { _csrf: csrf, version });
    expect(stale.status).toBe(303);
    expect(location(stale)).toBe('/console/booths/ppuri-2027/auto-assign?flash=changed');
    expect(await rows(`SELECT 1 FROM booth_assignments WHERE application_id = $1`, [a])).toHaveLength(0);
    const fresh = await org.get(location(stale), 'ko');
    expect(fresh.text).toContain('미리보기 이후 배치도가 바뀌었습니다.');
    expect(fresh.text).toContain('변경 전 신청');
    expect(/name="version" value="([^"]+)"/.exec(fresh.text)?.[1]).not.toBe(version);
  });
});
