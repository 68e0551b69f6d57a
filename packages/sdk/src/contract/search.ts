import { z } from 'zod';
import { Product, ProductFilters } from './catalog.js';
import { Money } from './money.js';
import { PageQuery } from './pagination.js';
import { queryInt, queryList } from './query.js';

export const FACET_NAMES = ['brand', 'category', 'price', 'options', 'rating', 'in_stock'] as const;
export const FacetName = z.enum(FACET_NAMES);
export type FacetName = z.infer<typeof FacetName>;

/** Price buckets of the price facet, in minor units: [min, max) with the last one open. */
export const PRICE_FACET_BOUNDS = [0, 2_500, 5_000, 10_000, 20_000] as const;

/** `Size:M` — an option name and value; several of one name match any, different names must all match. */
const OptionFilter = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[^:]+:.+$/, 'must be Name:Value, e.g. Size:M');

/** Filters of search: the list filters plus option values and a minimum rating. */
export const SearchFilters = ProductFilters.extend({
  options: queryList(OptionFilter, 20)
    .optional()
    .meta({ description: 'Option values as Name:Value, comma-separated, e.g. Size:M,Colour:Blue' }),
  min_rating: queryInt({ min: 1, max: 5 })
    .optional()
    .meta({ description: 'Only products rated at least this average (1–5)' }),
});

/** Query of `GET /v1/search`. */
export const SearchQuery = PageQuery.extend(SearchFilters.shape)
  .extend({
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .meta({ description: 'Words to search for; typos and partial words are tolerated' }),
    facets: queryList(FacetName, FACET_NAMES.length)
      .optional()
      .meta({ description: `Facets to count (default all): ${FACET_NAMES.join(', ')}; empty for none` }),
  })
  .strict()
  .refine((q) => q.min_price === undefined || q.max_price === undefined || q.min_price <= q.max_price, {
    message: 'min_price must not be greater than max_price',
    path: ['min_price'],
  })
  .refine((q) => q.cursor === undefined || q.page === undefined, {
    message: 'pass either cursor or page, not both',
    path: ['cursor'],
  });
export type SearchQuery = z.input<typeof SearchQuery>;
export type SearchQueryParsed = z.output<typeof SearchQuery>;

const Count = z.number().int().nonnegative();

/** Counts of the products matching the current query and filters, per facet value. */
export const SearchFacets = z
  .object({
    brand: z.array(z.object({ value: z.string(), count: Count })).optional(),
    category: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), count: Count })).optional(),
    price: z
      .array(
        z.object({
          min: Count,
          max: Count.nullable().meta({ description: 'Exclusive; null for the open top bucket' }),
          count: Count,
        }),
      )
      .optional(),
    options: z
      .array(z.object({ name: z.string(), values: z.array(z.object({ value: z.string(), count: Count })) }))
      .optional(),
    rating: z
      .array(z.object({ min: z.number().int().min(1).max(5), count: Count }))
      .optional()
      .meta({ description: 'Products rated at least `min`' }),
    in_stock: z.object({ in_stock: Count, out_of_stock: Count }).optional(),
  })
  .meta({ id: 'SearchFacets' });
export type SearchFacets = z.infer<typeof SearchFacets>;

/** `GET /v1/search`: a page of products, the facet counts, and the total. */
export const SearchResult = z
  .object({
    object: z.literal('search_result'),
    q: z.string(),
    data: z.array(Product),
    facets: SearchFacets,
    total: Count,
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
  })
  .meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResult>;

export const MAX_SUGGESTIONS = 10;

/** Query of `GET /v1/search/suggest`. */
export const SuggestQuery = z
  .object({
    q: z.string().trim().min(1).max(100).meta({ description: 'What the shopper has typed so far' }),
    limit: queryInt({ min: 1, max: MAX_SUGGESTIONS })
      .optional()
      .meta({ description: `At most this many suggestions (default and max ${MAX_SUGGESTIONS})` }),
  })
  .strict();
export type SuggestQuery = z.input<typeof SuggestQuery>;

export const Suggestion = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('product'),
      id: z.string(),
      handle: z.string(),
      name: z.string(),
      brand: z.string(),
      price: Money,
      image_url: z.string().nullable(),
    }),
    z.object({ type: z.literal('category'), id: z.string(), slug: z.string(), name: z.string() }),
  ])
  .meta({ id: 'Suggestion' });
export type Suggestion = z.infer<typeof Suggestion>;

/** `GET /v1/search/suggest`: categories first, then products. */
export const SuggestResult = z
  .object({ object: z.literal('list'), q: z.string(), data: z.array(Suggestion).max(MAX_SUGGESTIONS) })
  .meta({ id: 'SuggestResult' });
export type SuggestResult = z.infer<typeof SuggestResult>;

/** Query of `GET /v1/products/:id/related`. */
export const RelatedQuery = z
  .object({ limit: queryInt({ min: 1, max: 24 }).optional().meta({ description: 'How many (1–24, default 8)' }) })
  .strict();
export type RelatedQuery = z.input<typeof RelatedQuery>;

export const RelatedList = z.object({ object: z.literal('list'), data: z.array(Product) }).meta({ id: 'RelatedList' });
export type RelatedList = z.infer<typeof RelatedList>;
