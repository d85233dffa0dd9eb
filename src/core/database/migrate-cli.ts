import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/app-config';
import { ensureDatabaseExists, runMigrations, StartupError } from './database-lifecycle';

/**
 * `npm run migration:run`: the same path as `npm start` takes — create the database when
 * missing, then apply pending migrations under the advisory lock.
 */
async function main(): Promise<void> {
  try {
    const config = loadConfig();
    await ensureDatabaseExists(config);
    const applied = await runMigrations(config);
    process.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

void main();
