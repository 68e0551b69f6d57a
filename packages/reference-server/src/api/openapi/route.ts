import { buildOpenApiDocument } from '@shoptag/sdk/contract';
import type { RequestHandler } from 'express';
import { precompressedOnce, type BodyCompressor } from '../../services/http/index.js';
import { sendEncoded } from '../middleware/content-encoding.js';

const CACHE_CONTROL = 'public, max-age=300';

/**
 * `GET /v1/openapi.json`: the OpenAPI document of this version, serialized and compressed once
 * (on first request: ~110 KB at brotli 11 takes a few hundred ms, which no test or start should pay).
 */
export function openApiDocument(options: { version: string; compressor: BodyCompressor }): RequestHandler {
  const document = precompressedOnce(
    () => Buffer.from(JSON.stringify(buildOpenApiDocument({ version: options.version }))),
    options.compressor,
  );
  return async (req, res) => {
    await sendEncoded(req, res, await document(), {
      type: 'application/json; charset=utf-8',
      cacheControl: CACHE_CONTROL,
    });
  };
}
