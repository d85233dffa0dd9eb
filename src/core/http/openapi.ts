import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details';

/** The security scheme of every protected route: the token POST /api/auth/login answers. */
export const BEARER_SCHEME = 'bearer';

/** Who may call an operation, as the AuthGuard decides it; written into the document as `x-access`. */
export type Access = { public: true } | { public: false; roles: string[] };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/**
 * The OpenAPI document of the HTTP API. Besides what the decorators say, every operation states
 * who may call it, read from the same @Public()/@Roles() metadata the AuthGuard enforces:
 * `security: []` for public routes, the bearer scheme for the others, and `x-access` (plus a line
 * in the description) naming the roles. Works on an app created with `preview: true` (no database).
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Fairgate API')
      .setDescription('Trade fairs of the Kim Dae-jung Convention Center, Gwangju. Errors share one format: ErrorResponse, RFC 9457 problem details sent as application/problem+json.')
      .setVersion('0.1.0')
      .setLicense('UNLICENSED', 'https://fairgate.example/license')
      // Relative: the server that serves this document (behind any proxy); PUBLIC_URL is where emails link to.
      .addServer('/', 'This deployment')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The token of POST /api/auth/login, sent as Authorization: Bearer <token>.' }, BEARER_SCHEME)
      .build(),
  );
  const access = accessByOperationId(app);
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op?.operationId) continue;
      const rule = access.get(op.operationId);
      if (!rule) continue;
      const who = rule.public ? 'anyone, without logging in' : `${rule.roles.join(' or ')} accounts (bearer token)`;
      op.security = rule.public ? [] : [{ [BEARER_SCHEME]: [] }];
      (op as unknown as Record<string, unknown>)['x-access'] = rule.public ? 'public' : rule.roles;
      op.description = [op.description, `Who may call: ${who}.`].filter(Boolean).join('\n\n');
    }
  }
  declareProblemResponses(document);
  return document;
}

const ERROR_SCHEMA_REF = '#/components/schemas/ErrorResponse';

/**
 * Error answers are `application/problem+json` (the exception filter's content type, whatever the
 * route produces when it succeeds). @nestjs/swagger writes every `type: ErrorResponse` response
 * under the route's media types (application/json, or text/csv on a route that @ApiProduces it);
 * this declares each such response (status 4xx/5xx, schema ErrorResponse) under the problem media
 * type alone, so controllers keep their plain `@ApiConflictResponse({ type: ErrorResponse })`.
 */
export function declareProblemResponses(document: OpenAPIObject): void {
  type Schema = { $ref?: string; allOf?: Array<{ $ref?: string }> };
  const isErrorSchema = (schema: Schema | undefined): boolean =>
    (schema?.$ref ?? (schema?.allOf?.length === 1 ? schema.allOf[0].$ref : undefined)) === ERROR_SCHEMA_REF;
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
        const r = response as { content?: Record<string, { schema?: Schema }> };
        if (!/^[45]/.test(status) || !r.content) continue;
        const media = Object.values(r.content);
        if (media.length === 0 || !media.every((m) => isErrorSchema(m.schema))) continue;
        r.content = { [PROBLEM_CONTENT_TYPE]: r.content['application/json'] ?? media[0] };
      }
    }
  }
}

/** `Controller_method` (the operationId @nestjs/swagger gives) → the route's access rule. */
function accessByOperationId(app: INestApplication): Map<string, Access> {
  const out = new Map<string, Access>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const isPublic = (Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller)) as boolean | undefined;
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller)) as string[] | undefined;
        if (isPublic) out.set(`${controller.name}_${name}`, { public: true });
        else if (roles) out.set(`${controller.name}_${name}`, { public: false, roles });
      }
    }
  }
  return out;
}
