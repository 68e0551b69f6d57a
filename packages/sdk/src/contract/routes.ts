import { z } from 'zod';
import { Category, CategoryIdOrSlug, CategoryTree, Product, ProductIdOrHandle, ProductList, ProductListQuery } from './catalog.js';
import { Health } from './health.js';
import { AdminProduct, DeletedProduct, ImportSummary, ProductCreate, ProductUpdate } from './admin-products.js';
import { RelatedList, RelatedQuery, SearchQuery, SearchResult, SuggestQuery, SuggestResult } from './search.js';

/** Who may call a route: nobody in particular, a publishable (or secret) key, or a secret key only. */
export type RouteAuth = 'none' | 'publishable' | 'secret';

/** One operation of the HTTP API, as the contract defines it. */
export interface RouteSpec {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** Express-style path under the server origin, e.g. `/v1/products/:idOrHandle`. */
  path: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** HTTP statuses this operation answers with the error shape, besides 400/401/5xx. */
  errors?: number[];
}

/** Every operation the API serves, keyed by operation id; the OpenAPI document is generated from this table. */
export const ROUTES = {
  getHealth: { method: 'get', path: '/v1/health', summary: 'Liveness and the components in use', tag: 'Meta', auth: 'none', response: Health },
  listProducts: {
    method: 'get', path: '/v1/products', summary: 'List products with filters, sort and paging', tag: 'Catalog', auth: 'publishable',
    query: ProductListQuery, response: ProductList,
  },
  getProduct: {
    method: 'get', path: '/v1/products/:idOrHandle', summary: 'One product by id or handle', tag: 'Catalog', auth: 'publishable',
    params: z.object({ idOrHandle: ProductIdOrHandle }), response: Product, errors: [404],
  },
  listRelatedProducts: {
    method: 'get', path: '/v1/products/:idOrHandle/related', summary: 'Products related by category, brand or shared attributes; in stock first', tag: 'Catalog', auth: 'publishable',
    params: z.object({ idOrHandle: ProductIdOrHandle }), query: RelatedQuery, response: RelatedList, errors: [404],
  },
  searchProducts: {
    method: 'get', path: '/v1/search', summary: 'Full-text search with typo tolerance, filters, facet counts, sort and paging', tag: 'Search', auth: 'publishable',
    query: SearchQuery, response: SearchResult, errors: [404],
  },
  suggest: {
    method: 'get', path: '/v1/search/suggest', summary: 'Up to 10 category and product suggestions for what has been typed', tag: 'Search', auth: 'publishable',
    query: SuggestQuery, response: SuggestResult,
  },
  adminCreateProduct: {
    method: 'post', path: '/v1/admin/products', summary: 'Create a product with its variants and images', tag: 'Admin', auth: 'secret',
    body: ProductCreate, response: AdminProduct, errors: [404, 409],
  },
  adminGetProduct: {
    method: 'get', path: '/v1/admin/products/:idOrHandle', summary: 'One product in any status', tag: 'Admin', auth: 'secret',
    params: z.object({ idOrHandle: ProductIdOrHandle }), response: AdminProduct, errors: [404],
  },
  adminUpdateProduct: {
    method: 'patch', path: '/v1/admin/products/:idOrHandle', summary: 'Change a product; variants, when given, are matched by SKU', tag: 'Admin', auth: 'secret',
    params: z.object({ idOrHandle: ProductIdOrHandle }), body: ProductUpdate, response: AdminProduct, errors: [404, 409],
  },
  adminDeleteProduct: {
    method: 'delete', path: '/v1/admin/products/:idOrHandle', summary: 'Delete a product', tag: 'Admin', auth: 'secret',
    params: z.object({ idOrHandle: ProductIdOrHandle }), response: DeletedProduct, errors: [404],
  },
  adminImportProducts: {
    method: 'post', path: '/v1/admin/products/import', summary: "Import Shopify's product CSV export (text/csv body)", tag: 'Admin', auth: 'secret',
    response: ImportSummary,
  },
  listCategories: { method: 'get', path: '/v1/categories', summary: 'The category tree', tag: 'Catalog', auth: 'publishable', response: CategoryTree },
  getCategory: {
    method: 'get', path: '/v1/categories/:idOrSlug', summary: 'One category by id or slug', tag: 'Catalog', auth: 'publishable',
    params: z.object({ idOrSlug: CategoryIdOrSlug }), response: Category, errors: [404],
  },
} satisfies Record<string, RouteSpec>;
export type RouteId = keyof typeof ROUTES;
