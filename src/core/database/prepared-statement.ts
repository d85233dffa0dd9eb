import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/** Distinct texts given a name; past this, texts run unnamed (a caller building texts per call must not grow the map or the server's per-connection cache). */
const MAX_NAMED_TEXTS = 500;
const names = new Map<string, string>();

/** The statement's name: derived from its text, so one text is one prepared statement on every connection. */
export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED_TEXTS) {
    name = `fg_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A hot statement as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of at every call. On the hot paths planning cost more than the work
 * (the session lookup of every authenticated request: 0.18 ms planning for 0.035 ms executing;
 * a hold: 0.11 ms + parsing a five-CTE statement; docs/benchmarks.md, Session 8). Same rows and
 * errors as `query()` (a pg error keeps its `code`), without TypeORM's logging of the statement.
 * In a transaction (a manager with a query runner) it runs on that transaction's connection.
 */
export async function queryPrepared<T>(on: DataSource | EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const name = statementName(text);
  const config = name === undefined ? { text, values } : { name, text, values };
  const runner = on instanceof EntityManager ? on.queryRunner : undefined;
  if (runner && !runner.isReleased) {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query(config)).rows as T[];
  }
  const dataSource = on instanceof EntityManager ? on.connection : on;
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return (await pool.query(config)).rows as T[];
}
