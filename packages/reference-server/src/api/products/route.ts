import { ProductIdOrHandle, ProductListQuery } from '@shoptag/sdk/contract';
import { Router } from 'express';
import { NotFoundError } from '../../errors.js';
import type { CatalogService } from '../../services/catalog-service.js';
import { parseInput } from '../middleware/validate.js';

/** `GET /v1/products`, `GET /v1/products/:idOrHandle`. */
export function productsRouter(catalog: CatalogService): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await catalog.listProducts(parseInput(ProductListQuery, req.query)));
  });
  router.get('/:idOrHandle', async (req, res) => {
    const idOrHandle = req.params.idOrHandle;
    // Something that cannot be an id or handle names no product: 404, like any unknown id.
    if (!ProductIdOrHandle.safeParse(idOrHandle).success) throw new NotFoundError(`No such product: '${idOrHandle}'`, { param: 'id' });
    res.json(await catalog.getProduct(idOrHandle));
  });
  return router;
}
