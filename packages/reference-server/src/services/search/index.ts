// The search domain: full-text search, facets and suggestions. Other domains import it only through this file.
export { createSearchService, type SearchService, type SearchServiceDeps } from './search-service.js';
