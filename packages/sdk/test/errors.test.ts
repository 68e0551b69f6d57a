import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiError,
  AuthenticationError,
  CardError,
  ConnectionError,
  createShopError,
  IdempotencyError,
  InvalidRequestError,
  isShopError,
  RateLimitError,
  ShopError,
} from '@shoptag/sdk';

const body = (type: string, extra: Record<string, unknown> = {}) => ({
  error: { type, code: 'some_code', message: 'Something specific.', request_id: 'req_123', ...extra },
});

test('each error type in a response body becomes its own subclass', () => {
  const cases = [
    ['invalid_request_error', 400, InvalidRequestError],
    ['authentication_error', 401, AuthenticationError],
    ['card_error', 402, CardError],
    ['idempotency_error', 409, IdempotencyError],
    ['rate_limit_error', 429, RateLimitError],
    ['api_error', 500, ApiError],
  ] as const;
  for (const [type, statusCode, Ctor] of cases) {
    const err = createShopError({ statusCode, body: body(type) });
    assert.ok(err instanceof Ctor, type);
    assert.ok(err instanceof ShopError);
    assert.ok(err instanceof Error);
    assert.equal(err.type, type);
    assert.equal(err.statusCode, statusCode);
    assert.equal(err.requestId, 'req_123');
    assert.equal(err.message, 'Something specific.');
  }
});

test('param and details of the server error are kept', () => {
  const err = createShopError({
    statusCode: 409,
    body: body('invalid_request_error', { param: 'quantity', details: { available: 2 } }),
  });
  assert.equal(err.param, 'quantity');
  assert.deepEqual(err.details, { available: 2 });
});

test('a body that is not the error shape still gets the family of its status code', () => {
  assert.ok(createShopError({ statusCode: 503, body: '<html>Bad gateway</html>' }) instanceof ApiError);
  assert.ok(createShopError({ statusCode: 403, body: undefined }) instanceof AuthenticationError);
  assert.ok(createShopError({ statusCode: 429 }) instanceof RateLimitError);
  const notFound = createShopError({ statusCode: 404, requestId: 'req_h' });
  assert.ok(notFound instanceof InvalidRequestError);
  assert.equal(notFound.code, 'http_404');
  assert.equal(notFound.requestId, 'req_h');
});

test('a failure with no HTTP answer is a ConnectionError', () => {
  const err = createShopError({ type: 'connection_error', code: 'timeout', message: 'late', cause: new Error('x') });
  assert.ok(err instanceof ConnectionError);
  assert.equal(err.statusCode, undefined);
  assert.ok(isShopError(err));
  assert.equal(isShopError(new Error('plain')), false);
});
