import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig, type AppRole } from './core/config/app-config';
import { StartupError } from './core/database/database-lifecycle';
import { createPino, JsonLogger } from './core/logging/json-logger';
import { startFairgate, type RunningFairgate } from './bootstrap';

/**
 * Entry point of every Fairgate process; APP_ROLE picks the API, the workers, or both.
 * SIGTERM/SIGINT: stop taking requests, let in-flight requests and jobs finish, close
 * connections, exit 0 (a hard deadline exits 1).
 */
export async function runFairgate(role?: AppRole): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig(undefined, role ? { APP_ROLE: role } : {});
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = new JsonLogger(createPino(config.logLevel));
  let running: RunningFairgate;
  try {
    running = await startFairgate(config, logger);
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`Fairgate cannot start: ${error.message}\n`);
      process.exit(1);
    }
    logger.fatal({ err: error }, 'Fairgate failed to start', 'bootstrap');
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.log({ signal }, 'shutting down: finishing in-flight requests and jobs', 'bootstrap');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown took too long; exiting', 'bootstrap');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    running.close().then(
      () => {
        logger.log('stopped cleanly', 'bootstrap');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down', 'bootstrap');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (require.main === module) void runFairgate();
