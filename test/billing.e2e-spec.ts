/**
 * Billing end to end: the quote on approval, the invoice (number, mail, page, PDF with Hangul),
 * payments (partial, idempotent by Idempotency-Key and by reference), refunds by the terms,
 * reminders once per step, the console's billing pages, and the races with their negative controls:
 *   - numbering: concurrent issues get gapless unique numbers; without the counter row (max + 1) they collide;
 *   - payments: 20 concurrent identical POSTs make one row; without the unique key more than one;
 *   - reminders: two concurrent sweeps send one reminder; without the (invoice, step) key two.
 * Replay: npx jest test/billing.e2e-spec.ts
 */
import { BillingService } from '../src/modules/exhibitors/billing/billing.service';
import { mailTo, newApplicationForm, newSignUp, signUpExhibitor, type Exhibitor } from './support/exhibitors';
import { PageClient } from './support/page-client';
import { readPdf } from './support/pdf';
import { bearer, eventually, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

const EDITION = 'ppuri-2027';
const won = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The text a PDF draws, its pages as one text, and its fonts. */
async function readPdfText(buf: Buffer): Promise<{ pages: number; text: string; fonts: Array<{ name: string; embedded: boolean }> }> {
  const pdf = await readPdf(buf);
  return { pages: pdf.pages, text: pdf.texts.join('\n'), fonts: pdf.fonts };
}

describe('billing', () => {
  let t: TestApp;
  let api: string;
  const rows = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => (await t.db.pool.query(sql, params)).rows as T[];

  beforeAll(async () => {
    t = await startTestApp();
    api = await bearer(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  /** A company with an approved application (shell scheme, `count` units); the quote mail has gone out. */
  async function approved(count = 2, overrides: Record<string, unknown> = {}): Promise<{ ex: Exhibitor; id: string; contact: string }> {
    const ex = await signUpExhibitor(t, overrides);
    const form = newApplicationForm({ submit: true, booth: { type: 'shell_scheme', count } });
    const res = await t.http.post('/api/company/applications').set('Authorization', ex.auth).send(form).expect(201);
    await t.http.post(`/api/organizer/applications/${res.body.id as string}/approve`).set('Authorization', api).send({}).expect(200);
    return { ex, id: res.body.id as string, contact: (form.contact as { email: string }).email };
  }

  const issue = (applicationId: string) => t.http.post(`/api/editions/${EDITION}/invoices`).set('Authorization', api).send({ applicationId });
  const pay = (invoiceId: string, body: Record<string, unknown>, key?: string) => {
    const r = t.http.post(`/api/editions/${EDITION}/invoices/${invoiceId}/payments`).set('Authorization', api);
    return (key ? r.set('Idempotency-Key', key) : r).send(body);
  };

  it('quotes on approval, invoices with both parties’ tax details, takes partial and repeated payments once, refunds only after a cancellation', async () => {
    const { ex, id, contact } = await approved(2);
    // The exhibitor's tax details for the 세금계산서, in their own table.
    const missing = await t.http.put('/api/company/billing-profile').set('Authorization', ex.auth).send({ legalName: '빛고을정밀(주)', address: '광주광역시 광산구 하남산단6번로 107', invoiceEmail: `tax-${process.pid}@bitgoeul.example` });
    expect(missing.status).toBe(400);
    expect((missing.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['businessItem', 'businessType', 'representative']);
    const invoiceEmail = `tax-${process.pid}@bitgoeul.example`;
    await t.http.put('/api/company/billing-profile').set('Authorization', ex.auth)
      .send({ legalName: '빛고을정밀(주)', representative: '김민준', address: '광주광역시 광산구 하남산단6번로 107', businessType: '제조업', businessItem: '자동차 부품', invoiceEmail })
      .expect(200);

    const fee = (await t.http.get(`/api/company/applications/${id}`).set('Authorization', ex.auth).expect(200)).body.fee as { netKrw: number; vatKrw: number; totalKrw: number };
    const quote = await mailTo(t, contact, /견적서|Quote/);
    expect(quote.parsed.text).toContain(won(fee.totalKrw));
    expect(quote.parsed.text).toContain(`/exhibitor/applications/${id}/invoice`);

    const issued = await issue(id).expect(201);
    expect(issued.body).toMatchObject({
      number: expect.stringMatching(/^P2027-\d{4}$/), netKrw: fee.netKrw, vatKrw: fee.vatKrw, totalKrw: fee.totalKrw, depositKrw: Math.round(fee.totalKrw * 0.3), status: 'unpaid',
    });
    await issue(id).expect(409); // one invoice per application
    const invoiceId = issued.body.id as string;
    const mail = await mailTo(t, invoiceEmail, new RegExp(`${issued.body.number as string}`));
    expect(mail.parsed.text).toContain(won(fee.totalKrw));

    // The frozen buyer: 상호, 대표자, 업태/종목 and the BRN read from the company.
    const [stored] = await rows<{ buyer: Record<string, string> }>(`SELECT buyer FROM invoices WHERE id = $1`, [invoiceId]);
    expect(stored.buyer).toMatchObject({ name: '빛고을정밀(주)', representative: '김민준', businessType: '제조업', businessItem: '자동차 부품', registrationNumber: ex.businessRegistrationNumber });

    // A partial payment, then the deposit; the same Idempotency-Key or reference never doubles.
    const first = await pay(invoiceId, { kind: 'payment', amountKrw: 1_000_000, receivedOn: '2026-12-01', payerName: '빛고을정밀' }, `k1-${process.pid}`).expect(201);
    expect(first.body).toMatchObject({ replayed: false, invoice: { status: 'partially_paid', paidKrw: 1_000_000 } });
    const again = await pay(invoiceId, { kind: 'payment', amountKrw: 1_000_000, receivedOn: '2026-12-01', payerName: '빛고을정밀' }, `k1-${process.pid}`).expect(201);
    expect(again.body).toMatchObject({ replayed: true, payment: { id: first.body.payment.id }, invoice: { paidKrw: 1_000_000 } });
    await pay(invoiceId, { kind: 'payment', amountKrw: 999, receivedOn: '2026-12-01', payerName: '빛고을정밀' }, `k1-${process.pid}`).expect(422);
    const byRef = { kind: 'payment', amountKrw: 716_000, receivedOn: '2026-12-02', payerName: '빛고을정밀', provider: 'bank', providerReference: `ref-${process.pid}` };
    await pay(invoiceId, byRef).expect(201);
    const refAgain = await pay(invoiceId, byRef).expect(201);
    expect(refAgain.body).toMatchObject({ replayed: true, invoice: { status: 'deposit_paid', paidKrw: 1_716_000, outstandingKrw: fee.totalKrw - 1_716_000 } });
    expect(await rows(`SELECT 1 FROM invoice_payments WHERE invoice_id = $1`, [invoiceId])).toHaveLength(2);
    const received = await eventually(() => Promise.resolve(t.smtp.received.filter((m) => m.envelopeTo.includes(invoiceEmail) && /입금 확인|Payment received/.test(m.parsed.subject ?? ''))), (l) => l.length >= 2);
    expect(received).toHaveLength(2);

    // Organizer writes are audited.
    expect((await rows<{ action: string }>(`SELECT action FROM audit_entries WHERE subject_id = $1 ORDER BY at, action`, [invoiceId])).map((r) => r.action))
      .toEqual(['invoice.issue', 'invoice.payment-record', 'invoice.payment-record']);

    // A refund needs a cancellation; then the terms decide (50 % of what was paid before the cut-off).
    await pay(invoiceId, { kind: 'refund', receivedOn: '2026-12-03', payerName: 'KDJ' }).expect(409);
    await rows(`UPDATE exhibitor_applications SET status = 'cancelled' WHERE id = $1`, [id]);
    const refund = await pay(invoiceId, { kind: 'refund', receivedOn: '2026-12-03', payerName: 'KDJ' }).expect(201);
    expect(refund.body).toMatchObject({ payment: { kind: 'refund', amountKrw: 858_000 }, invoice: { status: 'refunded', refundedKrw: 858_000 } });
    await mailTo(t, invoiceEmail, /환불|Refund/);

    // The company sees its invoice; another company does not.
    const mine = await t.http.get('/api/company/invoices').set('Authorization', ex.auth).expect(200);
    expect(mine.body.map((i: { id: string }) => i.id)).toEqual([invoiceId]);
    const other = await signUpExhibitor(t);
    await t.http.get(`/api/company/invoices/${invoiceId}`).set('Authorization', other.auth).expect(404);
    expect((await t.http.get('/api/company/invoices').set('Authorization', other.auth).expect(200)).body).toEqual([]);
  }, 120_000);

  it('shows the exhibitor the quote, then the invoice with status and payments, and a PDF that draws Hangul with embedded fonts', async () => {
    const { ex, id } = await approved(1);
    const page = new PageClient(t);
    await page.login(ex.email, ex.password, '/exhibitor/login');
    const quotePage = await page.get(`/exhibitor/applications/${id}/invoice?lang=ko`);
    expect(quotePage.status).toBe(200);
    expect(quotePage.text).toContain('견적서');
    expect(quotePage.text).not.toMatch(/\b(AM|PM)\b/);
    const issued = await issue(id).expect(201);
    await pay(issued.body.id as string, { kind: 'payment', amountKrw: 858_000, receivedOn: '2026-12-01', payerName: '광주정밀' }).expect(201);
    const invoicePage = await page.get(`/exhibitor/applications/${id}/invoice?lang=ko`);
    expect(invoicePage.text).toContain(issued.body.number as string);
    expect(invoicePage.text).toContain('계약금 입금');
    expect(invoicePage.text).toContain('858,000원');

    const pdf = await t.http.get(`/exhibitor/applications/${id}/invoice.pdf?lang=ko`).set('Cookie', page.cookieHeader()).buffer(true)
      .parse((r, done) => { const c: Buffer[] = []; r.on('data', (d: Buffer) => c.push(d)); r.on('end', () => done(null, Buffer.concat(c))); }).expect(200);
    expect(pdf.headers['content-type']).toMatch(/application\/pdf/);
    const facts = await readPdfText(pdf.body as Buffer);
    expect(facts.pages).toBe(1);
    expect(facts.fonts.some((f) => /NanumGothic/.test(f.name) && f.embedded)).toBe(true);
    expect(facts.fonts.every((f) => f.embedded)).toBe(true);
    for (const word of ['청구서', issued.body.number as string, '공급가액', '부가세 (10%)', `${won(issued.body.totalKrw as number)}원`, '김대중컨벤션센터', '광주정밀']) expect(facts.text).toContain(word);
    expect(facts.text).not.toContain('\uFFFD');

    // Another company's exhibitor gets no page and no PDF.
    const other = await signUpExhibitor(t);
    const theirs = new PageClient(t);
    await theirs.login(other.email, other.password, '/exhibitor/login');
    expect((await theirs.get(`/exhibitor/applications/${id}/invoice`)).status).toBe(404);
  }, 120_000);

  it('the console lists the edition’s invoices with filters, totals and CSV, issues, and records payments with errors next to the fields', async () => {
    const { id } = await approved(1, { company: { ...(newSignUp().company as object), name: '콘솔 테스트 상사' } });
    const org = new PageClient(t);
    await org.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
    const list = await org.get(`/console/billing/${EDITION}?lang=ko`);
    expect(list.status).toBe(200);
    expect(list.text).toContain('청구·입금');
    expect(list.text).toContain('콘솔 테스트 상사');
    const issuedRes = await org.post(`/console/billing/${EDITION}/issue`, { _csrf: org.csrf(), application: id });
    expect(issuedRes.status).toBe(303);
    const invoicePath = new URL(issuedRes.headers.location, 'http://x').pathname;
    const invoicePage = await org.get(`${invoicePath}?lang=ko`);
    expect(invoicePage.status).toBe(200);

    const bad = await org.post(`${invoicePath}/payments`, { _csrf: org.csrf(), kind: 'payment', amountKrw: '십만원', receivedOn: '', payerName: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('error-summary');
    expect(bad.text).toMatch(/id="f-amountKrw"[^>]*aria-invalid="true"/);
    expect(bad.text).toContain('value="십만원"');
    expect(bad.text).toContain('id="e-receivedOn"');
    const form = { _csrf: org.csrf(), kind: 'payment', amountKrw: '858,000', receivedOn: '2026-12-01', payerName: '콘솔 테스트 상사', providerReference: '' };
    const ok = await org.post(`${invoicePath}/payments`, form);
    expect(ok.status).toBe(303);
    const twice = await org.post(`${invoicePath}/payments`, form); // the same form posted again: one payment
    expect(new URL(twice.headers.location, 'http://x').searchParams.get('flash')).toBe('duplicate');
    const invoiceId = invoicePath.split('/').pop()!;
    expect(await rows(`SELECT 1 FROM invoice_payments WHERE invoice_id = $1`, [invoiceId])).toHaveLength(1);

    const filtered = await org.get(`/console/billing/${EDITION}?status=deposit_paid&lang=ko`);
    expect(filtered.text).toContain('콘솔 테스트 상사');
    expect((await org.get(`/console/billing/${EDITION}?status=paid&lang=ko`)).text).not.toContain('콘솔 테스트 상사');
    const csv = await org.get(`/console/billing/${EDITION}/invoices.csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toMatch(/콘솔 테스트 상사.*,deposit_paid,858000,0,/);
    const pdf = await org.get(`${invoicePath}/pdf`);
    expect(pdf.status).toBe(200);
  }, 120_000);

  it('numbers concurrent issues gaplessly and uniquely per edition (T-numbering)', async () => {
    const apps = await Promise.all(Array.from({ length: 8 }, () => approved(1)));
    const before = (await rows<{ n: number }>(`SELECT COALESCE(MAX(sequence_number), 0)::int AS n FROM invoices i JOIN fair_editions e ON e.id = i.edition_id WHERE e.code = $1`, [EDITION]))[0].n;
    const answers = await Promise.all(apps.map((a) => issue(a.id)));
    const statuses = answers.map((a) => a.status);
    console.log(`numbering race: ${statuses.filter((s) => s === 201).length} × 201 of ${answers.length}`);
    expect(statuses).toEqual(apps.map(() => 201));
    const numbers = (await rows<{ n: number }>(`SELECT sequence_number AS n FROM invoices i JOIN fair_editions e ON e.id = i.edition_id WHERE e.code = $1 ORDER BY 1`, [EDITION])).map((r) => r.n);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(numbers.length).toBe(before + apps.length);
  }, 180_000);

  it('records 20 concurrent identical payments once (Idempotency-Key), and the overdue reminder once with two concurrent sweeps', async () => {
    const { id } = await approved(1);
    const invoiceId = (await issue(id).expect(201)).body.id as string;
    const body = { kind: 'payment', amountKrw: 100_000, receivedOn: '2026-12-01', payerName: 'Race Co' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => pay(invoiceId, body, `race-${process.pid}`)));
    const statuses = answers.map((a) => a.status);
    console.log(`payment race: ${statuses.filter((s) => s === 201).length} × 201, ${answers.filter((a) => a.body.replayed === true).length} replayed, rows ${(await rows(`SELECT 1 FROM invoice_payments WHERE invoice_id = $1`, [invoiceId])).length}`);
    expect(statuses).toEqual(answers.map(() => 201));
    expect(answers.filter((a) => a.body.replayed === false)).toHaveLength(1);
    expect(await rows(`SELECT 1 FROM invoice_payments WHERE invoice_id = $1`, [invoiceId])).toHaveLength(1);

    // Overdue: the balance fell due 10 days ago with only part paid; no other invoice is overdue.
    await rows(`UPDATE invoices SET deposit_due_on = (now() AT TIME ZONE 'Asia/Seoul')::date - 40, balance_due_on = (now() AT TIME ZONE 'Asia/Seoul')::date - 10 WHERE id <> $1`, [invoiceId]);
    await rows(`UPDATE invoices SET deposit_due_on = (now() AT TIME ZONE 'Asia/Seoul')::date + 40, balance_due_on = (now() AT TIME ZONE 'Asia/Seoul')::date + 40 WHERE id <> $1`, [invoiceId]);
    await rows(`UPDATE invoices SET deposit_due_on = (now() AT TIME ZONE 'Asia/Seoul')::date - 20, balance_due_on = (now() AT TIME ZONE 'Asia/Seoul')::date - 10 WHERE id = $1`, [invoiceId]);
    const billing = t.running.app.get(BillingService);
    const sent = await Promise.all([billing.sweepReminders(), billing.sweepReminders()]);
    console.log(`reminder race: sweeps sent ${sent.join(' + ')}`);
    expect(sent[0] + sent[1]).toBe(1);
    expect(await billing.sweepReminders()).toBe(0); // the same step never again
    expect(await rows(`SELECT step FROM invoice_reminders WHERE invoice_id = $1`, [invoiceId])).toEqual([{ step: 101 }]);
    const [{ email }] = await rows<{ email: string }>(`SELECT invoice_email AS email FROM invoices WHERE id = $1`, [invoiceId]);
    const reminder = await mailTo(t, email, /미납 안내|Payment reminder/);
    const [{ total }] = await rows<{ total: number }>(`SELECT total_krw AS total FROM invoices WHERE id = $1`, [invoiceId]);
    expect(reminder.parsed.text).toContain(won(total - 100_000));
  }, 180_000);

  describe('negative controls: without the guards the races double', () => {
    it('numbering by max + 1 collides under concurrency', async () => {
      const apps = await Promise.all(Array.from({ length: 8 }, () => approved(1)));
      // The test-only switch (BILLING_NUMBER_COUNTER=false): max + 1 without the counter row's lock.
      const config = t.config as { billingNumberCounter: boolean };
      config.billingNumberCounter = false;
      const answers = await Promise.all(apps.map((a) => issue(a.id))).finally(() => { config.billingNumberCounter = true; });
      const conflicts = answers.filter((a) => a.status === 409).length;
      console.log(`negative control (numbering): ${conflicts} of ${answers.length} issues collided`);
      expect(conflicts).toBeGreaterThan(0);
      // Put the counter back in step with what the unguarded issues took.
      await rows(`UPDATE invoice_number_counters c SET last_number = (SELECT MAX(sequence_number) FROM invoices i WHERE i.edition_id = c.edition_id)`);
    }, 180_000);

    it('payments and reminders double without their unique keys', async () => {
      const { id } = await approved(1);
      const invoiceId = (await issue(id).expect(201)).body.id as string;
      await rows(`ALTER TABLE invoice_payments DROP CONSTRAINT invoice_payments_idempotency_key`);
      const body = { kind: 'payment', amountKrw: 100_000, receivedOn: '2026-12-01', payerName: 'Race Co' };
      await Promise.all(Array.from({ length: 20 }, () => pay(invoiceId, body, `bare-${process.pid}`)));
      const paymentRows = (await rows(`SELECT 1 FROM invoice_payments WHERE invoice_id = $1`, [invoiceId])).length;
      console.log(`negative control (payments): ${paymentRows} rows for one key`);
      expect(paymentRows).toBeGreaterThan(1);

      await rows(`ALTER TABLE invoice_reminders DROP CONSTRAINT invoice_reminders_step_key`);
      await rows(`DELETE FROM invoice_reminders`);
      await rows(`UPDATE invoices SET deposit_due_on = (now() AT TIME ZONE 'Asia/Seoul')::date + 40, balance_due_on = (now() AT TIME ZONE 'Asia/Seoul')::date + 40`);
      await rows(`UPDATE invoices SET deposit_due_on = (now() AT TIME ZONE 'Asia/Seoul')::date - 20, balance_due_on = (now() AT TIME ZONE 'Asia/Seoul')::date - 10 WHERE id = $1`, [invoiceId]);
      const billing = t.running.app.get(BillingService);
      const sent = await Promise.all([billing.sweepReminders(), billing.sweepReminders()]);
      console.log(`negative control (reminders): sweeps sent ${sent.join(' + ')}`);
      expect(sent[0] + sent[1]).toBe(2);
    }, 180_000);
  });
});
