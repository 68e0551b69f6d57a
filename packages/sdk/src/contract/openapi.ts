import { z } from 'zod';
import { ErrorBody } from './errors.js';
import { ROUTES, type RouteSpec } from './routes.js';

type JsonSchema = Record<string, unknown>;

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request: the `param` names the offending parameter',
  401: 'Missing or unknown API key',
  402: 'Card declined',
  403: 'Key not allowed for this route or origin',
  404: 'No such resource',
  409: 'Conflict',
  413: 'The request body is too large',
  415: 'Unsupported Content-Type, charset or Content-Encoding of the body',
  422: 'Unprocessable in the current state',
  429: 'Too many requests',
  500: 'Server error (no internals are revealed)',
};

/**
 * Converts a schema to JSON Schema 2020-12 (OpenAPI 3.1's dialect), hoisting every schema that
 * carries a `meta({ id })` into `components.schemas` so the document references rather than repeats.
 */
function toSchema(schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
  // zod points references at local $defs; in the document they live under components.schemas.
  const json = JSON.parse(JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
    $schema?: string;
  };
  const { $defs, $schema: _dialect, ...rest } = json;
  for (const [id, def] of Object.entries($defs ?? {})) components[id] = def;
  return rest;
}

function parameters(spec: RouteSpec, components: Record<string, JsonSchema>) {
  const out: JsonSchema[] = [];
  const add = (where: 'path' | 'header' | 'query', schema: z.ZodType) => {
    const json = toSchema(schema, 'input', components) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      const { description, deprecated, ...schemaOnly } = prop;
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        ...(description ? { description } : {}),
        ...(deprecated === true ? { deprecated: true } : {}),
        schema: schemaOnly,
      });
    }
  };
  if (spec.params) add('path', spec.params);
  if (spec.headers) add('header', spec.headers);
  if (spec.query) add('query', spec.query);
  return out;
}

/** The OpenAPI 3.1 document of the API, generated from the contract's route table and schemas. */
export function buildOpenApiDocument(options: { version: string; serverUrl?: string }): JsonSchema {
  const components: Record<string, JsonSchema> = {};
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const errorRef = toSchema(ErrorBody, 'output', components);
  const errorResponse = (status: number) => ({
    description: STATUS_TEXT[status] ?? 'Error',
    content: { 'application/json': { schema: errorRef } },
  });
  for (const [operationId, spec] of Object.entries(ROUTES) as [string, RouteSpec][]) {
    const path = spec.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const statuses = new Set<number>([
      ...(spec.query || spec.params || spec.body ? [400] : []),
      ...(spec.body ? [413, 415] : []),
      ...(spec.auth === 'none' ? [] : [401, 403]),
      ...(spec.errors ?? []),
      500,
    ]);
    const success = spec.status ?? 200;
    const responses: Record<string, unknown> = {
      [success]: {
        description: success === 201 ? 'Created' : success === 202 ? 'Accepted' : 'OK',
        content: { 'application/json': { schema: toSchema(spec.response, 'output', components) } },
      },
    };
    for (const status of [...statuses].sort()) responses[status] = errorResponse(status);
    (paths[path] ??= {})[spec.method] = {
      operationId,
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.auth === 'none'
        ? { security: [] }
        : spec.auth === 'session'
          ? { security: [{ staffSession: [] }] }
          : spec.path.startsWith('/v1/admin/')
            ? { security: [{ apiKey: [] }, { staffSession: [] }] }
            : {}),
      parameters: parameters(spec, components),
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: { [spec.bodyType ?? 'application/json']: { schema: toSchema(spec.body, 'input', components) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Shoptag API',
      version: options.version,
      description:
        'Storefront and admin API of a Shoptag server. Money is integer minor units plus an ISO 4217 currency.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    security: [{ apiKey: [] }],
    tags: [...new Set(Object.values(ROUTES).map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'A publishable key (pk_…) for storefront routes, a secret key (sk_…) for admin routes',
        },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'shoptag_admin_session',
          description:
            "The console session set by POST /v1/admin/session; writes with it need its csrf_token in X-CSRF-Token and the server's own Origin",
        },
      },
      schemas: components,
    },
  };
}
