import { SearchQuery, SuggestQuery } from '@shoptag/sdk/contract';
import { Router } from 'express';
import { queryKey, type ResponseCache } from '../../services/http/index.js';
import type { SearchService } from '../../services/search/index.js';
import { acceptedCoding } from '../middleware/content-encoding.js';
import { sendCached } from '../middleware/http-cache.js';
import { parseQuery } from '../middleware/validate.js';

/** `GET /v1/search`, `GET /v1/search/suggest`. */
export function searchRouter(search: SearchService, responses: ResponseCache): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const query = parseQuery(SearchQuery, req);
    await sendCached(
      req,
      res,
      await responses.get(queryKey('search', query), () => search.search(query), acceptedCoding(req)),
    );
  });
  router.get('/suggest', async (req, res) => {
    const { q, limit } = parseQuery(SuggestQuery, req);
    await sendCached(
      req,
      res,
      await responses.get(
        `suggest:${limit ?? ''}:${q.toLowerCase()}`,
        () => search.suggest(q, limit),
        acceptedCoding(req),
      ),
    );
  });
  return router;
}
