import { admin, dropDatabases, testDatabasePrefix } from './test-database';
import { TEMPLATE_DB_ENV, TEST_RUN_ENV } from './test-env';

/**
 * Drops the databases of this run — every test file's clone (left in place when the file ended, see
 * TestDatabase.release) and the template — together, so their checkpoints are shared.
 */
export default async function globalTeardown(): Promise<void> {
  const run = process.env[TEST_RUN_ENV];
  if (!run) return; // the global setup did not get as far as creating anything
  const clones = await admin(async (client) =>
    (await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [testDatabasePrefix(run)])).rows.map((r) => r.datname),
  );
  await dropDatabases(clones);
  const template = process.env[TEMPLATE_DB_ENV];
  if (template) await dropDatabases([template]);
}
