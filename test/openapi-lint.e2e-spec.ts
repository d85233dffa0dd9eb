import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { OpenAPIObject } from '@nestjs/swagger';
import { writeOpenApiDocument } from '../src/openapi-cli';

const run = promisify(execFile);
const root = join(__dirname, '..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer: string }>;
}

/**
 * The OpenAPI document passes Redocly CLI's recommended rules (redocly.yaml) with 0 errors, as
 * `npm run lint:openapi` checks it: built the same way (Nest preview mode, no database), linted by
 * the real linter. Also the promises the linter cannot see: who may call each operation.
 */
describe('OpenAPI document', () => {
  let doc: OpenAPIObject;
  let dir: string;

  beforeAll(async () => {
    doc = await writeOpenApiDocument();
    dir = mkdtempSync(join(tmpdir(), 'fairgate-openapi-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('passes redocly lint --extends recommended with 0 errors', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc));
    const cli = join(root, 'node_modules/@redocly/cli/bin/cli.js');
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    const result = await run(process.execPath, [cli, 'lint', '--config', join(root, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000', file], {
      cwd: root, env, maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string; code?: number }) => error);
    const report = JSON.parse(result.stdout ?? '{}') as { problems?: LintProblem[] };
    expect(Array.isArray(report.problems)).toBe(true);
    const errors = report.problems!.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
    expect(errors).toEqual([]);
    const warnings = report.problems!.filter((p) => p.severity === 'warn');
    expect(warnings.length).toBeLessThanOrEqual(3); // operation-4xx-response on /health, GET /api/fairs, POST /api/auth/logout
  });

  it('declares the bearer scheme it references, and says for every operation who may call it', () => {
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.servers?.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method] as (Record<string, unknown> & { security?: unknown[]; description?: string; summary?: string }) | undefined;
        if (!op) continue;
        operations++;
        const access = op['x-access'];
        const key = `${method.toUpperCase()} ${path}`;
        if (access === 'public') {
          if (!Array.isArray(op.security) || op.security.length !== 0) wrong.push(`${key}: public but security is not []`);
        } else if (Array.isArray(access) && access.length > 0) {
          if (JSON.stringify(op.security) !== JSON.stringify([{ bearer: [] }])) wrong.push(`${key}: roles ${access.join(',')} but security is not bearer`);
        } else {
          wrong.push(`${key}: no x-access (no @Public() or @Roles())`);
        }
        if (!op.description?.includes('Who may call:')) wrong.push(`${key}: description does not say who may call it`);
        if (!op.summary) wrong.push(`${key}: no summary`);
      }
    }
    expect(operations).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
    expect(doc.paths['/api/auth/login'].post?.security).toEqual([]);
    expect(doc.paths['/api/venues/{venue}/bookings'].post?.['x-access' as 'summary']).toEqual(['organizer']);
  });

  it('keeps one schema per class: the edition status history and the application history both survive', () => {
    const schemas = doc.components?.schemas as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(schemas.StatusChangeResponse.properties ?? {})).toEqual(expect.arrayContaining(['action', 'actorRole']));
    expect(Object.keys(schemas.EditionStatusChangeResponse.properties ?? {})).toEqual(expect.arrayContaining(['by', 'from', 'to']));
    const ref = (doc.paths['/api/editions/{code}/status-history'].get?.responses['200'] as { content: Record<string, { schema: { items: { $ref: string } } }> });
    expect(ref.content['application/json'].schema.items.$ref).toBe('#/components/schemas/EditionStatusChangeResponse');
  });
});
