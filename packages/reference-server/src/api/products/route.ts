import { ProductIdOrHandle, ProductListQuery, RelatedQuery } from '@shoptag/sdk/contract';
import { Router } from 'express';
import { NotFoundError } from '../../errors.js';
import type { CatalogService } from '../../services/catalog/index.js';
import { queryKey, type ResponseCache } from '../../services/http/index.js';
import type { SearchService } from '../../services/search/index.js';
import { acceptedCoding } from '../middleware/content-encoding.js';
import { sendCached } from '../middleware/http-cache.js';
import { parseQuery } from '../middleware/validate.js';

function productParam(idOrHandle: string): string {
  // Something that cannot be an id or handle names no product: 404, like any unknown id.
  if (!ProductIdOrHandle.safeParse(idOrHandle).success)
    throw new NotFoundError(`No such product: '${idOrHandle}'`, { param: 'id' });
  return idOrHandle;
}

/** The response-cache key of a product list query (shared with the cached-read lane). */
export function productListKey(query: object): string {
  return queryKey('products', query);
}

/** The response-cache key of one product (shared with the cached-read lane). */
export function productKey(idOrHandle: string): string {
  return `product:${idOrHandle}`;
}

/** `GET /v1/products`, `GET /v1/products/:idOrHandle`, `GET /v1/products/:idOrHandle/related`. */
export function productsRouter(catalog: CatalogService, search: SearchService, responses: ResponseCache): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseQuery(ProductListQuery, req);
    await sendCached(
      req,
      res,
      await responses.getJson(
        productListKey(query),
        (generation) => catalog.listProductsJson(query, generation),
        acceptedCoding(req),
      ),
    );
  });
  router.get('/:idOrHandle', async (req, res) => {
    const idOrHandle = productParam(req.params.idOrHandle);
    await sendCached(
      req,
      res,
      await responses.get(productKey(idOrHandle), () => catalog.getProduct(idOrHandle), acceptedCoding(req)),
    );
  });
  router.get('/:idOrHandle/related', async (req, res) => {
    const idOrHandle = productParam(req.params.idOrHandle);
    const { limit } = parseQuery(RelatedQuery, req);
    await sendCached(
      req,
      res,
      await responses.get(
        `related:${idOrHandle}:${limit ?? ''}`,
        () => search.related(idOrHandle, limit),
        acceptedCoding(req),
      ),
    );
  });
  return router;
}
