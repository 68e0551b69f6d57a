import type { Queryable } from './db.js';

/** A product as the admin side writes it: already validated, sanitized and in table terms. */
export interface ProductDraft {
  handle: string;
  name: string;
  sku: string | null;
  brand: string;
  categoryId: string;
  shortDescription: string;
  descriptionHtml: string;
  tags: string[];
  attributes: Record<string, string>;
  status: 'active' | 'draft' | 'archived';
  seo: {
    title: string | null;
    description: string | null;
    keywords: string[];
    canonicalUrl: string | null;
    ogImage: string | null;
  };
  /** In display order. */
  images: { url: string; alt: string; width: number; height: number }[];
  /** Option names in order with their values in order of appearance. */
  options: { name: string; values: string[] }[];
  variants: {
    sku: string;
    title: string;
    options: Record<string, string>;
    price: number;
    compareAt: number | null;
    /** Units on hand; undefined leaves an existing variant's stock alone (new ones start at 0). */
    stock: number | undefined;
    weightGrams: number | null;
    enabled: boolean;
    imageUrl: string | null;
    trackInventory: boolean;
    inventoryPolicy: 'deny' | 'continue';
    requiresShipping: boolean;
  }[];
  currency: string;
  importChecksum: string | null;
}

/** A write that collides with a unique key (handle or SKU) held by another product. */
export class UniqueViolation extends Error {
  constructor(readonly constraint: string) {
    super(`unique violation on ${constraint}`);
  }
}

function isUniqueViolation(error: unknown): error is { code: string; constraint?: string } {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** Writes one product with its options, images, variants and stock. Call inside a transaction. */
export function createProductWriter(tx: Queryable, newId: (prefix: string) => string) {
  async function guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isUniqueViolation(error)) throw new UniqueViolation(error.constraint ?? 'unique');
      throw error;
    }
  }

  return {
    async findCategory(idOrSlugOrName: string): Promise<string | null> {
      const { rows } = await tx.query<{ id: string }>(
        `SELECT id FROM categories WHERE id = $1 OR slug = $1 OR lower(name) = lower($1) ORDER BY (id = $1) DESC, (slug = $1) DESC LIMIT 1`,
        [idOrSlugOrName],
      );
      return rows[0]?.id ?? null;
    },

    /** A top-level category named `name`, created when missing (imports name categories by their Type). */
    async ensureCategory(name: string, slug: string): Promise<string> {
      const found = await this.findCategory(name);
      if (found) return found;
      const id = newId('cat');
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO categories (id, slug, name, position)
         VALUES ($1, $2, $3, (SELECT coalesce(max(position), -1) + 1 FROM categories WHERE parent_id IS NULL))
         ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`,
        [id, slug, name],
      );
      return rows[0]?.id ?? id;
    },

    async findProduct(idOrHandle: string): Promise<{ id: string; import_checksum: string | null } | null> {
      const { rows } = await tx.query<{ id: string; import_checksum: string | null }>(
        'SELECT id, import_checksum FROM products WHERE id = $1 OR handle = $1 LIMIT 1 FOR UPDATE',
        [idOrHandle],
      );
      return rows[0] ?? null;
    },

    /** Inserts (id undefined) or replaces the product's fields and children; answers its id. */
    async save(draft: ProductDraft, existingId?: string): Promise<string> {
      return guard(async () => {
        const fields = [
          draft.handle,
          draft.name,
          draft.sku,
          draft.brand,
          draft.categoryId,
          draft.shortDescription,
          draft.descriptionHtml,
          draft.tags,
          JSON.stringify(draft.attributes),
          draft.status,
          draft.seo.title,
          draft.seo.description,
          draft.seo.keywords,
          draft.seo.canonicalUrl,
          draft.seo.ogImage,
          draft.importChecksum,
        ];
        let id = existingId;
        if (id === undefined) {
          id = newId('prod');
          await tx.query(
            `INSERT INTO products (id, handle, name, sku, brand, category_id, short_description, description_html, tags, attributes,
                                   status, seo_title, seo_description, seo_keywords, seo_canonical_url, seo_og_image, import_checksum, position)
             VALUES ($17, $1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, $15, $16,
                     (SELECT coalesce(max(position), -1) + 1 FROM products))`,
            [...fields, id],
          );
        } else {
          await tx.query(
            `UPDATE products SET handle = $1, name = $2, sku = $3, brand = $4, category_id = $5, short_description = $6,
                    description_html = $7, tags = $8, attributes = $9::jsonb, status = $10, seo_title = $11, seo_description = $12,
                    seo_keywords = $13, seo_canonical_url = $14, seo_og_image = $15, import_checksum = $16, updated_at = now()
             WHERE id = $17`,
            [...fields, id],
          );
        }
        const productId = id;
        await tx.query('DELETE FROM product_options WHERE product_id = $1', [productId]);
        for (const [position, option] of draft.options.entries()) {
          await tx.query('INSERT INTO product_options (product_id, position, name, "values") VALUES ($1, $2, $3, $4)', [
            productId,
            position,
            option.name,
            option.values,
          ]);
        }
        // Images keep their ids when their URL stays, so cached media URLs stay valid.
        const existingImages = await tx.query<{ id: string; url: string }>(
          'SELECT id, url FROM product_images WHERE product_id = $1',
          [productId],
        );
        const imageIdByUrl = new Map(existingImages.rows.map((r) => [r.url, r.id]));
        const keep = new Set(draft.images.map((i) => i.url));
        const stale = existingImages.rows.filter((r) => !keep.has(r.url)).map((r) => r.id);
        if (stale.length > 0) await tx.query('DELETE FROM product_images WHERE id = ANY($1::text[])', [stale]);
        for (const [position, image] of draft.images.entries()) {
          const imageId = imageIdByUrl.get(image.url);
          if (imageId) {
            await tx.query('UPDATE product_images SET alt = $2, position = $3, width = $4, height = $5 WHERE id = $1', [
              imageId,
              image.alt,
              position,
              image.width,
              image.height,
            ]);
          } else {
            const newImageId = newId('img');
            imageIdByUrl.set(image.url, newImageId);
            await tx.query(
              'INSERT INTO product_images (id, product_id, url, alt, width, height, position) VALUES ($1, $2, $3, $4, $5, $6, $7)',
              [newImageId, productId, image.url, image.alt, image.width, image.height, position],
            );
          }
        }
        const existingVariants = await tx.query<{ id: string; sku: string }>(
          'SELECT id, sku FROM variants WHERE product_id = $1',
          [productId],
        );
        const variantIdBySku = new Map(existingVariants.rows.map((r) => [r.sku, r.id]));
        const skus = new Set(draft.variants.map((v) => v.sku));
        const gone = existingVariants.rows.filter((r) => !skus.has(r.sku)).map((r) => r.id);
        if (gone.length > 0) await tx.query('DELETE FROM variants WHERE id = ANY($1::text[])', [gone]);
        for (const [position, v] of draft.variants.entries()) {
          const imageId = v.imageUrl === null ? null : (imageIdByUrl.get(v.imageUrl) ?? null);
          const values = [
            v.sku,
            v.title,
            JSON.stringify(v.options),
            v.price,
            v.compareAt,
            draft.currency,
            position,
            imageId,
            v.enabled,
            v.weightGrams,
            v.trackInventory,
            v.inventoryPolicy,
            v.requiresShipping,
          ];
          const variantId = variantIdBySku.get(v.sku);
          if (variantId) {
            await tx.query(
              `UPDATE variants SET sku = $1, title = $2, options = $3::jsonb, price_amount = $4, compare_at_amount = $5, currency = $6,
                      position = $7, image_id = $8, enabled = $9, weight_grams = $10, track_inventory = $11,
                      inventory_policy = $12, requires_shipping = $13, updated_at = now()
               WHERE id = $14`,
              [...values, variantId],
            );
            if (v.stock !== undefined) {
              await tx.query(
                `INSERT INTO inventory_levels (variant_id, on_hand) VALUES ($1, $2)
                 ON CONFLICT (variant_id) DO UPDATE SET on_hand = GREATEST(EXCLUDED.on_hand, inventory_levels.reserved), updated_at = now()`,
                [variantId, v.stock],
              );
            }
          } else {
            const newVariantId = newId('var');
            await tx.query(
              `INSERT INTO variants (sku, title, options, price_amount, compare_at_amount, currency, position, image_id, enabled, weight_grams,
                                     track_inventory, inventory_policy, requires_shipping, id, product_id)
               VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
              [...values, newVariantId, productId],
            );
            await tx.query('INSERT INTO inventory_levels (variant_id, on_hand) VALUES ($1, $2)', [
              newVariantId,
              v.stock ?? 0,
            ]);
          }
        }
        // Stock set here is a catalog write, not a sale: the search document follows it now,
        // rather than after commit like checkout's stock changes.
        await tx.query('SELECT search_documents_refresh(ARRAY[$1::text])', [productId]);
        return productId;
      });
    },

    async delete(id: string): Promise<void> {
      await tx.query('DELETE FROM products WHERE id = $1', [id]);
    },
  };
}
