import { Router } from 'express';
import { NotFoundError } from '../../errors.js';

/** Renders a product image as SVG, or null when there is no such image. */
export type RenderProductImage = (imageId: string) => string | null;

const FILE = /^(img_[A-Za-z0-9]+)\.svg$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const MAX_REMEMBERED = 1_000;

/**
 * `GET /media/products/:file`: generated product images. An image id never changes what it
 * shows, so responses are immutable and renders are remembered.
 */
export function mediaRouter(render: RenderProductImage): Router {
  const router = Router();
  const remembered = new Map<string, string>();
  const renderOnce = (imageId: string): string | null => {
    const hit = remembered.get(imageId);
    if (hit !== undefined) return hit;
    const svg = render(imageId);
    if (svg !== null) {
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(imageId, svg);
    }
    return svg;
  };
  router.get('/products/:file', (req, res) => {
    const imageId = FILE.exec(req.params.file)?.[1];
    const svg = imageId === undefined ? null : renderOnce(imageId);
    if (svg === null) throw new NotFoundError(`No such image: '${req.params.file}'`, { param: 'file' });
    res.setHeader('Content-Type', 'image/svg+xml');
    res.setHeader('Cache-Control', IMMUTABLE);
    res.send(svg);
  });
  return router;
}
