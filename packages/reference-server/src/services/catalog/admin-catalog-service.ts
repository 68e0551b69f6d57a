import { randomBytes } from 'node:crypto';
import type {
  AdminProduct,
  AdminProductList,
  Product,
  ProductCreateParsed,
  ProductUpdateParsed,
} from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import type { CategoryRepository } from '../../store/category-repository.js';
import type { Db, Queryable } from '../../store/db.js';
import type { ProductRepository } from '../../store/product-repository.js';
import { createProductWriter, UniqueViolation, type ProductDraft } from '../../store/product-writer.js';
import type { UploadedImages } from '../media/index.js';
import { createAdminProductImages } from './admin-product-images.js';
import { listAdminProducts, type AdminProductListInput } from './admin-product-list.js';
import { createProductHydrator } from './product-hydrator.js';
import { sanitizeProductHtml } from './sanitize.js';

/** Images without known dimensions are treated as square for layout until renditions exist. */
export const DEFAULT_IMAGE_SIZE = 1200;

/** `prod_…`, `var_…`: 20 random base-36 characters (~103 bits) after the prefix. */
export function newId(prefix: string): string {
  const bytes = randomBytes(20);
  return `${prefix}_${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
}

/** Option names in first-seen order, each with its values in first-seen order. */
export function optionsOf(
  variants: readonly { options: Record<string, string> }[],
): { name: string; values: string[] }[] {
  const byName = new Map<string, string[]>();
  for (const v of variants) {
    for (const [name, value] of Object.entries(v.options)) {
      const values = byName.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      byName.set(name, values);
    }
  }
  return [...byName].map(([name, values]) => ({ name, values }));
}

function conflict(error: UniqueViolation): InvalidRequestError {
  if (/sku/.test(error.constraint) && /variants/.test(error.constraint)) {
    return new InvalidRequestError('A variant SKU is already used by another product.', {
      code: 'sku_taken',
      param: 'variants',
      statusCode: 409,
    });
  }
  if (/sku/.test(error.constraint))
    return new InvalidRequestError('This SKU is already used by another product.', {
      code: 'sku_taken',
      param: 'sku',
      statusCode: 409,
    });
  return new InvalidRequestError('A product with this handle already exists.', {
    code: 'handle_taken',
    param: 'handle',
    statusCode: 409,
  });
}

export interface AdminCatalogDeps {
  db: Db;
  clock: Clock;
  /** Where uploaded product images are kept. */
  uploads: UploadedImages;
  products: ProductRepository;
  categories: CategoryRepository;
  currency: string;
  /** Called after every write so cached catalog answers are dropped everywhere. */
  invalidate: () => Promise<void>;
}

/** Product create, read, update and delete for the admin API. */
export function createAdminCatalogService(deps: AdminCatalogDeps) {
  const hydrate = createProductHydrator({ products: deps.products, categories: deps.categories });

  async function toDraft(tx: Queryable, input: ProductCreateParsed): Promise<ProductDraft> {
    const writer = createProductWriter(tx, newId);
    const categoryId = await writer.findCategory(input.category);
    if (!categoryId) throw new NotFoundError(`No such category: '${input.category}'`, { param: 'category' });
    const images = (input.images ?? []).map((i) => ({
      url: i.url,
      alt: i.alt ?? '',
      width: i.width ?? DEFAULT_IMAGE_SIZE,
      height: i.height ?? DEFAULT_IMAGE_SIZE,
    }));
    const variants = input.variants.map((v) => {
      if (v.image_url && !images.some((i) => i.url === v.image_url))
        images.push({ url: v.image_url, alt: input.name, width: DEFAULT_IMAGE_SIZE, height: DEFAULT_IMAGE_SIZE });
      return {
        sku: v.sku,
        title: Object.values(v.options).join(' / ') || 'Default',
        options: v.options,
        price: v.price,
        compareAt: v.compare_at_price ?? null,
        stock: v.stock,
        weightGrams: v.weight_grams ?? null,
        enabled: v.enabled ?? true,
        imageUrl: v.image_url ?? null,
        trackInventory: v.track_inventory ?? true,
        inventoryPolicy: v.inventory_policy ?? 'deny',
        requiresShipping: v.requires_shipping ?? true,
      };
    });
    return {
      handle: input.handle,
      name: input.name,
      sku: input.sku ?? null,
      brand: input.brand ?? '',
      categoryId,
      shortDescription: input.short_description ?? '',
      descriptionHtml: sanitizeProductHtml(input.description_html ?? ''),
      tags: input.tags ?? [],
      attributes: input.attributes ?? {},
      status: input.status ?? 'active',
      seo: {
        title: input.seo?.title ?? null,
        description: input.seo?.description ?? null,
        keywords: input.seo?.keywords ?? [],
        canonicalUrl: input.seo?.canonical_url ?? null,
        ogImage: input.seo?.og_image ?? null,
      },
      images,
      options: optionsOf(variants),
      variants,
      currency: deps.currency,
      importChecksum: null,
    };
  }

  /** The create-shaped input of an existing product, so an update can overlay its changes. */
  function asInput(product: Product & { status: AdminProduct['status'] }): ProductCreateParsed {
    return {
      handle: product.handle,
      name: product.name,
      sku: product.sku,
      brand: product.brand,
      category: product.category.id,
      short_description: product.short_description,
      description_html: product.description_html,
      tags: product.tags,
      attributes: product.attributes,
      status: product.status,
      seo: product.seo,
      images: product.images.map((i) => ({ url: i.url, alt: i.alt, width: i.width, height: i.height })),
      variants: product.variants.map((v) => ({
        sku: v.sku,
        options: v.options,
        price: v.price.amount,
        compare_at_price: v.compare_at_price?.amount ?? null,
        weight_grams: v.weight_grams,
        enabled: v.enabled,
        image_url: product.images.find((i) => i.id === v.image_id)?.url ?? null,
        track_inventory: v.track_inventory,
        inventory_policy: v.inventory_policy,
        requires_shipping: v.requires_shipping,
      })),
    };
  }

  async function get(idOrHandle: string): Promise<AdminProduct> {
    const row = await deps.products.findAny(idOrHandle);
    const [product] = row ? await hydrate([row]) : [];
    if (!row || !product) throw new NotFoundError(`No such product: '${idOrHandle}'`, { param: 'id' });
    return { ...product, status: row.status };
  }

  async function write(run: (tx: Queryable) => Promise<string>): Promise<AdminProduct> {
    let id: string;
    try {
      id = await deps.db.transaction(run);
    } catch (error) {
      if (error instanceof UniqueViolation) throw conflict(error);
      throw error;
    }
    await deps.invalidate();
    return get(id);
  }

  return {
    get,

    /** Upload, alt text, reorder and remove of one product's images. */
    images: createAdminProductImages({
      db: deps.db,
      clock: deps.clock,
      uploads: deps.uploads,
      get,
      invalidate: deps.invalidate,
    }),

    /** Every product (drafts and archived too), searched, filtered and paged. */
    list: (query: AdminProductListInput): Promise<AdminProductList> => listAdminProducts(deps.db, query),

    async create(input: ProductCreateParsed): Promise<AdminProduct> {
      return write(async (tx) => createProductWriter(tx, newId).save(await toDraft(tx, input)));
    },

    async update(idOrHandle: string, patch: ProductUpdateParsed): Promise<AdminProduct> {
      const current = await get(idOrHandle);
      const base = asInput(current);
      // The wire SEO fields fall back to name, short description and first image: keep what was set.
      const row = await deps.products.findAny(current.id);
      base.seo = {
        title: row?.seo_title ?? undefined,
        description: row?.seo_description ?? undefined,
        keywords: row?.seo_keywords ?? [],
        canonical_url: row?.seo_canonical_url ?? null,
        og_image: row?.seo_og_image ?? null,
      };
      const merged: ProductCreateParsed = {
        ...base,
        ...patch,
        seo: patch.seo ? { ...base.seo, ...patch.seo } : base.seo,
      };
      // Variants given again by SKU keep the stock settings they do not mention (as they keep their stock).
      if (patch.variants) {
        const before = new Map(base.variants.map((v) => [v.sku, v]));
        merged.variants = patch.variants.map((v) => {
          const old = before.get(v.sku);
          return {
            ...v,
            track_inventory: v.track_inventory ?? old?.track_inventory,
            inventory_policy: v.inventory_policy ?? old?.inventory_policy,
            requires_shipping: v.requires_shipping ?? old?.requires_shipping,
          };
        });
      }
      return write(async (tx) => {
        const writer = createProductWriter(tx, newId);
        const existing = await writer.findProduct(current.id);
        if (!existing) throw new NotFoundError(`No such product: '${idOrHandle}'`, { param: 'id' });
        return writer.save(await toDraft(tx, merged), existing.id);
      });
    },

    async remove(idOrHandle: string): Promise<{ object: 'product'; id: string; deleted: true }> {
      const id = await deps.db.transaction(async (tx) => {
        const writer = createProductWriter(tx, newId);
        const existing = await writer.findProduct(idOrHandle);
        if (!existing) throw new NotFoundError(`No such product: '${idOrHandle}'`, { param: 'id' });
        await writer.delete(existing.id);
        return existing.id;
      });
      await deps.invalidate();
      return { object: 'product', id, deleted: true };
    },
  };
}

export type AdminCatalogService = ReturnType<typeof createAdminCatalogService>;
