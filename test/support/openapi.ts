import { randomUUID } from 'node:crypto';

/** The parts of an OpenAPI 3 document the fuzz and authorization tests read. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  allOf?: Schema[];
  nullable?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  /** `GET /api/exhibitor/applications/{id}`: the key of the operation in both tests. */
  key: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  secured: boolean;
  parameters: Parameter[];
  /** The JSON request body schema (resolved), when the operation takes one. */
  jsonBody?: Schema;
  /** Other request content types the operation declares (multipart/form-data, text/csv). */
  otherContentTypes: string[];
  bodyRequired: boolean;
  /** The 2xx response schema (resolved), when one is declared. */
  okSchema?: Schema;
  responseCodes: string[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document except the documentation itself. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (path.startsWith('/api/docs')) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const content: Record<string, { schema?: Schema }> = op.requestBody?.content ?? {};
      const ok = Object.entries<any>(op.responses ?? {}).find(([code]) => code.startsWith('2'))?.[1];
      const okJson: Schema | undefined = ok?.content?.['application/json']?.schema;
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        secured: Array.isArray(op.security) && op.security.length > 0,
        parameters: [...((item.parameters as Parameter[] | undefined) ?? []), ...((op.parameters as Parameter[] | undefined) ?? [])],
        jsonBody: content['application/json']?.schema ? resolve(doc, content['application/json'].schema) : undefined,
        otherContentTypes: Object.keys(content).filter((c) => c !== 'application/json'),
        bodyRequired: op.requestBody?.required === true,
        okSchema: okJson ? resolve(doc, okJson) : undefined,
        responseCodes: Object.keys(op.responses ?? {}),
      });
    }
  }
  return ops;
}

/** Follows `$ref` and single-element `allOf` (how @nestjs/swagger writes a described reference). */
export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    if (s.$ref) {
      const { $ref, ...rest } = s;
      s = { ...doc.components.schemas[$ref.replace('#/components/schemas/', '')], ...rest };
    } else if (s.allOf?.length === 1) {
      const { allOf, ...rest } = s;
      s = { ...rest, ...allOf[0] };
    } else {
      return s;
    }
  }
  return s;
}

/** A plausible value for a schema: its example, first enum value or default, else one by type. */
export function sampleOf(doc: OpenApiDocument, schema: Schema, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (s.type ?? '') {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth < 6) for (const [name, prop] of Object.entries(s.properties ?? {})) out[name] = sampleOf(doc, prop, depth + 1);
      return out;
    }
    case 'array':
      return s.items && depth < 6 ? [sampleOf(doc, s.items, depth + 1)] : [];
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return false;
    default:
      return s.format === 'uuid' ? randomUUID() : s.format === 'date' ? '2027-04-28' : 'text';
  }
}

export interface Field {
  /** Keys from the body root; array items are `0`. */
  path: string[];
  schema: Schema;
  required: boolean;
}

/** Every field of a body schema, nested objects and array items included. */
export function fieldsOf(doc: OpenApiDocument, schema: Schema, prefix: string[] = [], depth = 0): Field[] {
  const s = resolve(doc, schema);
  const out: Field[] = [];
  if (depth > 5) return out;
  for (const [name, raw] of Object.entries(s.properties ?? {})) {
    const prop = resolve(doc, raw);
    const path = [...prefix, name];
    out.push({ path, schema: prop, required: s.required?.includes(name) ?? false });
    if (prop.type === 'object' || prop.properties) out.push(...fieldsOf(doc, prop, path, depth + 1));
    if (prop.type === 'array' && prop.items) {
      const item = resolve(doc, prop.items);
      out.push({ path: [...path, '0'], schema: item, required: false });
      if (item.type === 'object' || item.properties) out.push(...fieldsOf(doc, item, [...path, '0'], depth + 1));
    }
  }
  return out;
}

/** The top-level property names a response schema allows (undefined when it declares none). */
export function allowedKeys(doc: OpenApiDocument, schema: Schema): Set<string> | undefined {
  const s = resolve(doc, schema);
  if (s.type === 'array' && s.items) return allowedKeys(doc, s.items);
  return s.properties ? new Set(Object.keys(s.properties)) : undefined;
}
