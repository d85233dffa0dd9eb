/**
 * The billing pages in Chromium at 360 px: the console's 청구·입금 page of an edition and one
 * invoice, the exhibitor's invoice page — no sideways scrolling, no AM/PM on Korean pages, every
 * link answers. Replay: npx jest test/billing.browser.e2e-spec.ts (SHOTS_DIR=/tmp/shots/billing keeps screenshots)
 */
import type { BrowserContext } from 'playwright-core';
import { expectPageWorks, saveScreenshot, useBrowserApp } from './support/browser';
import { newApplicationForm, signUpExhibitor } from './support/exhibitors';
import { bearer } from './support/test-app';

const EDITION = 'ppuri-2027';

describe('billing pages in a browser at 360 px', () => {
  const env = useBrowserApp();
  let organizer: BrowserContext;
  let exhibitor: BrowserContext;
  let applicationId: string;
  let invoiceId: string;
  const seen = new Set<string>();

  beforeAll(async () => {
    const api = await bearer(env.t);
    const ex = await signUpExhibitor(env.t);
    await env.t.http.put('/api/company/billing-profile').set('Authorization', ex.auth)
      .send({ legalName: '빛고을정밀(주)', representative: '김민준', address: '광주광역시 광산구 하남산단6번로 107', businessType: '제조업', businessItem: '자동차 부품', invoiceEmail: `tax-${process.pid}@bitgoeul.example` })
      .expect(200);
    const res = await env.t.http.post('/api/company/applications').set('Authorization', ex.auth).send(newApplicationForm({ submit: true, booth: { type: 'shell_scheme', count: 2 } })).expect(201);
    applicationId = res.body.id as string;
    await env.t.http.post(`/api/organizer/applications/${applicationId}/approve`).set('Authorization', api).send({}).expect(200);
    invoiceId = (await env.t.http.post(`/api/editions/${EDITION}/invoices`).set('Authorization', api).send({ applicationId }).expect(201)).body.id as string;
    await env.t.http.post(`/api/editions/${EDITION}/invoices/${invoiceId}/payments`).set('Authorization', api)
      .send({ kind: 'payment', amountKrw: 1_000_000, receivedOn: '2026-12-01', payerName: '빛고을정밀' }).expect(201);

    organizer = await env.browser.newContext({ locale: 'ko-KR' });
    await organizer.addCookies([{ name: 'fairgate_session', value: api.slice('Bearer '.length), url: env.base }]);
    exhibitor = await env.browser.newContext({ locale: 'ko-KR' });
    await exhibitor.addCookies([{ name: 'fairgate_session', value: ex.auth.slice('Bearer '.length), url: `${env.base}/exhibitor` }]);
  }, 120_000);
  afterAll(async () => {
    await organizer?.close();
    await exhibitor?.close();
  });

  it('the console billing page and an invoice: 360 px, Korean, every link answers; the payment form keeps values and shows errors by the fields', async () => {
    const page = await organizer.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    expect((await page.goto(`${env.base}/console/billing/${EDITION}?lang=ko`))?.status()).toBe(200);
    expect(await page.textContent('nav.sections [aria-current="page"]')).toBe('청구·입금');
    await expectPageWorks(page, { lang: 'ko', name: 'console billing', seen, links: 'main a[href]:not([href$=".csv"])' });
    await saveScreenshot(page, 'billing-console-360');

    expect((await page.goto(`${env.base}/console/billing/${EDITION}/invoices/${invoiceId}?lang=ko`))?.status()).toBe(200);
    await expectPageWorks(page, { lang: 'ko', name: 'console invoice', seen, links: 'main a[href]:not([href$="/pdf"])' });
    await page.fill('#f-amountKrw', '십만원');
    await page.fill('#f-payerName', '');
    await page.click('form[action$="/payments"] button[type=submit]');
    await page.waitForSelector('#error-summary');
    expect(await page.inputValue('#f-amountKrw')).toBe('십만원');
    expect(await page.getAttribute('#f-amountKrw', 'aria-invalid')).toBe('true');
    await expectPageWorks(page, { lang: 'ko', name: 'console invoice with errors', seen, links: 'main a[href]:not([href$="/pdf"])' });
    await saveScreenshot(page, 'billing-invoice-errors-360');
    await page.close();
  }, 120_000);

  it('the exhibitor invoice page: 360 px, Korean, status and payments, every link answers (the PDF too)', async () => {
    const page = await exhibitor.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    expect((await page.goto(`${env.base}/exhibitor/applications/${applicationId}/invoice?lang=ko`))?.status()).toBe(200);
    expect(await page.textContent('main')).toContain('일부 입금');
    await expectPageWorks(page, { lang: 'ko', name: 'exhibitor invoice', seen, links: 'main a[href]' });
    await saveScreenshot(page, 'billing-exhibitor-invoice-360');
    await page.close();
  }, 120_000);

  it('the exhibitor tax-details page: 360 px, Korean, errors by the fields with the values kept, every link answers', async () => {
    const page = await exhibitor.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    expect((await page.goto(`${env.base}/exhibitor/billing-profile?lang=ko`))?.status()).toBe(200);
    expect(await page.inputValue('#f-representative')).toBe('김민준');
    await expectPageWorks(page, { lang: 'ko', name: 'exhibitor tax details', seen, links: 'main a[href]' });
    await page.fill('#f-businessItem', '');
    await page.fill('#f-invoiceEmail', 'not-an-address');
    await page.click('form[action^="/exhibitor/billing-profile"] button[type=submit]');
    await page.waitForSelector('#error-summary');
    expect(await page.inputValue('#f-invoiceEmail')).toBe('not-an-address');
    expect(await page.getAttribute('#f-businessItem', 'aria-invalid')).toBe('true');
    await expectPageWorks(page, { lang: 'ko', name: 'exhibitor tax details with errors', seen, links: 'main a[href]' });
    await saveScreenshot(page, 'billing-profile-errors-360');
    await page.close();
  }, 120_000);
});
