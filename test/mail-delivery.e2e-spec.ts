import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { MailDeliveryService } from '../src/core/mail/mail-delivery.service';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { eventually, startTestApp, type TestApp } from './support/test-app';

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
    await new Promise((r) => setTimeout(r, 800));
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
    await new Promise((r) => setTimeout(r, 800));
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
