import { expectPageWorks, saveScreenshot, useBrowserApp } from './support/browser';
import { TEST_ORGANIZER } from './support/test-app';

/** /console/webhooks in a real browser at 360 px: a refused URL, a subscription with its secret shown once. */
describe('webhooks console in a browser', () => {
  const env = useBrowserApp();

  it('creates a subscription at 360 px: errors next to the field with the values kept, the secret once, Korean and English', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(`${env.base}/console/webhooks`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.getByLabel('이메일').fill(TEST_ORGANIZER.email);
    await page.getByLabel('비밀번호').fill(TEST_ORGANIZER.password);
    await Promise.all([page.waitForURL(/\/console\/webhooks$/), page.getByLabel('비밀번호').press('Enter')]);
    await expectPageWorks(page, { name: 'webhooks empty', lang: 'ko' });
    await saveScreenshot(page, 'webhooks-empty-360');

    // A loopback address is refused (this deployment does not allow private addresses); what was typed stays.
    await page.getByLabel('받을 주소').fill('https://127.0.0.1/hooks');
    await page.getByLabel('설명').fill('회계 시스템');
    await page.getByLabel('참가 신청 승인').check();
    await page.getByRole('button', { name: '구독 만들기' }).click();
    await expect(page.locator('#wh-url-error').innerText()).resolves.toContain('내부망');
    await expect(page.locator('.errors').innerText()).resolves.toContain('내부망');
    await expect(page.getByLabel('설명').inputValue()).resolves.toBe('회계 시스템');
    await expect(page.getByLabel('참가 신청 승인').isChecked()).resolves.toBe(true);
    await saveScreenshot(page, 'webhooks-refused-360');

    // A public address (TEST-NET-3: no DNS needed) is accepted; the secret is on this answer only.
    await page.getByLabel('받을 주소').fill('https://203.0.113.10/hooks/fairgate');
    await page.getByRole('button', { name: '구독 만들기' }).click();
    const secret = await page.locator('#wh-secret').innerText();
    expect(secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    await expectPageWorks(page, { name: 'webhooks created', lang: 'ko' });
    await saveScreenshot(page, 'webhooks-created-360');
    await page.goto(`${env.base}/console/webhooks`);
    expect(await page.content()).not.toContain(secret);
    await expect(page.getByRole('heading', { name: 'https://203.0.113.10/hooks/fairgate' }).count()).resolves.toBe(1);
    await expectPageWorks(page, { name: 'webhooks list', lang: 'ko' });

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${env.base}/console/webhooks?lang=en`);
    await expect(page.getByRole('heading', { name: 'Delivery log' }).count()).resolves.toBe(1);
    await expectPageWorks(page, { name: 'webhooks en', lang: 'en' });
    await saveScreenshot(page, 'webhooks-en-1280');
    await context.close();
  }, 120_000);
});
