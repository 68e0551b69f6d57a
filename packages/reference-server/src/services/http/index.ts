// HTTP-level services: the response cache (compressed bodies, ETags) and Idempotency-Key records.
// No Express types here; the middleware in api/ uses them. Other domains import them only through this file.
export {
  CONTENT_CODINGS,
  createZlibCompressor,
  DYNAMIC_LEVELS,
  MIN_COMPRESSED_BYTES,
  STATIC_LEVELS,
  type BodyCompressor,
  type CompressionLevels,
  type ContentCoding,
} from './body-compressor.js';
export {
  codedEtag,
  createEncodedBody,
  etagOf,
  precompressed,
  precompressedOnce,
  type CodedBytes,
  type Codings,
  type EncodedBody,
} from './encoded-body.js';
export {
  createPrecompressedFiles,
  isCompressibleFile,
  type PrecompressedFile,
  type PrecompressedFiles,
} from './precompressed-files.js';
export {
  createResponseCache,
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
