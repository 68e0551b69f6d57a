import { z } from 'zod';
import { InventoryPolicy, Product, ProductIdOrHandle } from './catalog.js';
import { MAX_ON_HAND } from './inventory.js';
import { MAX_AMOUNT } from './limits.js';
import { Money } from './money.js';
import { listOf, PageQuery } from './pagination.js';
import { queryInt } from './query.js';

const Handle = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');
const Minor = z.number().int().min(0).max(MAX_AMOUNT);
const Text = (max: number) => z.string().max(max);

/**
 * Whether `text` is a URL a page may load or link to: absolute `http:`/`https:`, or a path on the
 * server's own origin (`/media/…`). Anything else (`javascript:`, `data:`, `vbscript:`, a bare
 * word) is refused, so no stored URL can run script or smuggle content when a page renders it.
 */
export function isWebUrl(text: string): boolean {
  // Browsers read backslashes, spaces and control characters in surprising ways ("/\host" is "//host").
  if (/[\p{Cc}\s\\]/u.test(text)) return false;
  if (text.startsWith('/')) return !text.startsWith('//');
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** An image or page URL: `http(s)://…` or a path on this server, at most 2,000 characters. */
export const WebUrl = z
  .string()
  .min(1)
  .max(2000)
  .refine(isWebUrl, { message: 'must be an http or https URL, or a path starting with /' })
  .meta({ description: 'An absolute http(s) URL, or a path on the server (starting with /)' });

export const PRODUCT_STATUSES = ['active', 'draft', 'archived'] as const;
export const ProductStatus = z.enum(PRODUCT_STATUSES);
export type ProductStatus = z.infer<typeof ProductStatus>;

export const VariantInput = z
  .object({
    sku: z.string().trim().min(1).max(100),
    options: z.record(z.string().min(1).max(100), z.string().min(1).max(200)).default({}),
    price: Minor.meta({ description: 'Minor units of the shop currency' }),
    compare_at_price: Minor.nullable().optional(),
    stock: z
      .number()
      .int()
      .min(0)
      .max(MAX_ON_HAND)
      .optional()
      .meta({ description: 'Units on hand; only set on create' }),
    weight_grams: z.number().int().min(0).max(10_000_000).nullable().optional(),
    enabled: z.boolean().optional(),
    image_url: WebUrl.nullable().optional().meta({ description: 'One of the product images, by URL' }),
    track_inventory: z
      .boolean()
      .optional()
      .meta({ description: 'Count stock for this variant (default true); false: always available, never sold out' }),
    inventory_policy: InventoryPolicy.optional().meta({
      description: 'Out of stock: `deny` stops selling (default), `continue` keeps selling on backorder',
    }),
    requires_shipping: z
      .boolean()
      .optional()
      .meta({ description: 'Needs shipping (default true); false for digital goods and gift cards' }),
  })
  .strict();
export type VariantInput = z.input<typeof VariantInput>;

export const ImageInput = z
  .object({
    url: WebUrl,
    alt: Text(500).optional(),
    width: z.number().int().positive().max(20_000).optional(),
    height: z.number().int().positive().max(20_000).optional(),
  })
  .strict();

export const SeoInput = z
  .object({
    title: Text(300).optional(),
    description: Text(1000).optional(),
    keywords: z.array(Text(100)).max(50).optional(),
    canonical_url: WebUrl.nullable().optional(),
    og_image: WebUrl.nullable().optional(),
  })
  .strict();

const productFields = {
  handle: Handle,
  name: z.string().trim().min(1).max(300),
  sku: z.string().trim().min(1).max(100).nullable().optional(),
  brand: Text(200).optional(),
  category: z.string().min(1).max(200).meta({ description: 'Category id or slug' }),
  short_description: Text(1000).optional(),
  description_html: Text(100_000)
    .optional()
    .meta({ description: 'Sanitized on write: scripts, handlers and unknown tags are removed' }),
  tags: z.array(Text(100)).max(100).optional(),
  attributes: z.record(z.string().min(1).max(100), Text(500)).optional(),
  status: ProductStatus.optional(),
  seo: SeoInput.optional(),
  images: z.array(ImageInput).max(50).optional().meta({ description: 'In display order' }),
  variants: z.array(VariantInput).min(1).max(250),
};

/** Body of `POST /v1/admin/products`. */
export const ProductCreate = z
  .object(productFields)
  .strict()
  .superRefine((p, ctx) => checkVariants(p.variants, ctx));
export type ProductCreate = z.input<typeof ProductCreate>;
export type ProductCreateParsed = z.output<typeof ProductCreate>;

/** Body of `PATCH /v1/admin/products/:id`: any subset; `variants`, when given, replaces them (matched by SKU). */
export const ProductUpdate = z
  .object(productFields)
  .partial()
  .strict()
  .superRefine((p, ctx) => {
    if (Object.keys(p).length === 0)
      ctx.addIssue({ code: 'custom', message: 'Nothing to update: pass at least one field.' });
    if (p.variants) checkVariants(p.variants, ctx);
  });
export type ProductUpdate = z.input<typeof ProductUpdate>;
export type ProductUpdateParsed = z.output<typeof ProductUpdate>;

function checkVariants(
  variants: { sku: string; compare_at_price?: number | null | undefined; price: number }[],
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  variants.forEach((v, i) => {
    if (seen.has(v.sku))
      ctx.addIssue({ code: 'custom', message: `Duplicate variant SKU '${v.sku}'.`, path: ['variants', i, 'sku'] });
    seen.add(v.sku);
  });
}

/** A product as the admin API sees it: the storefront shape plus its status. */
export const AdminProduct = Product.extend({ status: ProductStatus }).meta({ id: 'AdminProduct' });
export type AdminProduct = z.infer<typeof AdminProduct>;

export const DeletedProduct = z
  .object({ object: z.literal('product'), id: z.string(), deleted: z.literal(true) })
  .meta({ id: 'DeletedProduct' });

/** `POST /v1/admin/products/import` body: Shopify's product CSV export, sent as `text/csv`. */
export const ProductImportCsv = z
  .string()
  .min(1)
  .meta({ description: "Shopify's product CSV export (header row first)" });

export const ADMIN_PRODUCT_SORTS = ['updated_desc', 'created_desc', 'name_asc', 'name_desc'] as const;
export const AdminProductSort = z.enum(ADMIN_PRODUCT_SORTS);
export type AdminProductSort = z.infer<typeof AdminProductSort>;

/** Stock filters of the admin list: any enabled variant available, none, or some at or under `low_stock_threshold`. */
export const ADMIN_STOCK_FILTERS = ['in_stock', 'out_of_stock', 'low_stock'] as const;
export const AdminStockFilter = z.enum(ADMIN_STOCK_FILTERS);
export type AdminStockFilter = z.infer<typeof AdminStockFilter>;

/** Query of `GET /v1/admin/products`: every status (unlike the storefront list), searched and filtered. */
export const AdminProductListQuery = PageQuery.pick({ limit: true, cursor: true })
  .extend({
    q: z.string().trim().max(200).optional().meta({ description: 'Words found in the name, handle or a SKU' }),
    status: ProductStatus.optional(),
    category: z.string().min(1).max(200).optional().meta({ description: 'Category id or slug (and those below it)' }),
    stock: AdminStockFilter.optional(),
    low_stock_threshold: queryInt({ min: 0, max: MAX_ON_HAND })
      .optional()
      .meta({ description: 'What `stock=low_stock` counts as low (default 5)' }),
    sort: AdminProductSort.optional().meta({ description: 'Default `updated_desc`' }),
  })
  .strict();
export type AdminProductListQuery = z.input<typeof AdminProductListQuery>;

/** A product as the admin list shows it: enough for a row, without its variants. */
export const AdminProductSummary = z
  .object({
    object: z.literal('product_summary'),
    id: z.string(),
    handle: z.string(),
    name: z.string(),
    status: ProductStatus,
    category: z.object({ id: z.string(), name: z.string() }),
    image: z.object({ url: z.string(), alt: z.string() }).nullable(),
    variant_count: z.number().int().nonnegative(),
    price_min: Money.nullable(),
    price_max: Money.nullable(),
    on_hand: z.number().int().nonnegative().meta({ description: 'Units on hand across variants' }),
    available: z.number().int().nonnegative().meta({ description: 'Units available across variants' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'AdminProductSummary' });
export type AdminProductSummary = z.infer<typeof AdminProductSummary>;

export const AdminProductList = listOf(AdminProductSummary).meta({ id: 'AdminProductList' });
export type AdminProductList = z.infer<typeof AdminProductList>;

/** Media types `POST /v1/admin/products/:id/images` accepts as the request body. */
export const UPLOAD_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'] as const;
/** Largest image upload, in bytes. */
export const MAX_IMAGE_UPLOAD_BYTES = 10 * 1024 * 1024;

/** Body of `POST /v1/admin/products/:id/images`: the image file itself, with its media type as Content-Type. */
export const ImageUploadBody = z.string().meta({ description: 'The image file (binary)', format: 'binary' });

/** Query of `POST /v1/admin/products/:id/images` (the body is the image itself). */
export const ImageUploadQuery = z
  .object({
    alt: Text(500).optional(),
    position: queryInt({ min: 0, max: 49 }).optional().meta({ description: 'Where it goes (default last)' }),
  })
  .strict();
export type ImageUploadQuery = z.input<typeof ImageUploadQuery>;

/** Body of `PATCH /v1/admin/products/:id/images/:imageId`: new alt text and/or a new place. */
export const ImageUpdate = z
  .object({ alt: Text(500).optional(), position: z.number().int().min(0).max(49).optional() })
  .strict()
  .refine((b) => b.alt !== undefined || b.position !== undefined, 'pass alt or position')
  .meta({ id: 'ImageUpdate' });
export type ImageUpdate = z.input<typeof ImageUpdate>;

export const ImageParams = z.object({
  idOrHandle: ProductIdOrHandle,
  imageId: z.string().regex(/^img_[A-Za-z0-9]{1,64}$/, 'must be an image id (img_…)'),
});
