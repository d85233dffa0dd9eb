import { expectPageWorks, saveScreenshot, useBrowserApp } from './support/browser';
import { createStaff, STAFF_PASSWORD } from './support/staff';
import { TEST_ORGANIZER } from './support/test-app';

/** The team and audit pages in a real headless browser at 360 px: invite by keyboard, read the log; a member sees only their sections. */
describe('team and audit console pages in a browser', () => {
  const env = useBrowserApp();

  it('invites a member, reads the audit log filtered, and a reviewer sees only their sections — all at 360 px', async () => {
    const { t, browser, base } = env;
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${base}/console/team`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.locator('input[name=email]').fill(TEST_ORGANIZER.email);
    await page.locator('input[name=password]').fill(TEST_ORGANIZER.password);
    await Promise.all([page.waitForURL(/\/console\/team/), page.locator('input[name=password]').press('Enter')]);
    // Korean from here on (the choice sticks in a cookie).
    await page.goto(`${base}/console/team?lang=ko`);
    await page.locator('#invite-email').fill('browser-member@team.example');
    await page.locator('#invite-displayName').fill('박현장');
    await page.locator('#invite-edition').selectOption('green-car-2027');
    await page.locator('#invite-role-onsite').check();
    await Promise.all([page.waitForURL(/flash=invited/), page.getByRole('button', { name: '초대 메일 보내기' }).click()]);
    await expect(page.getByRole('status').innerText()).resolves.toContain('초대 메일을 보냈습니다');
    await expect(page.locator('table.team').innerText()).resolves.toContain('browser-member@team.example');
    await expectPageWorks(page, { name: 'team', lang: 'ko' });
    await saveScreenshot(page, 'team-ko');

    await page.goto(`${base}/console/audit`);
    await page.locator('#audit-action').fill('staff.');
    await Promise.all([page.waitForURL(/action=staff/), page.locator('#audit-action').press('Enter')]);
    await expect(page.locator('ol.entries').innerText()).resolves.toContain('staff.invite');
    await expectPageWorks(page, { name: 'audit', lang: 'ko' });
    await saveScreenshot(page, 'audit-ko');

    await createStaff(t, 'browser-reviewer@team.example', [{ edition: 'ppuri-2027', role: 'reviewer' }]);
    const member = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const mp = await member.newPage();
    await mp.goto(`${base}/console/login`);
    await mp.locator('input[name=email]').fill('browser-reviewer@team.example');
    await mp.locator('input[name=password]').fill(STAFF_PASSWORD);
    await Promise.all([mp.waitForURL(/\/console/), mp.locator('input[name=password]').press('Enter')]);
    await mp.goto(`${base}/console/applications?edition=ppuri-2027&lang=ko`);
    const nav = await mp.locator('nav.sections a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(nav).toEqual(['/console', '/console/applications', '/console/booths']);
    await expectPageWorks(mp, { name: 'member applications', lang: 'ko', links: 'nav.sections a' });
    await mp.goto(`${base}/console/team`);
    await expect(mp.locator('[role=alert]').innerText()).resolves.toContain('이 회차의 관리 권한이 없습니다');
    await expectPageWorks(mp, { name: 'member refused', lang: 'ko', links: 'nav.sections a' });
    await saveScreenshot(mp, 'refused-ko');
    await member.close();
  });
});
