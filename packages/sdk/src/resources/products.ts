import type { Product, ProductList, ProductListQuery } from '../contract/catalog.js';
import type { RelatedList } from '../contract/search.js';
import type { RequestOptions, Transport } from '../request.js';

/** Catalog reads: `client.products`. */
export interface ProductsResource {
  /** One page of products; filters, sort and paging as in `GET /v1/products`. */
  list(query?: ProductListQuery, options?: RequestOptions): Promise<ProductList>;
  /** One product by id (`prod_…`) or handle, with variants, images and stock. */
  get(idOrHandle: string, options?: RequestOptions): Promise<Product>;
  /** Products sharing the category, brand or attributes of one product; in stock first, never the product itself. */
  related(idOrHandle: string, options?: RequestOptions & { limit?: number }): Promise<RelatedList>;
  /**
   * Every product matching `query`, page after page, e.g.
   * `for await (const product of client.products.iterate({ category: 'mugs' })) { … }`.
   */
  iterate(
    query?: Omit<ProductListQuery, 'cursor' | 'page'>,
    options?: RequestOptions,
  ): AsyncGenerator<Product, void, undefined>;
}

export function createProductsResource(send: Transport): ProductsResource {
  const list = (query: ProductListQuery = {}, options: RequestOptions = {}) =>
    send<ProductList>({ method: 'GET', path: '/products', query, ...options });
  return {
    list,
    get: (idOrHandle, options = {}) =>
      send<Product>({ method: 'GET', path: `/products/${encodeURIComponent(idOrHandle)}`, ...options }),
    related: (idOrHandle, { limit, ...options } = {}) =>
      send<RelatedList>({
        method: 'GET',
        path: `/products/${encodeURIComponent(idOrHandle)}/related`,
        query: { limit },
        ...options,
      }),
    async *iterate(query = {}, options = {}) {
      let cursor: string | undefined;
      do {
        const page = await list({ ...query, cursor }, options);
        yield* page.data;
        cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
      } while (cursor);
    },
  };
}
