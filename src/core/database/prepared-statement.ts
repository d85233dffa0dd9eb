import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/**
 * A hot statement as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of at every call. On the hot paths planning cost more than the work (the
 * session lookup of every authenticated request: 0.18 ms planning for 0.035 ms executing; a
 * hold: 0.11 ms planning plus parsing a five-CTE statement; docs/benchmarks.md, Session 8).
 *
 * `name` is the statement's for good: one name, one text (pg refuses a name it has prepared
 * with another text on that connection, so a clash fails loudly rather than running the wrong
 * statement). Same rows and errors as `query()` (a pg error keeps its `code`), without TypeORM's
 * logging of the statement. With a transaction's manager it runs on that transaction's connection.
 */
export async function queryPrepared<T>(on: DataSource | EntityManager, name: string, text: string, values: unknown[]): Promise<T[]> {
  const config = { name, text, values };
  const runner = on instanceof EntityManager ? on.queryRunner : undefined;
  if (runner && !runner.isReleased) {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query(config)).rows as T[];
  }
  const dataSource = on instanceof EntityManager ? on.connection : on;
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return (await pool.query(config)).rows as T[];
}
