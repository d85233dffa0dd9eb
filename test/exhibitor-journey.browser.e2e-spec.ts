import type { Page } from 'playwright-core';
import { expectPageWorks, saveScreenshot, useBrowserApp } from './support/browser';
import { newBusinessRegistrationNumber } from './support/factories';
import { mailTo } from './support/exhibitors';
import { bearer, eventually, TEST_ORGANIZER } from './support/test-app';

/** What every visited exhibitor page must pass (see expectPageWorks), and its screenshot when SHOTS_DIR is set. */
async function checkPage(page: Page, name: string, lang: 'ko' | 'en'): Promise<void> {
  await expectPageWorks(page, { name, lang });
  await saveScreenshot(page, `${name}-${lang}-${page.viewportSize()?.width ?? 0}`);
}

/** An exhibitor on a phone, from sign-up to an approved application with booths and fees; the organizer in between; the same pages on a desk. */
describe('exhibitor journey in a browser', () => {
  const env = useBrowserApp();

  it('signs up in Korean, confirms, applies, is approved and sees booths and fees, at 360 px; the same pages at 1280 px and in English', async () => {
    const { t, browser, base } = env;
    const email = `journey-${Date.now()}@bitgoeul-precision.example`;
    const password = 'kimchi-fried-rice-2027';
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'ko-KR' });

    await phone.goto(`${base}/exhibitor/sign-up?lang=ko`);
    await checkPage(phone, 'sign-up', 'ko');
    await phone.getByLabel('회사명').fill('빛고을정밀 주식회사');
    await phone.getByLabel('사업자등록번호').fill(newBusinessRegistrationNumber());
    await phone.getByLabel('주소').fill('광주광역시 광산구 하남산단 8번로 100');
    await phone.getByLabel('담당자 이름').fill('김민준');
    await phone.getByLabel('이메일', { exact: true }).fill(email);
    await phone.getByLabel('비밀번호').fill(password);
    await Promise.all([phone.waitForURL(/sign-up/), phone.getByRole('button', { name: '가입하기' }).click()]);
    await expect(phone.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('이메일을 확인해 주세요');

    const mail = await mailTo(t, email, /./);
    const link = /https?:\/\/\S+\/exhibitor\/confirm-email\?token=[\w%-]+/.exec(mail.parsed.text ?? '')?.[0];
    expect(link).toBeDefined();
    await phone.goto(`${base}${new URL(link!).pathname}${new URL(link!).search}`);
    await Promise.all([phone.waitForURL(/\/exhibitor\/login/), phone.getByRole('button', { name: '이메일 주소 확인' }).click()]);
    await expect(phone.getByRole('status').first().textContent()).resolves.toContain('이메일 주소가 확인되었습니다');
    await checkPage(phone, 'login', 'ko');

    await phone.getByLabel('이메일').fill(email);
    await phone.getByLabel('비밀번호').fill(password);
    await Promise.all([phone.waitForURL(`${base}/exhibitor`), phone.getByLabel('비밀번호').press('Enter')]);
    await expect(phone.locator('.who').textContent()).resolves.toBe('김민준 님');

    // The form refused: a summary on top links to each field in error, each error next to its field.
    await phone.goto(`${base}/exhibitor/applications/new?edition=ppuri-2027`);
    await checkPage(phone, 'application-form', 'ko');
    await phone.getByLabel('부스 수 (1부스 9㎡)').fill('0');
    await Promise.all([phone.waitForURL(/\/exhibitor\/applications\/new/), phone.getByRole('button', { name: '제출하기' }).click()]);
    const summary = phone.locator('#error-summary');
    await expect(summary.getByRole('link').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^담당자 전화번호: /), expect.stringMatching(/^부스 수 \(1부스 9㎡\): /), expect.stringMatching(/^전시홀: /), expect.stringMatching(/^전시 품목: /),
    ]);
    await expect(phone.evaluate<string>("getComputedStyle(document.querySelector('#f-contactPhone-error')).color")).resolves.toBe('rgb(180, 35, 24)');
    await checkPage(phone, 'application-form-errors', 'ko');
    await summary.getByRole('link').first().click();
    await expect(phone.evaluate<string>('location.hash')).resolves.toBe('#f-contactPhone');

    await phone.getByLabel('담당자 전화번호').fill('+82 62-123-4567');
    await phone.getByLabel('부스 형태').selectOption('shell_scheme');
    await phone.getByLabel('부스 수 (1부스 9㎡)').fill('2');
    await phone.getByLabel('전시홀').selectOption('EXH1');
    await phone.getByLabel('주조').check();
    await phone.getByLabel('금형').check();
    await Promise.all([phone.waitForURL(/\/exhibitor\/applications\/[0-9a-f-]{36}\?flash=submitted/), phone.getByRole('button', { name: '제출하기' }).click()]);
    await expect(phone.locator('#status').textContent()).resolves.toContain('제출됨');
    await checkPage(phone, 'application', 'ko');
    const applicationId = /applications\/([0-9a-f-]{36})/.exec(phone.url())![1];
    // The second email to the address: the application's confirmation (the first was the sign-up's).
    await eventually(() => Promise.resolve(t.smtp.received.filter((m) => m.envelopeTo.includes(email)).length), (n) => n >= 2);

    // The organizer approves in the console, then assigns booths through the API.
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desk.goto(`${base}/console/login?lang=en`);
    await desk.getByLabel('Email').fill(TEST_ORGANIZER.email);
    await desk.getByLabel('Password').fill(TEST_ORGANIZER.password);
    await Promise.all([desk.waitForURL(/\/console(?:\?|$)/), desk.getByLabel('Password').press('Enter')]); // the dashboard
    await desk.goto(`${base}/console/applications?edition=ppuri-2027&lang=en`);
    await Promise.all([
      desk.waitForURL(/flash=decided/),
      desk.getByRole('button', { name: 'Approve: 빛고을정밀 주식회사' }).click(),
    ]);
    await t.http.post('/api/editions/ppuri-2027/booths/auto-assign').set('Authorization', await bearer(t)).send({}).expect((r) => {
      if (r.status >= 300) throw new Error(`auto-assign answered ${r.status}: ${r.text}`);
    });

    await phone.goto(`${base}/exhibitor/applications/${applicationId}`);
    await expect(phone.locator('#status').textContent()).resolves.toContain('승인');
    const booths = await phone.locator('#booths').textContent();
    expect(booths).toMatch(/1-?\w+/);
    expect(booths).not.toContain('EXH1'); // the hall's name, not its code
    await expect(phone.locator('#fee-total').textContent()).resolves.toMatch(/^[\d,]+원$/);
    // The badge stays on one line: one line box, however narrow the screen.
    await expect(phone.evaluate<number>("document.querySelector('#status .badge').getClientRects().length")).resolves.toBe(1);
    await checkPage(phone, 'application-approved', 'ko');
    await phone.goto(`${base}/exhibitor`);
    await checkPage(phone, 'dashboard', 'ko');

    // The same pages on a desk, in Korean.
    const wide = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
    await wide.goto(`${base}/exhibitor/sign-up?lang=ko`);
    await checkPage(wide, 'sign-up', 'ko');
    await wide.goto(`${base}/exhibitor/login?lang=ko`);
    await checkPage(wide, 'login', 'ko');
    await wide.getByLabel('이메일').fill(email);
    await wide.getByLabel('비밀번호').fill(password);
    await Promise.all([wide.waitForURL(`${base}/exhibitor`), wide.getByLabel('비밀번호').press('Enter')]);
    await checkPage(wide, 'dashboard', 'ko');
    await wide.goto(`${base}/exhibitor/applications/new?edition=green-car-2027`);
    await Promise.all([wide.waitForURL(/\/exhibitor\/applications\/new/), wide.getByRole('button', { name: '제출하기' }).click()]);
    await expect(wide.locator('#error-summary').count()).resolves.toBe(1);
    await checkPage(wide, 'application-form-errors', 'ko');
    await wide.goto(`${base}/exhibitor/applications/${applicationId}`);
    await checkPage(wide, 'application-approved', 'ko');

    // The same form in English, on the phone.
    await phone.goto(`${base}/exhibitor/applications/new?edition=green-car-2027&lang=en`);
    await expect(phone.getByLabel('Contact phone').count()).resolves.toBe(1);
    await expect(phone.getByRole('button', { name: 'Save draft' }).count()).resolves.toBe(1);
    await checkPage(phone, 'application-form', 'en');
    await phone.goto(`${base}/exhibitor/applications/${applicationId}?lang=en`);
    await expect(phone.locator('#status').textContent()).resolves.toContain('approved');
    await checkPage(phone, 'application-approved', 'en');
  });

  it('shows the public exhibitor pages on a phone in Korean without sideways scroll, AM/PM or broken links', async () => {
    const { browser, base } = env;
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'ko-KR' });
    const pages: Array<[string, string]> = [
      ['fairs', '/exhibitor/fairs?lang=ko'], ['edition', '/exhibitor/fairs/ppuri-2027?lang=ko'], ['forgot', '/exhibitor/forgot-password?lang=ko'],
      ['reset', '/exhibitor/reset-password?token=x&lang=ko'], ['join', '/exhibitor/join?token=x&lang=ko'], ['confirm', '/exhibitor/confirm-email?token=x&lang=ko'],
    ];
    for (const [name, path] of pages) {
      const res = await phone.goto(`${base}${path}`);
      expect({ name, status: res?.status() }).toEqual({ name, status: 200 });
      await checkPage(phone, name, 'ko');
    }
    await expect(phone.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('이메일 주소 확인');
  });
});
