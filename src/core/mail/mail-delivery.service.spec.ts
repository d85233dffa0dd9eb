import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MailDeliveryService, recordSentAndCommit } from './mail-delivery.service';
import type { MailTemplateRegistry } from './mail-template.registry';
import type { MailTextStore } from './mail-text.store';
import type { DeliveryReceipt, MailTransport, OutgoingMail } from './mail-transport';

/**
 * Issue 12, item 5: the only duplicate left is a worker dying between the SMTP server taking the
 * message and the "sent" commit. Everything in that window is a chance for a SIGKILL to duplicate the
 * email, so after the 250 the worker does exactly one thing: one round trip that records the send and
 * commits. Before: an UPDATE, a log line, then a separate COMMIT (two round trips and a log write).
 */
describe('MailDeliveryService: what happens between the SMTP 250 and the commit', () => {
  const ROW = { id: '6f1c1b1e-8f7a-4c55-9d0e-1b2c3d4e5f60', template: 't', recipient: 'a@example.com', locale: 'en', params: {}, status: 'dispatched', attempts: 0 };

  function harness(sendOutcome: () => Promise<DeliveryReceipt>): { service: MailDeliveryService; events: string[] } {
    const events: string[] = [];
    const query = (sql: string): Promise<unknown> => {
      events.push(`query: ${sql.replace(/\s+/g, ' ').trim()}`);
      return Promise.resolve(/^SELECT/.test(sql.trim()) ? [ROW] : []);
    };
    const runner = { connect: () => Promise.resolve(), release: () => Promise.resolve(), query, manager: { query } };
    const dataSource = { createQueryRunner: () => runner } as unknown as DataSource;
    const config = { mailDomain: 'fairgate.local', publicUrl: 'http://localhost' } as AppConfig;
    const templates = { get: () => ({ name: 't', render: () => ({ subject: 's', html: '<p>h</p>', text: 'h' }) }) } as unknown as MailTemplateRegistry;
    const transport = {
      send: async (mail: OutgoingMail) => {
        events.push(`smtp send ${mail.messageId}`);
        const receipt = await sendOutcome();
        events.push('smtp 250');
        return receipt;
      },
    } as unknown as MailTransport;
    return { service: new MailDeliveryService(dataSource, config, templates, transport, {} as MailTextStore), events };
  }

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(function (this: unknown) {
      // Logging is "anything else": recorded to prove it comes after the commit.
      (globalThis as { __events?: string[] }).__events?.push('log');
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    delete (globalThis as { __events?: string[] }).__events;
  });

  it('records the 250 and commits in one round trip, before anything else', async () => {
    const { service, events } = harness(() => Promise.resolve({ messageId: '<ob-x@fairgate.local>', response: "250 2.0.0 Ok: queued as 'A1'", rejected: ['b@example.com'] }));
    (globalThis as { __events?: string[] }).__events = events;
    await expect(service.deliver(ROW.id, false)).resolves.toBe('sent');
    const after = events.slice(events.indexOf('smtp 250') + 1);
    expect(after[0]).toMatch(/^query: UPDATE outbox_messages SET status = 'sent'.*; COMMIT$/);
    expect(after.slice(1)).toEqual(['log']); // no second query (no separate COMMIT); the log line comes after the commit
  });

  it('quotes every value of that one statement (the SMTP response is the server\u2019s text)', () => {
    const sql = recordSentAndCommit(ROW.id, 3, '<ob-x@fairgate.local>', { response: "250 ok'; DROP TABLE outbox_messages; --\\", rejected: ["o'hara@example.com"] });
    expect(sql).toBe(
      `UPDATE outbox_messages SET status = 'sent', attempts = 3, message_id = '<ob-x@fairgate.local>', ` +
        `smtp_response =  E'250 ok''; DROP TABLE outbox_messages; --\\\\', rejected_recipients = ARRAY['o''hara@example.com']::text[], sent_at = now(), last_error = NULL ` +
        `WHERE id = '${ROW.id}'::uuid; COMMIT`,
    );
    expect(recordSentAndCommit(ROW.id, 1, '<m>', { response: '250', rejected: [] })).toContain(`rejected_recipients = '{}'::text[]`);
  });

  it('keeps the separate COMMIT for the paths that send nothing (a temporary failure records its attempt)', async () => {
    const { service, events } = harness(() => Promise.reject(Object.assign(new Error('try later'), { responseCode: 451 })));
    await expect(service.deliver(ROW.id, false)).rejects.toThrow(/temporary mail failure: SMTP 451/);
    expect(events.filter((e) => e.startsWith('query:')).map((e) => e.split(' ').slice(1, 3).join(' '))).toEqual([
      'BEGIN; SET', 'SELECT id,', 'UPDATE outbox_messages', 'COMMIT',
    ]);
  });
});
