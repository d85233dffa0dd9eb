import { Query, type Pool, type PoolClient, type QueryResult } from 'pg';
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
  const runner = on instanceof EntityManager ? on.queryRunner : undefined;
  if (runner && !runner.isReleased) {
    const client = (await runner.connect()) as PoolClient;
    return new Promise<T[]>((resolve, reject) => {
      client.query(namedQuery(name, text, values, (error, result) => (error ? reject(error) : resolve(result.rows as T[]))));
    });
  }
  const dataSource = on instanceof EntityManager ? on.connection : on;
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  // pg-pool answers a Query with a promise of its result (its types say the Query) and releases the client itself.
  const result = (await (pool.query(namedQuery(name, text, values)) as unknown as Promise<QueryResult>)).rows;
  return result as T[];
}

/**
 * The statement as a pg `Query` built from its text: pg copies a query given as a config object
 * ({ name, text, values }) property by property through its descriptors, ~2.5 µs a statement and
 * 2.5 % of a hold's CPU (docs/benchmarks.md, Session 11); from a text it copies nothing.
 */
function namedQuery(name: string, text: string, values: unknown[], callback?: (error: Error | undefined, result: QueryResult) => void): Query {
  const query = new Query(text, values);
  (query as Query & { name: string }).name = name;
  if (callback) (query as Query & { callback: typeof callback }).callback = callback;
  return query;
}
