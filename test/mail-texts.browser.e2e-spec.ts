import { expectPageWorks, saveScreenshot, useBrowserApp } from './support/browser';
import { TEST_ORGANIZER } from './support/test-app';

/** The email text editor on a phone: the list, the editor with its placeholders and preview, an error next to its field. */
describe('email texts in a browser', () => {
  const env = useBrowserApp();

  it('works at 360 px: no sideways scrolling, working links, no English clock on Korean pages; a refused save shows the error by the field', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ko-KR' });
    const page = await context.newPage();
    const editor = '/console/mail/texts/exhibitor.application-status.approved/ko?edition=ppuri-2027';
    await page.goto(`${env.base}${editor}`);
    await page.getByLabel('이메일').fill(TEST_ORGANIZER.email);
    await page.getByLabel('비밀번호').fill(TEST_ORGANIZER.password);
    await Promise.all([page.waitForURL(/\/console\/mail\/texts\//), page.getByLabel('비밀번호').press('Enter')]);
    const seen = new Set<string>();

    for (const path of ['/console/mail/texts', '/console/mail/texts?edition=ppuri-2027', editor]) {
      const res = await page.goto(`${env.base}${path}`);
      expect({ path, status: res?.status() }).toEqual({ path, status: 200 });
      await expectPageWorks(page, { name: path, lang: 'ko', seen });
    }
    // The HTML part shows in its frame as it will be sent.
    expect(await page.frameLocator('section.preview iframe').locator('body').innerText()).toContain('축하합니다!');
    await saveScreenshot(page, 'mail-text-editor-360');

    await page.getByLabel('제목').fill('{{compnay}} 참가 확정');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '저장' }).click()]);
    await page.waitForSelector('#f-subject-error');
    expect(await page.locator('#f-subject-error').innerText()).toContain('알 수 없는 자리표시자: {{compnay}}');
    expect(await page.getByLabel('제목').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('제목').inputValue()).toBe('{{compnay}} 참가 확정');
    await expectPageWorks(page, { name: 'refused save', lang: 'ko', seen });
    await saveScreenshot(page, 'mail-text-error-360');

    await page.getByLabel('제목').fill('{{company_name}} 참가 확정');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: '미리 보기' }).click()]);
    await page.waitForSelector('section.preview');
    expect(await page.locator('section.preview').innerText()).toContain('빛고을정밀 주식회사 참가 확정');
    await expectPageWorks(page, { name: 'preview', lang: 'ko', seen });
    await context.close();
  });
});
