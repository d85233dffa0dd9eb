import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { TEMPLATE_DB_ENV, TEST_PG_ADMIN_URL, TEST_RUN_ENV, urlForDatabase } from './test-env';

export interface TestDatabase {
  name: string;
  url: string;
  /** A pool for the test's own assertions. */
  pool: Pool;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_PG_ADMIN_URL });
  // An idle client's connection error (server restart, backend terminated) is emitted, not thrown:
  // without a listener it would crash the test file. The next query on it fails and says why.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database cloned from the migrated, seeded template of this run. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env[TEMPLATE_DB_ENV];
  if (!template) throw new Error('the Jest global setup did not run (no template database)');
  const name = `fg_t_${process.env[TEST_RUN_ENV] ?? process.pid}_${randomBytes(5).toString('hex')}`;
  await admin(async (client) => {
    // Two clones of one template at the same instant can collide on its lock; retry briefly.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  });
  const url = urlForDatabase(name);
  const pool = new Pool({ connectionString: url, max: 4 });
  // Dropping the database (WITH FORCE) ends connections that may still be closing; that is expected.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end().catch(() => undefined);
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
