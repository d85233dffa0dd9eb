import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditContext, markNothingChanged } from './audit-context';

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
    markNothingChanged();
  }

  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    const request = auditContext.getStore();
    if (request) request.recorded = true;
    await manager.query(
      `INSERT INTO audit_entries (actor_account_id, actor_email, scope_id, action, subject_type, subject_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.actor?.accountId ?? null,
        entry.actor?.email ?? null,
        entry.scopeId ?? null,
        entry.action,
        entry.subjectType,
        entry.subjectId ?? null,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
      ],
    );
  }
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
