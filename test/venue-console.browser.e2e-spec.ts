import { expectPageWorks, useBrowserApp } from './support/browser';
import { TEST_ORGANIZER } from './support/test-app';

/** The organizer console in a real headless browser: login, place a hold by keyboard, confirm it, 360 px. */
describe('venue console in a browser', () => {
  const env = useBrowserApp();

  it('logs in, places a hold with the keyboard, confirms it, and never overflows a 360 px screen', async () => {
    const { t, browser, base } = env;
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${base}/console/venue?lang=en`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.getByLabel('Email').fill(TEST_ORGANIZER.email);
    await page.getByLabel('Password').fill(TEST_ORGANIZER.password);
    await Promise.all([page.waitForURL(/\/console\/venue/), page.getByLabel('Password').press('Enter')]);

    await page.goto(`${base}/console/venue?date=2027-05-12&lang=en`);
    await page.locator('#f-space').selectOption('R204');
    await page.locator('#f-date').fill('2027-05-12');
    await page.locator('#f-start').fill('10:00');
    await page.locator('#f-end').fill('11:30');
    await page.locator('#f-purpose').fill('Buyer briefing');
    await Promise.all([page.waitForURL(/\/console\/venue/), page.locator('#f-purpose').press('Enter')]);

    const held = page.getByRole('link', { name: /Meeting Room 204.*held.*Buyer briefing/ });
    await expect(held.count()).resolves.toBeGreaterThan(0);
    const row = await t.db.pool.query(`SELECT id, status FROM venue_bookings WHERE purpose = 'Buyer briefing'`);
    expect(row.rows).toEqual([{ id: expect.any(String), status: 'held' }]);

    await Promise.all([page.waitForURL(/\/console\/venue/), page.getByRole('button', { name: /Confirm.*Buyer briefing/ }).click()]);
    await expect(page.getByRole('link', { name: /Meeting Room 204.*confirmed.*Buyer briefing/ }).count()).resolves.toBeGreaterThan(0);
    expect((await t.db.pool.query(`SELECT status FROM venue_bookings WHERE id = $1`, [row.rows[0].id])).rows[0].status).toBe('confirmed');

    for (const view of ['day', 'week']) {
      await page.goto(`${base}/console/venue?date=2027-05-12&view=${view}&lang=ko`);
      await expectPageWorks(page, { name: view, lang: 'ko' });
    }
  });
});
