import type { Category, CategoryTree } from '../contract/catalog.js';
import type { RequestOptions, Transport } from '../request.js';

/** The category tree: `client.categories`. */
export interface CategoriesResource {
  /** Top-level categories, each with its `children` and product counts. */
  list(options?: RequestOptions): Promise<CategoryTree>;
  /** One category by id (`cat_…`) or slug. */
  get(idOrSlug: string, options?: RequestOptions): Promise<Category>;
}

export function createCategoriesResource(send: Transport): CategoriesResource {
  return {
    list: (options = {}) => send<CategoryTree>({ method: 'GET', path: '/categories', ...options }),
    get: (idOrSlug, options = {}) =>
      send<Category>({ method: 'GET', path: `/categories/${encodeURIComponent(idOrSlug)}`, ...options }),
  };
}
