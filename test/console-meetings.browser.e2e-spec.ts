import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expectPageWorks, saveScreenshot, useBrowserApp } from './support/browser';
import { fourSlotMeetingDay } from './support/meetings';
import { bearer, TEST_ORGANIZER } from './support/test-app';

const EDITION = 'green-car-2027';
const API = `/api/editions/${EDITION}/meetings`;
const BASE = `/console/meetings/${EDITION}`;

/**
 * An organizer runs the export-meeting scheduler from the console in a real browser: the run page
 * reloads itself until the result is there, then publishes and downloads the schedule CSV; at
 * 360 and 1280 px in Korean and once in English, without sideways scrolling, and every link on
 * the visited pages answers below 400.
 */
describe('export meetings console in a browser', () => {
  const env = useBrowserApp();
  const checked = new Set<string>();

  beforeAll(async () => {
    const { t } = env;
    const api = await bearer(t);
    const post = (path: string, body: unknown) => t.http.post(`${API}${path}`).set('Authorization', api).send(body as object);
    await fourSlotMeetingDay(t, api, ['T01', 'T02', 'P01']);
    await post('/interpreters', { name: '김하은', languages: ['vi'] }).expect(201);
    const all = ['D2027-07-08-1000', 'D2027-07-08-1030', 'D2027-07-08-1130', 'D2027-07-08-1200'];
    const ids: Record<string, string> = {};
    const people: Array<[string, Record<string, unknown>]> = [
      ['hanoi', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['vi'], interests: ['ev-powertrain'], tableCode: 'T01' }],
      ['munich', { side: 'buyer', companyName: 'Munich Parts GmbH', country: 'DE', contactName: 'Anna Weber', email: 'anna@munich-parts.example', languages: ['de', 'en'], interests: ['auto-parts'], tableCode: 'T02' }],
      ['lima', { side: 'buyer', companyName: 'Lima Away SAC', country: 'PE', contactName: 'Rosa Diaz', email: 'rosa@lima-away.example', languages: ['en'], interests: ['auto-parts'], unavailableSlots: all }],
      ['motor', { side: 'exhibitor', companyName: '광주모터 주식회사', country: 'KR', contactName: '이준', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'] }],
      ['parts', { side: 'exhibitor', companyName: '호남부품', country: 'KR', contactName: '최민', email: 'min@honam-parts.example', languages: ['ko', 'en'], interests: ['auto-parts'] }],
    ];
    for (const [key, body] of people) ids[key] = (await post('/participants', body).expect(201)).body.id;
    await post('/requests', { buyer: ids.hanoi, exhibitor: ids.motor, priority: 'must', requestedBy: 'organizer' }).expect(201);
    await post('/requests', { buyer: ids.munich, exhibitor: ids.parts, priority: 'want', requestedBy: 'organizer' }).expect(201);
    await post('/requests', { buyer: ids.munich, exhibitor: ids.motor, priority: 'nice', requestedBy: 'buyer' }).expect(201);
    await post('/requests', { buyer: ids.lima, exhibitor: ids.parts, priority: 'want', requestedBy: 'organizer' }).expect(201);
  });

  /** No sideways scrolling, no AM/PM in Korean, and every link of the page answers < 400 (each address fetched once, with the session). */
  async function checkPage(page: Page, label: string): Promise<void> {
    const lang = (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'ko';
    await expectPageWorks(page, { name: label, lang, seen: checked });
  }

  async function login(page: Page): Promise<void> {
    await page.goto(`${env.base}/console/meetings?lang=en`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.getByLabel('Email').fill(TEST_ORGANIZER.email);
    await page.getByLabel('Password').fill(TEST_ORGANIZER.password);
    // The login lands on the console's start page.
    await Promise.all([page.waitForURL((url) => url.pathname !== '/console/login'), page.getByLabel('Password').press('Enter')]);
  }

  const runs: Array<{ width: number; lang: 'ko' | 'en' }> = [
    { width: 360, lang: 'ko' },
    { width: 1280, lang: 'ko' },
    { width: 1280, lang: 'en' },
  ];

  for (const { width, lang } of runs) {
    it(`runs the scheduler, publishes and downloads the CSV at ${width} px in ${lang}`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
      try {
        const page = await context.newPage();
        await login(page);
        const shot = (name: string) => saveScreenshot(page, `${name}-${lang}-${width}`);

        await page.goto(`${env.base}/console/meetings?lang=${lang}`);
        await checkPage(page, 'editions');
        await Promise.all([page.waitForURL(new RegExp(`${BASE}$`)), page.locator(`main a[href="${BASE}"]`).first().click()]);
        await checkPage(page, 'overview');
        await shot('overview');

        await page.goto(`${env.base}${BASE}/participants`);
        await shot('participants');
        await checkPage(page, 'participants');
        // A CSV with a wrong line: nothing imported, the line named.
        await page.locator('#import-csv').fill('company,country,contact_name,email,languages,interests,purchase_plans\nGood Co,VN,A,a@good.example,vi,ev-powertrain,\nBad Co,XX,B,b@bad.example,en,auto-parts,');
        await Promise.all([page.waitForURL(/\/participants\/import$/), page.locator('#import button[type=submit]').click()]);
        await page.locator('#import-errors').waitFor();
        expect(await page.locator('#import-errors li[data-line="3"]').count()).toBe(1);
        await checkPage(page, 'import errors');
        await page.locator('#import-errors').scrollIntoViewIfNeeded();
        await saveScreenshot(page, `import-errors-${lang}-${width}`);

        await page.goto(`${env.base}${BASE}/requests`);
        await checkPage(page, 'requests');
        await shot('requests');

        await page.goto(`${env.base}${BASE}/runs`);
        await Promise.all([page.waitForURL(/\/runs\/[0-9a-f-]{36}/), page.locator('main form[action$="/runs"] button').click()]);
        await shot('run-progress');
        // The page reloads itself (meta refresh) until the run is done: no script, no manual reload.
        await page.locator('#run[data-status="done"]').waitFor({ timeout: 60_000 });
        expect(await page.locator('#run-quality').textContent()).toMatch(lang === 'ko' ? /\(\d+(\.\d)?%\)/ : /of a bound of \d+ \(\d+(\.\d)?%\)/);
        expect(await page.locator('#unscheduled').textContent()).toContain(lang === 'ko' ? '바이어 Lima Away SAC이(가) 모든 시간대에 불참합니다' : 'Buyer Lima Away SAC is away in every slot');
        await checkPage(page, 'run result');
        await shot('run-result');

        await Promise.all([page.waitForURL(/\/grid$/), page.locator('#run a.button').click()]);
        await checkPage(page, 'grid');
        // An earlier viewport published this schedule already: take it back first, so there is something to publish.
        if ((await page.locator(`form[action="${BASE}/grid/unpublish"] button`).count()) > 0) {
          await Promise.all([page.waitForURL(/flash=unpublished/), page.locator(`form[action="${BASE}/grid/unpublish"] button`).click()]);
          expect(await page.locator(`form[action="${BASE}/grid/unpublish"]`).count()).toBe(0);
        }
        await Promise.all([page.waitForURL(/flash=published/), page.locator(`form[action="${BASE}/grid/publish"] button`).click()]);
        expect(await page.locator(`form[action="${BASE}/grid/publish"]`).count()).toBe(0);
        expect(await page.locator('#flash').textContent()).toMatch(lang === 'ko' ? /배치표를 게시했습니다/ : /Schedule published/);
        await checkPage(page, 'grid published');
        await shot('grid');
        const published = await env.t.db.pool.query(`SELECT count(*)::int AS n FROM meetings WHERE status = 'published'`);
        expect(published.rows[0].n).toBe(2);

        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`main a[href="${BASE}/schedule.csv"]`).first().click()]);
        const csv = readFileSync(await download.path(), 'utf8');
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        const lines = csv.slice(1).trimEnd().split('\r\n');
        expect(lines[0]).toBe('day,start,end,table,buyer,buyer_country,exhibitor,interpreter,priority,status');
        expect(lines).toHaveLength(3);
        expect(csv).toContain('광주모터 주식회사');
        expect(lines.slice(1).every((l) => l.endsWith(',published'))).toBe(true);
      } finally {
        await context.close();
      }
    });
  }
});
