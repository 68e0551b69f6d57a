import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import express, { Router, type Request } from 'express';
import { NotFoundError } from '../../errors.js';
import {
  createPrecompressedFiles,
  createZlibCompressor,
  STATIC_LEVELS,
  type BodyCompressor,
  type PrecompressedFiles,
} from '../../services/http/index.js';
import { sendEncoded } from '../middleware/content-encoding.js';
import { ROUTE_UNKNOWN } from '../middleware/error-handler.js';
import { setPageSecurityHeaders } from './page-security.js';

export interface DemoOptions {
  /** The demo shop's files; `null` when not in the repository (no page at `/`). */
  shopDir: string | null;
  /** Where the elements' CDN bundle is built. */
  cdnDir: string;
  /** Substituted for `%SHOPTAG_PUBLISHABLE_KEY%` in HTML pages. */
  publishableKey: string;
  /** CSP `frame-ancestors` sources of the HTML pages (`SHOPTAG_FRAME_ANCESTORS`); default `'self'`. */
  frameAncestors?: readonly string[];
}

const SHORT = 'public, max-age=300';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const NOT_BUILT =
  'The Shoptag element bundle is not built yet. Run `npm run build` in the repository root, then reload.';
const HOST = /^[A-Za-z0-9.[\]:-]+$/;

/** The origin the browser used to reach us; the page's SDK calls the API there. */
function endpointOf(req: Request): string {
  const host = req.get('host');
  const port = req.socket.localPort;
  return `${req.protocol}://${host && HOST.test(host) ? host : `localhost:${port ?? ''}`}`;
}

/** The file a request path names inside `root`, or null when it escapes it or is not a file. */
function fileUnder(root: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const file = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Serves the precompressed file a request names, in the coding the client takes; `next()` when there is none. */
function servePrecompressed(files: PrecompressedFiles, cacheControl: string): express.RequestHandler {
  return async (req, res, next) => {
    const file = await files.get(req.path);
    if (file === null) return next();
    await sendEncoded(req, res, file.body, { type: extname(req.path), cacheControl, lastModified: file.modified });
  };
}

/**
 * Demo mode: the CDN bundle at `/shoptag.js` (+ `/chunks/*`), and the demo shop at `/` with its
 * publishable key and endpoint filled into the HTML, its CSP also sent as a header with
 * `frame-ancestors`. The bundle and the shop's scripts and styles are compressed once, at the
 * highest levels, and sent as br or gzip by `Accept-Encoding`.
 */
export function demoRouter(
  options: DemoOptions,
  compressor: BodyCompressor = createZlibCompressor(STATIC_LEVELS),
): Router {
  const router = Router();
  const cdnFiles = createPrecompressedFiles({ root: options.cdnDir, compressor });
  // In the background, so the first page load finds the bundle compressed already.
  void cdnFiles.warm();
  const cdnFile = (name: string, cacheControl: string) =>
    router.get(`/${name}`, async (req, res) => {
      const file = await cdnFiles.get(`/${name}`);
      if (file === null) {
        res.status(404).type('text/plain').setHeader('Cache-Control', 'no-store').send(`${NOT_BUILT}\n`);
        return;
      }
      await sendEncoded(req, res, file.body, { type: extname(name), cacheControl, lastModified: file.modified });
    });
  cdnFile('shoptag.js', SHORT);
  cdnFile('shoptag.js.map', SHORT);
  // Chunk names carry a hash of their content: a changed chunk has a new name.
  router.get('/chunks/*path', servePrecompressed(cdnFiles, IMMUTABLE));

  const shopDir = options.shopDir;
  if (shopDir === null) return router;
  router.get(/^\/(?:.*\/)?(?:[^/]*\.html)?$/, (req, res, next) => {
    const file = fileUnder(shopDir, req.path);
    if (file === null) return next();
    const html = readFileSync(file, 'utf8')
      .replaceAll('%SHOPTAG_PUBLISHABLE_KEY%', options.publishableKey)
      .replaceAll('%SHOPTAG_ENDPOINT%', endpointOf(req));
    res.setHeader('Cache-Control', 'no-cache');
    setPageSecurityHeaders(res, html, options.frameAncestors);
    res.type('html').send(html);
  });
  router.get('/*path', servePrecompressed(createPrecompressedFiles({ root: shopDir, compressor }), 'no-cache'));
  router.use(express.static(shopDir, { index: false, maxAge: 0 }));
  return router;
}

/** Paths outside /v1 that nothing served. */
export function notFoundPage(): express.RequestHandler {
  return (req) => {
    throw new NotFoundError(`Nothing at ${req.path}.`, { code: ROUTE_UNKNOWN });
  };
}
