import type { DataSource } from 'typeorm';
import { queryPrepared } from '../src/core/database/prepared-statement';
import { pgCode } from '../src/core/database/postgres-errors';
import { useTestDataSource } from './support/test-database';

/** The hot statements' named prepared statements (session lookup, hold, registration), on real PostgreSQL. */
describe('queryPrepared', () => {
  const database = useTestDataSource();

  const preparedOnThisConnection = (manager: DataSource['manager']): Promise<Array<{ name: string; generic_plans: string; custom_plans: string }>> =>
    manager.query(`SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'test.%'`);

  it('prepares once per connection and runs it again with new values', async () => {
    await database.ds.transaction(async (manager) => {
      const answers: number[] = [];
      for (let i = 0; i < 7; i++) {
        const [row] = await queryPrepared<{ n: number }>(manager, 'test.add-one', 'SELECT $1::int + 1 AS n', [i]);
        answers.push(row.n);
      }
      expect(answers).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const prepared = (await preparedOnThisConnection(manager)).filter((p) => p.name === 'test.add-one');
      // One statement, executed seven times (PostgreSQL's first five plans are custom, then generic).
      expect(prepared).toHaveLength(1);
      expect(prepared[0].name).toBe('test.add-one');
      expect(Number(prepared[0].generic_plans) + Number(prepared[0].custom_plans)).toBe(7);
    });
  });

  it('negative control: the same statement through query() leaves nothing prepared', async () => {
    await database.ds.transaction(async (manager) => {
      await manager.query('SELECT $1::int + 2 AS n', [1]);
      const prepared: unknown[] = await manager.query(`SELECT name FROM pg_prepared_statements WHERE statement = 'SELECT $1::int + 2 AS n'`);
      expect(prepared).toEqual([]);
    });
  });

  it('outside a transaction it runs on the pool, rows as query() gives them', async () => {
    const [viaQuery] = await database.ds.query<Array<{ now: Date; t: string }>>(`SELECT '2027-04-28T05:00:00Z'::timestamptz AS now, $1::text AS t`, ['한글']);
    const [viaPrepared] = await queryPrepared<{ now: Date; t: string }>(database.ds, 'test.types', `SELECT '2027-04-28T05:00:00Z'::timestamptz AS now, $1::text AS t`, ['한글']);
    expect(viaPrepared).toEqual(viaQuery);
    expect(viaPrepared.now).toBeInstanceOf(Date);
  });

  it('keeps the PostgreSQL error code, so callers map refusals as before', async () => {
    const error: unknown = await queryPrepared(database.ds, 'test.divide', 'SELECT 1 / $1::int AS n', [0]).catch((e: unknown) => e);
    expect(pgCode(error)).toBe('22012');
  });

  it('refuses one name with two texts on a connection instead of running the wrong statement', async () => {
    await database.ds.transaction(async (manager) => {
      await queryPrepared(manager, 'test.clash', 'SELECT $1::int AS n', [1]);
      await expect(queryPrepared(manager, 'test.clash', 'SELECT $1::int * 2 AS n', [1])).rejects.toThrow(/unique/i);
    });
  });
});
