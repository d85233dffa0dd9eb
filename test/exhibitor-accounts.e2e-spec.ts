import { linkToken, mailTo, newSignUp, signUpExhibitor } from './support/exhibitors';
import { startTestApp, type TestApp } from './support/test-app';

/** Exhibitor accounts as a new company meets them: sign-up, the emailed links, colleagues. */
describe('exhibitor accounts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await t.db.pool.query<{ n: string }>(sql, params)).rows[0].n);

  it('signs up, refuses login until the emailed link is followed, and uses that link once', async () => {
    const body = newSignUp({ language: 'ko' });
    const res = await t.http.post('/api/exhibitor-accounts').send(body).expect(201);
    expect(res.body).toMatchObject({ emailConfirmationSent: true, company: { country: 'KR', language: 'ko' } });

    const refused = await t.http.post('/api/auth/login').send({ email: body.email, password: body.password }).expect(403);
    expect(refused.body.code).toBe('EMAIL_NOT_CONFIRMED');

    const mail = await mailTo(t, body.email, /이메일 주소를 확인/);
    expect(mail.parsed.html).toContain('/exhibitor/confirm-email?token=');
    const token = linkToken(mail, '/exhibitor/confirm-email');
    await t.http.post('/api/exhibitor-accounts/confirm-email').send({ token }).expect(204);
    const again = await t.http.post('/api/exhibitor-accounts/confirm-email').send({ token }).expect(410);
    expect(again.body.code).toBe('INVALID_TOKEN');

    const login = await t.http.post('/api/auth/login').send({ email: body.email.toUpperCase(), password: body.password }).expect(200);
    expect(login.body.account.role).toBe('exhibitor');
    const company = await t.http.get('/api/company').set('Authorization', `Bearer ${login.body.token}`).expect(200);
    expect(company.body.name).toBe((body.company as { name: string }).name);

    const { rows } = await t.db.pool.query(`SELECT password_hash FROM accounts WHERE email = $1`, [body.email]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  /** Follows the confirmation link mailed to `email`; answers the HTTP status. */
  async function confirm(email: string): Promise<number> {
    const token = linkToken(await mailTo(t, email, /confirm/i), '/exhibitor/confirm-email');
    return (await t.http.post('/api/exhibitor-accounts/confirm-email').send({ token })).status;
  }

  it('refuses a second sign-up of a confirmed company or of an address, and a weak password, leaving nothing behind', async () => {
    const first = newSignUp();
    await t.http.post('/api/exhibitor-accounts').send(first).expect(201);
    expect(await confirm(first.email)).toBe(204);
    const accountsBefore = await count(`SELECT count(*) AS n FROM accounts`);
    const companiesBefore = await count(`SELECT count(*) AS n FROM companies`);

    const sameCompany = await t.http.post('/api/exhibitor-accounts').send({ ...newSignUp(), company: first.company }).expect(409);
    expect(sameCompany.body.errors[0].field).toBe('company.businessRegistrationNumber');
    const sameEmail = await t.http.post('/api/exhibitor-accounts').send({ ...newSignUp(), email: first.email }).expect(409);
    expect(sameEmail.body.message).toMatch(/already exists/);
    const weak = await t.http.post('/api/exhibitor-accounts').send({ ...newSignUp(), password: 'password1234' }).expect(400);
    expect(weak.body.errors).toEqual([{ field: 'password', messages: [expect.stringMatching(/common/)] }]);
    const bad = await t.http.post('/api/exhibitor-accounts').send({ ...newSignUp(), email: 'not-an-email', company: { name: '' } }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['email', 'company.name', 'company.businessRegistrationNumber']));

    expect(await count(`SELECT count(*) AS n FROM accounts`)).toBe(accountsBefore);
    expect(await count(`SELECT count(*) AS n FROM companies`)).toBe(companiesBefore);
  });

  it('10 concurrent sign-ups of one company, then 10 concurrent confirmations: exactly one confirmed owner of the number', async () => {
    const company = newSignUp().company;
    const bodies = Array.from({ length: 10 }, () => ({ ...newSignUp(), company }));
    const answers = await Promise.all(bodies.map((b) => t.http.post('/api/exhibitor-accounts').send(b)));
    expect(answers.map((a) => a.status)).toEqual(Array<number>(10).fill(201)); // unconfirmed claims hold nothing yet
    const confirmations = await Promise.all(bodies.map((b) => confirm(b.email)));
    expect(confirmations.sort()).toEqual([204, ...Array<number>(9).fill(409)]);
    const brn = (company as { businessRegistrationNumber: string }).businessRegistrationNumber.replace(/-/g, '');
    expect(await count(`SELECT count(*) AS n FROM companies WHERE business_registration_number = $1 AND confirmed_at IS NOT NULL`, [brn])).toBe(1);
    // Only the winner's person is confirmed; the others can never log in under that number.
    expect(await count(`SELECT count(*) AS n FROM accounts WHERE email = ANY($1) AND email_confirmed_at IS NOT NULL`, [bodies.map((b) => b.email)])).toBe(1);
    // The database enforces it whoever writes: a second confirmed company with the number is refused.
    await expect(t.db.pool.query(`UPDATE companies SET confirmed_at = now() WHERE business_registration_number = $1 AND confirmed_at IS NULL`, [brn]))
      .rejects.toMatchObject({ code: '23505', constraint: 'companies_brn_key' });
  });

  it('an unconfirmed sign-up with another company\'s number does not block that company (issue 12 #9)', async () => {
    const real = newSignUp();
    const squatter = newSignUp({ company: { ...(real.company as object), name: 'Squatter Ltd.' } });
    await t.http.post('/api/exhibitor-accounts').send(squatter).expect(201);
    // The company that holds the number signs up, confirms and logs in.
    await t.http.post('/api/exhibitor-accounts').send(real).expect(201);
    expect(await confirm(real.email)).toBe(204);
    const login = await t.http.post('/api/auth/login').send({ email: real.email, password: real.password }).expect(200);
    const own = await t.http.get('/api/company').set('Authorization', `Bearer ${login.body.token}`).expect(200);
    expect(own.body.name).toBe((real.company as { name: string }).name);
    // The squatter's link no longer confirms anything, and a new sign-up with the number is refused.
    expect(await confirm(squatter.email)).toBe(409);
    await t.http.post('/api/auth/login').send({ email: squatter.email, password: squatter.password }).expect(403);
    await t.http.post('/api/exhibitor-accounts').send({ ...newSignUp(), company: real.company }).expect(409);
    // A password reset proves the squatter's own address, but does not confirm it under that number.
    await t.http.post('/api/exhibitor-accounts/password-reset').send({ email: squatter.email }).expect(202);
    const reset = linkToken(await mailTo(t, squatter.email, /password|비밀번호/i), '/exhibitor/reset-password');
    await t.http.post('/api/exhibitor-accounts/password-reset/complete').send({ token: reset, password: 'another-long-password-9' }).expect(204);
    await t.http.post('/api/auth/login').send({ email: squatter.email, password: 'another-long-password-9' }).expect(403);
  });

  it('resets a forgotten password by a single-use link, ending every session', async () => {
    const exhibitor = await signUpExhibitor(t);
    await t.http.post('/api/exhibitor-accounts/password-reset').send({ email: 'nobody-here@example.com' }).expect(202);
    await t.http.post('/api/exhibitor-accounts/password-reset').send({ email: exhibitor.email }).expect(202);
    const mail = await mailTo(t, exhibitor.email, /password/i);
    const token = linkToken(mail, '/exhibitor/reset-password');

    const tooShort = await t.http.post('/api/exhibitor-accounts/password-reset/complete').send({ token, password: 'short' }).expect(400);
    expect(tooShort.body.errors[0].field).toBe('password');
    await t.http.post('/api/exhibitor-accounts/password-reset/complete').send({ token, password: 'bibimbap-on-tuesdays' }).expect(204);
    await t.http.post('/api/exhibitor-accounts/password-reset/complete').send({ token, password: 'another-long-password' }).expect(410);

    await t.http.get('/api/company').set('Authorization', exhibitor.auth).expect(401);
    await t.http.post('/api/auth/login').send({ email: exhibitor.email, password: exhibitor.password }).expect(401);
    await t.http.post('/api/auth/login').send({ email: exhibitor.email, password: 'bibimbap-on-tuesdays' }).expect(200);
    expect(t.smtp.received.filter((m) => m.envelopeTo.includes('nobody-here@example.com'))).toHaveLength(0);
  });

  it('invites a colleague who then shares the company account', async () => {
    const owner = await signUpExhibitor(t);
    const colleague = `colleague-${Date.now()}@company.example`;
    const invitation = await t.http.post('/api/company/invitations').set('Authorization', owner.auth).send({ email: colleague }).expect(201);
    expect(invitation.body.email).toBe(colleague);
    const mail = await mailTo(t, colleague, /invit/i);
    const token = linkToken(mail, '/exhibitor/join');

    const joined = await t.http.post('/api/exhibitor-accounts/invitations/accept')
      .send({ token, password: 'tteokbokki-at-noon', displayName: 'Park Jiwoo', language: 'en' }).expect(201);
    expect(joined.body.company.id).toBe(owner.companyId);
    await t.http.post('/api/exhibitor-accounts/invitations/accept')
      .send({ token, password: 'tteokbokki-at-noon', displayName: 'Park Jiwoo', language: 'en' }).expect(410);

    const login = await t.http.post('/api/auth/login').send({ email: colleague, password: 'tteokbokki-at-noon' }).expect(200);
    const members = await t.http.get('/api/company/members').set('Authorization', `Bearer ${login.body.token}`).expect(200);
    expect(members.body.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([[owner.email, 'owner'], [colleague, 'member']]);
    await t.http.post('/api/company/invitations').set('Authorization', owner.auth).send({ email: colleague }).expect(409);
  });

  it('slows repeated failed logins to 429 with Retry-After, even for the right password, and only for that address', async () => {
    const exhibitor = await signUpExhibitor(t);
    for (let i = 0; i < 5; i++) await t.http.post('/api/auth/login').send({ email: exhibitor.email, password: `wrong-guess-${i}` }).expect(401);
    const slowed = await t.http.post('/api/auth/login').send({ email: exhibitor.email, password: exhibitor.password }).expect(429);
    expect(slowed.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);
    const other = await signUpExhibitor(t);
    await t.http.post('/api/auth/login').send({ email: other.email, password: other.password }).expect(200);
  });

  it('checks at most 5 passwords for 40 concurrent wrong logins from one IP: counted before the check, atomically (issue 12 #8)', async () => {
    const exhibitor = await signUpExhibitor(t);
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      t.http.post('/api/auth/login').set('X-Forwarded-For', '198.51.100.40').send({ email: exhibitor.email, password: `wrong-guess-${i}` }).then((r) => r.status)));
    // Every answer other than 429 is one password checked.
    const checked = statuses.filter((s) => s !== 429).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 429 && s !== 401)).toEqual([]);
    // Another client is not refused for this account: the right password works from elsewhere.
    await t.http.post('/api/auth/login').set('X-Forwarded-For', '198.51.100.41').send({ email: exhibitor.email, password: exhibitor.password }).expect(200);
  });
});
