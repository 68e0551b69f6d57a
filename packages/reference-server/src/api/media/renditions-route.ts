import { Router } from 'express';
import { NotFoundError } from '../../errors.js';
import type { ImageRenditions, RenditionFormat } from '../../services/media/index.js';

const FILE = /^(img_[A-Za-z0-9]+)-(\d{3,4})\.(webp|avif)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * `GET /media/products/:imageId-:width.(webp|avif)`: resized renditions, immutable once made. An
 * AVIF still being made redirects (uncached) to the WebP of the same width.
 */
export function renditionsRouter(renditions: ImageRenditions): Router {
  const router = Router();
  router.get('/products/:file', async (req, res, next) => {
    const m = FILE.exec(req.params.file);
    if (!m) return next();
    const result = await renditions.get(m[1] ?? '', Number(m[2]), m[3] as RenditionFormat);
    if (result === null) throw new NotFoundError(`No such image: '${req.params.file}'`, { param: 'file' });
    if (result.kind === 'redirect') {
      res.setHeader('Cache-Control', 'no-store');
      return res.redirect(302, result.to);
    }
    res.setHeader('Content-Type', `image/${result.format}`);
    res.setHeader('Cache-Control', IMMUTABLE);
    res.send(result.body);
  });
  return router;
}
