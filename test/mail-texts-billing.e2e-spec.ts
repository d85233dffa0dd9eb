/**
 * An edition's edited payment-received text is what the exhibitor's invoice email receives: the
 * organizer saves it through the mail-texts API, records a payment, and the mail that arrives
 * carries the new subject and words with the values filled in (escaped in HTML), and the table of
 * amounts the code keeps.
 * Replay: npx jest test/mail-texts-billing.e2e-spec.ts
 */
import { newApplicationForm, signUpExhibitor } from './support/exhibitors';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';

const EDITION = 'ppuri-2027';

describe('editable billing mails', () => {
  let t: TestApp;
  let api: string;

  beforeAll(async () => {
    t = await startTestApp();
    api = await bearer(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('sends the edition\'s edited payment-received text with the payment\'s values', async () => {
    const ex = await signUpExhibitor(t, {});
    const form = newApplicationForm({ submit: true, booth: { type: 'shell_scheme', count: 1 } });
    const app = await t.http.post('/api/company/applications').set('Authorization', ex.auth).send(form).expect(201);
    await t.http.post(`/api/organizer/applications/${app.body.id as string}/approve`).set('Authorization', api).send({}).expect(200);
    const invoiceEmail = `paid-${process.pid}@bitgoeul.example`;
    await t.http.put('/api/company/billing-profile').set('Authorization', ex.auth)
      .send({ legalName: '빛고을정밀(주)', representative: '김민준', address: '광주광역시 광산구 하남산단6번로 107', businessType: '제조업', businessItem: '자동차 부품', invoiceEmail })
      .expect(200);

    const texts = { ko: '입금 고맙습니다', en: 'Thanks for paying' };
    for (const locale of ['ko', 'en'] as const) {
      await t.http.put(`/api/editions/${EDITION}/mail-texts/billing.payment-received/${locale}`).set('Authorization', api)
        .send({ subject: `${texts[locale]} {{invoice_number}} <b>`, body: `**{{amount}}** — {{company_name}}\n\n{{invoice_url}}` })
        .expect(200);
    }
    // Without the invoice link the save is refused.
    await t.http.put(`/api/editions/${EDITION}/mail-texts/billing.payment-received/ko`).set('Authorization', api).send({ subject: 'x', body: '{{amount}}' }).expect(400);

    const issued = await t.http.post(`/api/editions/${EDITION}/invoices`).set('Authorization', api).send({ applicationId: app.body.id }).expect(201);
    const number = issued.body.number as string;
    await t.http.post(`/api/editions/${EDITION}/invoices/${issued.body.id as string}/payments`).set('Authorization', api)
      .send({ kind: 'payment', amountKrw: 1_234_000, receivedOn: '2026-12-01', payerName: '빛고을정밀' }).expect(201);

    const [mail] = await eventually(
      () => Promise.resolve(t.smtp.received.filter((m) => m.envelopeTo.includes(invoiceEmail) && (m.parsed.subject ?? '').includes(number) && /고맙습니다|Thanks/.test(m.parsed.subject ?? ''))),
      (l) => l.length >= 1,
    );
    expect(mail.parsed.subject).toMatch(new RegExp(`^(입금 고맙습니다|Thanks for paying) ${number} <b>$`));
    const text = mail.parsed.text ?? '';
    expect(text).toMatch(/1,234,000|KRW 1,234,000/);
    expect(text).toContain(`/exhibitor/applications/${app.body.id as string}/invoice`);
    const html = String(mail.parsed.html);
    expect(html).toMatch(/<strong>(1,234,000원|KRW 1,234,000)<\/strong>/);
    expect(html).toContain(`/exhibitor/applications/${app.body.id as string}/invoice</a>`);
    // The code's table stays under the edited words.
    expect(html).toMatch(/<table[^>]*>.*(입금액|Amount received)/s);
    // The default lead is gone.
    expect(text).not.toMatch(/입금을 확인했습니다|We have received a payment/);
  }, 120_000);
});
