import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildOpenApiDocument, OpenApiDocument, ROUTES, type RouteSpec } from '@shoptag/sdk/contract';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};
const doc = buildOpenApiDocument({ version: '1.2.3' }) as unknown as Doc;

test('the OpenAPI document is version 3.1 and lists every route of the contract', () => {
  assert.equal(doc.openapi, '3.1.0');
  const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
  assert.deepEqual(operations.sort(), Object.keys(ROUTES).sort());
});

test('path parameters use OpenAPI braces and query parameters come from the zod query schema', () => {
  const get = doc.paths['/v1/products/{idOrHandle}']!.get!;
  assert.deepEqual(get.parameters.map((p) => [p.name, p.in]), [['idOrHandle', 'path']]);
  const list = doc.paths['/v1/products']!.get!;
  assert.ok(list.parameters.some((p) => p.name === 'min_price' && p.in === 'query'));
  assert.ok(list.parameters.some((p) => p.name === 'sort' && p.in === 'query'));
});

test('an order is read with its token in a header parameter; the old query token is marked deprecated', () => {
  const parameters = doc.paths['/v1/orders/{id}']!.get!.parameters as { name: string; in: string; required: boolean; deprecated?: boolean }[];
  const header = parameters.find((p) => p.in === 'header');
  assert.deepEqual(header && [header.name, header.required], ['Shoptag-Order-Token', false]);
  const query = parameters.find((p) => p.name === 'token');
  assert.equal(query?.in, 'query');
  assert.equal(query?.deprecated, true);
});

test('every reference resolves to a schema in components', () => {
  const text = JSON.stringify(doc);
  const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(refs.length > 0);
  for (const ref of refs) assert.ok(ref in doc.components.schemas, `missing component ${ref}`);
  assert.ok(!text.includes('#/$defs/'));
});

test('errors are documented with the one error shape', () => {
  const notFound = doc.paths['/v1/products/{idOrHandle}']!.get!.responses['404'];
  assert.match(JSON.stringify(notFound), /#\/components\/schemas\/Error/);
});

test('every path parameter of a route is described by its params schema', () => {
  for (const [id, spec] of Object.entries(ROUTES) as [string, RouteSpec][]) {
    const named = [...spec.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
    assert.deepEqual(named.sort(), Object.keys(spec.params?.shape ?? {}).sort(), id);
  }
});

test('a route that creates answers 201 in the document, and the CSV import takes a text/csv body and answers 202 with its job', () => {
  assert.deepEqual(Object.keys(doc.paths['/v1/admin/products']!.post!.responses).filter((s) => s.startsWith('2')), ['201']);
  const importResponses = doc.paths['/v1/admin/products/import']!.post!.responses;
  assert.deepEqual(Object.keys(importResponses).filter((s) => s.startsWith('2')), ['202']);
  assert.match(JSON.stringify(importResponses['202']), /#\/components\/schemas\/ImportJob/);
  const importBody = (doc.paths['/v1/admin/products/import']!.post! as unknown as { requestBody: { content: Record<string, unknown> } }).requestBody;
  assert.deepEqual(Object.keys(importBody.content), ['text/csv']);
});

test('the document describes itself at GET /v1/openapi.json and matches its own outline', () => {
  assert.equal(doc.paths['/v1/openapi.json']!.get!.operationId, 'getOpenApiDocument');
  assert.ok(OpenApiDocument.safeParse(doc).success);
});

test('a route with a JSON body documents 413 and 415 with the error shape', () => {
  const responses = doc.paths['/v1/carts']!.post!.responses;
  for (const status of ['413', '415']) assert.match(JSON.stringify(responses[status]), /#\/components\/schemas\/Error/, status);
  assert.equal(doc.paths['/v1/products']!.get!.responses['415'], undefined);
});
