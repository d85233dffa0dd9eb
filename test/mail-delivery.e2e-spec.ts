import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { TransactionRunner } from '../src/core/database/transaction-runner';
import { MailDeliveryService } from '../src/core/mail/mail-delivery.service';
import { OutboxService } from '../src/core/outbox/outbox.service';
import { Queues } from '../src/core/queue/job-catalogue';
import type { ItineraryMailParams } from '../src/modules/attendees/mail/itinerary.mail';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { bearer, eventually, mailSettled, startTestApp, unfinishedJobs, type TestApp } from './support/test-app';

/** How the mail worker treats SMTP answers: 4xx retried to exactly one delivery, 5xx final. */
describe('mail delivery', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { MAIL_RETRY_ATTEMPTS: '5', MAIL_RETRY_BASE_MS: '100' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const outboxRowOf = async (applicationId: string): Promise<Record<string, unknown>> =>
    (await t.db.pool.query(`SELECT * FROM outbox_messages WHERE params->>'applicationId' = $1`, [applicationId])).rows[0];

  it('retries after SMTP 451 twice and delivers exactly one email', async () => {
    t.smtp.replyWith({ code: 451, message: 'Try again later' }, { code: 451, message: 'Try again later' });
    const attemptsBefore = t.smtp.attempts;
    const before = t.smtp.received.length;
    const res = await t.http.post(registrationPath()).send(newExhibitorApplication()).expect(201);
    await t.smtp.waitFor(before + 1);
    const row = await eventually(() => outboxRowOf(res.body.id), (r) => r.status === 'sent');
    expect(row.attempts).toBe(3);
    expect(t.smtp.attempts - attemptsBefore).toBe(3);
    await mailSettled(t); // nothing left that could send a second copy
    expect(t.smtp.received.filter((m) => m.parsed.text?.includes(res.body.id))).toHaveLength(1);
  });

  it('marks the row failed with the reason after SMTP 550, after one attempt', async () => {
    t.smtp.replyWith({ code: 550, message: 'Mailbox unavailable' });
    const attemptsBefore = t.smtp.attempts;
    const res = await t.http.post(registrationPath()).send(newExhibitorApplication()).expect(201);
    const row = await eventually(() => outboxRowOf(res.body.id), (r) => r.status === 'failed');
    expect(row.last_error).toMatch(/SMTP 550.*Mailbox unavailable/);
    expect(row.attempts).toBe(1);
    expect(row.failed_at).not.toBeNull();
    await mailSettled(t); // nothing left that could try again
    expect(t.smtp.attempts - attemptsBefore).toBe(1);
    expect(t.smtp.received.some((m) => m.parsed.text?.includes(res.body.id))).toBe(false);
  });

  it('gives up on a server that keeps answering 4xx, and says so on the row', async () => {
    t.smtp.replyWith(...Array.from({ length: 5 }, () => ({ code: 421, message: 'Service not available' })));
    const res = await t.http.post(registrationPath()).send(newExhibitorApplication()).expect(201);
    const row = await eventually(() => outboxRowOf(res.body.id), (r) => r.status === 'failed', 30000);
    expect(row.attempts).toBe(5);
    expect(row.last_error).toMatch(/^gave up after 5 attempts: SMTP 421/);
  });

  it('never sends a sent row again, even when its job runs twice', async () => {
    t.smtp.replyWith();
    const before = t.smtp.received.length;
    const res = await t.http.post(registrationPath()).send(newExhibitorApplication()).expect(201);
    await t.smtp.waitFor(before + 1);
    const row = await eventually(() => outboxRowOf(res.body.id), (r) => r.status === 'sent');
    const delivery = t.running.app.get(MailDeliveryService);
    await expect(delivery.deliver(row.id as string, false)).resolves.toBe('skipped');
    expect(t.smtp.received.length).toBe(before + 1);
  });

  /** Issue 12, item 3: the address passed IsEmail at registration and then failed the iCalendar writer. */
  const UNWRITABLE = '"john doe;x"@example.com';

  it('refuses at registration an address the iCalendar writer and the mail transport cannot carry', async () => {
    const res = await t.http.post('/api/editions/ppuri-2027/attendees').send({
      name: 'John Doe', email: UNWRITABLE, country: 'KR', kind: 'trade_visitor', days: ['2027-04-28'], language: 'en',
      consentMessages: true, consentShareContact: false,
    }).expect(400);
    expect(JSON.stringify(res.body)).toContain('email must be an email address');
    expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM attendees WHERE email = $1`, [UNWRITABLE])).rows[0].n).toBe(0);
  });

  it('marks an email that cannot be rendered failed with the reason after one attempt, never retries it, and shows it in the mail console', async () => {
    // A row written before validation refused such addresses (or by any path that skips it): the
    // itinerary's calendar names the attendee, and the iCalendar writer refuses the address.
    const params: ItineraryMailParams = {
      attendeeId: '00000000-0000-4000-8000-000000000012', name: 'John Doe', email: UNWRITABLE,
      edition: { ko: '2027 국제뿌리산업전시회', en: '2027 PPURI Fair' }, organizer: { email: 'no-reply@fairgate.local', name: 'Fairgate' }, full: true,
      items: [{
        uid: 'itinerary-00000000-0000-4000-8000-000000000012-exhibition-2027-04-28@fairgate', kind: 'exhibition',
        startsAt: '2027-04-28T01:00:00.000Z', endsAt: '2027-04-28T09:00:00.000Z', title: { ko: '전시', en: 'Exhibition' },
        location: { ko: '김대중컨벤션센터', en: 'KDJ Center' }, details: { ko: '', en: '' }, sequence: 0, changed: true,
      }],
      cancelled: [],
    };
    const attemptsBefore = t.smtp.attempts;
    const startedBefore = t.smtp.dataStarted;
    const row = await t.running.app.get(TransactionRunner).run((tx) =>
      t.running.app.get(OutboxService).add(tx, { template: 'attendees.itinerary', recipient: UNWRITABLE, locale: 'en', params: params as unknown as Record<string, unknown> }),
    );
    // Red before the fix: the row stayed 'dispatched' with 0 attempts and no error, its job retried.
    const failed = await eventually(
      async () => (await t.db.pool.query(`SELECT status, attempts, last_error, failed_at FROM outbox_messages WHERE id = $1`, [row.id])).rows[0],
      (r) => r.status === 'failed',
      30_000,
    );
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/^could not render attendees\.itinerary: not a calendar address: "\\"john doe;x\\"@example\.com"$/);
    expect(failed.failed_at).not.toBeNull();
    // Not retried: once nothing is left to run, the row still counts one attempt and no send began.
    await mailSettled(t);
    expect(await unfinishedJobs(t, Queues.Mail)).toBe(0);
    expect((await t.db.pool.query(`SELECT status, attempts FROM outbox_messages WHERE id = $1`, [row.id])).rows[0]).toEqual({ status: 'failed', attempts: 1 });
    expect(t.smtp.attempts - attemptsBefore).toBe(0);
    expect(t.smtp.dataStarted - startedBefore).toBe(0);
    // The organizers see it, with the reason, in the mail console (which reads the outbox).
    const api = await bearer(t);
    const shown = (await t.http.get(`/api/organizer/mail/messages/${row.id}`).set('Authorization', api).expect(200)).body;
    expect(shown).toMatchObject({ status: 'failed', attempts: 1, lastError: failed.last_error });
    const list = (await t.http.get('/api/organizer/mail/messages?status=failed').set('Authorization', api).expect(200)).body;
    expect(list.items.map((m: { id: string }) => m.id)).toContain(row.id);
  });

  it('refuses to hand the mail transport an address outside the shared check: a permanent failure, nothing sent', async () => {
    const attemptsBefore = t.smtp.attempts;
    const row = await t.running.app.get(TransactionRunner).run((tx) =>
      t.running.app.get(OutboxService).add(tx, { template: 'exhibitor.application-submitted', recipient: 'a@example.com, b@example.com', locale: 'en', params: {
        applicationId: '00000000-0000-4000-8000-000000000013', companyName: 'Two Mailboxes Co.', contactName: 'Lee', businessRegistrationNumber: '220-81-62517',
        editionNameKo: '2027 국제뿌리산업전시회', editionNameEn: '2027 PPURI Fair', startsOn: '2027-04-28', endsOn: '2027-04-30', boothType: 'raw_space', boothCount: 1, productCategories: ['casting'],
      } }),
    );
    const failed = await eventually(
      async () => (await t.db.pool.query(`SELECT status, attempts, last_error FROM outbox_messages WHERE id = $1`, [row.id])).rows[0],
      (r) => r.status === 'failed',
      30_000,
    );
    expect(failed).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/^EENVELOPE: not a deliverable address/) });
    await mailSettled(t);
    expect(t.smtp.attempts - attemptsBefore).toBe(0);
    expect(t.smtp.perRecipient.has('b@example.com')).toBe(false);
  });
});

describe('mail without an SMTP server (development default)', () => {
  it('writes each email as an .eml file under MAIL_DIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fairgate-mail-'));
    const t = await startTestApp({ env: { SMTP_URL: '', MAIL_DIR: dir } });
    try {
      const res = await t.http.post(registrationPath()).send(newExhibitorApplication()).expect(201);
      const files = await eventually(() => readdir(dir), (f) => f.length === 1);
      expect(files[0]).toMatch(/^ob-[0-9a-f-]{36}@fairgate\.local\.eml$/);
      const mail = await simpleParser(await readFile(join(dir, files[0])));
      expect(mail.text).toContain(res.body.id);
      expect(mail.subject).toContain('Exhibitor application received');
      const row = await eventually(
        async () => (await t.db.pool.query(`SELECT status, smtp_response FROM outbox_messages`)).rows[0],
        (r) => r?.status === 'sent',
      );
      expect(row.smtp_response).toBe(`written to ${join(dir, files[0])}`);
    } finally {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
