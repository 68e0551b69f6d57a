import { z } from 'zod';
import { InventoryPolicy, Product } from './catalog.js';
import { MAX_ON_HAND } from './inventory.js';
import { MAX_AMOUNT } from './limits.js';

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
