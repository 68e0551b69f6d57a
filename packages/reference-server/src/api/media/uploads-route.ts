import { Router } from 'express';
import type { UploadedImages } from '../../services/media/index.js';

const FILE = /^(img_[A-Za-z0-9]+)\.(jpg|png|webp|gif|avif)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * `GET /media/products/:imageId.:ext`: product images uploaded through the admin API, as they
 * were sent. An upload never changes, so responses are immutable. Anything else falls through.
 */
export function uploadsRouter(uploads: UploadedImages): Router {
  const router = Router();
  router.get('/products/:file', async (req, res, next) => {
    const id = FILE.exec(req.params.file)?.[1];
    const found = id === undefined ? undefined : await uploads.load(id);
    if (!found) return next();
    res.setHeader('Content-Type', found.contentType);
    res.setHeader('Cache-Control', IMMUTABLE);
    res.setHeader('Content-Disposition', 'inline');
    res.send(found.bytes);
  });
  return router;
}
