import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './support/browser';
import { startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

/*
 * The entrance desk on a phone (360 px) in a real Chromium: the typed code works without a camera
 * and without BarcodeDetector (headless Linux Chromium has neither), the scan script loads from
 * the same origin without CSP errors, and — with a stand-in BarcodeDetector and Chromium's fake
 * camera — a scan fills the code and shows the visitor. No sideways scroll, no AM/PM, no broken link.
 */

const EDITION = 'green-car-2027';
const DAY = '2027-07-07';
/** The badge print page is built on another branch (issue 16); until it is merged it answers 404 here. */
const NOT_YET_MERGED = [/\/console\/attendees\/[^/]+\/[^/]+\/badge$/];
/** On the dashboard, the links of the check-in panels (the other panels' links are other areas' tests). */
const DASHBOARD_LINKS = '[id^=checkins] a[href]';
const SHOTS_DIR = process.env.SHOTS_DIR ?? '/tmp/shots/checkin';

describe('entrance check-in in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const badges: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // A fake camera (a test pattern) and no permission prompt, for the scan with a stand-in detector.
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    });
    t = await startTestApp();
    base = `http://127.0.0.1:${(t.running.server!.address() as AddressInfo).port}`;
    for (const [name, country] of [['김민준', 'VN'], ['이서연', 'KR']]) {
      const res = await t.http.post(`/api/editions/${EDITION}/attendees`).send({
        name, email: `${country.toLowerCase()}-${process.pid}@visitors.example`, company: '광주전자', country, kind: 'buyer', days: [DAY],
        language: 'ko', consentMessages: true, consentShareContact: true,
      }).expect(201);
      badges.push(res.body.badgeCode);
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A logged-in phone: CSP violations and script errors are collected. */
  async function phone(width: number, init?: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 740 }, locale: 'ko-KR', permissions: ['camera'] });
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${base}/console/login?next=${encodeURIComponent('/console/checkin')}`);
    await page.getByLabel('이메일').fill(TEST_ORGANIZER.email);
    await page.getByLabel('비밀번호').fill(TEST_ORGANIZER.password);
    await Promise.all([page.waitForURL(/\/console\/checkin$/), page.getByLabel('비밀번호').press('Enter')]);
    // The organizer's account speaks English; the desk in Korean (the choice sticks in a cookie).
    await page.goto(`${base}/console/checkin?lang=ko`);
    return { context, page, errors };
  }

  async function checkPage(page: Page, context: BrowserContext, shot: string, links = 'a[href]'): Promise<void> {
    const width = page.viewportSize()?.width;
    expect({ shot, overflow: await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth') }).toEqual({ shot, overflow: 0 });
    const text = await page.evaluate<string>('document.body.innerText');
    expect(text).not.toMatch(/\b(AM|PM)\b/);
    // Links within the page (#field of the error summary) are not requests.
    const hrefs = await page.evaluate<string[]>(`[...document.querySelectorAll(${JSON.stringify(links)})].filter((a) => !a.getAttribute('href').startsWith('#')).map((a) => a.href)`);
    for (const href of new Set(hrefs.map((h) => h.split('#')[0]))) {
      if (!href.startsWith(base) || NOT_YET_MERGED.some((p) => p.test(new URL(href).pathname))) continue;
      const res = await context.request.get(href, { maxRedirects: 5 });
      expect({ href, status: res.status() < 400 }).toEqual({ href, status: true });
    }
    // The language switcher's link set the language cookie to English: back to Korean.
    await context.request.get(`${base}/console/checkin?lang=ko`);
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: `${SHOTS_DIR}/${shot}-${width}.png`, fullPage: true });
  }

  it('checks a visitor in at 360 px with the typed code (no camera, no BarcodeDetector), the script loading without CSP errors', async () => {
    const { context, page, errors } = await phone(360);
    await checkPage(page, context, 'editions');
    await page.getByRole('link', { name: /그린카/ }).first().click();
    await page.waitForURL(new RegExp(`/console/checkin/${EDITION}$`));
    // Today is not a fair day here: the desk says so. The organizer picks the day explicitly.
    expect(await page.textContent('main')).toContain('박람회 기간에만');
    const script = page.waitForResponse((r) => r.url().endsWith('/console/checkin/checkin.js'));
    await page.goto(`${base}/console/checkin/${EDITION}?day=${DAY}`);
    expect((await script).status()).toBe(200);
    // Without BarcodeDetector the scan button stays hidden and the page says to type the code.
    expect(await page.evaluate<boolean>(`'BarcodeDetector' in window`)).toBe(false);
    expect(await page.isVisible('#scan-button')).toBe(false);
    expect(await page.textContent('#scan-status')).toContain('배지 코드를 입력하세요');
    await checkPage(page, context, 'desk');

    await page.getByLabel('배지 코드', { exact: true }).fill(badges[0].toLowerCase().replace(/-/g, ''));
    await Promise.all([page.waitForURL(/badge=/), page.getByRole('button', { name: '조회' }).click()]);
    expect(await page.textContent('#result')).toContain('김민준');
    expect(await page.textContent('#result')).toContain('베트남 (VN)');
    await checkPage(page, context, 'desk-visitor');
    await Promise.all([page.waitForURL(/outcome=checkedIn/), page.getByRole('button', { name: '입장 확인' }).click()]);
    expect(await page.textContent('#result')).toMatch(/김민준 님 입장 확인됨 \(오[전후] \d{1,2}:\d\d\)/);
    await checkPage(page, context, 'desk-checked-in');
    // The same badge again: "already", with the time of the first.
    await page.getByLabel('배지 코드', { exact: true }).fill(badges[0]);
    await Promise.all([page.waitForURL(/badge=/), page.getByRole('button', { name: '조회' }).click()]);
    expect(await page.textContent('#result')).toMatch(/이미 입장 확인됨: 오[전후] \d{1,2}:\d\d/);
    await checkPage(page, context, 'desk-already');
    // The walk-in form, opened with its errors.
    await page.locator('#walk-in summary').click();
    await page.getByRole('button', { name: '등록하고 입장 확인' }).click();
    await page.waitForSelector('.errors[role=alert]');
    await checkPage(page, context, 'desk-walkin-errors');
    for (const width of [1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${base}/console/checkin/${EDITION}?day=${DAY}`);
      await checkPage(page, context, 'desk');
      await page.goto(`${base}/console?edition=${EDITION}`);
      await checkPage(page, context, 'dashboard', DASHBOARD_LINKS);
    }
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${base}/console?edition=${EDITION}`);
    await checkPage(page, context, 'dashboard', DASHBOARD_LINKS);
    expect(errors.filter((e) => /Content Security Policy|Refused/i.test(e))).toEqual([]);
    // The one error logged: the walk-in form answered 400 with its errors, as it should.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await context.close();
  }, 120_000);

  it('scans with the camera where BarcodeDetector exists: the code read is looked up like a typed one', async () => {
    // A stand-in for the platform's detector (Linux Chromium has none); the camera is Chromium's fake one.
    const init = `window.BarcodeDetector = class { constructor(o) { this.formats = o && o.formats; } detect() { return Promise.resolve([{ rawValue: ${JSON.stringify(badges[1])} }]); } };`;
    const { context, page, errors } = await phone(360, init);
    await page.goto(`${base}/console/checkin/${EDITION}?day=${DAY}`);
    await page.waitForSelector('#scan-button:not([hidden])');
    await checkPage(page, context, 'desk-scan');
    await Promise.all([page.waitForURL(/badge=/, { timeout: 20_000 }), page.click('#scan-button')]);
    expect(await page.textContent('#result')).toContain('이서연');
    expect(await page.textContent('#result')).toContain('확인할 참관객');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
