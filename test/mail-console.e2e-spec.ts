import type { Response } from 'supertest';
import { TransactionRunner } from '../src/core/database/transaction-runner';
import { MailBatchService } from '../src/core/outbox/mail-batch.service';
import { Queues } from '../src/core/queue/job-catalogue';
import { newExhibitorApplication, registrationPath, submittedMailParams } from './support/factories';
import { bearer, createAccount, eventually, startTestApp, type TestApp } from './support/test-app';

/** The organizers' mail console: the JSON API, the page and the queue dashboard behind login. */
describe('mail console', () => {
  let t: TestApp;
  let api: string;
  let organizerCookie: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { MAIL_RETRY_ATTEMPTS: '3', MAIL_RATE_PER_SECOND: '1000' } });
    api = await bearer(t);
    organizerCookie = `fairgate_session=${api.slice('Bearer '.length)}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  const rowOf = async (applicationId: string): Promise<{ id: string; status: string; attempts: number }> =>
    (await t.db.pool.query(`SELECT id, status, attempts FROM outbox_messages WHERE params->>'applicationId' = $1`, [applicationId])).rows[0];
  const message = async (id: string): Promise<Record<string, any>> =>
    (await t.http.get(`/api/organizer/mail/messages/${id}`).set('Authorization', api).expect(200)).body;
  const csrfOf = (res: Response): string => {
    const match = /name="_csrf" value="([^"]+)"/.exec(res.text);
    if (!match) throw new Error(`no CSRF token in the page (status ${res.status})`);
    return match[1];
  };

  /** An application whose confirmation email the SMTP server refuses with 550. */
  async function failedMessage(): Promise<{ applicationId: string; outboxId: string; email: string }> {
    t.smtp.replyWith({ code: 550, message: 'Mailbox unavailable' });
    const application = newExhibitorApplication();
    const res = await t.http.post(registrationPath()).send(application).expect(201);
    const row = await eventually(() => rowOf(res.body.id), (r) => r?.status === 'failed');
    return { applicationId: res.body.id, outboxId: row.id, email: (application.contact as { email: string }).email };
  }

  it('refuses anonymous callers and other roles', async () => {
    await t.http.get('/api/organizer/mail/messages').expect(401);
    await createAccount(t, 'exhibitor', 'mail-snoop@exhibitor.test', 'a long exhibitor password');
    const exhibitor = await bearer(t, { email: 'mail-snoop@exhibitor.test', password: 'a long exhibitor password' });
    await t.http.get('/api/organizer/mail/messages').set('Authorization', exhibitor).expect(403);
    await t.http.post('/api/organizer/mail/messages/resend-failed').set('Authorization', exhibitor).send({}).expect(403);
  });

  it('shows a failed message with its reason, sends it again after the server accepts, and keeps the attempts visible', async () => {
    const { applicationId, outboxId, email } = await failedMessage();
    const failed = await message(outboxId);
    expect(failed).toMatchObject({
      id: outboxId, recipient: email, template: 'exhibitor.application-submitted', status: 'failed', attempts: 1,
      messageId: `<ob-${outboxId}@fairgate.local>`, lastError: expect.stringMatching(/SMTP 550.*Mailbox unavailable/), failedAt: expect.any(String),
    });
    const before = t.smtp.perRecipient.get(email) ?? 0;
    expect(before).toBe(0);

    const res = await t.http.post(`/api/organizer/mail/messages/${outboxId}/resend`).set('Authorization', api).expect(200);
    expect(res.body).toMatchObject({ outcome: 'requeued', message: { id: outboxId, attempts: 0, failedAt: null } });
    const sent = await eventually(() => message(outboxId), (m) => m.status === 'sent');
    expect(sent).toMatchObject({ attempts: 1, redrives: 1, lastError: null, sentAt: expect.any(String), smtpResponse: expect.stringMatching(/^250/) });
    expect(t.smtp.perRecipient.get(email)).toBe(1);
    const mail = t.smtp.received.find((m) => m.parsed.text?.includes(applicationId));
    expect(mail?.parsed.messageId).toBe(`<ob-${outboxId}@fairgate.local>`);

    // A sent message sent again is a new message: the history stays true.
    const copy = await t.http.post(`/api/organizer/mail/messages/${outboxId}/resend`).set('Authorization', api).expect(200);
    expect(copy.body.outcome).toBe('copied');
    expect(copy.body.message.id).not.toBe(outboxId);
    expect(copy.body.message).toMatchObject({ recipient: email, template: 'exhibitor.application-submitted' });
    await eventually(() => message(copy.body.message.id as string), (m) => m.status === 'sent');
    expect(t.smtp.perRecipient.get(email)).toBe(2);
    expect((await message(outboxId)).status).toBe('sent');
  });

  it('refuses to resend a message still on its way, and answers 404 for an unknown one', async () => {
    const { rows } = await t.db.pool.query(
      `INSERT INTO outbox_messages (template, recipient, locale, params, status, dispatched_at) VALUES ('nope.template', 'x@example.com', 'en', '{}', 'dispatched', now()) RETURNING id`,
    );
    const res = await t.http.post(`/api/organizer/mail/messages/${rows[0].id}/resend`).set('Authorization', api).expect(409);
    expect(res.body.code).toBe('ILLEGAL_TRANSITION');
    await t.db.pool.query(`UPDATE outbox_messages SET status = 'failed', failed_at = now() WHERE id = $1`, [rows[0].id]);
    await t.http.post('/api/organizer/mail/messages/00000000-0000-4000-8000-000000000009/resend').set('Authorization', api).expect(404);
  });

  it('filters by status, template, recipient and batch; validates the filters', async () => {
    const { outboxId, email } = await failedMessage();
    const list = async (query: Record<string, string>): Promise<Record<string, any>> =>
      (await t.http.get('/api/organizer/mail/messages').query(query).set('Authorization', api).expect(200)).body;

    const failed = await list({ status: 'failed' });
    expect(failed.items.every((m: { status: string }) => m.status === 'failed')).toBe(true);
    expect(failed.items.map((m: { id: string }) => m.id)).toContain(outboxId);
    const byRecipient = await list({ q: email.toUpperCase() });
    expect(byRecipient.items.map((m: { id: string }) => m.id)).toEqual([outboxId]);
    expect((await list({ q: '%' })).total).toBe(0); // a wildcard is a character, not "anything"
    expect((await list({ template: 'venue.booking-confirmed' })).items.map((m: { id: string }) => m.id)).not.toContain(outboxId);
    const sorted = (await list({ pageSize: '200' })).items.map((m: { createdAt: string }) => m.createdAt);
    expect([...sorted].sort().reverse()).toEqual(sorted);
    const paged = await list({ pageSize: '1', page: '2' });
    expect(paged).toMatchObject({ page: 2, pageSize: 1, items: [expect.any(Object)] });

    const batch = await t.running.app.get(TransactionRunner).run((tx) =>
      t.running.app.get(MailBatchService).create(tx, {
        template: 'exhibitor.application-submitted', label: 'filter test',
        recipients: [1, 2, 3].map((i) => ({ recipient: `batch-filter-${i}@example.com`, locale: 'en', params: lostParams() })),
      }),
    );
    expect((await list({ batch: batch.id })).total).toBe(3);
    await eventually(async () => (await t.http.get(`/api/organizer/mail/batches/${batch.id}`).set('Authorization', api).expect(200)).body, (b) => b.percent === 100);

    for (const bad of [{ status: 'gone' }, { template: "x' OR 1=1 --" }, { batch: 'not-a-uuid' }, { pageSize: '1000' }, { sort: 'recipient' }]) {
      const res = await t.http.get('/api/organizer/mail/messages').query(bad).set('Authorization', api).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('sends every failed message of a template again, and says how many', async () => {
    const a = await failedMessage();
    const b = await failedMessage();
    const res = await t.http.post('/api/organizer/mail/messages/resend-failed').set('Authorization', api).send({ template: 'exhibitor.application-submitted' }).expect(200);
    expect(res.body.count).toBeGreaterThanOrEqual(2);
    for (const { outboxId, email } of [a, b]) {
      await eventually(() => message(outboxId), (m) => m.status === 'sent');
      expect(t.smtp.perRecipient.get(email)).toBe(1);
    }
    expect((await t.http.post('/api/organizer/mail/messages/resend-failed').set('Authorization', api).send({ template: 'exhibitor.application-submitted' }).expect(200)).body.count).toBe(0);
  });

  describe('the page /console/mail', () => {
    it('sends anonymous visitors to the login form and shows organizers the list with states, reasons and resend forms', async () => {
      const anonymous = await t.http.get('/console/mail').expect(303);
      expect(anonymous.headers.location).toBe('/console/login?next=%2Fconsole%2Fmail');

      const { outboxId, email } = await failedMessage();
      const page = await t.http.get(`/console/mail?lang=en&status=failed&q=${encodeURIComponent(email)}`).set('Cookie', organizerCookie).expect(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).toContain(email);
      expect(page.text).toContain('<span class="ml-state ml-failed">failed</span>');
      expect(page.text).toMatch(/SMTP 550: [^<]*Mailbox unavailable/);
      expect(page.text).toContain(`&lt;ob-${outboxId}@fairgate.local&gt;`);
      expect(page.text).toContain(`action="/console/mail/messages/${outboxId}/resend"`);
      expect(page.text).toContain('Send all failed emails again');

      // Without the page's token the form does nothing.
      await t.http.post(`/console/mail/messages/${outboxId}/resend`).type('form').send({ _csrf: 'x'.repeat(43) }).set('Cookie', organizerCookie).expect(403);
      expect((await message(outboxId)).status).toBe('failed');

      const returnTo = `/console/mail?status=failed&q=${encodeURIComponent(email)}`;
      const posted = await t.http
        .post(`/console/mail/messages/${outboxId}/resend`).type('form').send({ _csrf: csrfOf(page), returnTo }).set('Cookie', organizerCookie).expect(303);
      expect(posted.headers.location).toBe(`${returnTo}&flash=requeued`);
      await eventually(() => message(outboxId), (m) => m.status === 'sent');
      const after = await t.http.get(`/console/mail?lang=en&q=${encodeURIComponent(email)}&flash=requeued`).set('Cookie', organizerCookie).expect(200);
      expect(after.text).toContain('<span class="ml-state ml-sent">sent</span>');
      expect(after.text).toContain('The failed email is queued again.');

      // The return address is the mail page or nothing: no open redirect.
      const evil = await t.http
        .post('/console/mail/resend-failed').type('form').send({ _csrf: csrfOf(page), returnTo: 'https://evil.example/' }).set('Cookie', organizerCookie).expect(303);
      expect(evil.headers.location).toMatch(/^\/console\/mail\?flash=resent-all&count=\d+$/);
    });

    it('is refused to an exhibitor', async () => {
      await createAccount(t, 'exhibitor', 'page-snoop@exhibitor.test', 'a long exhibitor password');
      const token = (await bearer(t, { email: 'page-snoop@exhibitor.test', password: 'a long exhibitor password' })).slice('Bearer '.length);
      await t.http.get('/console/mail').set('Cookie', `fairgate_session=${token}`).expect(403);
    });
  });

  describe('the queue dashboard /console/queues', () => {
    it('sends anonymous visitors and exhibitors to the login form, serves organizers the dashboard', async () => {
      for (const path of ['/console/queues', '/console/queues/api/queues']) {
        const anonymous = await t.http.get(path).expect(303);
        expect(anonymous.headers.location).toBe('/console/login?next=%2Fconsole%2Fqueues');
        const forged = await t.http.get(path).set('Cookie', `fairgate_session=${'a'.repeat(43)}`).expect(303);
        expect(forged.headers.location).toBe('/console/login?next=%2Fconsole%2Fqueues');
      }
      await createAccount(t, 'exhibitor', 'queue-snoop@exhibitor.test', 'a long exhibitor password');
      const token = (await bearer(t, { email: 'queue-snoop@exhibitor.test', password: 'a long exhibitor password' })).slice('Bearer '.length);
      expect((await t.http.get('/console/queues').set('Cookie', `fairgate_session=${token}`).expect(303)).headers.location).toBe('/console/login?next=%2Fconsole%2Fqueues');
      expect((await t.http.get('/console/queues/api/queues').set('Cookie', `fairgate_session=${token}`)).status).toBe(303);

      const page = await t.http.get('/console/queues').set('Cookie', organizerCookie).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('<base href="/console/queues/"');
      expect(page.text).toContain('Fairgate queues');
      const queues = await t.http.get('/console/queues/api/queues').set('Cookie', organizerCookie).expect(200);
      expect((queues.body.queues as Array<{ name: string }>).map((q) => q.name).sort()).toEqual([...Object.values(Queues)].sort());
    });
  });
});

const lostParams = (): Record<string, unknown> => submittedMailParams('Batch Co.');
