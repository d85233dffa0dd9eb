import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxMessage, type OutboxStatus } from './outbox-message.entity';

/** An outbox row as a page lists it: what was sent, when, and how it went (no params: they may hold links). */
export interface OutboxMessageSummary {
  id: string;
  template: string;
  locale: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}

/** Reads of the outbox for the areas' pages: the emails one address was sent, newest first. */
@Injectable()
export class OutboxReader {
  constructor(private readonly dataSource: DataSource) {}

  messagesTo(recipient: string, limit = 50): Promise<OutboxMessageSummary[]> {
    return this.dataSource.getRepository(OutboxMessage).find({
      select: { id: true, template: true, locale: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, failedAt: true },
      where: { recipient },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }
}
