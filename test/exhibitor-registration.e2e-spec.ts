import { newBusinessRegistrationNumber, newExhibitorApplication, registrationPath } from './support/factories';
import { newApplicationForm, signUpExhibitor } from './support/exhibitors';
import { bearer, eventually, mailSettled, startTestApp, type TestApp } from './support/test-app';

/** The foundation's slice end to end: HTTP → PostgreSQL (+ outbox) → relay → BullMQ → worker → SMTP. */
describe('exhibitor registration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    t.smtp.replyWith();
  });

  const count = async (table: string): Promise<number> =>
    Number((await t.db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

  it('stores the application and emails the confirmation over SMTP', async () => {
    const body = newExhibitorApplication();
    const before = t.smtp.received.length;
    const res = await t.http.post(registrationPath()).send(body).expect(201);
    expect(res.body).toMatchObject({ status: 'submitted', edition: 'ppuri-2027' });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);

    const mails = await t.smtp.waitFor(before + 1);
    const mail = mails[before].parsed;
    const contact = (body.contact as { email: string }).email;
    expect(mails[before].envelopeTo).toEqual([contact]);
    expect(mail.subject).toBe('[Fairgate] Exhibitor application received: 2027 International Manufacturing Technology (PPURI) Fair');
    expect(mail.text).toContain(res.body.id);
    expect(mail.html).toContain(res.body.id);

    const { rows } = await t.db.pool.query(`SELECT id, status, message_id, attempts FROM outbox_messages WHERE params->>'applicationId' = $1`, [res.body.id]);
    expect(rows).toHaveLength(1);
    const row = await eventually(
      async () => (await t.db.pool.query(`SELECT status, message_id FROM outbox_messages WHERE id = $1`, [rows[0].id])).rows[0],
      (r) => r.status === 'sent',
    );
    expect(mail.messageId).toBe(`<ob-${rows[0].id}@fairgate.local>`);
    expect(row.message_id).toBe(mail.messageId);
  });

  it('writes the email in Korean when the company asks for it', async () => {
    const before = t.smtp.received.length;
    const res = await t.http.post(registrationPath()).send(newExhibitorApplication({ language: 'ko' })).expect(201);
    const mail = (await t.smtp.waitFor(before + 1))[before].parsed;
    expect(mail.subject).toBe('[Fairgate] 참가 신청 접수: 2027 국제뿌리산업전시회');
    expect(mail.text).toContain(`신청 번호: ${res.body.id}`);
  });

  it('replays a retried POST with the same Idempotency-Key: one row, one email', async () => {
    const body = newExhibitorApplication();
    const before = t.smtp.received.length;
    const first = await t.http.post(registrationPath()).set('Idempotency-Key', 'retry-1').send(body).expect(201);
    const again = await t.http.post(registrationPath()).set('Idempotency-Key', 'retry-1').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const brn = (body.company as { businessRegistrationNumber: string }).businessRegistrationNumber;
    const apps = await t.db.pool.query(`SELECT id FROM exhibitor_applications WHERE business_registration_number = $1`, [brn]);
    expect(apps.rows).toHaveLength(1);
    await t.smtp.waitFor(before + 1);
    await mailSettled(t); // no row unsent, no mail job left: a second email can no longer come
    expect(t.smtp.received.filter((m) => m.parsed.text?.includes(first.body.id))).toHaveLength(1);
  });

  it('50 concurrent identical POSTs with one key create one row; none fails with 5xx', async () => {
    const body = newExhibitorApplication();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => t.http.post(registrationPath()).set('Idempotency-Key', 'burst-1').send(body)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
    const brn = (body.company as { businessRegistrationNumber: string }).businessRegistrationNumber;
    const apps = await t.db.pool.query(`SELECT id FROM exhibitor_applications WHERE business_registration_number = $1`, [brn]);
    expect(apps.rows).toHaveLength(1);
    const outbox = await t.db.pool.query(`SELECT id FROM outbox_messages WHERE params->>'applicationId' = $1`, [apps.rows[0].id]);
    expect(outbox.rows).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with another body (422), and keys of other editions are independent', async () => {
    await t.http.post(registrationPath()).set('Idempotency-Key', 'k-422').send(newExhibitorApplication()).expect(201);
    const res = await t.http.post(registrationPath()).set('Idempotency-Key', 'k-422').send(newExhibitorApplication()).expect(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const greenCar = newExhibitorApplication({ productCategories: ['ev-powertrain'] });
    await t.http.post(registrationPath('green-car-2027')).set('Idempotency-Key', 'k-422').send(greenCar).expect(201);
  });

  it('answers an invalid body with 400 and one entry per field, and writes nothing', async () => {
    const [apps, outbox, keys] = [await count('exhibitor_applications'), await count('outbox_messages'), await count('idempotency_keys')];
    const res = await t.http
      .post(registrationPath())
      .set('Idempotency-Key', 'invalid-1')
      .send({
        company: { name: '', businessRegistrationNumber: '220-81-62517', country: 'Korea', address: 'x', website: 'ftp://x' },
        contact: { name: 'A\r\nBcc: victim@example.com', email: 'not-an-email', phone: 'call me' },
        booth: { type: 'palace', count: 0 },
        productCategories: [],
        role: 'organizer',
      })
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field).sort();
    expect(fields).toEqual([
      'booth.count', 'booth.type', 'company.country', 'company.name', 'company.website',
      'contact.email', 'contact.name', 'contact.phone', 'productCategories', 'role',
    ]);
    expect([await count('exhibitor_applications'), await count('outbox_messages'), await count('idempotency_keys')]).toEqual([apps, outbox, keys]);
  });

  it('says plainly which fields are missing', async () => {
    const res = await t.http.post(registrationPath()).send({}).expect(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'company', messages: ['company is required'] },
        { field: 'productCategories', messages: ['productCategories is required'] },
      ]),
    );
  });

  it('refuses a business registration number with a wrong check digit', async () => {
    const brn = newBusinessRegistrationNumber();
    const wrong = brn.slice(0, 9) + String((Number(brn[9]) + 1) % 10);
    const body = newExhibitorApplication();
    (body.company as Record<string, unknown>).businessRegistrationNumber = wrong;
    const res = await t.http.post(registrationPath()).send(body).expect(400);
    expect(res.body.errors).toEqual([
      { field: 'company.businessRegistrationNumber', messages: ['businessRegistrationNumber must be 10 digits (e.g. 220-81-62517) with a valid check digit'] },
    ]);
  });

  it('answers 409 with the existing id when a business number applies twice for one edition', async () => {
    const first = newExhibitorApplication();
    const created = await t.http.post(registrationPath()).send(first).expect(201);
    const second = newExhibitorApplication({ company: { ...(first.company as object), name: 'Another name Ltd.' } });
    const res = await t.http.post(registrationPath()).send(second).expect(409);
    expect(res.body).toMatchObject({ code: 'DUPLICATE_APPLICATION', existingApplicationId: created.body.id });
  });

  it('an anonymous application with a company\'s number does not lock that company\'s own application out (issue 12 #9)', async () => {
    const company = await signUpExhibitor(t);
    const anonymous = newExhibitorApplication({ company: { name: 'Someone Else', businessRegistrationNumber: company.businessRegistrationNumber, country: 'KR', address: 'Gwangju' } });
    const sent = await t.http.post(registrationPath()).send(anonymous).expect(201);
    const own = await t.http.post('/api/company/applications').set('Authorization', company.auth).send(newApplicationForm()).expect(201);
    expect(own.body.id).not.toBe(sent.body.id);
    // The company sees its own application only, and a second one of its own is still refused with its own id.
    const again = await t.http.post('/api/company/applications').set('Authorization', company.auth).send(newApplicationForm()).expect(409);
    expect(again.body.existingApplicationId).toBe(own.body.id);
    // Anonymous ones stay unique among themselves.
    await t.http.post(registrationPath()).send({ ...anonymous, contact: { name: 'X', email: 'x@example.kr', phone: '+82 62-000-0000' } }).expect(409);
  });

  it('lets exactly one of 20 concurrent applications of one business number through', async () => {
    const brn = newBusinessRegistrationNumber();
    const bodies = Array.from({ length: 20 }, (_, i) =>
      newExhibitorApplication({ company: { name: `Racer ${i}`, businessRegistrationNumber: brn, country: 'KR', address: 'Gwangju' } }),
    );
    const responses = await Promise.all(bodies.map((b) => t.http.post(registrationPath()).send(b)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    const winner = responses.find((r) => r.status === 201)!.body.id;
    for (const r of responses.filter((x) => x.status === 409)) expect(r.body.existingApplicationId).toBe(winner);
    const rows = await t.db.pool.query(`SELECT id FROM exhibitor_applications WHERE business_registration_number = $1`, [brn]);
    expect(rows.rows).toEqual([{ id: winner }]);
    const outbox = await t.db.pool.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE params->>'applicationId' = $1`, [winner]);
    expect(outbox.rows[0].n).toBe(1);
  });

  it('refuses unknown editions (404), closed ones (409) and categories of another fair (400)', async () => {
    expect((await t.http.post(registrationPath('no-such-fair')).send(newExhibitorApplication()).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await t.http.post(registrationPath('ppuri-2018')).send(newExhibitorApplication()).expect(409)).body.code).toBe('EDITION_NOT_OPEN');
    const res = await t.http.post(registrationPath()).send(newExhibitorApplication({ productCategories: ['robots'] })).expect(400);
    expect(res.body.errors[0].field).toBe('productCategories');
  });

  it('goes through the same workflow as the account route: history draft → submitted, and refused after the deadline', async () => {
    const EDITION = 'iot-appliance-robot-2027';
    const organizer = await bearer(t);
    const terms = (deadline: string) => ({
      registrationDeadline: deadline, earlyBirdUntil: '2020-01-01', priceRawSpaceKrw: 2_000_000, priceShellSchemeKrw: 2_500_000,
      cornerSurchargePct: 10, islandSurchargePct: 15, earlyBirdDiscountPct: 10, halls: [{ hall: 'EXH2', boothCapacity: 250 }],
    });
    const setDeadline = (deadline: string) => t.http.put(`/api/editions/${EDITION}/exhibition`).set('Authorization', organizer).send(terms(deadline)).expect(200);
    await setDeadline('2099-01-01T00:00:00+09:00');
    const ok = await t.http.post(registrationPath(EDITION)).send(newExhibitorApplication({ productCategories: ['robots'] })).expect(201);
    expect(ok.body.status).toBe('submitted');
    const history = await t.db.pool.query(`SELECT from_status, to_status, action, actor_role FROM application_status_changes WHERE application_id = $1 ORDER BY id`, [ok.body.id]);
    expect(history.rows).toEqual([
      { from_status: null, to_status: 'draft', action: 'create', actor_role: 'anonymous' },
      { from_status: 'draft', to_status: 'submitted', action: 'submit', actor_role: 'anonymous' },
    ]);
    const stored = await t.db.pool.query(`SELECT status, submitted_at IS NOT NULL AS submitted, fee_total_krw FROM exhibitor_applications WHERE id = $1`, [ok.body.id]);
    expect(stored.rows[0]).toMatchObject({ status: 'submitted', submitted: true, fee_total_krw: expect.any(Number) });

    await setDeadline('2020-01-01T00:00:00+09:00');
    try {
      const body = newExhibitorApplication({ productCategories: ['robots'] });
      const before = await count('exhibitor_applications');
      const late = await t.http.post(registrationPath(EDITION)).send(body).expect(409);
      expect(late.body).toMatchObject({ code: 'DEADLINE_PASSED', deadline: '2019-12-31T15:00:00.000Z' });
      expect(late.body.message).toMatch(/registration deadline .* has passed: you can no longer submit/);
      expect(await count('exhibitor_applications')).toBe(before);
    } finally {
      await setDeadline('2099-01-01T00:00:00+09:00');
    }
  });

  it('answers malformed JSON with 400 and an oversized body with 413, in the one error format', async () => {
    const bad = await t.http.post(registrationPath()).set('Content-Type', 'application/json').send('{"company": ').expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_REQUEST' });
    const huge = JSON.stringify(newExhibitorApplication({ padding: 'x'.repeat(200_000) }));
    const big = await t.http.post(registrationPath()).set('Content-Type', 'application/json').send(huge).expect(413);
    expect(big.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(big.body.requestId).toEqual(expect.any(String));
  });
});
