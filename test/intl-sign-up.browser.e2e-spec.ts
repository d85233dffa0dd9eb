import { expectPageWorks, saveScreenshot, useBrowserApp } from './support/browser';

/**
 * A German company signs up on a phone (360 px, Korean page): picks Germany, gives a VAT ID in the
 * wrong format, reads the error next to the field in Korean, corrects it and is asked to confirm
 * the email address. No sideways scrolling, every link answers.
 */
describe('a German company signs up in a browser', () => {
  const env = useBrowserApp();

  it('at 360 px in Korean: the identifier error follows the country, then the sign-up goes through', async () => {
    const { browser, base } = env;
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'ko-KR' });
    const tag = `${process.pid}${Date.now() % 100000}`.slice(-9).padStart(9, '1');

    await phone.goto(`${base}/exhibitor/sign-up?lang=ko`);
    await expectPageWorks(phone, { name: 'intl-sign-up', lang: 'ko' });
    await saveScreenshot(phone, 'intl-sign-up-ko-360');
    await phone.getByLabel('회사명').fill('Müller Antriebstechnik GmbH');
    await phone.getByLabel('다른 표기 이름').fill('뮐러 구동기술');
    await phone.getByLabel('국가', { exact: true }).selectOption('DE');
    await phone.getByLabel('식별번호 종류').selectOption('eu-vat');
    await phone.getByLabel('회사 식별번호').fill('DE 1234');
    await phone.getByLabel('주소').fill('Industriestraße 12, 70565 Stuttgart');
    await phone.getByLabel('담당자 이름').fill('Anna Müller');
    await phone.getByLabel('이메일', { exact: true }).fill(`anna-${tag}@mueller-antriebe.example`);
    await phone.getByLabel('비밀번호').fill('kimchi-fried-rice-2027');
    await Promise.all([phone.waitForURL(/sign-up/), phone.getByRole('button', { name: '가입하기' }).click()]);

    await expect(phone.locator('#f-identifier-error').textContent()).resolves.toBe('독일(DE) 부가가치세 번호는 DE 뒤에 숫자 9자리입니다');
    await expect(phone.locator('#error-summary').getByRole('link').allTextContents()).resolves.toEqual([expect.stringMatching(/^회사 식별번호: /)]);
    await expectPageWorks(phone, { name: 'intl-sign-up-error', lang: 'ko' });
    await saveScreenshot(phone, 'intl-sign-up-error-ko-360');

    await phone.getByLabel('회사 식별번호').fill(`DE ${tag}`);
    await phone.getByLabel('비밀번호').fill('kimchi-fried-rice-2027');
    await Promise.all([phone.waitForURL(/sign-up/), phone.getByRole('button', { name: '가입하기' }).click()]);
    await expect(phone.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('이메일을 확인해 주세요');
    await phone.close();
  });
});
