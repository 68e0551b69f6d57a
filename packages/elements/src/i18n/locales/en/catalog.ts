import type { Message } from '../../message.js';

/** The grid, product cards, facets and search. */
export const catalog = {
  /** The grid's status line while the first page loads. */
  'grid.loading': 'Loading products…',
  /** Fewer shown than match; `count` is how many match. */
  'grid.showing': { one: 'Showing {shown} of {count} product', other: 'Showing {shown} of {count} products' },
  'grid.count': { one: '{count} product', other: '{count} products' },
  /** The server did not count them all. */
  'grid.countSoFar': { one: '{count} product so far', other: '{count} products so far' },
  'grid.sortBy': 'Sort by',
  'grid.sort.relevance': 'Featured',
  'grid.sort.priceAsc': 'Price: low to high',
  'grid.sort.priceDesc': 'Price: high to low',
  'grid.sort.rating': 'Top rated',
  'grid.sort.newest': 'Newest',
  'grid.loadMore': 'Load more',
  'grid.emptyTitle': 'No products match',
  'grid.emptyDetail': 'Try removing a filter or choosing another category.',
  'grid.errorTitle': 'We couldn’t load the products',
  'grid.notConnectedTitle': 'This shop isn’t connected yet',
  'grid.notConnectedDetail': 'Add a publishable key: <shop-store publishable-key="pk_…">.',
  /** The heading over search results. */
  'grid.resultsFor': 'Results for “{query}”',
  'grid.noResultsTitle': 'No results for “{query}”',
  'grid.noResultsDetail': 'Check the spelling, use fewer words, or try one of these.',
  'grid.didYouMean': 'Did you mean',
  'grid.popular': 'Popular right now',
  'grid.clearSearch': 'Show all products',
  'card.sale': 'Sale',
  'card.soldOut': 'Sold out',
  /** Before the lowest price when variants cost different amounts. */
  'card.from': 'From',
  /** Read by screen readers for a sale price. */
  'card.wasNow': 'Was {was}, now {now}',
  'card.onlyLeft': { one: 'Only {count} left', other: 'Only {count} left' },
  /** The rating's accessible name; `rating` is already formatted ("4.5"). */
  'card.rating': { one: 'Rated {rating} out of 5, {count} review', other: 'Rated {rating} out of 5, {count} reviews' },
  /** The search box's label and placeholder. */
  'search.label': 'Search products',
  'search.suggestions': 'Suggestions',
  'search.recent': 'Recent searches',
  'search.category': 'Category',
  /** Shown in the list when nothing is suggested; Enter still searches. */
  'search.noMatches': 'No matches for “{query}”. Press Enter to search everything.',
  /** Announced to screen readers as suggestions arrive. */
  'search.count': { one: '{count} suggestion', other: '{count} suggestions' },
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
  'card.backorder': 'Available on backorder',
} as const satisfies Record<string, Message>;
