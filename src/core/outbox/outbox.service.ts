import { Injectable } from '@nestjs/common';
import type { TransactionContext } from '../database/transaction-runner';
import type { MailTemplate } from '../mail/mail-template';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';

/** An outbox row as stored: the template by name, its params as JSON (what the mail worker reads back). */
export interface NewOutboxMessage {
  template: string;
  recipient: string;
  locale: string;
  params: Record<string, unknown>;
  /** The bulk send (mail_batches) the message belongs to, if any. */
  batchId?: string | null;
  /** The edition the message belongs to, if any (its edited texts apply). */
  scopeId?: string | null;
}

/** Who gets a template's mail, in which language, with which params (checked against the template's `P`). */
export interface OutboxMail<P> {
  recipient: string;
  locale: string;
  params: P;
  /** The bulk send (mail_batches) the message belongs to, if any. */
  batchId?: string | null;
  /** The edition the message belongs to: the mail is rendered with that edition's edited texts, if any. */
  scopeId?: string | null;
}

/** Business services call this inside their transaction: the mail exists iff the change committed. */
@Injectable()
export class OutboxService {
  constructor(private readonly relay: OutboxRelay) {}

  /**
   * Queues `template` for `mail.recipient`. The params must be exactly what the template declares:
   * a missing or mistyped one fails to compile. The row stores the template's name and the params
   * as JSON, so the worker renders it through the registry as before.
   */
  send<P extends object>(tx: TransactionContext, template: MailTemplate<P>, mail: OutboxMail<NoInfer<P>>): Promise<OutboxMessage> {
    return this.add(tx, {
      template: template.name,
      recipient: mail.recipient,
      locale: mail.locale,
      params: { ...mail.params } as Record<string, unknown>,
      ...(mail.batchId !== undefined ? { batchId: mail.batchId } : {}),
      ...(mail.scopeId !== undefined ? { scopeId: mail.scopeId } : {}),
    });
  }

  /**
   * The row `send` would write, for a hot path that writes it itself in the same statement as its
   * change (one round trip instead of three: e.g. ExhibitorApplicationsRepository.insertSubmittedAnonymous).
   * The caller must insert exactly this row in the change's statement or transaction and call
   * `written()` once that committed.
   */
  message<P extends object>(template: MailTemplate<P>, mail: OutboxMail<NoInfer<P>>): NewOutboxMessage {
    return {
      template: template.name,
      recipient: mail.recipient,
      locale: mail.locale,
      params: { ...mail.params } as Record<string, unknown>,
      batchId: mail.batchId ?? null,
      scopeId: mail.scopeId ?? null,
    };
  }

  /** After a committed write of `message()` rows: wakes the relay (as `send` does after commit). */
  written(): void {
    this.relay.kick();
  }

  /**
   * Writes a row as stored, template by name and untyped params. Services use send(); this is for
   * code that already holds a stored row's shape (tests writing rows no template would make).
   */
  async add(tx: TransactionContext, message: NewOutboxMessage): Promise<OutboxMessage> {
    const row = await tx.manager.getRepository(OutboxMessage).save(tx.manager.create(OutboxMessage, message));
    tx.afterCommit(() => this.relay.kick());
    return row;
  }
}
