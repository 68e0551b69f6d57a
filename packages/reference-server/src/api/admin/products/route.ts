import {
  AdminProductListQuery,
  ImageParams,
  ImageUpdate,
  ImageUploadQuery,
  MAX_IMAGE_UPLOAD_BYTES,
  ProductCreate,
  ProductIdOrHandle,
  ProductUpdate,
  UPLOAD_IMAGE_TYPES,
} from '@shoptag/sdk/contract';
import express, { Router } from 'express';
import { InvalidRequestError, NotFoundError } from '../../../errors.js';
import { textSource, type AdminCatalogService, type ImportJobs } from '../../../services/catalog/index.js';
import { assertSafeValue } from '../../middleware/safe-input.js';
import { parseInput, parsePathId } from '../../middleware/validate.js';

const MAX_CSV = '20mb';
/** Media types the CSV import reads (the keyed routes pass these bodies on unread). */
export const CSV_MEDIA_TYPES = ['text/csv', 'text/plain', 'application/csv'];

function productParam(idOrHandle: string): string {
  if (!ProductIdOrHandle.safeParse(idOrHandle).success)
    throw new NotFoundError(`No such product: '${idOrHandle}'`, { param: 'id' });
  return idOrHandle;
}

function jsonBody(body: unknown): unknown {
  if (body === undefined || body === null || typeof body !== 'object' || Buffer.isBuffer(body)) {
    throw new InvalidRequestError('Send a JSON object with Content-Type: application/json.', { code: 'body_missing' });
  }
  return body;
}

/**
 * `/v1/admin/products`: list (every status, searched and filtered), create, read, update, delete,
 * images (`POST /:id/images` with the image file as the body, `PATCH`/`DELETE /:id/images/:imageId`), and `POST /import` of a Shopify CSV, which
 * answers 202 with the import job (`GET /v1/admin/imports/:id` follows it).
 */
export function adminProductsRouter(admin: AdminCatalogService, imports: ImportJobs): Router {
  const router = Router();
  router.post('/import', express.text({ type: CSV_MEDIA_TYPES, limit: MAX_CSV }), async (req, res) => {
    if (typeof req.body !== 'string' || req.body.trim() === '') {
      throw new InvalidRequestError('Send the CSV file as the body with Content-Type: text/csv.', {
        code: 'body_missing',
      });
    }
    assertSafeValue(req.body, 'body');
    const job = await imports.submit(textSource(req.body), 'api');
    res.status(202).location(`/v1/admin/imports/${job.id}`).json(job);
  });
  router.get('/', async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(await admin.list(parseInput(AdminProductListQuery, req.query)));
  });
  router.post('/', async (req, res) => {
    res.status(201).json(await admin.create(parseInput(ProductCreate, jsonBody(req.body))));
  });
  router.get('/:idOrHandle', async (req, res) => {
    res.json(await admin.get(productParam(req.params.idOrHandle)));
  });
  router.patch('/:idOrHandle', async (req, res) => {
    const idOrHandle = productParam(req.params.idOrHandle);
    res.json(await admin.update(idOrHandle, parseInput(ProductUpdate, jsonBody(req.body))));
  });
  router.post(
    '/:idOrHandle/images',
    express.raw({ type: [...UPLOAD_IMAGE_TYPES], limit: MAX_IMAGE_UPLOAD_BYTES }),
    async (req, res) => {
      const idOrHandle = productParam(req.params.idOrHandle);
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new InvalidRequestError(
          `Send the image file as the body with its Content-Type (${UPLOAD_IMAGE_TYPES.join(', ')}).`,
          { code: 'body_missing' },
        );
      }
      const query = parseInput(ImageUploadQuery, req.query);
      res.status(201).json(await admin.images.upload(idOrHandle, req.body, query));
    },
  );
  router.patch('/:idOrHandle/images/:imageId', async (req, res) => {
    const { idOrHandle, imageId } = parsePathId(ImageParams, req.params, 'image');
    res.json(await admin.images.update(productParam(idOrHandle), imageId, parseInput(ImageUpdate, jsonBody(req.body))));
  });
  router.delete('/:idOrHandle/images/:imageId', async (req, res) => {
    const { idOrHandle, imageId } = parsePathId(ImageParams, req.params, 'image');
    res.json(await admin.images.remove(productParam(idOrHandle), imageId));
  });
  router.delete('/:idOrHandle', async (req, res) => {
    res.json(await admin.remove(productParam(req.params.idOrHandle)));
  });
  return router;
}
