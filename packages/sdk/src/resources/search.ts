import type { SearchQuery, SearchResult, SuggestResult } from '../contract/search.js';
import type { RequestOptions, Transport } from '../request.js';

/** Storefront search: `client.search`. */
export interface SearchResource {
  /**
   * Full-text search with typo tolerance, the list filters, option and rating filters, facet
   * counts, sort and paging, e.g. `search.query({ q: 'linen shirt', options: ['Size:M'], sort: 'price_asc' })`.
   */
  query(query?: SearchQuery, options?: RequestOptions): Promise<SearchResult>;
  /** At most 10 category and product suggestions for what has been typed; cheap enough for every keystroke. */
  suggest(q: string, options?: RequestOptions & { limit?: number }): Promise<SuggestResult>;
}

export function createSearchResource(send: Transport): SearchResource {
  return {
    query: (query = {}, options = {}) => send<SearchResult>({ method: 'GET', path: '/search', query, ...options }),
    suggest: (q, { limit, ...options } = {}) =>
      send<SuggestResult>({ method: 'GET', path: '/search/suggest', query: { q, limit }, ...options }),
  };
}
