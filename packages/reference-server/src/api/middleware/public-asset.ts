import type { RequestHandler } from 'express';

/**
 * Headers for assets any site may embed: the CDN script and its chunks load as module scripts,
 * which browsers fetch with CORS, and images may be embedded by pages that isolate themselves
 * (COEP). These assets carry no per-key data, so any origin may read them.
 */
export function publicAsset(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    next();
  };
}
