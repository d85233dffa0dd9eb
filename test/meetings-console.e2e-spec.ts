import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { bearer, createAccount, eventually, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';
import { sidewaysOverflow } from './support/browser';
import { PageClient } from './support/page-client';

/** Debian's chromium, as in the venue console's browser spec; nothing downloads a browser. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EDITION = 'green-car-2027';
const API = `/api/editions/${EDITION}/meetings`;
const GRID = `/console/meetings/${EDITION}/grid`;
const SHEETS = `/console/meetings/${EDITION}`;

/** The grid's cells (class and text without tags), column by column within each slot row. */
const cellsOf = (page: string): string[] =>
  [...page.matchAll(/<td class="([^"]*)">([\s\S]*?)<\/td>/g)].map((m) => `${m[1]}|${m[2].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()}`);

/** A sheet's rows: time cell text and the other cells, tags removed. */
const sheetRows = (section: string): string[] =>
  [...section.matchAll(/<tr class="[^"]*"><th scope="row">([\s\S]*?)<\/tr>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());

describe('export meetings in the web console (grid and table sheets)', () => {
  let t: TestApp;
  let api: string;
  let organizer: PageClient;
  const ids: Record<string, string> = {};

  const post = (path: string, body: unknown) => t.http.post(`${API}${path}`).set('Authorization', api).send(body as object);

  beforeAll(async () => {
    t = await startTestApp();
    api = await bearer(t);
    // One meeting day, 10:00–12:30 with a break 11:00–11:30 → slots 10:00, 10:30, 11:30, 12:00.
    await t.http
      .post(`/api/editions/${EDITION}/meeting-sessions`)
      .set('Authorization', api)
      .send({ day: '2027-07-08', startsAt: '10:00', endsAt: '12:30', breaks: [{ start: '11:00', end: '11:30' }] })
      .expect(201);
    await t.http.put(`${API}/tables`).set('Authorization', api).send({ codes: ['T01', 'T02', 'P01'] }).expect(200);
    await post('/interpreters', { name: 'Kim Ha-eun', languages: ['vi'] }).expect(201);
    const people: Array<[string, Record<string, unknown>]> = [
      ['hanoi', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['vi'], interests: ['ev-powertrain'], tableCode: 'T01' }],
      ['munich', { side: 'buyer', companyName: 'Munich Parts GmbH', country: 'DE', contactName: 'Anna Weber', email: 'anna@munich-parts.example', languages: ['de', 'en'], interests: ['auto-parts'], tableCode: 'T02' }],
      ['motor', { side: 'exhibitor', companyName: 'Gwangju Motor Co.', country: 'KR', contactName: 'Lee Jun', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'] }],
      ['cell', { side: 'exhibitor', companyName: 'Bitgoeul <Cell> & Co.', country: 'KR', contactName: 'Park Ji', email: 'ji@bitgoeul-cell.example', languages: ['ko'], interests: ['ev-powertrain'] }],
      ['parts', { side: 'exhibitor', companyName: 'Honam Parts', country: 'KR', contactName: 'Choi Min', email: 'min@honam-parts.example', languages: ['ko', 'en'], interests: ['auto-parts'] }],
    ];
    for (const [key, body] of people) ids[key] = (await post('/participants', body).expect(201)).body.id;
    await post('/requests', { buyer: ids.hanoi, exhibitor: ids.motor, priority: 'must', requestedBy: 'organizer' }).expect(201);
    await post('/requests', { buyer: ids.hanoi, exhibitor: ids.cell, priority: 'want', requestedBy: 'organizer' }).expect(201);
    await post('/requests', { buyer: ids.munich, exhibitor: ids.parts, priority: 'want', requestedBy: 'organizer' }).expect(201);
    const locked = await post('/requests', { buyer: ids.munich, exhibitor: ids.motor, priority: 'nice', requestedBy: 'organizer' }).expect(201);
    await t.http.put(`${API}/requests/${locked.body.id}/lock`).set('Authorization', api).send({ slot: 'D2027-07-08-1200', table: 'T02' }).expect(200);
    const started = await post('/schedule-runs', {}).expect(202);
    const run = await eventually(
      async () => (await t.http.get(`${API}/schedule-runs/${started.body.id}`).set('Authorization', api)).body,
      (r) => r.status === 'done' || r.status === 'failed',
      30000,
    );
    expect(run).toMatchObject({ status: 'done', unscheduled: [] });
    organizer = new PageClient(t, { lang: null });
    expect((await organizer.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password)).status).toBe(303);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the draft grid in English: buyer × exhibitor, interpreter names, state in words, free cells, summary and links', async () => {
    const res = await organizer.get(`${GRID}?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('<caption id="mg-caption">2027 International Green Car Industry Fair: slots × meeting tables');
    expect(res.text).toMatch(/<th scope="col"><a href="\/console\/meetings\/green-car-2027\/tables\/P01">P01<\/a><\/th>/);
    for (const time of ['10:00 AM–10:30 AM', '10:30 AM–11:00 AM', '11:30 AM–12:00 PM', '12:00 PM–12:30 PM']) expect(res.text).toContain(`<th scope="row">${time}</th>`);
    const cells = cellsOf(res.text);
    expect(cells).toHaveLength(12); // 4 slots × 3 tables
    expect(cells.filter((c) => c === 'mg-free|free')).toHaveLength(8);
    expect(cells).toContain('mg-draft mg-locked|Munich Parts GmbH × Gwangju Motor Co. no interpreter (draft) (locked)');
    expect(cells).toContain('mg-draft|Hanoi EV Trading × Gwangju Motor Co. interpreter: Kim Ha-eun (draft)');
    // The locked meeting sits where it was locked: the 12:00 row, third column (tables sort by code: P01, T01, T02).
    expect(cells[3 * 3 + 2]).toMatch(/^mg-draft mg-locked\|Munich Parts GmbH × Gwangju Motor Co\./);
    // Names from data are escaped.
    expect(res.text).toContain('Hanoi EV Trading × Bitgoeul &lt;Cell&gt; &amp; Co.');
    expect(res.text).not.toContain('<Cell>');
    expect(res.text).toContain('4 meetings (0 published, 4 draft) · total weight 8 · 3 tables · 4 slots');
    expect(res.text).toContain(`href="/console/meetings/${EDITION}/schedule.csv"`);
    for (const table of ['T01', 'T02', 'P01']) expect(res.text).toContain(`href="${SHEETS}/tables/${table}"`);
    expect(res.text).toContain(`href="${SHEETS}/tables"`);
    expect(res.text).toContain('role="region" aria-labelledby="mg-caption" tabindex="0"');
  });

  it('marks meetings as published in the Korean grid once the schedule is published', async () => {
    await post('/publish', {}).expect(200);
    const res = await organizer.get(`${GRID}?lang=ko`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="ko">');
    expect(res.text).toMatch(/<h1>2027 [^<]+ 수출상담회 배치표<\/h1>/);
    const cells = cellsOf(res.text);
    expect(cells.filter((c) => c === 'mg-free|비어 있음')).toHaveLength(8);
    expect(cells).toContain('mg-published|Hanoi EV Trading × Gwangju Motor Co. 통역: Kim Ha-eun (게시됨)');
    expect(cells).toContain('mg-published mg-locked|Munich Parts GmbH × Gwangju Motor Co. 통역 없음 (게시됨) (고정)');
    expect(res.text).toContain('상담 4건 (게시 4건, 초안 0건) · 가중치 합계 8 · 테이블 3개 · 시간대 4개');
    // ?lang= sticks for the next pages, as in the venue console.
    expect(organizer.cookies.get('fairgate_lang')).toBe('ko');
    expect((await organizer.get(GRID)).text).toContain('<html lang="ko">');
  });

  it("prints a table's sheet: the code big, one row per slot, free ones as —, a print stylesheet and a hint", async () => {
    const res = await organizer.get(`${SHEETS}/tables/T01?lang=en`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1 class="sheet-code" id="sheet-T01-title">Table T01</h1>');
    const rows = sheetRows(res.text);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => / — free slot — —$/.test(r))).toHaveLength(2);
    expect(rows).toContainEqual(expect.stringMatching(/^\d\d?:\d\d [AP]M–\d\d?:\d\d [AP]M \(published\) Hanoi EV Trading \(VN\) Gwangju Motor Co\. Kim Ha-eun$/));
    expect(rows).toContainEqual(expect.stringMatching(/^\d\d?:\d\d [AP]M–\d\d?:\d\d [AP]M \(published\) Hanoi EV Trading \(VN\) Bitgoeul &lt;Cell&gt; &amp; Co\. Kim Ha-eun$/));
    expect(rows.map((r) => r.split(' (')[0].replace(/ — free slot — —$/, '')).sort()).toEqual(['10:00 AM–10:30 AM', '10:30 AM–11:00 AM', '11:30 AM–12:00 PM', '12:00 PM–12:30 PM']);
    expect(res.text).toContain('@media print{');
    expect(res.text).toContain('page-break-inside:avoid');
    expect(res.text).toContain("use your browser&#39;s Print");
    expect(res.text).not.toMatch(/<script/i);

    const t02 = await organizer.get(`${SHEETS}/tables/T02?lang=en`);
    expect(sheetRows(t02.text)).toContain('12:00 PM–12:30 PM (published) (locked) Munich Parts GmbH (DE) Gwangju Motor Co. —');
  });

  it('prints every table on its own page', async () => {
    const res = await organizer.get(`${SHEETS}/tables?lang=en`);
    expect(res.status).toBe(200);
    const sections = res.text.split('<section class="sheet" ').slice(1);
    expect(sections).toHaveLength(3);
    expect(sections.map((s) => /<h2 class="sheet-code"[^>]*>Table (\w+)<\/h2>/.exec(s)?.[1])).toEqual(['P01', 'T01', 'T02']);
    for (const s of sections) expect(sheetRows(s)).toHaveLength(4);
    expect(sheetRows(sections[0]).every((r) => r.endsWith('— free slot — —'))).toBe(true);
    expect(res.text).toContain('.sheets .sheet{page-break-after:always;break-after:page}');
  });

  it('answers an unknown edition or table with the console 404 page', async () => {
    const edition = await organizer.get('/console/meetings/no-such-fair-2099?lang=en');
    expect(edition.status).toBe(404);
    expect(edition.headers['content-type']).toMatch(/^text\/html/);
    expect(edition.text).toContain('<h1>Not found</h1>');
    expect(edition.text).toContain('No fair edition with code &quot;no-such-fair-2099&quot;.');
    const table = await organizer.get(`${SHEETS}/tables/Z99?lang=en`);
    expect(table.status).toBe(404);
    expect(table.text).toContain('Edition green-car-2027 has no table &quot;Z99&quot;.');
  });

  it('sends anonymous visitors to the login form and refuses accounts that are not organizers', async () => {
    for (const path of [GRID, `${SHEETS}/tables`, `${SHEETS}/tables/T01`]) {
      const res = await t.http.get(path);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(`/console/login?next=${encodeURIComponent(path)}`);
    }
    await createAccount(t, 'exhibitor', 'exhibitor@fairgate.test', 'exhibitor-password-123');
    const exhibitor = new PageClient(t, { lang: null });
    expect((await exhibitor.login('exhibitor@fairgate.test', 'exhibitor-password-123')).status).toBe(303);
    for (const path of [GRID, `${SHEETS}/tables`, `${SHEETS}/tables/T01`]) {
      const res = await exhibitor.get(path);
      expect(res.status).toBe(403);
      expect(res.text).toContain('이 페이지는 주최자 계정만 사용할 수 있습니다.');
      expect(res.text).not.toContain('Hanoi EV Trading');
    }
  });

  it('leaves the API alone: the console cookie does not open /api, and the pages are not under /api', async () => {
    const cookie = `fairgate_session=${organizer.cookies.get('fairgate_session')}`;
    await t.http.get(`${API}/schedule`).set('Cookie', cookie).expect(401);
    await t.http.post(`${API}/publish`).set('Cookie', cookie).send({}).expect(401);
    await t.http.get(`/api/console/meetings/${EDITION}`).set('Cookie', cookie).expect(404);
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths).filter((p) => p.includes('console'))).toEqual([]);
  });

  it('fits a 360 px screen (only the grid scrolls, in its own box) and prints without the menus', async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (the CI script does)`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const base = `http://127.0.0.1:${(t.running.server!.address() as AddressInfo).port}`;
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      await context.addCookies([{ name: 'fairgate_session', value: organizer.cookies.get('fairgate_session')!, url: `${base}/console` }]);
      const page = await context.newPage();
      for (const path of [GRID, `${SHEETS}/tables/T02`, `${SHEETS}/tables`]) {
        for (const lang of ['ko', 'en']) {
          await page.goto(`${base}${path}?lang=${lang}`);
          expect({ path, lang, overflow: await sidewaysOverflow(page) }).toEqual({ path, lang, overflow: 0 });
        }
      }
      await page.goto(`${base}${GRID}?lang=en`);
      expect(await page.evaluate<boolean>(`document.querySelector('.scroll').scrollWidth > document.querySelector('.scroll').clientWidth`)).toBe(true);
      await page.goto(`${base}${SHEETS}/tables/T01?lang=en`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.evaluate<string[]>(`['.top', '.mg-nav', '.mg-hint'].map((s) => getComputedStyle(document.querySelector(s)).display)`)).toEqual(['none', 'none', 'none']);
      expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('.sheet-table td')).color`)).toBe('rgb(0, 0, 0)');
    } finally {
      await browser.close();
    }
  });
});
