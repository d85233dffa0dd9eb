import { PageClient } from './support/page-client';
import { bearer, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

const EDITION = 'green-car-2027';
const PAGE = `/fairs/${EDITION}/buyers`;
const API = `/api/editions/${EDITION}`;

/** The page's text without tags, spaces collapsed. */
const textOf = (page: string): string => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** Foreign buyers give their country, optionally their company identifier (checked against it) and the name in the other script. */
describe('export meetings: a foreign buyer’s company identity', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
    await t.http.post(`${API}/meeting-sessions`).set('Authorization', organizer).send({ day: '2027-07-08', startsAt: '10:00', endsAt: '11:00' }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const participants = async (): Promise<Array<Record<string, unknown>>> =>
    (await t.http.get(`${API}/meetings/participants`).set('Authorization', organizer).expect(200)).body as Array<Record<string, unknown>>;

  const pageForm = (page: PageClient, over: Record<string, string | string[]>): Record<string, string | string[]> => {
    const formKey = /name="formKey" value="([^"]*)"/.exec(page.lastHtml)?.[1] ?? '';
    return {
      _csrf: page.csrf(), formKey,
      companyName: 'Rheinland Antriebstechnik GmbH', alternateCompanyName: '라인란트 구동기술', country: 'DE', identifierKind: 'eu-vat',
      contactName: 'Jonas Becker', email: 'jonas.becker@rheinland-antrieb.example', interests: ['ev-powertrain'], languages: ['de', 'en'],
      days: ['2027-07-08'], locale: 'ko', ...over,
    };
  };

  it('the Korean page refuses an invalid German VAT ID with a Korean message next to the field, keeps the values, then registers the valid one', async () => {
    const page = new PageClient(t, { from: (req) => req.set('X-Forwarded-For', '10.77.0.1') });
    const form = await page.get(`${PAGE}?lang=ko`);
    expect(form.status).toBe(200);
    for (const word of ['다른 표기 이름', '회사 식별번호 종류', '유럽연합 부가가치세 번호', '사업자등록번호']) expect(textOf(form.text)).toContain(word);

    const bad = await page.post(`${PAGE}?lang=ko`, pageForm(page, { identifier: 'DE12345' }), 'ko');
    expect(bad.status).toBe(400);
    const fieldBlock = /<div class="field has-error"><label for="f-identifier">[\s\S]*?<\/div>/.exec(bad.text)?.[0] ?? '';
    expect(fieldBlock).toContain('독일(DE) 부가가치세 번호는 DE 뒤에 숫자 9자리입니다');
    expect(fieldBlock).toContain('aria-invalid="true"');
    expect(fieldBlock).toContain('value="DE12345"');
    expect(bad.text).toMatch(/class="error-summary"[\s\S]*href="#f-identifier"/);
    // No English word of the check on the Korean page.
    expect(textOf(bad.text)).not.toMatch(/VAT ID is|followed by/);
    expect((await participants()).some((p) => p.email === 'jonas.becker@rheinland-antrieb.example')).toBe(false);

    const good = await page.post(`${PAGE}?lang=ko`, pageForm(page, { identifier: 'de 123 456 789' }), 'ko');
    expect(good.status).toBe(303);
    const buyer = (await participants()).find((p) => p.email === 'jonas.becker@rheinland-antrieb.example');
    expect(buyer).toMatchObject({
      companyName: 'Rheinland Antriebstechnik GmbH', alternateCompanyName: '라인란트 구동기술', country: 'DE', identifierKind: 'eu-vat', identifier: 'DE123456789',
    });
  }, 120_000);

  it('registers through the API: a valid VAT ID is stored normalized, a wrong one or a kind that does not fit the country is a 400 naming the field, none is fine', async () => {
    const body = {
      companyName: 'Hamburg Fahrzeugteile AG', country: 'DE', contactName: 'Lena Vogt', email: 'lena.vogt@hh-teile.example',
      languages: ['de'], interests: ['auto-parts'], locale: 'en',
    };
    const post = (extra: Record<string, unknown>, ip: string) => t.http.post(`${API}/meetings/register`).set('X-Forwarded-For', ip).send({ ...body, ...extra });

    const wrong = await post({ identifierKind: 'eu-vat', identifier: 'DE1234' }, '10.77.1.1');
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('A Germany (DE) VAT ID is DE followed by 9 digits');
    const korean = await post({ identifierKind: 'kr-brn', identifier: '220-81-62517' }, '10.77.1.2');
    expect(korean.status).toBe(400);
    expect(JSON.stringify(korean.body)).toMatch(/identifier/);
    const noKind = await post({ identifier: 'DE123456789' }, '10.77.1.3');
    expect(noKind.status).toBe(400);
    expect(JSON.stringify(noKind.body)).toContain('identifierKind');

    expect((await post({ identifierKind: 'eu-vat', identifier: '987654321' }, '10.77.1.4')).status).toBe(201);
    // A Korean buyer may give its 사업자등록번호 (check digit checked); a buyer without any identifier is in too.
    expect((await post({ email: 'kim@bitgoeul.example', companyName: '빛고을무역', alternateCompanyName: 'Bitgoeul Trading', country: 'KR', identifier: '220-81-62518' }, '10.77.1.5')).status).toBe(400);
    expect((await post({ email: 'kim@bitgoeul.example', companyName: '빛고을무역', alternateCompanyName: 'Bitgoeul Trading', country: 'KR', identifier: '220-81-62517' }, '10.77.1.6')).status).toBe(201);
    expect((await post({ email: 'none@vn-parts.example', country: 'VN' }, '10.77.1.7')).status).toBe(201);

    const all = await participants();
    expect(all.find((p) => p.email === 'lena.vogt@hh-teile.example')).toMatchObject({ identifierKind: 'eu-vat', identifier: 'DE987654321' });
    expect(all.find((p) => p.email === 'kim@bitgoeul.example')).toMatchObject({ identifierKind: 'kr-brn', identifier: '2208162517', alternateCompanyName: 'Bitgoeul Trading' });
    expect(all.find((p) => p.email === 'none@vn-parts.example')).toMatchObject({ identifierKind: null, identifier: null, alternateCompanyName: null });
  }, 120_000);

  it('imports by CSV: a bad identifier is a per-line error naming the line, nothing is imported; fixed, the identities are stored', async () => {
    const header = 'company,country,contact_name,email,languages,interests,purchase_plans,alternate_company,identifier_kind,identifier';
    const lines = [
      header,
      'München Motoren GmbH,DE,Anna Weber,anna@muenchen-motoren.example,de;en,ev-powertrain,,뮌헨 모토렌,eu-vat,DE111222333',
      'Lyon Pièces SAS,FR,Paul Martin,paul@lyon-pieces.example,fr,auto-parts,,,eu-vat,FR123',
      'Osaka Parts KK,JP,Sato Ken,ken@osaka-parts.example,ja,auto-parts,,,,',
    ];
    const refused = await t.http.post(`${API}/meetings/participants/import`).set('Authorization', organizer).set('Content-Type', 'text/csv').send(lines.join('\n'));
    expect(refused.status).toBe(400);
    const errors = JSON.stringify(refused.body);
    expect(errors).toContain('line 3.identifier');
    expect(errors).toContain('A France (FR) VAT ID is FR followed by');
    expect(errors).not.toContain('line 2');
    expect((await participants()).some((p) => p.email === 'anna@muenchen-motoren.example')).toBe(false);

    lines[2] = 'Lyon Pièces SAS,FR,Paul Martin,paul@lyon-pieces.example,fr,auto-parts,,,eu-vat,FR 12 123456789';
    const imported = await t.http.post(`${API}/meetings/participants/import`).set('Authorization', organizer).set('Content-Type', 'text/csv').send(lines.join('\n'));
    expect(imported.status).toBe(201);
    const all = await participants();
    expect(all.find((p) => p.email === 'anna@muenchen-motoren.example')).toMatchObject({ alternateCompanyName: '뮌헨 모토렌', identifierKind: 'eu-vat', identifier: 'DE111222333' });
    expect(all.find((p) => p.email === 'paul@lyon-pieces.example')).toMatchObject({ identifierKind: 'eu-vat', identifier: 'FR12123456789' });
    expect(all.find((p) => p.email === 'ken@osaka-parts.example')).toMatchObject({ identifierKind: null, identifier: null });
  }, 120_000);

  it('the organizer adds a participant with an identity; the console list names the company in the reader’s language', async () => {
    const wrong = await t.http.post(`${API}/meetings/participants`).set('Authorization', organizer).send({
      side: 'buyer', companyName: 'Wien Auto GmbH', country: 'AT', contactName: 'Eva Huber', email: 'eva@wien-auto.example', languages: ['de'], interests: [],
      identifierKind: 'gb-vat', identifier: 'GB123456789',
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('A company from Austria (AT) cannot give a UK VAT number');

    const org = new PageClient(t);
    await org.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
    await org.get(`/console/meetings/${EDITION}/participants?lang=ko`);
    const bad = await org.post(`/console/meetings/${EDITION}/participants?lang=ko`, {
      _csrf: org.csrf(), side: 'buyer', companyName: 'Wien Auto GmbH', alternateCompanyName: '빈 오토', country: 'AT', identifierKind: 'eu-vat', identifier: 'ATU123',
      contactName: 'Eva Huber', email: 'eva@wien-auto.example', languages: 'de', locale: 'ko',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/id="err-identifier">회사 식별번호가/);
    const added = await org.post(`/console/meetings/${EDITION}/participants?lang=ko`, {
      _csrf: org.csrf(), side: 'buyer', companyName: 'Wien Auto GmbH', alternateCompanyName: '빈 오토', country: 'AT', identifierKind: 'eu-vat', identifier: 'ATU12345678',
      contactName: 'Eva Huber', email: 'eva@wien-auto.example', languages: 'de', locale: 'ko',
    });
    expect(added.status).toBe(303);

    const ko = textOf((await org.get(`/console/meetings/${EDITION}/participants?lang=ko`)).text);
    expect(ko).toContain('빈 오토');
    expect(ko).toContain('라인란트 구동기술');
    expect(ko).toContain('유럽연합 부가가치세 번호: ATU12345678');
    expect(ko).toContain('오스트리아 (AT)');
    const en = textOf((await org.get(`/console/meetings/${EDITION}/participants?lang=en`, 'en')).text);
    expect(en).toContain('Wien Auto GmbH');
    expect(en).toContain('Bitgoeul Trading');
    expect(en).not.toContain('빈 오토');
  }, 120_000);
});
