import { CompaniesService } from '../src/modules/exhibitors/companies/companies.service';
import { linkToken, mailTo, newApplicationForm, newSignUp } from './support/exhibitors';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { PageClient } from './support/page-client';
import { bearer, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

/**
 * International exhibitors (issue 15 part 2): a Vietnamese and a German company sign up with their
 * own identifiers, apply and show up in the console; a Korean company still needs a valid
 * 사업자등록번호; one confirmed company per (country, kind, identifier), under a race.
 */
describe('international companies', () => {
  let t: TestApp;
  let serial = 0;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    CompaniesService.testSwitches.skipClaimGuard = false;
    await t?.close();
  });

  const unique = (): string => `${process.pid % 1000}${++serial}${Date.now() % 100000}`.padStart(9, '0').slice(-9);
  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await t.db.pool.query<{ n: string }>(sql, params)).rows[0].n);

  const german = (vat = `DE${unique()}`): Record<string, unknown> => ({
    name: 'Müller Antriebstechnik GmbH', alternateName: '뮐러 구동기술', country: 'DE', identifierKind: 'eu-vat', identifier: vat,
    address: 'Industriestraße 12, 70565 Stuttgart',
  });
  const vietnamese = (): Record<string, unknown> => ({
    name: 'Saigon Auto Parts JSC', country: 'VN', identifierKind: 'tax', identifier: `03${unique()}`.slice(0, 10), address: '12 Nguyen Hue, District 1, Ho Chi Minh City',
  });

  async function confirm(email: string): Promise<number> {
    const token = linkToken(await mailTo(t, email, /confirm/i), '/exhibitor/confirm-email');
    return (await t.http.post('/api/exhibitor-accounts/confirm-email').send({ token })).status;
  }

  async function signUpAndLogin(company: Record<string, unknown>): Promise<{ auth: string; body: Record<string, unknown> }> {
    const body = newSignUp({ company });
    const res = await t.http.post('/api/exhibitor-accounts').send(body).expect(201);
    expect(await confirm(body.email)).toBe(204);
    const login = await t.http.post('/api/auth/login').send({ email: body.email, password: body.password }).expect(200);
    return { auth: `Bearer ${login.body.token as string}`, body: res.body as Record<string, unknown> };
  }

  it('a Vietnamese and a German company sign up through the API, apply, and show up in the console in the reader\'s language', async () => {
    const vn = await signUpAndLogin(vietnamese());
    expect(vn.body.company).toMatchObject({ country: 'VN', identifierKind: 'tax', businessRegistrationNumber: null, alternateName: null });
    const vat = `de ${unique()}`;
    const de = await signUpAndLogin(german(vat));
    expect(de.body.company).toMatchObject({ country: 'DE', identifierKind: 'eu-vat', identifier: `DE${vat.slice(3)}`, alternateName: '뮐러 구동기술' });

    const ids: string[] = [];
    for (const ex of [vn, de]) {
      const app = await t.http.post('/api/company/applications').set('Authorization', ex.auth).send(newApplicationForm({ submit: true })).expect(201);
      expect(app.body).toMatchObject({ status: 'submitted', companyIdentifierKind: (ex.body.company as { identifierKind: string }).identifierKind, businessRegistrationNumber: null });
      ids.push(app.body.id as string);
    }
    // A second application of the same company for the edition is still refused.
    await t.http.post('/api/company/applications').set('Authorization', de.auth).send(newApplicationForm({ submit: true })).expect(409);

    const org = await bearer(t);
    const list = await t.http.get('/api/organizer/applications?edition=ppuri-2027&country=DE&pageSize=100').set('Authorization', org).expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(ids[1]);

    const console = new PageClient(t);
    await console.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
    const ko = await console.get(`/console/applications/${ids[1]}`, 'ko');
    expect(ko.status).toBe(200);
    expect(ko.text).toContain('<h1>뮐러 구동기술');
    expect(ko.text).toContain('부가가치세 번호');
    expect(ko.text).toContain('독일 (DE)');
    const en = await console.get(`/console/applications/${ids[1]}`, 'en');
    expect(en.text).toContain('<h1>Müller Antriebstechnik GmbH');
    const vnPage = await console.get(`/console/applications/${ids[0]}`, 'ko');
    expect(vnPage.text).toContain('Saigon Auto Parts JSC');
    expect(vnPage.text).toContain('베트남 (VN)');
    const csv = await console.get('/console/applications/export.csv?edition=ppuri-2027&country=DE', 'ko');
    expect(csv.text).toContain('뮐러 구동기술');
    expect(csv.text).toMatch(/eu-vat,DE\d{9}/);
  });

  it('still refuses a Korean company without a valid 사업자등록번호, and foreign identifiers in the wrong format, field by field', async () => {
    const kr = await t.http.post('/api/exhibitor-accounts').send(newSignUp({ company: { name: '광주정밀', country: 'KR', address: '광주', businessRegistrationNumber: '220-81-62518' } })).expect(400);
    expect(kr.body.errors).toEqual([{ field: 'company.businessRegistrationNumber', messages: [expect.stringMatching(/check digit/)] }]);
    const krMissing = await t.http.post('/api/exhibitor-accounts').send(newSignUp({ company: { name: '광주정밀', country: 'KR', address: '광주' } })).expect(400);
    expect(krMissing.body.errors[0].field).toBe('company.businessRegistrationNumber');
    const krAsTax = await t.http.post('/api/exhibitor-accounts').send(newSignUp({ company: { name: '광주정밀', country: 'KR', address: '광주', identifierKind: 'tax', identifier: 'ABC123' } })).expect(400);
    expect(krAsTax.body.errors[0].field).toBe('company.identifierKind');

    const badVat = await t.http.post('/api/exhibitor-accounts').send(newSignUp({ company: german('DE12345') })).expect(400);
    expect(badVat.body.errors).toEqual([{ field: 'company.identifier', messages: ['A Germany (DE) VAT ID is DE followed by 9 digits'] }]);
    const noKind = await t.http.post('/api/exhibitor-accounts').send(newSignUp({ company: { ...vietnamese(), identifierKind: undefined } })).expect(400);
    expect(noKind.body.errors[0].field).toBe('company.identifierKind');
    const brnAbroad = await t.http.post('/api/exhibitor-accounts').send(newSignUp({ company: { ...vietnamese(), businessRegistrationNumber: '220-81-62517' } })).expect(400);
    expect(brnAbroad.body.errors[0].field).toBe('company.businessRegistrationNumber');
    const sameScript = await t.http.post('/api/exhibitor-accounts').send(newSignUp({ company: { ...vietnamese(), alternateName: 'Saigon Auto' } })).expect(400);
    expect(sameScript.body.errors[0].field).toBe('company.alternateName');
  });

  it('anonymous registration takes a foreign company too, once per edition and identifier', async () => {
    const company = german();
    const body = newExhibitorApplication({ company });
    const first = await t.http.post(registrationPath()).send(body).expect(201);
    expect(first.body).toMatchObject({ businessRegistrationNumber: null, companyIdentifierKind: 'eu-vat', companyIdentifier: company.identifier });
    const again = await t.http.post(registrationPath()).send({ ...body, company: { ...company, identifier: `${String(company.identifier).slice(2)}` } }).expect(409);
    expect(again.body.existingApplicationId).toBe(first.body.id);
  });

  it('a German and a Vietnamese company sign up through the page: the hint and the error follow the country, in the page\'s language', async () => {
    const c = new PageClient(t);
    const form = await c.get('/exhibitor/sign-up', 'ko');
    expect(form.text).toContain('<option value="DE">독일 (DE)</option>');
    const vat = unique();
    const fields = {
      companyName: 'Müller Antriebstechnik GmbH', alternateName: '뮐러 구동기술', country: 'DE', countryOther: '', brn: '', identifierKind: 'eu-vat', identifier: 'DE12345',
      address: 'Industriestraße 12, 70565 Stuttgart', website: '', displayName: 'Anna Müller', email: `anna-${vat}@mueller.example`, password: 'kimchi-fried-rice-2027', language: 'en',
    };
    const refused = await c.post('/exhibitor/sign-up', { _csrf: c.csrf(), ...fields }, 'ko');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('<div class="error" id="f-identifier-error">독일(DE) 부가가치세 번호는 DE 뒤에 숫자 9자리입니다</div>');
    expect(refused.text).toContain('독일(DE) 부가가치세 번호는 DE 뒤에 숫자 9자리입니다. 없으면');
    expect(refused.text).toContain('<option value="DE" selected>독일 (DE)</option>');
    expect(refused.text).toContain('value="뮐러 구동기술"');
    const english = await c.post('/exhibitor/sign-up', { _csrf: c.csrf(), ...fields }, 'en');
    expect(english.text).toContain('id="f-identifier-error">A Germany (DE) VAT ID is DE followed by 9 digits</div>');

    const done = await c.post('/exhibitor/sign-up', { _csrf: c.csrf(), ...fields, identifier: `DE ${vat}` }, 'ko');
    expect(done.status).toBe(200);
    expect(done.text).toContain('이메일을 확인해 주세요');
    expect(await count(`SELECT count(*) AS n FROM companies WHERE country = 'DE' AND identifier = $1 AND alternate_name = '뮐러 구동기술'`, [`DE${vat}`])).toBe(1);

    const v = new PageClient(t);
    await v.get('/exhibitor/sign-up', 'en');
    const vn = await v.post('/exhibitor/sign-up', {
      _csrf: v.csrf(), ...fields, companyName: 'Saigon Auto Parts JSC', alternateName: '', country: 'VN', identifierKind: 'tax', identifier: `0312${vat}`,
      brn: '220-81-62517', email: `an-${vat}@saigon-auto.example`, address: '12 Nguyen Hue, Ho Chi Minh City',
    }, 'en');
    expect(vn.status).toBe(200);
    // The 사업자등록번호 typed by mistake into the Korean part is not sent for a Vietnamese company.
    expect(await count(`SELECT count(*) AS n FROM companies WHERE country = 'VN' AND identifier_kind = 'tax' AND identifier = $1 AND business_registration_number IS NULL`, [`0312${vat}`])).toBe(1);

    const kr = await v.post('/exhibitor/sign-up', { _csrf: v.csrf(), ...fields, country: 'KR', brn: '220-81-62518', email: `kr-${vat}@x.example` }, 'ko');
    expect(kr.status).toBe(400);
    expect(kr.text).toContain('id="f-brn-error">사업자등록번호 10자리를 확인해 주세요');
  });

  /** 10 sign-ups of one foreign identifier, then their 10 confirmations at once; answers the confirmation statuses. */
  async function raceForIdentifier(vat: string): Promise<number[]> {
    const bodies = Array.from({ length: 10 }, () => newSignUp({ company: german(vat) }));
    const answers = await Promise.all(bodies.map((b) => t.http.post('/api/exhibitor-accounts').send(b)));
    expect(answers.map((a) => a.status)).toEqual(Array<number>(10).fill(201)); // unconfirmed sign-ups hold nothing
    return Promise.all(bodies.map((b) => confirm(b.email)));
  }
  const confirmedHolders = (vat: string): Promise<number> =>
    count(`SELECT count(*) AS n FROM companies WHERE country = 'DE' AND identifier_kind = 'eu-vat' AND identifier = $1 AND confirmed_at IS NOT NULL`, [vat]);

  it('10 concurrent confirmations of one German VAT ID: exactly one company holds it; a later sign-up is refused', async () => {
    const vat = `DE${unique()}`;
    const statuses = await raceForIdentifier(vat);
    expect(statuses.sort()).toEqual([204, ...Array<number>(9).fill(409)]);
    expect(await confirmedHolders(vat)).toBe(1);
    const later = await t.http.post('/api/exhibitor-accounts').send(newSignUp({ company: german(vat.toLowerCase()) })).expect(409);
    expect(later.body.errors[0].field).toBe('company.identifier');
    await expect(t.db.pool.query(`UPDATE companies SET confirmed_at = now() WHERE identifier = $1 AND confirmed_at IS NULL`, [vat]))
      .rejects.toMatchObject({ code: '23505', constraint: 'companies_identifier_key' });
  });

  it('negative control: without the claim guard and the unique key, the same race confirms several companies', async () => {
    await t.db.pool.query(`DROP INDEX companies_identifier_key`);
    CompaniesService.testSwitches.skipClaimGuard = true;
    try {
      const vat = `DE${unique()}`;
      const statuses = await raceForIdentifier(vat);
      const holders = await confirmedHolders(vat);
      console.log(`negative control: ${statuses.filter((s) => s === 204).length} of 10 confirmations went through, ${holders} companies hold ${vat}`);
      expect(holders).toBeGreaterThan(1);
    } finally {
      CompaniesService.testSwitches.skipClaimGuard = false;
    }
  });
});
