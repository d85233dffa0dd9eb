import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../core/outbox/outbox-message.entity';

/** An outbox row as the console reads it (params left out: the console never shows them). */
export interface MailMessageRow {
  id: string;
  recipient: string;
  template: string;
  locale: string;
  status: OutboxStatus;
  attempts: number;
  redrives: number;
  lastError: string | null;
  messageId: string | null;
  smtpResponse: string | null;
  rejectedRecipients: string[];
  batchId: string | null;
  createdAt: Date;
  dispatchedAt: Date | null;
  sentAt: Date | null;
  failedAt: Date | null;
}

export interface MailMessageFilter {
  status?: OutboxStatus;
  template?: string;
  /** Part of the recipient address. */
  q?: string;
  batch?: string;
}

export interface BatchRow {
  id: string;
  template: string;
  label: string;
  total: number;
  createdBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  counts: Record<OutboxStatus, number>;
}

const MESSAGE_COLUMNS = `id, recipient, template, locale, status, attempts, redrives, last_error AS "lastError", message_id AS "messageId",
  smtp_response AS "smtpResponse", rejected_recipients AS "rejectedRecipients", batch_id AS "batchId", created_at AS "createdAt",
  dispatched_at AS "dispatchedAt", sent_at AS "sentAt", failed_at AS "failedAt"`;

/** LIKE treats % and _ as wildcards; a search for them means the characters themselves. */
const likeEscape = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Every query of the mail console. The filters are fixed columns with bound values; the sort is
 * fixed (newest first), so nothing from the request reaches the SQL text.
 */
@Injectable()
export class MailConsoleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listMessages(filter: MailMessageFilter, page: number, pageSize: number): Promise<{ rows: MailMessageRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown): void => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (filter.status) add((p) => `status = ${p}`, filter.status);
    if (filter.template) add((p) => `template = ${p}`, filter.template);
    if (filter.batch) add((p) => `batch_id = ${p}::uuid`, filter.batch);
    if (filter.q) add((p) => `recipient ILIKE ${p}`, `%${likeEscape(filter.q)}%`);
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, count] = await Promise.all([
      this.dataSource.query<MailMessageRow[]>(
        `SELECT ${MESSAGE_COLUMNS} FROM outbox_messages ${whereSql} ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM outbox_messages ${whereSql}`, params),
    ]);
    return { rows, total: count[0].n };
  }

  async findMessage(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<MailMessageRow | undefined> {
    const rows: MailMessageRow[] = await manager.query(`SELECT ${MESSAGE_COLUMNS} FROM outbox_messages WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0];
  }

  /**
   * A failed row goes back to pending with its attempts reset. redrives + 1 tells the relay that
   * a finished job may still sit under the row's job id and must be removed before the add.
   */
  async requeueFailed(manager: EntityManager, filter: { ids?: string[]; template?: string; batch?: string }): Promise<string[]> {
    const where = [`status = 'failed'`];
    const params: unknown[] = [];
    if (filter.ids) where.push(`id = ANY($${params.push(filter.ids)}::uuid[])`);
    if (filter.template) where.push(`template = $${params.push(filter.template)}`);
    if (filter.batch) where.push(`batch_id = $${params.push(filter.batch)}::uuid`);
    const [rows]: [Array<{ id: string; batch_id: string | null }>, number] = await manager.query(
      `UPDATE outbox_messages SET status = 'pending', attempts = 0, redrives = redrives + 1, failed_at = NULL, dispatched_at = NULL
        WHERE ${where.join(' AND ')} RETURNING id, batch_id`,
      params,
    );
    const batches = [...new Set(rows.map((r) => r.batch_id).filter((b): b is string => b !== null))];
    // A finished bulk send with a message going out again is open again.
    if (batches.length > 0) await manager.query(`UPDATE mail_batches SET finished_at = NULL WHERE id = ANY($1::uuid[])`, [batches]);
    return rows.map((r) => r.id);
  }

  /** A new outbox row with the template, recipient, locale and params of a sent one. */
  async copyMessage(manager: EntityManager, id: string): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO outbox_messages (template, recipient, locale, params, scope_id) SELECT template, recipient, locale, params, scope_id FROM outbox_messages WHERE id = $1 RETURNING id`,
      [id],
    );
    return rows[0].id;
  }

  async listBatches(page: number, pageSize: number): Promise<{ rows: BatchRow[]; total: number }> {
    const [batches, count] = await Promise.all([
      this.dataSource.query<Array<Omit<BatchRow, 'counts'>>>(
        `SELECT id, template, label, total, created_by AS "createdBy", created_at AS "createdAt", finished_at AS "finishedAt"
           FROM mail_batches ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2`,
        [pageSize, (page - 1) * pageSize],
      ),
      this.dataSource.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM mail_batches`),
    ]);
    return { rows: await this.withCounts(batches), total: count[0].n };
  }

  async findBatch(id: string): Promise<BatchRow | undefined> {
    const rows: Array<Omit<BatchRow, 'counts'>> = await this.dataSource.query(
      `SELECT id, template, label, total, created_by AS "createdBy", created_at AS "createdAt", finished_at AS "finishedAt" FROM mail_batches WHERE id = $1`,
      [id],
    );
    return (await this.withCounts(rows))[0];
  }

  /** Messages per status of each batch: one grouped query over the batch index. */
  private async withCounts(batches: Array<Omit<BatchRow, 'counts'>>): Promise<BatchRow[]> {
    if (batches.length === 0) return [];
    const counts: Array<{ batchId: string; status: OutboxStatus; n: number }> = await this.dataSource.query(
      `SELECT batch_id AS "batchId", status, count(*)::int AS n FROM outbox_messages WHERE batch_id = ANY($1::uuid[]) GROUP BY batch_id, status`,
      [batches.map((b) => b.id)],
    );
    return batches.map((b) => {
      const byStatus = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
      for (const c of counts) if (c.batchId === b.id) byStatus[c.status] = c.n;
      return { ...b, counts: byStatus };
    });
  }
}
