import { CategoryIdOrSlug } from '@shoptag/sdk/contract';
import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../errors.js';
import type { CatalogService } from '../../services/catalog/index.js';
import type { ResponseCache } from '../../services/http/index.js';
import { acceptedCoding } from '../middleware/content-encoding.js';
import { sendCached } from '../middleware/http-cache.js';
import { parseQuery } from '../middleware/validate.js';

const NoQuery = z.object({}).strict();

/** `GET /v1/categories`, `GET /v1/categories/:idOrSlug`. */
export function categoriesRouter(catalog: CatalogService, responses: ResponseCache): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    parseQuery(NoQuery, req);
    await sendCached(req, res, await responses.get('categories', () => catalog.listCategories(), acceptedCoding(req)));
  });
  router.get('/:idOrSlug', async (req, res) => {
    const idOrSlug = req.params.idOrSlug;
    if (!CategoryIdOrSlug.safeParse(idOrSlug).success)
      throw new NotFoundError(`No such category: '${idOrSlug}'`, { param: 'id' });
    await sendCached(
      req,
      res,
      await responses.get(`category:${idOrSlug}`, () => catalog.getCategory(idOrSlug), acceptedCoding(req)),
    );
  });
  return router;
}
