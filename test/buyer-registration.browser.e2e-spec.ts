import type { Page } from 'playwright-core';
import { expectPageWorks, saveScreenshot, useBrowserApp } from './support/browser';
import { bearer } from './support/test-app';

/*
 * A foreign buyer in a real browser: opens /fairs/green-car-2027/buyers, sends the form once with
 * mistakes, then right, lands on its participant page and requests a meeting with an exhibitor.
 * At 360 and 1280 px in Korean, once in English; no sideways scrolling, no AM/PM on a Korean page,
 * and every link of every visited page answers below 400.
 */

const EXHIBITOR = 'Bitgoeul Motor Works';

describe('a buyer registers for the export meetings in a browser', () => {
  const env = useBrowserApp();

  beforeAll(async () => {
    const organizer = await bearer(env.t);
    await env.t.http.post('/api/editions/green-car-2027/meeting-sessions').set('Authorization', organizer)
      .send({ day: '2027-07-08', startsAt: '14:00', endsAt: '15:00' }).expect(201);
    await env.t.http.put('/api/editions/green-car-2027/meetings/tables').set('Authorization', organizer).send({ codes: ['T01'] }).expect(200);
    await env.t.http.post('/api/editions/green-car-2027/meetings/participants').set('Authorization', organizer)
      .send({ side: 'exhibitor', companyName: EXHIBITOR, country: 'KR', contactName: 'Kim Min-jun', email: 'minjun@bitgoeul.example', languages: ['ko', 'en'], interests: ['ev-powertrain'], locale: 'ko', tableCode: 'T01' })
      .expect(201);
  });

  async function looksRight(page: Page, lang: 'ko' | 'en', shot?: string): Promise<void> {
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
    await expectPageWorks(page, { lang });
    if (shot) await saveScreenshot(page, shot);
  }

  const runs = [
    { width: 360, lang: 'ko' as const },
    { width: 1280, lang: 'ko' as const },
    { width: 360, lang: 'en' as const },
  ];

  for (const { width, lang } of runs) {
    it(`registers, lands on the participant page and requests a meeting (${lang}, ${width} px)`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height: 800 }, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
      try {
        const page = await context.newPage();
        const ko = lang === 'ko';
        const tag = `${lang}-${width}`;
        await page.goto(`${env.base}/fairs/green-car-2027/buyers?lang=${lang}`);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ko ? '해외 바이어 수출상담회 등록' : 'Export meetings: buyer registration');
        await looksRight(page, lang, `registration-empty-${tag}`);

        // First with mistakes: the errors are on top with links, at each field, the values kept.
        await page.getByLabel(ko ? '회사명' : 'Company name').fill('Saigon Auto Parts JSC');
        await page.getByLabel(ko ? '이메일' : 'Email', { exact: false }).first().fill('not-an-email');
        await Promise.all([page.waitForURL(/buyers/), page.getByRole('button', { name: ko ? '등록하기' : 'Register' }).click()]);
        const summary = page.locator('.error-summary');
        await expect(summary.getByRole('link').count()).resolves.toBeGreaterThanOrEqual(4);
        await expect(page.locator('#f-email-error').textContent()).resolves.toContain(ko ? '올바른 이메일 주소' : 'valid email address');
        await expect(page.getByLabel(ko ? '회사명' : 'Company name').inputValue()).resolves.toBe('Saigon Auto Parts JSC');
        // The error text is in the error colour.
        await expect(page.evaluate<string>(`getComputedStyle(document.getElementById('f-email-error')).color`)).resolves.toBe('rgb(180, 35, 24)');
        await looksRight(page, lang, `registration-errors-${tag}`);

        // A link of the summary takes the keyboard to its field.
        await summary.getByRole('link', { name: ko ? /^이메일/ : /^Email/ }).click();
        await expect(page.evaluate<string>('document.activeElement.id')).resolves.toBe('f-email');

        // Then right.
        await page.getByLabel(ko ? '이메일' : 'Email', { exact: false }).first().fill(`buyer-${tag}@saigon.example`);
        await page.getByLabel(ko ? '국가' : 'Country', { exact: false }).first().selectOption('VN');
        await page.getByLabel(ko ? '담당자 이름' : 'Contact name').fill('Nguyen Van An');
        await page.getByRole('checkbox', { name: ko ? '전기차 구동계' : 'EV powertrain' }).check();
        await page.getByRole('checkbox', { name: ko ? '베트남어' : 'Vietnamese' }).check();
        await page.getByRole('checkbox', { name: ko ? '영어' : 'English' }).check();
        await Promise.all([page.waitForURL(/\/meetings\/[^/?]+\?lang=\w\w&done=registered$/), page.getByRole('button', { name: ko ? '등록하기' : 'Register' }).click()]);
        await expect(page.getByRole('status').textContent()).resolves.toContain(ko ? '바이어 등록이 완료되었습니다' : 'You are registered');
        await looksRight(page, lang, `participant-${tag}`);

        // Request a meeting with the suggested exhibitor.
        const request = page.getByRole('button', { name: ko ? `${EXHIBITOR}에 상담 신청` : `Request a meeting with ${EXHIBITOR}` });
        await page.getByLabel(ko ? `${EXHIBITOR} 상담 우선순위` : `Priority of a meeting with ${EXHIBITOR}`).selectOption('must');
        await Promise.all([page.waitForURL(/done=requested/), request.click()]);
        await expect(page.getByRole('status').textContent()).resolves.toContain(ko ? '상담을 신청했습니다' : 'Meeting requested');
        await expect(page.locator('#outgoing .badge').textContent()).resolves.toBe(ko ? '답변 대기' : 'waiting for an answer');
        const rows = await env.t.db.pool.query(
          `SELECT r.priority, r.status FROM meeting_requests r JOIN meeting_participants b ON b.id = r.buyer_id WHERE b.email = $1`,
          [`buyer-${tag}@saigon.example`],
        );
        expect(rows.rows).toEqual([{ priority: 'must', status: 'pending' }]);
        await looksRight(page, lang, `participant-requested-${tag}`);
      } finally {
        await context.close();
      }
    });
  }

  it('tells a buyer when the edition does not take buyers, on a phone, with no form', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${env.base}/fairs/green-car-2018/buyers?lang=ko`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('바이어 등록 기간이 아닙니다');
      await expect(page.locator('form[method=post]').count()).resolves.toBe(0);
      await looksRight(page, 'ko', 'registration-closed-ko-360');
    } finally {
      await context.close();
    }
  });
});
