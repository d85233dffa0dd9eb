import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { skipRouteEntry } from './audit-context';

/** Who acted: the principal of an organizer route (or null for the system). */
export interface AuditActor {
  accountId: string;
  email: string;
}

export interface AuditRecord {
  actor: AuditActor | null;
  /** The edition (or other scope) the action belongs to, when there is one. */
  scopeId?: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * The audit log's one writer. Call it inside the transaction of the change
 * (`audit.record(tx.manager, {...})`), so an action is logged iff it committed.
 * Only the fields that changed belong in before/after: `changedFields(before, after)` picks them.
 */
@Injectable()
export class AuditTrail {
  /** A write request that changed nothing (an idempotent repeat): no entry, not even the route's. */
  nothingChanged(): void {
    skipRouteEntry();
  }

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const v = this.claim(entry);
    await manager.query(
      `INSERT INTO audit_entries (actor_account_id, actor_email, scope_id, action, subject_type, subject_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [v.actorAccountId, v.actorEmail, v.scopeId, v.action, v.subjectType, v.subjectId, v.before, v.after],
    );
  }

  /**
   * For a writer that inserts the audit row in the same statement as its change (a hot path that
   * makes one round trip): the row's values, and the request is marked as recorded like record() does.
   * The caller must write the row in that statement, so it commits iff the change does.
   */
  claim(entry: AuditRecord): AuditRowValues {
    skipRouteEntry();
    return {
      actorAccountId: entry.actor?.accountId ?? null,
      actorEmail: entry.actor?.email ?? null,
      scopeId: entry.scopeId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
    };
  }
}

/** One audit_entries row's values (before/after as JSON text). */
export interface AuditRowValues {
  actorAccountId: string | null;
  actorEmail: string | null;
  scopeId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: string | null;
  after: string | null;
}

/** The keys whose values differ, as { before, after } holding only those keys. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue; // absent and null are the same
    was[key] = before[key] ?? null;
    now[key] = after[key] ?? null;
  }
  return { before: was, after: now };
}
