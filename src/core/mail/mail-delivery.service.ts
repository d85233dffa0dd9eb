import { Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { escapeLiteral, type Pool, type PoolClient as PgClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { PgError, pgCode } from '../database/postgres-errors';
import { OutboxMessage } from '../outbox/outbox-message.entity';
import { renderMail, type MailLocale, type RenderedMail } from './mail-template';
import { MailTemplateRegistry } from './mail-template.registry';
import { MailTextStore } from './mail-text.store';
import { isPermanentMailError, MailTransport, type DeliveryReceipt } from './mail-transport';

const ROW_LOCK_TIMEOUT = '15s';

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

/** The columns of a locked outbox row that sending needs. */
type LockedRow = Pick<OutboxMessage, 'id' | 'template' | 'recipient' | 'locale' | 'params' | 'status' | 'attempts' | 'scopeId'>;

/** What a group job did with its rows. */
export interface GroupOutcome {
  sent: number;
  skipped: number;
  failed: number;
}

/**
 * Takes `want` sends from the queue's rate budget (MAIL_RATE_PER_SECOND, shared with the BullMQ
 * limiter); answers how many it may send now (at least 1, waiting if it must).
 */
export type RateGate = (want: number) => Promise<number>;

/** A group job that leaves rows to retry (temporary failures, rows busy elsewhere): BullMQ retries it. */
export class GroupRetryError extends Error {}

/** A row another worker is sending right now; the job retries later instead of sending twice. */
export class OutboxRowBusyError extends Error {}

/** The transaction of one delivery: whether the success path already committed it. */
interface DeliveryTransaction {
  committed: boolean;
}

/**
 * Sends one outbox message, at most once per row: the row is locked for the duration of the
 * send and a sent or failed row is never sent again. The Message-ID derives from the row id,
 * so the one duplicate left possible is recognisable: a worker that dies (SIGKILL, power loss)
 * after the SMTP server took the end of the message and before the "sent" commit reached
 * PostgreSQL. That window is as short as it can be: the 250 is recorded and committed in one round
 * trip, before anything else (logging included), so it spans the server's reply and that one trip —
 * at most the messages in flight in the killed process (MAIL_CONCURRENCY), each duplicate carrying
 * the same Message-ID (README, docs/operations.md; measured by T6 in test/mail-batch.e2e-spec.ts).
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger('mail');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly templates: MailTemplateRegistry,
    private readonly transport: MailTransport,
    private readonly texts: MailTextStore,
  ) {}

  messageIdFor(outboxId: string): string {
    return `<ob-${outboxId}@${this.config.mailDomain}>`;
  }

  /**
   * @param finalAttempt when true, a temporary failure marks the row failed (no retries left).
   * Throws UnrecoverableError for permanent failures, a plain Error for temporary ones.
   */
  async deliver(outboxId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
    let failure: Error | undefined;
    // Plain SQL on one connection: BEGIN and the lock timeout in one round trip, then lock, send,
    // record, commit — four round trips per email (this path runs for every email of a bulk send).
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let open = false;
    try {
      // Wait for the lock rather than skip: the relay holds it for a moment while it commits the
      // hand-over, and a second worker on the same row must wait and then see it sent.
      await runner.query(`BEGIN; SET LOCAL lock_timeout = '${ROW_LOCK_TIMEOUT}'`);
      open = true;
      const tx: DeliveryTransaction = { committed: false };
      const outcome = await this.deliverLocked(runner.manager, tx, outboxId, finalAttempt, (error) => (failure = error));
      if (tx.committed) open = false;
      else {
        await runner.query('COMMIT');
        open = false;
      }
      // Thrown after the commit, so the attempt count and reason are recorded either way.
      if (failure) throw failure;
      return outcome;
    } catch (error) {
      if (open) await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async deliverLocked(
    manager: EntityManager,
    tx: DeliveryTransaction,
    outboxId: string,
    finalAttempt: boolean,
    fail: (error: Error) => void,
  ): Promise<DeliveryOutcome> {
    let row: LockedRow | undefined;
    try {
      const rows: LockedRow[] = await manager.query(
        `SELECT id, template, recipient, locale, params, status, attempts, scope_id AS "scopeId" FROM outbox_messages WHERE id = $1 FOR UPDATE`,
        [outboxId],
      );
      row = rows[0];
    } catch (error) {
      if (pgCode(error) === PgError.LockNotAvailable) throw new OutboxRowBusyError(`outbox row ${outboxId} is being handled elsewhere`);
      throw error;
    }
    if (!row) return 'skipped';
    if (row.status === 'sent' || row.status === 'failed') return 'skipped';

    const template = this.templates.get(row.template);
    if (!template) {
      const error = new UnrecoverableError(`no mail template named ${row.template}`);
      fail(error);
      await this.markFailed(manager, row, error.message);
      return 'failed';
    }
    // Rendering is deterministic: what fails now (an address the iCalendar writer refuses, params a
    // template cannot use) fails on every retry. A permanent failure with its reason, shown in the
    // mail console — never an exception that leaves the row dispatched with no attempt recorded.
    // The edition's own text is read outside the render's try: a database error there is retried like
    // any other, not taken for a template that can never render.
    const kind = row.scopeId && template.editable ? template.editable.kindOf(row.params) : null;
    const text = kind && row.scopeId ? await this.texts.textFor({ scopeId: row.scopeId, kind, locale: row.locale }, manager) : null;
    let rendered: RenderedMail;
    try {
      rendered = renderMail(template, row.params, row.locale as MailLocale, { publicUrl: this.config.publicUrl }, text ?? undefined);
    } catch (error) {
      const why = `could not render ${row.template}: ${error instanceof Error ? error.message : String(error)}`;
      await this.markFailed(manager, row, why);
      fail(new UnrecoverableError(why));
      this.logger.error({ outboxId: row.id, template: row.template, reason: why }, 'email failed permanently: it cannot be rendered');
      return 'failed';
    }
    const messageId = this.messageIdFor(row.id);
    let receipt: DeliveryReceipt;
    try {
      receipt = await this.transport.send({ messageId, to: row.recipient, ...rendered });
    } catch (error) {
      const failure = sendFailure(error, row.attempts + 1, finalAttempt);
      if (failure.giveUp) {
        await this.markFailed(manager, row, failure.reason);
        fail(new UnrecoverableError(failure.reason));
        this.logger.error({ outboxId: row.id, reason: failure.reason }, 'email failed permanently');
        return 'failed';
      }
      const reason = failure.reason;
      await manager.query(`UPDATE outbox_messages SET attempts = $2, last_error = $3 WHERE id = $1`, [row.id, row.attempts + 1, reason]);
      fail(new Error(`temporary mail failure: ${reason}`));
      this.logger.warn({ outboxId: row.id, reason }, 'email failed temporarily; will retry');
      return 'failed';
    }
    // The SMTP server has the message: record that and commit, in one round trip, before anything
    // else. Until this commit lands, a killed worker leaves the row unsent and it goes out again.
    await manager.query(recordSentAndCommit(row.id, row.attempts + 1, messageId, receipt));
    tx.committed = true;
    this.logger.log({ outboxId: row.id, template: row.template, messageId, file: receipt.file }, 'email sent');
    return 'sent';
  }

  /**
   * Sends the rows of a group job (one bulk send's rows, MAIL_GROUP_SIZE at most), at most once per
   * row as `deliver` does, with the lock held only around each send:
   *
   * 1. one unlocked read of the group's unsent rows, then each rendered from its stored payload — no
   *    lock, no transaction, no connection held (the template, params and recipient of a row never
   *    change; a row that cannot be rendered is marked failed, alone);
   * 2. per row, on one connection: `BEGIN; SET LOCAL lock_timeout; SELECT … FOR UPDATE` in one round
   *    trip (a row sent or failed meanwhile is skipped), the SMTP send, then the "sent" UPDATE and
   *    COMMIT in one round trip — the same window for a duplicate as `deliver`: only a message in
   *    flight when the process dies, with the same Message-ID.
   *
   * A crash mid-group loses nothing and resends nothing already recorded: BullMQ hands the stalled
   * job to another worker, which skips the rows marked sent. Temporary failures (and rows locked
   * elsewhere past the lock timeout) are recorded on their row only; the others go on; the job then
   * throws GroupRetryError so BullMQ retries it with backoff (a retry skips what was sent). On the
   * final attempt a temporary failure marks its row failed, like `deliver`.
   */
  async deliverGroup(outboxIds: readonly string[], finalAttempt: boolean, gate: RateGate): Promise<GroupOutcome> {
    const outcome: GroupOutcome = { sent: 0, skipped: 0, failed: 0 };
    const rows: LockedRow[] = await this.dataSource.query(
      `SELECT id, template, recipient, locale, params, status, attempts, scope_id AS "scopeId"
         FROM outbox_messages WHERE id = ANY($1::uuid[]) AND status IN ('pending', 'dispatched') ORDER BY id`,
      [outboxIds],
    );
    outcome.skipped += outboxIds.length - rows.length;
    const ready: Array<{ row: LockedRow; rendered: RenderedMail }> = [];
    for (const row of rows) {
      const rendered = await this.renderRow(row);
      if ('failure' in rendered) {
        // Marked failed only if still unsent: another worker may have sent it since the read.
        const marked = await this.markFailedIfOpen(row, rendered.failure);
        if (marked) outcome.failed++;
        else outcome.skipped++;
        continue;
      }
      ready.push({ row, rendered: rendered.mail });
    }

    let retry = 0;
    let allowance = 1; // the job's own start took one send from the rate budget
    // One connection for the group's row transactions; after an error it is discarded, not reused.
    const client = await (this.dataSource.driver as unknown as { master: Pool }).master.connect();
    let broken: Error | undefined;
    try {
      for (let i = 0; i < ready.length; i++) {
        if (allowance <= 0) allowance = await gate(ready.length - i);
        const result = await this.sendLockedRow(client, ready[i].row.id, ready[i].rendered, finalAttempt, () => allowance--);
        if (result === 'retry') retry++;
        else outcome[result]++;
      }
    } catch (error) {
      broken = error as Error;
      this.logger.warn({ err: broken, outboxIds }, 'group job stopped: its unsent rows go out on the retry');
      throw error;
    } finally {
      client.release(broken);
    }
    if (retry > 0) throw new GroupRetryError(`${retry} of ${outboxIds.length} emails of the group are to be retried (temporary failure or row busy)`);
    return outcome;
  }

  /** A row's email rendered from its stored payload, or why it can never be (a permanent failure). */
  private async renderRow(row: LockedRow): Promise<{ mail: RenderedMail } | { failure: string }> {
    const template = this.templates.get(row.template);
    if (!template) return { failure: `no mail template named ${row.template}` };
    // The edition's text is read outside the render's try: a database error there fails the job
    // (retried), not the row.
    const kind = row.scopeId && template.editable ? template.editable.kindOf(row.params) : null;
    const text = kind && row.scopeId ? await this.texts.textFor({ scopeId: row.scopeId, kind, locale: row.locale }) : null;
    try {
      return { mail: renderMail(template, row.params, row.locale as MailLocale, { publicUrl: this.config.publicUrl }, text ?? undefined) };
    } catch (error) {
      const why = `could not render ${row.template}: ${error instanceof Error ? error.message : String(error)}`;
      this.logger.error({ outboxId: row.id, template: row.template, reason: why }, 'email failed permanently: it cannot be rendered');
      return { failure: why };
    }
  }

  /**
   * One row of a group: lock (one round trip with BEGIN), send, record and commit (one round trip).
   * `took` is called once a send is attempted (it used the rate budget).
   */
  private async sendLockedRow(client: PgClient, id: string, rendered: RenderedMail, finalAttempt: boolean, took: () => void): Promise<DeliveryOutcome | 'retry'> {
    let locked: Array<{ status: string; attempts: number; recipient: string }>;
    try {
      const results = (await client.query(
        `BEGIN; SET LOCAL lock_timeout = '${ROW_LOCK_TIMEOUT}'; SELECT status, attempts, recipient FROM outbox_messages WHERE id = ${escapeLiteral(id)}::uuid FOR UPDATE`,
      )) as unknown as Array<{ rows: Array<{ status: string; attempts: number; recipient: string }> }>;
      locked = results[2].rows;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if (pgCode(error) === PgError.LockNotAvailable) {
        this.logger.warn({ outboxId: id }, 'outbox row is being handled elsewhere; the group job retries it later');
        return 'retry';
      }
      throw error;
    }
    const row = locked[0];
    if (!row || row.status === 'sent' || row.status === 'failed') {
      await client.query('COMMIT');
      return 'skipped';
    }
    const messageId = this.messageIdFor(id);
    let receipt: DeliveryReceipt;
    took();
    try {
      receipt = await this.transport.send({ messageId, to: row.recipient, ...rendered });
    } catch (error) {
      const failure = sendFailure(error, row.attempts + 1, finalAttempt);
      if (failure.giveUp) {
        await client.query(`${markFailedSql(id, row.attempts + 1, failure.reason)}; COMMIT`);
        this.logger.error({ outboxId: id, reason: failure.reason }, 'email failed permanently');
        return 'failed';
      }
      const reason = failure.reason;
      await client.query(`UPDATE outbox_messages SET attempts = ${Number(row.attempts + 1)}, last_error = ${escapeLiteral(reason)} WHERE id = ${escapeLiteral(id)}::uuid; COMMIT`);
      this.logger.warn({ outboxId: id, reason }, 'email failed temporarily; will retry');
      return 'retry';
    }
    // The SMTP server has the message: record that and commit, in one round trip, before anything else.
    await client.query(recordSentAndCommit(id, row.attempts + 1, messageId, receipt));
    this.logger.log({ outboxId: id, messageId }, 'email sent');
    return 'sent';
  }

  /** Marks a row that cannot be rendered failed, unless it was sent or failed meanwhile; true when it marked it. */
  private async markFailedIfOpen(row: LockedRow, reason: string): Promise<boolean> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE outbox_messages SET status = 'failed', attempts = attempts + 1, last_error = $2, failed_at = now()
        WHERE id = $1 AND status IN ('pending', 'dispatched')`,
      [row.id, reason.slice(0, 2000)],
    );
    return result[1] > 0;
  }

  private async markFailed(manager: EntityManager, row: LockedRow, reason: string): Promise<void> {
    await manager.query(`UPDATE outbox_messages SET status = 'failed', attempts = $2, last_error = $3, failed_at = now() WHERE id = $1`, [
      row.id,
      row.attempts + 1,
      reason.slice(0, 2000),
    ]);
  }
}

/**
 * The "sent" UPDATE and the COMMIT as one simple-protocol query (one round trip; a parameterised
 * query cannot carry two statements). Values are quoted by pg's escapeLiteral; the id and the
 * Message-ID are ours, the SMTP response is the server's text.
 */
export function recordSentAndCommit(id: string, attempts: number, messageId: string, receipt: Pick<DeliveryReceipt, 'response' | 'rejected'>): string {
  const rejected = receipt.rejected.length ? `ARRAY[${receipt.rejected.map((r) => escapeLiteral(r)).join(', ')}]::text[]` : `'{}'::text[]`;
  return (
    `UPDATE outbox_messages SET status = 'sent', attempts = ${Number(attempts)}, message_id = ${escapeLiteral(messageId)}, ` +
    `smtp_response = ${escapeLiteral(receipt.response.slice(0, 1000))}, rejected_recipients = ${rejected}, sent_at = now(), last_error = NULL ` +
    `WHERE id = ${escapeLiteral(id)}::uuid; COMMIT`
  );
}

/** The "failed" UPDATE of a row as one simple-protocol statement (values quoted by escapeLiteral). */
function markFailedSql(id: string, attempts: number, reason: string): string {
  return `UPDATE outbox_messages SET status = 'failed', attempts = ${Number(attempts)}, last_error = ${escapeLiteral(reason.slice(0, 2000))}, failed_at = now() WHERE id = ${escapeLiteral(id)}::uuid`;
}

/**
 * What a failed send means for its row: given up (a permanent SMTP refusal, or no attempt left) with
 * the reason to record, or a temporary failure to retry.
 */
function sendFailure(error: unknown, attempt: number, finalAttempt: boolean): { giveUp: boolean; reason: string } {
  const reason = describe(error);
  if (isPermanentMailError(error)) return { giveUp: true, reason };
  if (finalAttempt) return { giveUp: true, reason: `gave up after ${attempt} attempts: ${reason}` };
  return { giveUp: false, reason };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const e = error as Error & { responseCode?: number; code?: string; response?: string };
    const parts = [e.responseCode ? `SMTP ${e.responseCode}` : e.code, e.response ?? e.message].filter(Boolean);
    return parts.join(': ').slice(0, 2000);
  }
  return String(error);
}
