import { z } from 'zod';
import { Money } from './money.js';
import { listOf, PageQuery } from './pagination.js';
import { queryBoolean, queryInt } from './query.js';

const Id = (prefix: string) =>
  z
    .string()
    .regex(new RegExp(`^${prefix}_[A-Za-z0-9]+$`))
    .meta({ example: `${prefix}_01` });
const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });
const Handle = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

/** One resized rendition of a product image (for `srcset`). */
export const ImageSource = z
  .object({
    url: z.string(),
    width: z.number().int().positive(),
    format: z.enum(['webp', 'avif']),
  })
  .meta({ id: 'ImageSource' });
export type ImageSource = z.infer<typeof ImageSource>;

/** One product image; `url` is absolute or relative to the server's origin. */
export const ProductImage = z
  .object({
    id: Id('img'),
    url: z.string(),
    alt: z.string(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    position: z.number().int().nonnegative(),
    sources: z
      .array(ImageSource)
      .meta({ description: 'Resized renditions for srcset, widest last per format; empty when only `url` exists' }),
  })
  .meta({ id: 'ProductImage' });
export type ProductImage = z.infer<typeof ProductImage>;

/** A product option such as Size or Colour, with its values in display order. */
export const ProductOption = z.object({ name: z.string(), values: z.array(z.string()) }).meta({ id: 'ProductOption' });
export type ProductOption = z.infer<typeof ProductOption>;

export const INVENTORY_POLICIES = ['deny', 'continue'] as const;
/** What happens when a tracked variant runs out: `deny` stops selling, `continue` keeps selling (backorder). */
export const InventoryPolicy = z
  .enum(INVENTORY_POLICIES)
  .meta({ description: 'Out of stock: `deny` stops selling; `continue` keeps selling on backorder (ships later)' });
export type InventoryPolicy = z.infer<typeof InventoryPolicy>;

/** A purchasable variant: one combination of option values with its own SKU, price and stock. */
export const ProductVariant = z
  .object({
    id: Id('var'),
    sku: z.string(),
    title: z.string().meta({ description: 'Option values joined, e.g. "M / Blue"' }),
    options: z
      .record(z.string(), z.string())
      .meta({ description: 'Option name → value', example: { Size: 'M', Colour: 'Blue' } }),
    price: Money,
    compare_at_price: Money.nullable(),
    available_quantity: z.number().int().nonnegative().nullable().meta({
      description:
        'Units in stock now (on hand minus reserved); null when the stock of this variant is not tracked (always available, no count to show)',
    }),
    in_stock: z.boolean().meta({
      description:
        'Can be bought now: units in stock, stock not tracked, or sold on backorder (see `backorder`)',
    }),
    backorder: z.boolean().meta({
      description:
        'Nothing in stock but still sold (inventory_policy `continue`): what is bought now ships later',
    }),
    track_inventory: z.boolean().meta({ description: 'False: stock is not counted and the variant is always available' }),
    inventory_policy: InventoryPolicy,
    requires_shipping: z
      .boolean()
      .meta({ description: 'False for digital goods and gift cards: a cart of only such lines needs no shipping' }),
    image_id: z.string().nullable(),
    enabled: z.boolean().meta({ description: 'A disabled variant is shown as unavailable and cannot be bought' }),
    weight_grams: z.number().int().nonnegative().nullable(),
  })
  .meta({ id: 'ProductVariant' });
export type ProductVariant = z.infer<typeof ProductVariant>;

export const CategoryRef = z.object({ id: Id('cat'), slug: Handle, name: z.string() });
export type CategoryRef = z.infer<typeof CategoryRef>;

export const Rating = z
  .object({
    average: z.number().min(0).max(5).meta({ description: 'Mean rating, 0–5, one decimal' }),
    count: z.number().int().nonnegative(),
    distribution: z
      .object({
        1: z.number().int().nonnegative(),
        2: z.number().int().nonnegative(),
        3: z.number().int().nonnegative(),
        4: z.number().int().nonnegative(),
        5: z.number().int().nonnegative(),
      })
      .meta({ description: 'Number of ratings with each star value; sums to `count`' }),
  })
  .meta({ id: 'Rating' });
export type Rating = z.infer<typeof Rating>;

/** Search-engine and social metadata of a product page. */
export const ProductSeo = z
  .object({
    title: z.string(),
    description: z.string(),
    keywords: z.array(z.string()),
    canonical_url: z.string().nullable(),
    og_image: z.string().nullable(),
  })
  .meta({ id: 'ProductSeo' });
export type ProductSeo = z.infer<typeof ProductSeo>;

/** A product as the storefront sees it. */
export const Product = z
  .object({
    object: z.literal('product'),
    id: Id('prod'),
    handle: Handle,
    name: z.string(),
    brand: z.string(),
    category: CategoryRef,
    short_description: z.string(),
    description_html: z.string().meta({ description: 'Sanitized HTML; clients sanitize again before rendering' }),
    images: z.array(ProductImage),
    options: z.array(ProductOption),
    variants: z.array(ProductVariant),
    price: Money.meta({ description: 'Lowest variant price' }),
    compare_at_price: Money.nullable().meta({
      description: 'Compare-at price of the lowest-priced variant, when it has one',
    }),
    in_stock: z.boolean().meta({ description: 'Any enabled variant can be bought now (in stock, untracked or on backorder)' }),
    rating: Rating,
    tags: z.array(z.string()),
    created_at: Timestamp,
    updated_at: Timestamp,
    sku: z.string().nullable().meta({ description: 'Product-level SKU (each variant has its own)' }),
    category_path: z
      .array(CategoryRef)
      .meta({ description: 'The category and its ancestors, root first, ending with `category`' }),
    attributes: z.record(z.string(), z.string()).meta({ example: { Material: 'Cotton' } }),
    seo: ProductSeo,
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;

export const PRODUCT_SORTS = ['relevance', 'price_asc', 'price_desc', 'rating', 'newest'] as const;
export const ProductSort = z.enum(PRODUCT_SORTS);
export type ProductSort = z.infer<typeof ProductSort>;

/** Filters shared by the product list and search. Prices are minor units of the shop currency. */
export const ProductFilters = z.object({
  category: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Category id or slug; includes its subcategories' }),
  brand: z.string().min(1).max(200).optional().meta({ description: 'Brand name (case-insensitive)' }),
  min_price: queryInt({ min: 0 }).optional().meta({ description: 'Minimum price in minor units' }),
  max_price: queryInt({ min: 0 }).optional().meta({ description: 'Maximum price in minor units' }),
  in_stock: queryBoolean.optional(),
  sort: ProductSort.optional().meta({ description: 'Default relevance (the curated order for lists)' }),
});

/** Query of `GET /v1/products`. */
export const ProductListQuery = PageQuery.extend(ProductFilters.shape)
  .strict()
  .refine((q) => q.min_price === undefined || q.max_price === undefined || q.min_price <= q.max_price, {
    message: 'min_price must not be greater than max_price',
    path: ['min_price'],
  })
  .refine((q) => q.cursor === undefined || q.page === undefined, {
    message: 'pass either cursor or page, not both',
    path: ['cursor'],
  });
export type ProductListQuery = z.input<typeof ProductListQuery>;
export type ProductListQueryParsed = z.output<typeof ProductListQuery>;

export const ProductList = listOf(Product).meta({ id: 'ProductList' });
export type ProductList = z.infer<typeof ProductList>;

/** Path parameter: a product id (`prod_…`) or handle. */
export const ProductIdOrHandle = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a product id or handle');

/** A category with its place in the tree. */
export const Category = z
  .object({
    object: z.literal('category'),
    id: Id('cat'),
    slug: Handle,
    name: z.string(),
    description: z.string(),
    parent_id: Id('cat').nullable(),
    product_count: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: 'Listed products in this category and its subcategories' }),
    get children(): z.ZodArray<typeof Category> {
      return z.array(Category);
    },
  })
  .meta({ id: 'Category' });
export type Category = {
  object: 'category';
  id: string;
  slug: string;
  name: string;
  description: string;
  parent_id: string | null;
  product_count: number;
  children: Category[];
};

/** `GET /v1/categories`: the top-level categories, each with its children. */
export const CategoryTree = z
  .object({ object: z.literal('list'), data: z.array(Category) })
  .meta({ id: 'CategoryTree' });
export type CategoryTree = { object: 'list'; data: Category[] };

export const CategoryIdOrSlug = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a category id or slug');
