import type { EntityManager } from 'typeorm';
import { passwordResetMail } from '../auth/mail/account-mails';
import type { TransactionContext } from '../database/transaction-runner';
import { html, htmlFrame, type MailTemplate } from '../mail/mail-template';
import { OutboxMessage } from './outbox-message.entity';
import type { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';

interface NoteParams {
  title: string;
  count: number;
}

const noteMail: MailTemplate<NoteParams> = {
  name: 'test.note',
  render: (p, locale) => ({ subject: p.title, text: `${p.title} ${p.count}`, html: htmlFrame(locale, p.title, html`<p>${p.title}</p>`) }),
};

/** A transaction whose manager keeps what it is asked to save. */
function fakeTx(): { tx: TransactionContext; saved: unknown[]; commits: Array<() => void> } {
  const saved: unknown[] = [];
  const commits: Array<() => void> = [];
  const manager = {
    create: (_entity: unknown, values: object) => ({ ...values }),
    getRepository: (entity: unknown) => {
      expect(entity).toBe(OutboxMessage);
      return { save: (row: object) => { saved.push(row); return Promise.resolve({ id: 'row-1', ...row }); } };
    },
  } as unknown as EntityManager;
  return { tx: { manager, afterCommit: (callback) => commits.push(callback) }, saved, commits };
}

describe('OutboxService.send', () => {
  const kick = jest.fn();
  const relay = { kick } as unknown as OutboxRelay;

  it('stores the row as before: the template by name, the params as plain JSON, the batch if any; kicks the relay after commit', async () => {
    const { tx, saved, commits } = fakeTx();
    const params = { displayName: 'Minjun', resetUrl: 'https://fairgate.example/reset?token=a', expiresInMinutes: 30 };
    await new OutboxService(relay).send(tx, passwordResetMail, { recipient: 'minjun@example.com', locale: 'ko', params });
    await new OutboxService(relay).send(tx, noteMail, { recipient: 'a@example.com', locale: 'en', params: { title: 'T', count: 2 }, batchId: 'batch-1' });
    expect(saved).toEqual([
      { template: 'auth.password-reset', recipient: 'minjun@example.com', locale: 'ko', params },
      { template: 'test.note', recipient: 'a@example.com', locale: 'en', params: { title: 'T', count: 2 }, batchId: 'batch-1' },
    ]);
    expect((saved[0] as { params: unknown }).params).not.toBe(params);
    expect(kick).not.toHaveBeenCalled();
    commits.forEach((commit) => commit());
    expect(kick).toHaveBeenCalledTimes(2);
  });
});

/**
 * Compile-time checks (tsc --noEmit reads this file): each `@ts-expect-error` fails the build if
 * the line below it compiles, i.e. if send() stopped checking params against the template.
 * Never called at run time.
 */
export function sendIsTyped(outbox: OutboxService, tx: TransactionContext): void {
  const to = { recipient: 'a@example.com', locale: 'en' };
  void outbox.send(tx, noteMail, { ...to, params: { title: 'ok', count: 1 } });
  // @ts-expect-error a missing parameter (count)
  void outbox.send(tx, noteMail, { ...to, params: { title: 'no count' } });
  // @ts-expect-error a mistyped parameter (count is a number)
  void outbox.send(tx, noteMail, { ...to, params: { title: 'x', count: '1' } });
  // @ts-expect-error a parameter the template does not declare
  void outbox.send(tx, noteMail, { ...to, params: { title: 'x', count: 1, extra: true } });
  // @ts-expect-error another template's params (the reset mail needs displayName, resetUrl, expiresInMinutes)
  void outbox.send(tx, passwordResetMail, { ...to, params: { title: 'x', count: 1 } });
  const declared: NoteParams = { title: 'x', count: 1 };
  // @ts-expect-error params declared as one template's type, sent with another template
  void outbox.send(tx, passwordResetMail, { ...to, params: declared });
}
