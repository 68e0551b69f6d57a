import { z } from 'zod';
import { Category, CategoryIdOrSlug, CategoryTree, Product, ProductIdOrHandle, ProductList, ProductListQuery } from './catalog.js';
import { Health } from './health.js';

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
  listCategories: { method: 'get', path: '/v1/categories', summary: 'The category tree', tag: 'Catalog', auth: 'publishable', response: CategoryTree },
  getCategory: {
    method: 'get', path: '/v1/categories/:idOrSlug', summary: 'One category by id or slug', tag: 'Catalog', auth: 'publishable',
    params: z.object({ idOrSlug: CategoryIdOrSlug }), response: Category, errors: [404],
  },
} satisfies Record<string, RouteSpec>;
export type RouteId = keyof typeof ROUTES;
