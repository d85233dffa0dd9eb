import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AuditFilter {
  /** One scope (an edition's id). */
  scopeId?: string;
  /** Part of the actor's email address. */
  actor?: string;
  /** The start of the action (`application.` or `route.POST`). */
  action?: string;
  /** From this instant (inclusive) to that one (exclusive). */
  from?: Date;
  to?: Date;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string | null;
  scopeId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The audit log's reader: filtered, newest first, a page at a time. */
@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: AuditFilter, page: number, pageSize: number): Promise<{ items: AuditRow[]; total: number }> {
    const { where, params } = whereOf(filter);
    const [{ total }] = await this.dataSource.query<Array<{ total: number }>>(`SELECT count(*)::int AS total FROM audit_entries ${where}`, params);
    const items = await this.rows(where, [...params, pageSize, (page - 1) * pageSize], `LIMIT $${params.length + 1} OFFSET $${params.length + 2}`);
    return { items, total };
  }

  /** Every matching entry (the CSV), up to a bound that keeps one download small. */
  all(filter: AuditFilter, limit = 50_000): Promise<AuditRow[]> {
    const { where, params } = whereOf(filter);
    return this.rows(where, [...params, limit], `LIMIT $${params.length + 1}`);
  }

  private rows(where: string, params: unknown[], tail: string): Promise<AuditRow[]> {
    return this.dataSource.query(
      `SELECT id, at, actor_email AS "actorEmail", scope_id AS "scopeId", action, subject_type AS "subjectType",
              subject_id AS "subjectId", before, after
         FROM audit_entries ${where} ORDER BY at DESC, id ${tail}`,
      params,
    );
  }
}

function whereOf(filter: AuditFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.scopeId) add('scope_id = ?', filter.scopeId);
  if (filter.actor) add(`actor_email ILIKE '%' || ? || '%'`, escapeLike(filter.actor));
  if (filter.action) add(`action LIKE ? || '%'`, escapeLike(filter.action));
  if (filter.from) add('at >= ?', filter.from);
  if (filter.to) add('at < ?', filter.to);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
