import type { Page } from 'playwright-core';
import { expectPageWorks, saveScreenshot, sidewaysOverflow, useBrowserApp } from './support/browser';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { bearer, TEST_ORGANIZER } from './support/test-app';

/** The organizers' console and the public front door in a real browser, at phone and desk widths. */
describe('console and front door in a browser', () => {
  const env = useBrowserApp();
  const visited = new Set<string>();

  async function look(page: Page, path: string, shot?: string): Promise<void> {
    const res = await page.goto(`${env.base}${path}`);
    expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
    const lang = (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'ko';
    await expectPageWorks(page, { name: path, lang, seen: visited });
    if (shot) await saveScreenshot(page, `${shot}-${page.viewportSize()?.width}`);
  }

  beforeAll(async () => {
    // Something to count on the dashboard.
    for (let i = 0; i < 2; i++) await env.t.http.post(registrationPath('ppuri-2027')).send(newExhibitorApplication()).expect(201);
    await env.t.http.post('/api/editions/ppuri-2027/attendees').send({
      name: 'Visitor', email: 'browser-visitor@visitors.example', company: 'Hanoi EV Trading', country: 'vn', kind: 'trade_visitor',
      days: ['2027-04-28', '2027-04-29'], language: 'ko', consentMessages: true, consentShareContact: false,
    }).expect(201);
    await env.t.http.post('/api/editions/ppuri-2027/conference-sessions').set('Authorization', await bearer(env.t)).send({
      titleKo: '주조 공정의 디지털 전환', titleEn: 'Digital casting', speakers: ['박지훈'], room: 'R301',
      startsAt: '2027-04-28T14:00:00+09:00', endsAt: '2027-04-28T15:30:00+09:00', capacity: 40,
    }).expect(201);
  });

  it('takes an organizer from a console page to the login and back to that page, then shows the dashboard and the sections', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(`${env.base}/console/applications?edition=ppuri-2027`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await saveScreenshot(page, 'login-360');
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.getByLabel('이메일').fill(TEST_ORGANIZER.email);
    await page.getByLabel('비밀번호').fill(TEST_ORGANIZER.password);
    await Promise.all([page.waitForURL(/\/console\/applications\?edition=ppuri-2027$/), page.getByLabel('비밀번호').press('Enter')]);
    expect(new URL(page.url()).pathname).toBe('/console/applications');

    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await look(page, '/console?edition=ppuri-2027', 'dashboard');
      await look(page, '/console/venue?date=2027-04-28', 'venue');
      await look(page, '/console/programme', 'programme');
      await look(page, '/console/programme/ppuri-2027', 'programme-edition');
    }
    await look(page, '/console?lang=en', 'dashboard-en');
    await look(page, '/console?lang=ko');
    // A console error page is a console page too, in Korean.
    const missing = await page.goto(`${env.base}/console/programme/no-such-fair-2099`);
    expect(missing?.status()).toBe(404);
    const missingPage = (await missing?.text()) ?? '';
    expect(missingPage).toContain('요청한 페이지나 항목이 없습니다.');
    expect(missingPage).toContain('<a href="/console/programme" aria-current="page">');
    await saveScreenshot(page, 'not-found-1280');
    const dashboard = await page.goto(`${env.base}/console?edition=ppuri-2027`);
    expect(await dashboard?.text()).toContain('<a href="/console/applications?edition=ppuri-2027&amp;status=submitted">2</a>');

    await context.close();
  });

  it('shows the front door and an edition page at 360 and 1280 px, in Korean and in English, without sideways scrolling', async () => {
    visited.clear();
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ko-KR' });
    const page = await context.newPage();
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await look(page, '/', 'front-door');
      await look(page, '/fairs/ppuri-2027', 'edition');
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await look(page, '/?lang=en', 'front-door-en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await look(page, '/fairs/ppuri-2027?lang=en', 'edition-en');
    await expect(page.getByRole('link', { name: 'Apply to exhibit' }).count()).resolves.toBe(1);

    await context.close();
  });
});
