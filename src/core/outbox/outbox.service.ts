import { Injectable } from '@nestjs/common';
import type { TransactionContext } from '../database/transaction-runner';
import { OutboxMessage } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';

export interface NewOutboxMessage {
  template: string;
  recipient: string;
  locale: string;
  params: Record<string, unknown>;
  /** The bulk send (mail_batches) the message belongs to, if any. */
  batchId?: string | null;
}

/** Business services call this inside their transaction: the mail exists iff the change committed. */
@Injectable()
export class OutboxService {
  constructor(private readonly relay: OutboxRelay) {}

  async add(tx: TransactionContext, message: NewOutboxMessage): Promise<OutboxMessage> {
    const row = await tx.manager.getRepository(OutboxMessage).save(tx.manager.create(OutboxMessage, message));
    tx.afterCommit(() => this.relay.kick());
    return row;
  }
}
