import type { Queryable } from './db.js';

export interface ProductImageInsert {
  id: string;
  productId: string;
  url: string;
  alt: string;
  width: number;
  height: number;
  sources: { url: string; width: number; format: string }[];
}

/**
 * One product's images, one at a time (the console's upload, alt text, reorder and remove).
 * Positions stay 0…n−1 in display order. Call inside a transaction that has locked the product
 * (`lockProduct`), so two edits of one product's images never interleave.
 */
export function createProductImageRepository(q: Queryable) {
  async function renumber(productId: string, order: readonly string[]): Promise<void> {
    await q.query(
      `UPDATE product_images i SET position = t.position - 1
         FROM unnest($2::text[]) WITH ORDINALITY AS t (id, position)
        WHERE i.product_id = $1 AND i.id = t.id`,
      [productId, order],
    );
  }

  return {
    /** The product's id (by id or handle), its row locked until the transaction ends. */
    async lockProduct(idOrHandle: string): Promise<string | undefined> {
      const { rows } = await q.query<{ id: string }>(
        'SELECT id FROM products WHERE id = $1 OR handle = $1 ORDER BY (id = $1) DESC LIMIT 1 FOR UPDATE',
        [idOrHandle],
      );
      return rows[0]?.id;
    },

    /** Image ids of a product in display order. */
    async order(productId: string): Promise<string[]> {
      const { rows } = await q.query<{ id: string }>(
        'SELECT id FROM product_images WHERE product_id = $1 ORDER BY position, id',
        [productId],
      );
      return rows.map((r) => r.id);
    },

    async find(productId: string, imageId: string): Promise<{ id: string; url: string } | undefined> {
      const { rows } = await q.query<{ id: string; url: string }>(
        'SELECT id, url FROM product_images WHERE product_id = $1 AND id = $2',
        [productId, imageId],
      );
      return rows[0];
    },

    /** Adds an image at `position` of `order` (the current ids in display order). */
    async insert(image: ProductImageInsert, order: readonly string[], position: number): Promise<void> {
      await q.query(
        `INSERT INTO product_images (id, product_id, url, alt, width, height, position, sources)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
        [
          image.id,
          image.productId,
          image.url,
          image.alt,
          image.width,
          image.height,
          position,
          JSON.stringify(image.sources),
        ],
      );
      const next = [...order];
      next.splice(position, 0, image.id);
      await renumber(image.productId, next);
    },

    async setAlt(imageId: string, alt: string): Promise<void> {
      await q.query('UPDATE product_images SET alt = $2 WHERE id = $1', [imageId, alt]);
    },

    /** Puts the images in this order (every id of the product, once). */
    renumber,

    async delete(productId: string, imageId: string, order: readonly string[]): Promise<void> {
      await q.query('DELETE FROM product_images WHERE id = $1', [imageId]);
      await renumber(
        productId,
        order.filter((id) => id !== imageId),
      );
    },

    /** Marks the product changed (lists sort by it; caches key on it). */
    async touch(productId: string, now: Date): Promise<void> {
      await q.query('UPDATE products SET updated_at = $2 WHERE id = $1', [productId, now]);
    },
  };
}
