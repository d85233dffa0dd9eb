import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { POOL_SIZE_FLOOR, type AppConfig } from '../config/app-config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * One definition of the database connection, used by the app, the migration CLI and tests.
 * Entities and migrations are found by file name so that core needs no import of any module;
 * the globs match .ts under Jest and .js in dist/.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'databaseUrl'> & Partial<Pick<AppConfig, 'databasePoolSize' | 'databasePoolWaitMs'>>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: [join(__dirname, '..', '..', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, '..', '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // Installing extensions is the migrations' job, so a less privileged user sees the same schema.
    installExtensions: false,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension is needed for ids.
    uuidExtension: 'pgcrypto',
    // See AppConfig.databasePoolSize (each email in flight holds a connection for its row lock).
    extra: { max: config.databasePoolSize ?? POOL_SIZE_FLOOR, connectionTimeoutMillis: config.databasePoolWaitMs ?? 5000, application_name: 'fairgate' },
  };
}
