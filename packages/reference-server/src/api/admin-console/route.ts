import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Router } from 'express';
import { createPrecompressedFiles, type BodyCompressor } from '../../services/http/index.js';
import { sendEncoded } from '../middleware/content-encoding.js';
import { setPageSecurityHeaders } from '../demo/page-security.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NOT_BUILT = 'The shop console is not built yet. Run `npm run build` in the repository root, then reload.';
/** Nobody frames the console: a framed sign-in form is how clickjacking starts. */
const NO_FRAMING = ["'none'"] as const;

/**
 * The owner's console at `/admin`: its page (same-origin only, never framed, never cached) and its
 * scripts, compressed once and sent as br or gzip. It talks to `/v1/admin` with the staff
 * member's session cookie.
 */
export function adminConsoleRouter(consoleDir: string, compressor: BodyCompressor): Router {
  const router = Router();
  const files = createPrecompressedFiles({ root: consoleDir, compressor });
  const page = join(consoleDir, 'index.html');
  router.get(['/', '/index.html'], (req, res) => {
    // `/admin` without the slash: relative script URLs need it.
    if (req.originalUrl.split('?')[0] === '/admin') return res.redirect(301, '/admin/');
    res.setHeader('Cache-Control', 'no-store');
    if (!existsSync(page)) return void res.status(503).type('text/plain').send(`${NOT_BUILT}\n`);
    const html = readFileSync(page, 'utf8');
    setPageSecurityHeaders(res, html, NO_FRAMING);
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    res.type('html').send(html);
  });
  router.get(/^\/(shoptag-admin\.js(\.map)?|chunks\/[\w.-]+\.js(\.map)?)$/, async (req, res, next) => {
    const file = await files.get(req.path);
    if (file === null) return next();
    // The entry keeps its name across releases; chunks carry a hash of their content.
    const cacheControl = req.path.startsWith('/chunks/') ? IMMUTABLE : 'no-cache';
    await sendEncoded(req, res, file.body, { type: extname(req.path), cacheControl, lastModified: file.modified });
  });
  return router;
}
