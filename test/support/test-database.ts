import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app-config';
import { dataSourceOptions } from '../../src/core/database/data-source-options';
import { TEMPLATE_DB_ENV, TEST_PG_ADMIN_URL, TEST_RUN_ENV, urlForDatabase } from './test-env';

/** The name of every database a test file of run `runId` clones: fg_t_<run>_<random>. */
export const testDatabasePrefix = (runId: string): string => `fg_t_${runId}_`;

export interface TestDatabase {
  name: string;
  url: string;
  /** A pool for the test's own assertions. */
  pool: Pool;
  /**
   * Ends the file's use of the database: its pool, and any connection still open to it. The database
   * itself is dropped with all of the run's at its end (global-teardown.ts): each DROP DATABASE forces
   * a checkpoint (1–5 s on a busy server, every file paying it), and many dropped at once share one.
   */
  release(): Promise<void>;
}

export async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
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
  const name = `${testDatabasePrefix(process.env[TEST_RUN_ENV] ?? String(process.pid))}${randomBytes(5).toString('hex')}`;
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
  // Releasing the database ends connections that may still be closing; that is expected.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    pool,
    release: async () => {
      await pool.end().catch(() => undefined);
      // What DROP … WITH (FORCE) did here before: nothing of this file keeps a server connection.
      await admin((client) => client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]));
    },
  };
}

/**
 * Drops the databases named, a few at a time: PostgreSQL 15 forces a checkpoint for each DROP
 * DATABASE and waits for it, and drops that run together share one instead of one after another.
 */
export async function dropDatabases(names: string[], concurrency = 8): Promise<void> {
  const queue = [...names];
  const lane = (): Promise<void> =>
    admin(async (client) => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, lane));
}

/**
 * A test file's own database with a TypeORM data source on it (the app's options), opened before
 * the file's tests and closed after them. Read `.ds` / `.db` inside tests, not at definition time.
 */
export function useTestDataSource(): { readonly ds: DataSource; readonly db: TestDatabase } {
  const state: { ds?: DataSource; db?: TestDatabase } = {};
  beforeAll(async () => {
    state.db = await createTestDatabase();
    state.ds = new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: state.db.url })));
    await state.ds.initialize();
  });
  afterAll(async () => {
    await state.ds?.destroy();
    await state.db?.release();
  });
  return {
    get ds() {
      if (!state.ds) throw new Error('useTestDataSource: read .ds inside a test');
      return state.ds;
    },
    get db() {
      if (!state.db) throw new Error('useTestDataSource: read .db inside a test');
      return state.db;
    },
  };
}
