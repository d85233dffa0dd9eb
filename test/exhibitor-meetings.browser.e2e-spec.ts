import { newBusinessRegistrationNumber } from './support/factories';
import { signUpExhibitor } from './support/exhibitors';
import { looksRight, useBrowserApp } from './support/browser';
import { bearer } from './support/test-app';

/*
 * An exhibitor in a real browser (issue 16, item 6): from its dashboard to /exhibitor/meetings,
 * joins Green Car 2027's export meetings (once with a mistake, then right), a buyer requests it,
 * and it accepts on its page. At 360 and 1280 px in Korean, once in English: no sideways scrolling,
 * no AM/PM on a Korean page, every link of every visited page answers below 400.
 */

const EDITION = 'green-car-2027';
const API = `/api/editions/${EDITION}/meetings`;
const BUYER = 'Saigon Battery JSC';

describe('an exhibitor joins the export meetings in a browser', () => {
  const env = useBrowserApp();
  let organizer: string;
  let buyerId: string;

  beforeAll(async () => {
    organizer = await bearer(env.t);
    await env.t.http.post(`/api/editions/${EDITION}/meeting-sessions`).set('Authorization', organizer)
      .send({ day: '2027-07-08', startsAt: '14:00', endsAt: '15:00' }).expect(201);
    await env.t.http.put(`${API}/tables`).set('Authorization', organizer).send({ codes: ['T01'] }).expect(200);
    buyerId = (await env.t.http.post(`${API}/participants`).set('Authorization', organizer)
      .send({ side: 'buyer', companyName: BUYER, country: 'VN', contactName: 'Nguyen An', email: 'an@saigon-battery.example', languages: ['vi', 'en'], interests: ['battery-charging'] })
      .expect(201)).body.id;
  });

  /** A company with an approved application to Green Car 2027 (battery products), logged in. */
  async function approvedExhibitor(name: string): Promise<{ session: string; contactEmail: string }> {
    const x = await signUpExhibitor(env.t);
    const contactEmail = `contact-${x.companyId.slice(0, 8)}@exhibitor.example`;
    await env.t.db.pool.query(
      `INSERT INTO exhibitor_applications (edition_id, status, company_id, company_name, business_registration_number, company_country, company_address,
              contact_name, contact_email, contact_phone, booth_type, booth_count, product_categories, locale)
       SELECT e.id, 'approved', $2, $3, $4, 'KR', '광주광역시 북구', '박지은', $5, '+82 62-600-1234', 'shell_scheme', 1, '{battery-charging}', 'ko'
         FROM fair_editions e WHERE e.code = $1`,
      [EDITION, x.companyId, name, newBusinessRegistrationNumber(), contactEmail],
    );
    return { session: x.auth.slice('Bearer '.length), contactEmail };
  }

  const runs = [
    { width: 360, lang: 'ko' as const },
    { width: 1280, lang: 'ko' as const },
    { width: 360, lang: 'en' as const },
  ];

  for (const { width, lang } of runs) {
    it(`joins from the dashboard, fixes a mistake, and accepts a buyer's request (${lang}, ${width} px)`, async () => {
      const ko = lang === 'ko';
      const tag = `${lang}-${width}`;
      const company = `빛고을 배터리 ${tag}`;
      const me = await approvedExhibitor(company);
      const context = await env.browser.newContext({ viewport: { width, height: 800 }, locale: ko ? 'ko-KR' : 'en-US' });
      try {
        // As the exhibitor login sets it: only under /exhibitor (the console link of the site frame goes to the console's own login).
        await context.addCookies([{ name: 'fairgate_session', value: me.session, domain: '127.0.0.1', path: '/exhibitor' }]);
        const page = await context.newPage();
        await page.goto(`${env.base}/exhibitor?lang=${lang}`);
        await Promise.all([page.waitForURL(/\/exhibitor\/meetings\?lang=/), page.getByRole('link', { name: ko ? '수출상담회 참여와 바이어 상담 신청' : 'Join the export meetings and meet buyers' }).click()]);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(ko ? '수출상담회 참여' : 'Export meetings');
        await looksRight(page, lang, `list-${tag}`);

        await Promise.all([page.waitForURL(/\/exhibitor\/meetings\/green-car-2027\?lang=/), page.getByRole('link', { name: ko ? '2027 국제그린카산업전시회' : /Green Car/ }).click()]);
        await expect(page.getByLabel(ko ? '담당자 이메일' : 'Contact email').inputValue()).resolves.toBe(me.contactEmail);
        await expect(page.getByRole('checkbox', { name: ko ? '배터리·충전' : /Batter/ }).isChecked()).resolves.toBe(true);
        await looksRight(page, lang, `form-${tag}`);

        // First with a mistake: the error on top with a link, at the field, in the error colour; the values kept.
        await page.getByLabel(ko ? '담당자 이메일' : 'Contact email').fill('not-an-email');
        await Promise.all([page.waitForURL(/\/opt-in\?lang=/), page.getByRole('button', { name: ko ? '수출상담회 참여 신청' : 'Join the export meetings' }).click()]);
        await expect(page.locator('.errors').getByRole('link').count()).resolves.toBe(1);
        await expect(page.evaluate<string>(`getComputedStyle(document.getElementById('e-email')).color`)).resolves.toBe('rgb(180, 35, 24)');
        await expect(page.getByLabel(ko ? '담당자 이메일' : 'Contact email').inputValue()).resolves.toBe('not-an-email');
        await looksRight(page, lang, `form-errors-${tag}`);
        await page.locator('.errors').getByRole('link').click();
        await expect(page.evaluate<string>('document.activeElement.id')).resolves.toBe('f-email');

        // Then right: joined, with the buyer among the suggestions.
        await page.getByLabel(ko ? '담당자 이메일' : 'Contact email').fill(me.contactEmail);
        await Promise.all([page.waitForURL(/done=joined/), page.getByRole('button', { name: ko ? '수출상담회 참여 신청' : 'Join the export meetings' }).click()]);
        await expect(page.getByRole('status').first().textContent()).resolves.toContain(ko ? '수출상담회 참여가 등록되었습니다' : 'You joined the export meetings');
        await expect(page.locator('#suggestions').textContent()).resolves.toContain(BUYER);
        await looksRight(page, lang, `joined-${tag}`);

        // The buyer requests it; the exhibitor accepts on its page.
        const { rows } = await env.t.db.pool.query(`SELECT p.id FROM meeting_participants p WHERE p.company_name = $1`, [company]);
        await env.t.http.post(`${API}/requests`).set('Authorization', organizer).send({ buyer: buyerId, exhibitor: rows[0].id, priority: 'must', requestedBy: 'buyer' }).expect(201);
        await page.reload();
        const accept = page.getByRole('button', { name: ko ? `${BUYER}의 상담 신청 수락` : `Accept the request from ${BUYER}` });
        await looksRight(page, lang, `request-${tag}`);
        await Promise.all([page.waitForURL(/done=accepted/), accept.click()]);
        await expect(page.getByRole('status').first().textContent()).resolves.toContain(ko ? '상담 신청을 수락했습니다' : 'accepted');
        await looksRight(page, lang, `accepted-${tag}`);
      } finally {
        await context.close();
      }
    });
  }
});
