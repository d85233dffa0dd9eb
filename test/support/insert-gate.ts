import type { Pool } from 'pg';
import { eventually } from './test-app';

/**
 * Makes a race certain instead of leaving it to the machine's timing: while `fire` runs, one
 * transaction holds every INSERT into `table` back (SHARE ROW EXCLUSIVE: reads go on), and it lets
 * them go only once at least `waiters` are queued behind it — so that many requests have passed
 * their "is it there yet?" read before the first insert commits.
 */
export async function withInsertsHeld<T>(pool: Pool, table: string, fire: () => Promise<T>, waiters = 2): Promise<T> {
  const gate = await pool.connect();
  gate.on('error', () => undefined); // a broken gate fails its next query, which says why
  try {
    await gate.query(`BEGIN; LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
    const fired = fire();
    fired.catch(() => undefined); // awaited below; not an unhandled rejection while the gate waits
    await eventually(
      async () => Number((await pool.query(`SELECT count(*) AS n FROM pg_locks WHERE relation = $1::regclass AND NOT granted`, [table])).rows[0].n),
      (queued) => queued >= waiters,
      120_000,
    );
    await gate.query('COMMIT');
    return await fired;
  } finally {
    await gate.query('ROLLBACK').catch(() => undefined);
    gate.release();
  }
}
