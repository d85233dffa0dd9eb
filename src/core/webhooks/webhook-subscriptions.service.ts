import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { DataSource } from 'typeorm';
import { AuditTrail, changedFields, type AuditActor } from '../audit/audit-trail';
import { AppConfig } from '../config/app-config';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { DELIVERY_STATUSES, type DeliveryStatus } from './webhook-delivery.entity';
import { webhookTestEvent } from './webhook-event-type';
import { WebhookEvents } from './webhook-events';
import { WebhookRelay } from './webhook-relay';
import { newWebhookSecret, sealSecret } from './webhook-secrets';
import { WebhookSubscription } from './webhook-subscription.entity';
import { bareHost, isPrivateAddress, URL_PROBLEM_MESSAGES, urlFormProblem, type UrlProblem } from './webhook-url-policy';

/** A subscription as shown: never its secret. */
export interface SubscriptionView {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  scopeId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SubscriptionInput {
  url: string;
  description?: string;
  eventTypes: string[];
  scopeId: string | null;
}

export interface SubscriptionPatch {
  url?: string;
  description?: string;
  eventTypes?: string[];
  scopeId?: string | null;
  active?: boolean;
}

export interface DeliveryFilters {
  type?: string;
  status?: DeliveryStatus;
  subscriptionId?: string;
  page?: number;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  type: string;
  subscriptionId: string;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
}

export interface AttemptView {
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
}

export const DELIVERIES_PAGE_SIZE = 50;

const SUBSCRIPTION = 'webhook-subscription';

/**
 * The organizers' subscriptions and the delivery log: every write is audited in its transaction;
 * a secret is returned only by create and rotate (shown once), and stored sealed.
 */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
    private readonly events: WebhookEvents,
    private readonly relay: WebhookRelay,
  ) {}

  async list(): Promise<SubscriptionView[]> {
    const rows = await this.dataSource.getRepository(WebhookSubscription).find({ order: { createdAt: 'ASC' } });
    return rows.map(toView);
  }

  async get(id: string): Promise<SubscriptionView> {
    return toView(await this.find(this.dataSource.manager, id));
  }

  async create(actor: AuditActor, input: SubscriptionInput): Promise<{ subscription: SubscriptionView; secret: string }> {
    await this.assertUrl(input.url);
    const secret = newWebhookSecret();
    return this.transactions.run(async (tx) => {
      const repo = tx.manager.getRepository(WebhookSubscription);
      const row = await repo.save(repo.create({
        url: input.url, description: input.description ?? '', eventTypes: [...new Set(input.eventTypes)].sort(),
        scopeId: input.scopeId, sealedSecret: sealSecret(this.config.appSecret, secret), active: true,
      }));
      const view = toView(row);
      await this.audit.record(tx.manager, { actor, scopeId: row.scopeId, action: 'webhook.create', subjectType: SUBSCRIPTION, subjectId: row.id, after: auditShape(view) });
      return { subscription: view, secret };
    });
  }

  async update(actor: AuditActor, id: string, patch: SubscriptionPatch): Promise<SubscriptionView> {
    if (patch.url !== undefined) await this.assertUrl(patch.url);
    return this.transactions.run(async (tx) => {
      const row = await this.find(tx.manager, id, true);
      const before = auditShape(toView(row));
      if (patch.url !== undefined) row.url = patch.url;
      if (patch.description !== undefined) row.description = patch.description;
      if (patch.eventTypes !== undefined) row.eventTypes = [...new Set(patch.eventTypes)].sort();
      if (patch.scopeId !== undefined) row.scopeId = patch.scopeId;
      if (patch.active !== undefined) row.active = patch.active;
      const saved = await tx.manager.getRepository(WebhookSubscription).save(row);
      const view = toView(saved);
      const change = changedFields(before, auditShape(view));
      await this.audit.record(tx.manager, { actor, scopeId: saved.scopeId, action: 'webhook.update', subjectType: SUBSCRIPTION, subjectId: id, ...change });
      return view;
    });
  }

  async remove(actor: AuditActor, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const row = await this.find(tx.manager, id, true);
      await tx.manager.getRepository(WebhookSubscription).delete({ id });
      await this.audit.record(tx.manager, { actor, scopeId: row.scopeId, action: 'webhook.delete', subjectType: SUBSCRIPTION, subjectId: id, before: auditShape(toView(row)) });
    });
  }

  /** A new secret replaces the old one at once; returned this once. */
  async rotateSecret(actor: AuditActor, id: string): Promise<{ subscription: SubscriptionView; secret: string }> {
    const secret = newWebhookSecret();
    return this.transactions.run(async (tx) => {
      const row = await this.find(tx.manager, id, true);
      row.sealedSecret = sealSecret(this.config.appSecret, secret);
      const saved = await tx.manager.getRepository(WebhookSubscription).save(row);
      // The secret itself never enters the log: only that it changed.
      await this.audit.record(tx.manager, { actor, scopeId: row.scopeId, action: 'webhook.rotate-secret', subjectType: SUBSCRIPTION, subjectId: id, after: { secretRotatedAt: saved.updatedAt.toISOString() } });
      return { subscription: toView(saved), secret };
    });
  }

  /** A `webhook.test` event for this subscription alone; returns the delivery's id. */
  async sendTest(actor: AuditActor, id: string): Promise<{ deliveryId: string }> {
    return this.transactions.run(async (tx) => {
      const row = await this.find(tx.manager, id);
      const [deliveryId] = await this.events.emitTo(tx, id, webhookTestEvent, { scope: null, data: { message: 'Fairgate test event: your endpoint received and can verify this.', subscription_id: id } });
      await this.audit.record(tx.manager, { actor, scopeId: row.scopeId, action: 'webhook.test', subjectType: SUBSCRIPTION, subjectId: id, after: { deliveryId } });
      return { deliveryId };
    });
  }

  async deliveries(filters: DeliveryFilters): Promise<{ items: DeliveryView[]; total: number; page: number; pageSize: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filters.type) where.push(`e.type = $${params.push(filters.type)}`);
    if (filters.status) where.push(`d.status = $${params.push(filters.status)}`);
    if (filters.subscriptionId) where.push(`d.subscription_id = $${params.push(filters.subscriptionId)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const page = Math.max(1, filters.page ?? 1);
    const [{ total }]: Array<{ total: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id ${clause}`, params,
    );
    const rows: DeliveryRow[] = await this.dataSource.query(
      `${DELIVERY_SELECT} ${clause} ORDER BY d.created_at DESC, d.id LIMIT ${DELIVERIES_PAGE_SIZE} OFFSET ${(page - 1) * DELIVERIES_PAGE_SIZE}`, params,
    );
    return { items: rows.map(toDeliveryView), total, page, pageSize: DELIVERIES_PAGE_SIZE };
  }

  async delivery(id: string): Promise<DeliveryView & { attemptLog: AttemptView[] }> {
    const [row]: DeliveryRow[] = await this.dataSource.query(`${DELIVERY_SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw new DomainError(ErrorCode.NotFound, `No webhook delivery ${id}.`);
    const attempts: Array<{ started_at: Date; duration_ms: number; status_code: number | null; response_excerpt: string | null; error: string | null }> =
      await this.dataSource.query(`SELECT started_at, duration_ms, status_code, response_excerpt, error FROM webhook_attempts WHERE delivery_id = $1 ORDER BY started_at`, [id]);
    return {
      ...toDeliveryView(row),
      attemptLog: attempts.map((a) => ({ startedAt: a.started_at.toISOString(), durationMs: a.duration_ms, statusCode: a.status_code, responseExcerpt: a.response_excerpt, error: a.error })),
    };
  }

  /**
   * Send again: a failed delivery starts a new round of attempts under the same id (receivers
   * dedupe on it); a delivered one is copied to a new delivery, since its receiver already holds
   * that id. Anything still under way is refused.
   */
  async resend(actor: AuditActor, id: string): Promise<{ deliveryId: string; outcome: 'requeued' | 'copied' }> {
    const result = await this.transactions.run(async (tx) => {
      const [row]: Array<{ status: DeliveryStatus; event_id: string; subscription_id: string; scope_id: string | null }> = await tx.manager.query(
        `SELECT d.status, d.event_id, d.subscription_id, e.scope_id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.id = $1 FOR UPDATE OF d`,
        [id],
      );
      if (!row) throw new DomainError(ErrorCode.NotFound, `No webhook delivery ${id}.`);
      let outcome: { deliveryId: string; outcome: 'requeued' | 'copied' };
      if (row.status === 'failed') {
        await tx.manager.query(
          `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(), failed_at = NULL WHERE id = $1`, [id],
        );
        outcome = { deliveryId: id, outcome: 'requeued' };
      } else if (row.status === 'delivered') {
        const [copy]: Array<{ id: string }> = await tx.manager.query(
          `INSERT INTO webhook_deliveries (event_id, subscription_id) VALUES ($1, $2) RETURNING id`, [row.event_id, row.subscription_id],
        );
        outcome = { deliveryId: copy.id, outcome: 'copied' };
      } else {
        throw new DomainError(ErrorCode.IllegalTransition, `Delivery ${id} is ${row.status}: only a failed or delivered one can be sent again.`);
      }
      await this.audit.record(tx.manager, {
        actor, scopeId: row.scope_id, action: 'webhook.resend', subjectType: 'webhook-delivery', subjectId: id,
        before: { status: row.status }, after: { status: 'pending', deliveryId: outcome.deliveryId },
      });
      return outcome;
    });
    this.relay.kick();
    return result;
  }

  private async find(manager: DataSource['manager'], id: string, lock = false): Promise<WebhookSubscription> {
    const row = await manager.getRepository(WebhookSubscription).findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!row) throw new DomainError(ErrorCode.NotFound, `No webhook subscription ${id}.`);
    return row;
  }

  /** The form of the URL, then what its host resolves to now (delivery checks again: DNS rebinding). */
  private async assertUrl(raw: string): Promise<void> {
    const rules = this.config.webhookUrlRules;
    const refuse = (problem: UrlProblem): DomainError =>
      new DomainError(ErrorCode.ValidationFailed, URL_PROBLEM_MESSAGES[problem], { errors: [{ field: 'url', messages: [URL_PROBLEM_MESSAGES[problem]] }], problem });
    const problem = urlFormProblem(raw, rules);
    if (problem) throw refuse(problem);
    const host = bareHost(new URL(raw));
    if (rules.allowPrivate || isIP(host) !== 0) return;
    let addresses: Array<{ address: string }>;
    try {
      addresses = await lookup(host, { all: true });
    } catch {
      throw refuse('unresolvable');
    }
    if (addresses.some((a) => isPrivateAddress(a.address))) throw refuse('private');
  }
}

export function isDeliveryStatus(value: unknown): value is DeliveryStatus {
  return typeof value === 'string' && (DELIVERY_STATUSES as readonly string[]).includes(value);
}

const DELIVERY_SELECT = `SELECT d.id, d.event_id, e.type, d.subscription_id, s.url, d.status, d.attempts, d.last_status_code, d.last_error,
       d.created_at, d.next_attempt_at, d.delivered_at, d.failed_at
  FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id JOIN webhook_subscriptions s ON s.id = d.subscription_id`;

interface DeliveryRow {
  id: string;
  event_id: string;
  type: string;
  subscription_id: string;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  next_attempt_at: Date;
  delivered_at: Date | null;
  failed_at: Date | null;
}

function toDeliveryView(r: DeliveryRow): DeliveryView {
  return {
    id: r.id, eventId: r.event_id, type: r.type, subscriptionId: r.subscription_id, url: r.url, status: r.status, attempts: r.attempts,
    lastStatusCode: r.last_status_code, lastError: r.last_error, createdAt: r.created_at.toISOString(),
    nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
    deliveredAt: r.delivered_at?.toISOString() ?? null, failedAt: r.failed_at?.toISOString() ?? null,
  };
}

function toView(row: WebhookSubscription): SubscriptionView {
  return {
    id: row.id, url: row.url, description: row.description, eventTypes: row.eventTypes, scopeId: row.scopeId, active: row.active,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

function auditShape(view: SubscriptionView): Record<string, unknown> {
  return { url: view.url, description: view.description, eventTypes: view.eventTypes, scopeId: view.scopeId, active: view.active };
}
