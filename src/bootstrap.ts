import { INestApplicationContext, RequestMethod, ValidationPipe, type LoggerService } from '@nestjs/common';
import { WorkerHost } from '@nestjs/bullmq';
import { DiscoveryService, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { AppModule } from './app.module';
import type { AppConfig } from './core/config/app-config';
import { ensureDatabaseExists, runMigrations } from './core/database/database-lifecycle';
import { BodyShapePipe } from './core/http/body-shape.pipe';
import { buildOpenApiDocument } from './core/http/openapi';
import { AllExceptionsFilter } from './core/errors/all-exceptions.filter';
import { validationExceptionFactory } from './core/errors/validation';
import { requestIdMiddleware } from './core/logging/request-id';
import { checkRedis } from './core/queue/redis-preflight';
import { accessLog } from './core/logging/access-log';
import { cacheValidationMetadata } from './core/http/validation-metadata-cache';
import { PrototypedExpressAdapter } from './core/http/prototyped-express-adapter';

export interface RunningFairgate {
  app: INestApplicationContext;
  /** The HTTP server when this process serves the API. */
  server?: Server;
  close(): Promise<void>;
}

/**
 * Everything that must hold before Nest starts, each failure a StartupError with one line:
 * the database exists and is migrated, Redis is reachable and will not evict jobs.
 */
export async function preflight(config: AppConfig, logger: LoggerService): Promise<void> {
  await ensureDatabaseExists(config);
  if (config.migrateOnStart) {
    const applied = await runMigrations(config);
    if (applied.length > 0) logger.log({ applied }, 'migrations applied', 'database');
  }
  await checkRedis(config);
}

/** Starts Fairgate in the role the config names: the API (with or without workers) or workers only. */
export async function startFairgate(config: AppConfig, logger: LoggerService): Promise<RunningFairgate> {
  await preflight(config, logger);
  if (!config.runsApi) {
    const app = await NestFactory.createApplicationContext(AppModule.forConfig(config), { logger, abortOnError: false });
    await app.init();
    logger.log({ role: config.role }, 'Fairgate workers running', 'bootstrap');
    return { app, close: () => closeGracefully(app, workerCloseBudgetMs(config)) };
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), new PrototypedExpressAdapter(), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  configureHttp(app, config);
  await app.listen(config.port, '0.0.0.0');
  const server = app.getHttpServer();
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.log({ role: config.role, port, docs: `${config.publicUrl}/api/docs` }, `Fairgate listening on port ${port}`, 'bootstrap');
  return { app, server, close: () => closeGracefully(app, workerCloseBudgetMs(config)) };
}

/**
 * Stops the queue workers first — each waits for its jobs in flight — and only then the rest:
 * Nest's own order would close the SMTP pool and connections (onModuleDestroy) before the workers
 * (onApplicationShutdown), failing the sends a SIGTERM is meant to let finish.
 */
async function closeGracefully(app: INestApplicationContext, budgetMs: number): Promise<void> {
  const discovery = app.get(DiscoveryService, { strict: false });
  const workers = discovery.getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((instance): instance is WorkerHost => instance instanceof WorkerHost);
  await Promise.all(workers.map((host) => closeWithin(host.worker, budgetMs)));
  // The rest (connections, pools, schedulers) gets a bound too: on a machine at load 15 a close
  // once waited past any test's patience. Past it, what is left is dropped with the process.
  if ((await within(app.close(), budgetMs)) === 'overdue') {
    process.emitWarning(`Fairgate: closing the connections took over ${budgetMs} ms; left to the process exit`);
  }
}

/** Most of SHUTDOWN_TIMEOUT_MS for the workers' jobs in flight; the rest for closing connections. */
function workerCloseBudgetMs(config: AppConfig): number {
  return Math.floor(config.shutdownTimeoutMs * 0.8);
}

/** Whether `work` settled within `ms` (its rejection is thrown to the caller). */
async function within(work: Promise<unknown>, ms: number): Promise<'done' | 'overdue'> {
  let timer: NodeJS.Timeout | undefined;
  const overdue = new Promise<'overdue'>((resolve) => {
    timer = setTimeout(() => resolve('overdue'), ms);
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), overdue]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A worker waits for its jobs in flight, but not for ever: past the budget the app stops waiting
 * and cuts the worker's Redis connections, so it neither fetches another job nor reconnects after
 * the app is gone; the stalled-job check runs the abandoned jobs again elsewhere — handlers are
 * idempotent, and a sent outbox row is never sent twice. (A second `close(true)` would not force
 * anything: BullMQ answers it with the first, still pending close.) Without the bound a job stuck
 * on a dead connection kept close() (and a test's afterAll) waiting until the process was killed.
 */
async function closeWithin(worker: WorkerHost['worker'], budgetMs: number): Promise<void> {
  if ((await within(worker.close(), budgetMs)) === 'overdue') await within(worker.disconnect(), budgetMs).catch(() => undefined);
}

/** The HTTP surface: prefix, headers, limits, validation, one error format, OpenAPI. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  // Who may name the client in X-Forwarded-For (TRUST_PROXY); request.ip, used by rate limits, follows it.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(accessLog);
  // upgrade-insecure-requests would send the console's forms to https on a plain-http deployment.
  const https = config.publicUrl.startsWith('https:');
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: https ? [] : null } }, strictTransportSecurity: https }));
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  // CSV imports (up to 5,000 buyers) are the one kind of large body.
  app.useBodyParser('text', { type: 'text/csv', limit: '2mb' });
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'console', method: RequestMethod.ALL }, // the server-rendered web console
      { path: 'console/*path', method: RequestMethod.ALL },
      { path: 'meetings/:token', method: RequestMethod.ALL }, // a participant's own page, by its private link
      { path: 'meetings/:token/*path', method: RequestMethod.ALL },
      { path: 'attendee/:token', method: RequestMethod.ALL }, // a visitor's personal page, by its private link
      { path: 'attendee/:token/*path', method: RequestMethod.ALL },
      { path: 'fairs/:code/visit', method: RequestMethod.ALL }, // visitor registration on the public site
      { path: 'fairs/:code/visit/*path', method: RequestMethod.ALL },
      { path: 'exhibitor', method: RequestMethod.ALL }, // exhibitors' own pages (their JSON API is /api/company)
      { path: 'exhibitor/*path', method: RequestMethod.ALL },
      { path: '/', method: RequestMethod.GET }, // the public site: the front door, the fairs' pages, the favicon
      // GET only: POST /api/fairs/:series/editions is the API's (a page form under /fairs/:code needs its own line).
      { path: 'fairs/:code', method: RequestMethod.GET },
      { path: 'fairs/:code/*path', method: RequestMethod.GET },
      { path: 'favicon.svg', method: RequestMethod.GET },
      { path: 'favicon.ico', method: RequestMethod.GET },
      { path: 'fairs/:code/buyers', method: RequestMethod.ALL }, // foreign buyers register for an edition's export meetings
    ],
  });
  // class-validator's per-object look-up of a class's rules, kept (see cacheValidationMetadata).
  cacheValidationMetadata();
  app.useGlobalPipes(
    new BodyShapePipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      stopAtFirstError: false,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  // Built on the first request for it, not at every start: the document costs seconds of CPU
  // (half of a start-up on a busy machine), and most processes (workers, replicas, tests) never serve it.
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}
