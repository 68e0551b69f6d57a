import type { Message } from '../../message.js';

/** The grid, product cards, facets and search. */
export const catalog = {
  'facets.category': 'Category',
  'facets.brand': 'Brand',
  'facets.price': 'Price',
  'facets.rating': 'Rating',
  'facets.availability': 'Availability',
  'facets.allCategories': 'All categories',
  'facets.allBrands': 'All brands',
  'facets.anyPrice': 'Any price',
  'facets.anyRating': 'Any rating',
  'facets.inStockOnly': 'In stock only',
  'facets.clear': 'Clear filters',
  'facets.activeFilters': 'Active filters',
  'facets.priceAndUp': '{min} and up',
  'facets.priceUpTo': 'Up to {max}',
  'facets.priceRange': '{min} – {max}',
  'facets.starsAndUp': { one: '{count} star & up', other: '{count} stars & up' },
  /** A chip's visible text, e.g. "Size: XL". */
  'facets.chip': '{name}: {value}',
  /** A chip's accessible name. */
  'facets.removeFilter': 'Remove filter {chip}',
} as const satisfies Record<string, Message>;
