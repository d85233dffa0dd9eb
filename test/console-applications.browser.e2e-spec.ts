import type { Page } from 'playwright-core';
import { expectPageWorks, saveScreenshot, useBrowserApp } from './support/browser';
import { newApplicationForm, newSignUp, signUpExhibitor } from './support/exhibitors';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { TEST_ORGANIZER } from './support/test-app';

/**
 * An organizer in a real browser: logs in, decides two applications in bulk (one refused for its
 * missing hall, in words), approves that one by picking its hall, opens it, and gives it a booth
 * by clicking the booth on the plan. At 360 and 1280 px in Korean, once in English; no page
 * scrolls sideways and no link on a visited page answers 4xx/5xx.
 */
describe('console applications and booths in a browser', () => {
  const env = useBrowserApp();
  const checkedLinks = new Set<string>();

  async function looksRight(page: Page, name: string, run: string): Promise<void> {
    await expectPageWorks(page, { name: `${name} ${run}`, lang: run.startsWith('en') ? 'en' : 'ko', seen: checkedLinks });
    await saveScreenshot(page, `${name}-${run}`);
  }

  const runs = [
    { lang: 'ko', width: 360, booth: '1D02' },
    { lang: 'ko', width: 1280, booth: '1D03' },
    { lang: 'en', width: 360, booth: '1D04' },
  ] as const;

  it.each(runs)('$lang at $width px: bulk result per row, approve with a hall, detail, booth by click', async ({ lang, width, booth }) => {
    const { t, browser, base } = env;
    const run = `${lang}-${width}`;
    const tag = `브라우저${lang}${width}`;
    const ko = lang === 'ko';
    // An application without a hall (the public form) and one with a hall (a company's).
    const anonymous = newExhibitorApplication();
    const noHall = (await t.http.post(registrationPath()).send({ ...anonymous, company: { ...(anonymous.company as object), name: `${tag} 홀없음` } }).expect(201)).body.id as string;
    const ex = await signUpExhibitor(t, { company: { ...(newSignUp().company as object), name: `${tag} 홀있음` } });
    const withHall = (await t.http.post('/api/company/applications').set('Authorization', ex.auth).send(newApplicationForm({ submit: true })).expect(201)).body.id as string;

    const context = await browser.newContext({ viewport: { width, height: 800 }, locale: ko ? 'ko-KR' : 'en-GB' });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/console/login?lang=${lang}`);
      await page.locator('input[name=email]').fill(TEST_ORGANIZER.email);
      await page.locator('input[name=password]').fill(TEST_ORGANIZER.password);
      await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/login')), page.locator('input[name=password]').press('Enter')]);

      await page.goto(`${base}/console/applications?edition=ppuri-2027&q=${encodeURIComponent(tag)}&lang=${lang}`);
      await looksRight(page, 'list', run);

      // Bulk approval: one done, one refused for want of a hall — said per row, amber.
      await page.getByRole('checkbox', { name: ko ? `${tag} 홀없음 선택` : `Select ${tag} 홀없음` }).check();
      await page.getByRole('checkbox', { name: ko ? `${tag} 홀있음 선택` : `Select ${tag} 홀있음` }).check();
      await Promise.all([page.waitForURL(/flash=bulk/), page.getByRole('button', { name: ko ? '선택한 신청 처리' : 'Apply to the selected' }).click()]);
      await expect(page.locator('.notice.warn').textContent()).resolves.toContain(ko ? '1건 처리, 1건은 처리되지 않았습니다' : '1 done, 1 refused');
      await expect(page.locator('.results li.refused').textContent()).resolves.toContain(ko ? '홀이 지정되지 않았습니다' : 'it has no hall');
      await looksRight(page, 'bulk', run);

      // Approve the refused one by picking its hall by name.
      await page.getByLabel(ko ? `${tag} 홀없음의 홀` : `Hall for ${tag} 홀없음`).selectOption('EXH1');
      await Promise.all([page.waitForURL(/flash=decided/), page.getByRole('button', { name: ko ? `승인: ${tag} 홀없음` : `Approve: ${tag} 홀없음` }).click()]);
      const rows = await t.db.pool.query(`SELECT a.status, s.code FROM exhibitor_applications a JOIN venue_spaces s ON s.id = a.hall_id WHERE a.id = $1`, [noHall]);
      expect(rows.rows).toEqual([{ status: 'approved', code: 'EXH1' }]);

      await page.goto(`${base}/console/applications/${withHall}`);
      await expect(page.locator('h1').textContent()).resolves.toContain(`${tag} 홀있음`);
      await looksRight(page, 'detail', run);

      // The plan: click the booth, give it to the application just approved.
      await page.goto(`${base}/console/booths/ppuri-2027`);
      await looksRight(page, 'plan', run);
      await Promise.all([page.waitForURL(new RegExp(`/booths/${booth}$`)), page.getByRole('link', { name: new RegExp(`^${booth} `) }).first().click()]);
      await page.getByLabel(ko ? '신청' : 'Application', { exact: true }).selectOption(noHall);
      await looksRight(page, 'booth', run);
      await Promise.all([page.waitForURL(/flash=assigned/), page.getByRole('button', { name: ko ? '배정' : 'Assign', exact: true }).click()]);
      const owner = await t.db.pool.query(`SELECT ba.application_id AS id FROM booth_assignments ba JOIN booths b ON b.id = ba.booth_id WHERE b.code = $1`, [booth]);
      expect(owner.rows).toEqual([{ id: noHall }]);
      await expect(page.getByRole('link', { name: new RegExp(`^${booth} .*${tag} 홀없음`) }).count()).resolves.toBe(1);
      await looksRight(page, 'plan-after', run);
      await page.goto(`${base}/console/booths/ppuri-2027/auto-assign`);
      await looksRight(page, 'preview', run);
    } finally {
      await context.close();
    }
  });
});
