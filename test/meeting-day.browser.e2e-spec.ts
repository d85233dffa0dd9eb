import { MeetingDayService } from '../src/modules/meetings/meeting-day.service';
import { ParticipantLinks } from '../src/modules/meetings/participant-links';
import { looksRight, useBrowserApp } from './support/browser';
import { publishedMeetingDay, type LockedMeetings, type Participants } from './support/meetings';
import { bearer, TEST_ORGANIZER } from './support/test-app';

/*
 * A table host on a 360 px phone opens the table's private link on the fair day and records one
 * meeting as held and the next as a buyer no-show, with one tap each. Then the organizers' pages
 * of the day (the table's record page, the grid with the day's overview, the table sheet with the
 * host link) and a participant's page with its cancel and move forms, at 360 and 1280 px. No
 * sideways scrolling, no AM/PM on a Korean page, every link answers below 400.
 */

const EDITION = 'green-car-2027';
const at = (local: string): Date => new Date(`${local}+09:00`);

describe('the fair day in a browser', () => {
  const env = useBrowserApp();
  let day: MeetingDayService;
  let hostPath: string;
  let buyerPage: string;
  const meeting: Record<string, string> = {};

  beforeAll(async () => {
    const { t } = env;
    const api = await bearer(t);
    const people: Participants = [
      ['hanoi', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['en'], interests: ['ev-powertrain'], tableCode: 'T01', locale: 'ko' }],
      ['munich', { side: 'buyer', companyName: 'Munich Parts GmbH', country: 'DE', contactName: 'Anna Weber', email: 'anna@munich-parts.example', languages: ['en'], interests: ['auto-parts'], tableCode: 'T02', locale: 'ko' }],
      ['motor', { side: 'exhibitor', companyName: '광주모터', country: 'KR', contactName: '이준', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'], locale: 'ko' }],
      ['parts', { side: 'exhibitor', companyName: '호남부품 주식회사', country: 'KR', contactName: '최민', email: 'min@honam-parts.example', languages: ['ko', 'en'], interests: ['auto-parts'], locale: 'ko' }],
    ];
    const plan: LockedMeetings = [
      ['hanoi', 'motor', 'D2027-07-08-1000', 'T01'],
      ['hanoi', 'parts', 'D2027-07-08-1030', 'T01'],
      ['munich', 'motor', 'D2027-07-08-1130', 'T02'],
      ['munich', 'parts', 'D2027-07-08-1200', 'T02'],
    ];
    const { ids, schedule } = await publishedMeetingDay(t, api, { tables: ['T01', 'T02'], people, plan });
    for (const m of schedule) meeting[`${m.buyer}|${m.slot}`] = m.id;
    day = t.running.app.get(MeetingDayService);
    const editionId = (await t.db.pool.query(`SELECT id FROM fair_editions WHERE code = $1`, [EDITION])).rows[0].id;
    hostPath = day.hostPath({ id: editionId, code: EDITION }, 'T01');
    buyerPage = `/meetings/${t.running.app.get(ParticipantLinks).token(ids.munich)}`;
  }, 120_000);

  const outcome = async (id: string): Promise<string | null> => (await env.t.db.pool.query(`SELECT outcome FROM meetings WHERE id = $1`, [id])).rows[0].outcome;

  it('a table host on a 360 px phone records held, then a buyer no-show, one tap each', async () => {
    day.clock = () => at('2027-07-08T10:40:00');
    const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ko-KR', isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(`${env.base}${hostPath}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('테이블 T01 상담 기록');
      await looksRight(page, 'ko', 'host-before-ko-360');
      const cards = page.locator('li.th-card');
      await expect(cards.count()).resolves.toBe(2);
      await expect(cards.nth(0).innerText()).resolves.toContain('오전 10:00–오전 10:30');
      await expect(cards.nth(0).innerText()).resolves.toContain('Hanoi EV Trading (베트남)');

      await Promise.all([page.waitForURL(/flash=recorded/), cards.nth(0).getByRole('button', { name: '상담 완료' }).tap()]);
      await expect(page.locator('#flash').textContent()).resolves.toBe('결과를 기록했습니다.');
      await expect(page.locator('li.th-card').nth(0).locator('.th-badge').textContent()).resolves.toBe('상담 완료');
      expect(await outcome(meeting['Hanoi EV Trading|D2027-07-08-1000'])).toBe('held');

      await page.locator('li.th-card').nth(1).getByRole('button', { name: '바이어 불참' }).tap();
      await page.locator('li.th-card').nth(1).locator('.th-badge', { hasText: '바이어 불참' }).waitFor();
      await expect(page.locator('li.th-card').nth(1).getByRole('button', { name: '바이어 불참' }).getAttribute('aria-pressed')).resolves.toBe('true');
      expect(await outcome(meeting['Hanoi EV Trading|D2027-07-08-1030'])).toBe('no_show_buyer');
      await looksRight(page, 'ko', 'host-after-ko-360');
    } finally {
      await context.close();
    }
  });

  for (const { width, lang } of [{ width: 1280, lang: 'ko' as const }, { width: 360, lang: 'en' as const }]) {
    it(`the host page at ${width} px (${lang})`, async () => {
      const context = await env.browser.newContext({ viewport: { width, height: 800 }, locale: lang === 'ko' ? 'ko-KR' : 'en-US' });
      try {
        const page = await context.newPage();
        await page.goto(`${env.base}${hostPath}?lang=${lang}`);
        await looksRight(page, lang, `host-${lang}-${width}`);
      } finally {
        await context.close();
      }
    });
  }

  for (const width of [360, 1280]) {
    it(`the organizers' pages of the day and a participant's page at ${width} px (ko)`, async () => {
      day.clock = () => at('2027-07-06T09:00:00');
      const context = await env.browser.newContext({ viewport: { width, height: 800 }, locale: 'ko-KR' });
      try {
        const page = await context.newPage();
        // The participant asks to move one meeting before the cut-off: the grid shows it.
        await page.goto(`${env.base}${buyerPage}?lang=ko`);
        await looksRight(page, 'ko', `participant-ko-${width}`);
        if (width === 360) {
          await page.locator('#agenda details').filter({ hasText: '시간 변경 요청' }).first().locator('summary').click();
          await page.locator('#agenda textarea[name=note]').nth(1).fill('오후 시간이 좋겠습니다');
          await Promise.all([page.waitForURL(/done=moveRequested/), page.getByRole('button', { name: '광주모터 상담 시간 변경 요청' }).click()]);
          await looksRight(page, 'ko', `participant-moved-ko-${width}`);
        }

        await page.goto(`${env.base}/console/login?lang=ko`);
        await page.locator('input[name=email]').fill(TEST_ORGANIZER.email);
        await page.locator('input[name=password]').fill(TEST_ORGANIZER.password);
        await Promise.all([page.waitForURL(/\/console(\?|$)/), page.locator('form button[type=submit]').last().click()]);
        day.clock = () => at('2027-07-08T10:40:00');
        await page.goto(`${env.base}/console/meetings/${EDITION}/tables/T01/day?lang=ko`);
        await looksRight(page, 'ko', `console-day-ko-${width}`);
        await page.goto(`${env.base}/console/meetings/${EDITION}/grid?lang=ko`);
        await expect(page.locator('#day-overview-2027-07-08 tr[data-table="T01"]').innerText()).resolves.toMatch(/T01\s+1\s+1\s+0\s+0/);
        await expect(page.locator('#move-requests').innerText()).resolves.toContain('오후 시간이 좋겠습니다');
        await looksRight(page, 'ko', `grid-ko-${width}`);
        await page.goto(`${env.base}/console/meetings/${EDITION}/tables/T01?lang=ko`);
        await looksRight(page, 'ko', `sheet-ko-${width}`);
      } finally {
        await context.close();
      }
    });
  }
});
