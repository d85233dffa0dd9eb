/**
 * The exhibitor's tax-details page (세금계산서 정보): reached from the dashboard and the invoice page,
 * refused fields shown next to each field and summarised on top with the values kept, saved
 * details shown again, on the invoice issued afterwards and on the organizer's invoice page.
 * Replay: npx jest test/billing-profile.e2e-spec.ts
 */
import { newApplicationForm, signUpExhibitor } from './support/exhibitors';
import { PageClient } from './support/page-client';
import { bearer, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

const EDITION = 'ppuri-2027';

describe('exhibitor tax-details page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('is linked from the dashboard and the invoice page, refuses missing 세금계산서 fields next to them with values kept, saves, and the organizer\'s invoice shows it', async () => {
    const api = await bearer(t);
    const ex = await signUpExhibitor(t);
    const app = await t.http.post('/api/company/applications').set('Authorization', ex.auth).send(newApplicationForm({ submit: true, booth: { type: 'shell_scheme', count: 1 } })).expect(201);
    const applicationId = app.body.id as string;
    await t.http.post(`/api/organizer/applications/${applicationId}/approve`).set('Authorization', api).send({}).expect(200);

    const page = new PageClient(t);
    await page.login(ex.email, ex.password, '/exhibitor/login');
    expect((await page.get('/exhibitor?lang=ko')).text).toContain('href="/exhibitor/billing-profile?lang=ko"');
    expect((await page.get(`/exhibitor/applications/${applicationId}/invoice?lang=ko`)).text).toContain('href="/exhibitor/billing-profile?lang=ko"');

    const empty = await page.get('/exhibitor/billing-profile?lang=ko');
    expect(empty.status).toBe(200);
    for (const label of ['세금계산서 정보', '대표자 성명', '업태', '종목', '사업장 주소', '세금계산서 받을 이메일']) expect(empty.text).toContain(label);
    expect(empty.text).not.toContain('id="f-taxId"'); // a Korean company has a 사업자등록번호, no VAT id

    const bad = await page.post('/exhibitor/billing-profile?lang=ko', {
      _csrf: page.csrf(), legalName: '빛고을정밀(주)', representative: '', businessType: '제조업', businessItem: '', address: '광주광역시 광산구 하남산단6번로 107', invoiceEmail: 'tax-at-bitgoeul',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="error-summary"');
    expect(bad.text).toMatch(/id="f-representative"[^>]*aria-invalid="true"/);
    expect(bad.text).toMatch(/id="f-businessItem"[^>]*aria-invalid="true"/);
    expect(bad.text).toMatch(/id="f-invoiceEmail"[^>]*aria-invalid="true"/);
    expect(bad.text).toContain('세금계산서에는 대표자 성명이 필요합니다.');
    expect(bad.text).toContain('href="#f-businessItem"');
    expect(bad.text).toContain('value="tax-at-bitgoeul"');
    expect(bad.text).toContain('value="제조업"');
    expect(bad.text).not.toMatch(/\b(Enter|Give|Shorten)\b/); // no English on the Korean page

    const invoiceEmail = `tax-form-${process.pid}@bitgoeul.example`;
    const ok = await page.post('/exhibitor/billing-profile?lang=ko', {
      _csrf: page.csrf(), legalName: '빛고을정밀(주)', representative: '김민준', businessType: '제조업', businessItem: '자동차 부품 <주조>', address: '광주광역시 광산구 하남산단6번로 107', invoiceEmail,
    });
    expect(ok.status).toBe(303);
    const saved = await page.get(ok.headers.location);
    expect(saved.text).toContain('세금계산서 정보를 저장했습니다.');
    expect(saved.text).toContain('value="자동차 부품 &lt;주조&gt;"');
    const api2 = await t.http.get('/api/company/billing-profile').set('Authorization', ex.auth).expect(200);
    expect(api2.body).toMatchObject({ representative: '김민준', businessType: '제조업', businessItem: '자동차 부품 <주조>', invoiceEmail });

    const english = await page.get('/exhibitor/billing-profile?lang=en');
    expect(english.text).toContain('Tax details for invoices');
    expect(english.text).toContain('Representative');

    // The invoice issued now carries what the company entered; the organizer's invoice page shows it.
    const issued = await t.http.post(`/api/editions/${EDITION}/invoices`).set('Authorization', api).send({ applicationId }).expect(201);
    const org = new PageClient(t);
    await org.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
    const consoleInvoice = await org.get(`/console/billing/${EDITION}/invoices/${issued.body.id as string}?lang=ko`);
    expect(consoleInvoice.status).toBe(200);
    for (const value of ['빛고을정밀(주)', '김민준', '제조업', '자동차 부품 &lt;주조&gt;', '광주광역시 광산구 하남산단6번로 107']) expect(consoleInvoice.text).toContain(value);
  }, 120_000);

  it('sends a visitor without a login to the exhibitor login', async () => {
    const res = await new PageClient(t).get('/exhibitor/billing-profile');
    expect([302, 303]).toContain(res.status);
    expect(res.headers.location).toMatch(/\/exhibitor\/login/);
  });
});
