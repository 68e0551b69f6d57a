import { CategoryIdOrSlug } from '@shoptag/sdk/contract';
import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../errors.js';
import type { CatalogService } from '../../services/catalog-service.js';
import { parseInput } from '../middleware/validate.js';

const NoQuery = z.object({}).strict();

/** `GET /v1/categories`, `GET /v1/categories/:idOrSlug`. */
export function categoriesRouter(catalog: CatalogService): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    parseInput(NoQuery, req.query);
    res.json(await catalog.listCategories());
  });
  router.get('/:idOrSlug', async (req, res) => {
    const idOrSlug = req.params.idOrSlug;
    if (!CategoryIdOrSlug.safeParse(idOrSlug).success) throw new NotFoundError(`No such category: '${idOrSlug}'`, { param: 'id' });
    res.json(await catalog.getCategory(idOrSlug));
  });
  return router;
}
