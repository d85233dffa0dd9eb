import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { PgError, pgCode } from './postgres-errors';
import { dataSourceOptions } from './data-source-options';

/** Any key that is the same for every Fairgate instance; serializes migrations across them. */
const MIGRATION_LOCK_KEY = 724_1001;

export class StartupError extends Error {}

export function postgresUnreachable(config: AppConfig, error: unknown): StartupError {
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.+$/, '');
  return new StartupError(
    `PostgreSQL is not reachable at ${config.databaseHost} (DATABASE_URL): ${reason}. ` +
      `Start it (here: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start; elsewhere: docker compose up -d postgres) or set DATABASE_URL.`,
  );
}

/** Creates the database named in DATABASE_URL when it does not exist yet. */
export async function ensureDatabaseExists(config: AppConfig): Promise<void> {
  const url = new URL(config.databaseUrl);
  const name = config.databaseName;
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw postgresUnreachable(config, error);
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } catch (error) {
        if (pgCode(error) !== PgError.DuplicateDatabase) throw error; // another instance was faster
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations, each in its own transaction, under a session advisory lock so
 * that several instances starting together never race. Returns the names applied.
 */
export async function runMigrations(config: AppConfig): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(config), extra: { max: 2 } });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
