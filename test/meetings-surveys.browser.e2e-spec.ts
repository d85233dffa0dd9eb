import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ParticipantLinks } from '../src/modules/meetings/participant-links';
import { useBrowserApp } from './support/browser';
import { publishedMeetings, recordOutcome, RESULTS_EDITION, type ResultsFixture } from './support/meeting-results';
import { TEST_ORGANIZER } from './support/test-app';

/** Screenshots for people to look at; set SHOTS_DIR to keep them elsewhere. */
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots/survey';
const RESULTS = `/console/meetings/${RESULTS_EDITION}/results`;

/**
 * The after-meeting survey on a phone (360 px, Korean): no sideways scrolling, Korean times without
 * AM/PM, an error shown next to its field and on top, then saved; and the results report on a
 * desktop (1280 px) and a phone. Every link of the visited pages answers below 400.
 */
describe('after-meeting survey and results report in a browser', () => {
  const env = useBrowserApp();
  let f: ResultsFixture;
  const checked = new Map<string, number>();

  beforeAll(async () => {
    const { t } = env;
    f = await publishedMeetings(t);
    await recordOutcome(t, f.meetings['hanoi×motor'], 'held');
    await recordOutcome(t, f.meetings['saigon×motor'], 'held');
    await recordOutcome(t, f.meetings['osaka×parts'], 'held');
    await recordOutcome(t, f.meetings['texas×parts'], 'no_show_buyer');
    const token = (key: string): string => t.running.app.get(ParticipantLinks).token(f.people[key].id);
    const answer = (who: string, meeting: string, body: Record<string, string>) => t.http.post(`/meetings/${token(who)}/surveys/${f.meetings[meeting]}`).type('form').send(body).expect(303);
    await answer('hanoi', 'hanoi×motor', { satisfaction: '4', followUp: 'yes', consultationUsd: '120,000', expectedContractUsd: '45,000.50' });
    await answer('saigon', 'saigon×motor', { satisfaction: '5', followUp: 'yes', consultationUsd: '8,000', expectedContractUsd: '' });
    await answer('parts', 'osaka×parts', { satisfaction: '3', followUp: 'no', consultationUsd: '2,500', expectedContractUsd: '1,000' });
    mkdirSync(SHOTS, { recursive: true });
  });

  /** No sideways scrolling, and every link of the page answers < 400 (each address fetched once, with the page's cookies). */
  async function checkPage(page: Page, label: string): Promise<void> {
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect({ label, overflow }).toEqual({ label, overflow: 0 });
    const hrefs = await page.evaluate<string[]>(`[...document.querySelectorAll('a[href]')].map((a) => a.href).filter((h) => h.startsWith(location.origin))`);
    expect(hrefs.length).toBeGreaterThan(0);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    for (const href of new Set(hrefs.map((h) => h.split('#')[0]))) {
      const url = new URL(href);
      if (!checked.has(href)) checked.set(href, (await env.t.http.get(url.pathname + url.search).set('Cookie', cookie)).status);
      expect({ label, href, ok: checked.get(href)! < 400 }).toEqual({ label, href, ok: true });
    }
  }

  const bodyText = (page: Page): Promise<string> => page.evaluate<string>('document.body.innerText');

  it('the survey page at 360 px in Korean: fits, no AM/PM, an error next to its field and on top, then saved', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ko-KR' });
    try {
      const page = await context.newPage();
      const token = env.t.running.app.get(ParticipantLinks).token(f.people.motor.id);
      const url = `${env.base}/meetings/${token}/surveys/${f.meetings['hanoi×motor']}?lang=ko`;
      await page.goto(url);
      await checkPage(page, 'survey');
      const text = await bodyText(page);
      expect(text).toContain('상담 결과 설문');
      expect(text).toMatch(/2027년 7월 8일 \(목\) 오[전후] \d+:\d\d/);
      expect(text).not.toMatch(/\b(AM|PM)\b/);
      await page.screenshot({ path: `${SHOTS}/survey-ko-360.png`, fullPage: true });

      // An answer with a wrong amount: the page comes back with the error next to the field and on top, values kept.
      await page.getByLabel('4 만족').check();
      await page.getByLabel('예').check();
      await page.getByLabel('상담액 (미화 달러)').fill('-5');
      await page.getByLabel('계약추진액 (미화 달러)').fill('30,000');
      await Promise.all([page.waitForURL(/surveys/), page.getByRole('button', { name: '답변 보내기' }).click()]);
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').innerText()).toContain('상담액 (미화 달러): 0 이상이어야 합니다.');
      expect(await page.locator('#err-consultationUsd').innerText()).toBe('0 이상이어야 합니다.');
      expect(await page.getByLabel('계약추진액 (미화 달러)').inputValue()).toBe('30,000');
      expect(await page.getByLabel('4 만족').isChecked()).toBe(true);
      const errorColour = await page.evaluate<string>(`getComputedStyle(document.querySelector('#err-consultationUsd')).color`);
      expect(errorColour).toBe('rgb(180, 35, 24)');
      await checkPage(page, 'survey with errors');
      await page.screenshot({ path: `${SHOTS}/survey-error-ko-360.png`, fullPage: true });
      // The summary's link leads to the field.
      await page.getByRole('alert').getByRole('link').first().click();
      expect(await page.evaluate<string>('document.activeElement.id')).toBe('f-consultationUsd');

      await page.getByLabel('상담액 (미화 달러)').fill('15,000.75');
      await Promise.all([page.waitForURL(/done=saved/), page.getByRole('button', { name: '답변 보내기' }).click()]);
      expect(await page.getByRole('status').innerText()).toBe('답변을 저장했습니다. 감사합니다.');
      await checkPage(page, 'survey saved');
      await page.screenshot({ path: `${SHOTS}/survey-saved-ko-360.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
      await checkPage(page, 'survey saved at 1280');
      await page.screenshot({ path: `${SHOTS}/survey-saved-ko-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 360, height: 800 });
      const row = (await env.t.db.pool.query(`SELECT consultation_usd, expected_contract_usd, satisfaction FROM meeting_surveys WHERE meeting_id = $1 AND participant_id = $2`, [f.meetings['hanoi×motor'], f.people.motor.id])).rows[0];
      expect(row).toEqual({ consultation_usd: '15000.75', expected_contract_usd: '30000.00', satisfaction: 4 });

      // In English too, the stored answer shown again with separators.
      await page.goto(url.replace('lang=ko', 'lang=en'));
      await checkPage(page, 'survey in English');
      expect(await page.getByLabel('Consultation amount (USD)').inputValue()).toBe('15,000.75');
      await page.screenshot({ path: `${SHOTS}/survey-en-360.png`, fullPage: true });

      // The participant page links the survey, and fits too.
      await page.goto(`${env.base}/meetings/${token}?lang=ko`);
      await checkPage(page, 'participant page');
      expect(await page.getByRole('link', { name: '설문 답변 고치기 (답변 완료)' }).count()).toBe(1);
      await page.locator('#agenda').screenshot({ path: `${SHOTS}/participant-agenda-ko-360.png` });
    } finally {
      await context.close();
    }
  });

  for (const width of [1280, 360]) {
    it(`the results report at ${width} px in Korean: figures, charts and tables, no sideways scrolling; the A4 summary`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height: 900 }, locale: 'ko-KR' });
      try {
        const page = await context.newPage();
        await page.goto(`${env.base}${RESULTS}?lang=ko`);
        expect(new URL(page.url()).pathname).toBe('/console/login');
        await page.getByLabel('이메일').fill(TEST_ORGANIZER.email);
        await page.getByLabel('비밀번호').fill(TEST_ORGANIZER.password);
        await Promise.all([page.waitForURL((u) => u.pathname === RESULTS), page.getByLabel('비밀번호').press('Enter')]);
        await checkPage(page, `results ${width}`);
        const text = await bodyText(page);
        expect(text).toContain('수출상담회 성과 보고');
        expect(text).toContain('베트남 (VN)');
        expect(text).not.toMatch(/\b(AM|PM)\b/);
        expect(await page.locator('svg[role=img]').count()).toBe(4);
        expect(await page.locator('nav.sections a[aria-current=page]').innerText()).toBe('수출상담회');
        await page.screenshot({ path: `${SHOTS}/results-ko-${width}.png`, fullPage: true });

        await page.getByRole('link', { name: '인쇄용 요약 (A4)' }).click();
        await page.waitForURL((u) => u.pathname === `${RESULTS}/summary`);
        await checkPage(page, `summary ${width}`);
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('nav.sections').isVisible()).toBe(false);
        await page.screenshot({ path: `${SHOTS}/summary-print-ko-${width}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});
