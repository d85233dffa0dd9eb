import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppModule } from './app.module';
import { configureHttp } from './bootstrap';
import { loadConfig } from './core/config/app-config';
import { buildOpenApiDocument } from './core/http/openapi';
import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * The OpenAPI document of the API role, built without a database, Redis or a port: Nest's
 * preview mode registers the routes but instantiates no provider.
 */
export async function writeOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig(undefined, { APP_ROLE: 'api', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), { preview: true, logger: false, abortOnError: false, bodyParser: false });
  try {
    configureHttp(app, config);
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** `node dist/src/openapi-cli.js [file]`: writes the document (default dist/openapi.json). */
if (require.main === module) {
  const file = process.argv[2] ?? 'dist/openapi.json';
  writeOpenApiDocument().then(
    (doc) => {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
      process.stdout.write(`${file}: ${Object.keys(doc.paths).length} paths\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
