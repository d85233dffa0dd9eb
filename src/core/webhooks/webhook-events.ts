import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { TransactionContext } from '../database/transaction-runner';
import type { WebhookEventType } from './webhook-event-type';
import { WebhookRelay } from './webhook-relay';

/** The scope an event belongs to: its id (matched against subscriptions) and its code (in the payload). */
export interface WebhookScope {
  id: string;
  code: string;
}

/**
 * The areas' one way to tell the organizers' systems something happened. Called inside the
 * change's transaction (the outbox pattern): the event and one delivery per matching active
 * subscription exist iff the change commits; nothing is written when nobody subscribes.
 */
@Injectable()
export class WebhookEvents {
  constructor(private readonly relay: WebhookRelay) {}

  async emit<D extends object>(tx: TransactionContext, event: WebhookEventType<D>, occurrence: { scope: WebhookScope | null; data: NoInfer<D> }): Promise<string[]> {
    return this.write(tx, event, occurrence, null);
  }

  /** The same, for one subscription only, whatever its event types and scope ("send test event"). */
  async emitTo<D extends object>(tx: TransactionContext, subscriptionId: string, event: WebhookEventType<D>, occurrence: { scope: WebhookScope | null; data: NoInfer<D> }): Promise<string[]> {
    return this.write(tx, event, occurrence, subscriptionId);
  }

  /**
   * The same emission as emit(), for a hot path that writes its change in ONE statement (the
   * exhibitor registration): CTEs to append to that statement's WITH list, after the CTE named
   * `source` that yields one row iff the change is written; their parameters are numbered from
   * `firstParam`. The statement must select `(SELECT count(*) FROM webhook_deliveries_written)`
   * and call `written(count)` after it committed. One statement: the event exists iff the change does.
   */
  emissionCtes<D extends object>(
    event: WebhookEventType<D>, occurrence: { scope: WebhookScope | null; data: NoInfer<D> }, source: string, firstParam: number,
  ): { sql: string; params: unknown[] } {
    const [type, scope, id, body, at] = [0, 1, 2, 3, 4].map((i) => `$${firstParam + i}`);
    const createdAt = new Date();
    const eventId = randomUUID();
    const json = JSON.stringify({ id: eventId, type: event.type, created_at: createdAt.toISOString(), [event.scopeKey]: occurrence.scope?.code ?? null, data: occurrence.data });
    return {
      sql: `webhook_subs AS (
         SELECT id FROM webhook_subscriptions WHERE active AND ${type}::text = ANY(event_types) AND (scope_id IS NULL OR scope_id = ${scope}::uuid)
       ), webhook_event AS (
         INSERT INTO webhook_events (id, type, scope_id, body, created_at)
         SELECT ${id}::uuid, ${type}::text, ${scope}::uuid, ${body}::text, ${at}::timestamptz FROM ${source} WHERE EXISTS (SELECT 1 FROM webhook_subs) RETURNING id
       ), webhook_deliveries_written AS (
         INSERT INTO webhook_deliveries (event_id, subscription_id) SELECT webhook_event.id, webhook_subs.id FROM webhook_event, webhook_subs RETURNING id
       )`,
      params: [event.type, occurrence.scope?.id ?? null, eventId, json, createdAt],
    };
  }

  /** After a committed statement with emissionCtes(): wakes the relay when it wrote deliveries. */
  written(deliveries: number): void {
    if (deliveries > 0) this.relay.kick();
  }

  private async write<D extends object>(
    tx: TransactionContext, event: WebhookEventType<D>, occurrence: { scope: WebhookScope | null; data: D }, onlySubscription: string | null,
  ): Promise<string[]> {
    const id = randomUUID();
    const createdAt = new Date();
    // Stable JSON: the envelope's keys in a fixed order; `data` as the area built it.
    const body = JSON.stringify({ id, type: event.type, created_at: createdAt.toISOString(), [event.scopeKey]: occurrence.scope?.code ?? null, data: occurrence.data });
    const rows: Array<{ id: string }> = await tx.manager.query(
      `WITH subs AS (
         SELECT id FROM webhook_subscriptions
          WHERE CASE WHEN $6::uuid IS NULL THEN active AND $2::text = ANY(event_types) AND (scope_id IS NULL OR scope_id = $3::uuid) ELSE id = $6::uuid END
       ), ev AS (
         INSERT INTO webhook_events (id, type, scope_id, body, created_at)
         SELECT $1::uuid, $2::text, $3::uuid, $4::text, $5::timestamptz WHERE EXISTS (SELECT 1 FROM subs) RETURNING id
       )
       INSERT INTO webhook_deliveries (event_id, subscription_id) SELECT ev.id, subs.id FROM ev, subs RETURNING id`,
      [id, event.type, occurrence.scope?.id ?? null, body, createdAt, onlySubscription],
    );
    if (rows.length > 0) tx.afterCommit(() => this.relay.kick());
    return rows.map((r) => r.id);
  }
}
