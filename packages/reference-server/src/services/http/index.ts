// HTTP-level services: the response cache (compressed bodies, ETags) and Idempotency-Key records.
// No Express types here; the middleware in api/ uses them. Other domains import them only through this file.
export {
  createResponseCache,
  etagOf,
  queryKey,
  type CachedBody,
  type ResponseCache,
  type ResponseCacheOptions,
} from './response-cache.js';
export {
  canonicalJson,
  createIdempotencyService,
  DEFAULT_IDEMPOTENCY_LOCK_MS,
  IDEMPOTENCY_RETENTION_MS,
  type IdempotencyBegin,
  type IdempotencyService,
  type IdempotentRequest,
} from './idempotency-service.js';
