import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app-config';
import { dataSourceOptions } from '../../src/core/database/data-source-options';
import { runMigrations } from '../../src/core/database/database-lifecycle';
import { checkRedis } from '../../src/core/queue/redis-preflight';
import { seedExhibitions } from '../../src/modules/exhibitors/booths/exhibition.seed';
import { seedFairs } from '../../src/modules/fairs/fairs.seed';
import { seedKdjCenter } from '../../src/modules/venue/venue.seed';
import { dropDatabases } from './test-database';
import { TEMPLATE_DB_ENV, TEST_PG_ADMIN_URL, TEST_REDIS_URL, TEST_RUN_ENV, urlForDatabase } from './test-env';

/**
 * Migrates and seeds one template database per run; each test file then clones it
 * (CREATE DATABASE … TEMPLATE), which takes milliseconds and isolates files from each other.
 */
export default async function globalSetup(): Promise<void> {
  const template = `fairgate_test_tpl_${process.pid}`;
  const admin = new Client({ connectionString: TEST_PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  admin.on('error', () => undefined); // a dropped idle connection fails the next query instead
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`Tests need PostgreSQL at ${TEST_PG_ADMIN_URL}: ${(error as Error).message}. Start it (see README).`);
  }
  try {
    // Leftovers of interrupted runs: names carry the run's pid; never touch a run that is alive.
    const stale = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^(fairgate_test_tpl|fg_t)_[0-9]+(_|$)'`,
    );
    await dropDatabases(stale.rows.map((r) => r.datname).filter((name) => !isAlive(Number(/_(\d+)(_|$)/.exec(name)?.[1]))));
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const config = loadConfig({ DATABASE_URL: urlForDatabase(template), REDIS_URL: TEST_REDIS_URL });
  await runMigrations(config);
  const ds = new DataSource({ ...dataSourceOptions(config), extra: { max: 1 } });
  await ds.initialize();
  await ds.transaction(async (manager) => {
    await seedFairs(manager, await seedKdjCenter(manager));
    await seedExhibitions(manager);
  });
  await ds.destroy();
  await checkRedis(config).catch((error: Error) => {
    throw new Error(`Tests need Redis at ${TEST_REDIS_URL}: ${error.message}`);
  });
  process.env[TEMPLATE_DB_ENV] = template;
  process.env[TEST_RUN_ENV] = String(process.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
