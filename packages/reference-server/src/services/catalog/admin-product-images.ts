import type { AdminProduct } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { createProductImageRepository } from '../../store/product-image-repository.js';
import { uploadedImageId, type UploadedImages } from '../media/index.js';

/** Most images one product shows (as the create and update bodies allow). */
export const MAX_PRODUCT_IMAGES = 50;

export interface AdminProductImagesDeps {
  db: Db;
  clock: Clock;
  uploads: UploadedImages;
  /** Reads the product back as the admin API answers it. */
  get: (id: string) => Promise<AdminProduct>;
  /** Called after every write so cached catalog answers are dropped everywhere. */
  invalidate: () => Promise<void>;
}

/** The console's image editing: upload (with renditions), alt text, reorder and remove, one image at a time. */
export function createAdminProductImages(deps: AdminProductImagesDeps) {
  const noProduct = (idOrHandle: string) => new NotFoundError(`No such product: '${idOrHandle}'`, { param: 'id' });
  const noImage = (imageId: string) => new NotFoundError(`No such image: '${imageId}'`, { param: 'imageId' });

  async function edit(
    idOrHandle: string,
    run: (repo: ReturnType<typeof createProductImageRepository>, productId: string) => Promise<void>,
  ): Promise<AdminProduct> {
    const productId = await deps.db.transaction(async (tx) => {
      const repo = createProductImageRepository(tx);
      const id = await repo.lockProduct(idOrHandle);
      if (!id) throw noProduct(idOrHandle);
      await run(repo, id);
      await repo.touch(id, deps.clock.now());
      return id;
    });
    await deps.invalidate();
    return deps.get(productId);
  }

  return {
    /** Stores the image and adds it to the product at `position` (default last); answers the product. */
    async upload(
      idOrHandle: string,
      bytes: Buffer,
      options: { alt?: string | undefined; position?: number | undefined },
    ): Promise<AdminProduct> {
      // Checked before the file is stored, so a missing product leaves no orphan upload behind.
      if (!(await createProductImageRepository(deps.db).lockProduct(idOrHandle))) throw noProduct(idOrHandle);
      const image = await deps.uploads.save(bytes);
      return edit(idOrHandle, async (repo, productId) => {
        const order = await repo.order(productId);
        if (order.length >= MAX_PRODUCT_IMAGES) {
          throw new InvalidRequestError(`A product shows at most ${MAX_PRODUCT_IMAGES} images.`, {
            code: 'too_many_images',
            statusCode: 409,
          });
        }
        const position = Math.min(options.position ?? order.length, order.length);
        await repo.insert({ ...image, productId, alt: options.alt ?? '' }, order, position);
      });
    },

    /** Changes an image's alt text and/or moves it to `position` (0 is the main image). */
    async update(
      idOrHandle: string,
      imageId: string,
      patch: { alt?: string | undefined; position?: number | undefined },
    ): Promise<AdminProduct> {
      return edit(idOrHandle, async (repo, productId) => {
        if (!(await repo.find(productId, imageId))) throw noImage(imageId);
        if (patch.alt !== undefined) await repo.setAlt(imageId, patch.alt);
        if (patch.position !== undefined) {
          const order = (await repo.order(productId)).filter((id) => id !== imageId);
          order.splice(Math.min(patch.position, order.length), 0, imageId);
          await repo.renumber(productId, order);
        }
      });
    },

    /** Takes an image off the product (variants that showed it show the product's images); an upload nothing shows is deleted. */
    async remove(idOrHandle: string, imageId: string): Promise<AdminProduct> {
      let removedUrl: string | undefined;
      const product = await edit(idOrHandle, async (repo, productId) => {
        const found = await repo.find(productId, imageId);
        if (!found) throw noImage(imageId);
        await repo.delete(productId, imageId, await repo.order(productId));
        removedUrl = found.url;
      });
      const uploadId = removedUrl === undefined ? undefined : uploadedImageId(removedUrl);
      if (uploadId && removedUrl) await deps.uploads.forget(uploadId, removedUrl);
      return product;
    },
  };
}

export type AdminProductImages = ReturnType<typeof createAdminProductImages>;
