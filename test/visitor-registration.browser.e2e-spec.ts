import { expectPageWorks, saveScreenshot, useBrowserApp } from './support/browser';
import { TEST_ORGANIZER } from './support/test-app';

/*
 * A visitor registers on the public page and lands on the private page; the organizers see them in
 * the console. At 360 and 1280 px in Korean, once in English: no sideways scroll, no AM/PM on a
 * Korean page, and every link of every visited page answers below 400 (fetched with the page's cookies).
 * SHOTS_DIR=/tmp/shots/att saves a screenshot of each page.
 */

const EDITION = 'ppuri-2027';
const WIDTHS = [360, 1280] as const;

describe('visitor registration in a browser', () => {
  const env = useBrowserApp();
  let serial = 0;

  async function registerAs(width: number, lang: 'ko' | 'en'): Promise<void> {
    const { browser, base, t } = env;
    const context = await browser.newContext({ viewport: { width, height: 800 }, locale: lang === 'ko' ? 'ko-KR' : 'en-GB' });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/fairs/${EDITION}/visit?lang=${lang}`);
      await expectPageWorks(page, { lang: lang });
      await saveScreenshot(page, `visit-form-${lang}-${width}`);

      // Sent empty: the errors on top link to the fields, each field says what is wrong.
      await Promise.all([page.waitForLoadState('load'), page.locator('form.visit button[type=submit]').click()]);
      await page.locator('.summary').waitFor();
      await expect(page.locator('.summary a').count()).resolves.toBeGreaterThanOrEqual(4);
      await expect(page.locator('#v-name-error').isVisible()).resolves.toBe(true);
      await expectPageWorks(page, { lang: lang });
      await saveScreenshot(page, `visit-errors-${lang}-${width}`);

      serial++;
      const email = `browser-${process.pid}-${serial}@visitors.example`;
      await page.locator('#v-name').fill(lang === 'ko' ? '김민준' : 'Tran Minh');
      await page.locator('#v-email').fill(email);
      await page.locator('#v-company').fill(lang === 'ko' ? '광주전자' : 'Hanoi EV Trading');
      await page.locator('#v-country').fill(lang === 'ko' ? 'KR' : 'VN');
      await page.locator('#v-kind-buyer').check();
      await page.locator('#v-day-2027-04-28').check();
      await page.locator('#v-day-2027-04-29').check();
      await page.locator('#v-consentMessages').check();
      await Promise.all([page.waitForURL(/\/attendee\/[A-Za-z0-9_-]{43}/), page.locator('form.visit button[type=submit]').click()]);
      await expect(page.locator('h1').innerText()).resolves.toBe(lang === 'ko' ? '김민준' : 'Tran Minh');
      const registered = await page.evaluate<string>('document.getElementById("registration").innerText');
      expect(registered).toContain(lang === 'ko' ? '2027년 4월 28일 (수)' : 'Wed 28 Apr 2027');
      await expectPageWorks(page, { lang: lang });
      await saveScreenshot(page, `private-page-${lang}-${width}`);
      expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM attendees WHERE email = $1`, [email])).rows[0].n).toBe(1);
    } finally {
      await context.close();
    }
  }

  for (const width of WIDTHS) {
    it(`registers in Korean at ${width} px and lands on the private page`, () => registerAs(width, 'ko'));
  }
  it('registers in English at 360 px', () => registerAs(360, 'en'));

  for (const width of WIDTHS) {
    it(`shows the attendees and the mail in the console at ${width} px`, async () => {
      const { browser, base } = env;
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'ko-KR' });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/console/login?lang=ko`);
        await page.locator('input[name=email]').fill(TEST_ORGANIZER.email);
        await page.locator('input[name=password]').fill(TEST_ORGANIZER.password);
        await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.locator('input[name=password]').press('Enter')]);

        await page.goto(`${base}/console/attendees?lang=ko`);
        await expectPageWorks(page, { lang: 'ko' });
        await saveScreenshot(page, `console-editions-ko-${width}`);
        await page.goto(`${base}/console/attendees?edition=${EDITION}`);
        expect(new URL(page.url()).pathname).toBe(`/console/attendees/${EDITION}`);
        await expectPageWorks(page, { lang: 'ko' });
        await saveScreenshot(page, `console-list-ko-${width}`);
        await Promise.all([page.waitForURL(/\/console\/attendees\/ppuri-2027\/[0-9a-f-]{36}/), page.locator('ul.cards .what a').first().click()]);
        await expect(page.locator('h1').innerText()).resolves.toMatch(/ 님$/);
        await expectPageWorks(page, { lang: 'ko' });
        await saveScreenshot(page, `console-detail-ko-${width}`);
        await page.goto(`${base}/console/mail?lang=ko`);
        await expectPageWorks(page, { lang: 'ko' });
        await saveScreenshot(page, `mail-console-ko-${width}`);
      } finally {
        await context.close();
      }
    });
  }
});
