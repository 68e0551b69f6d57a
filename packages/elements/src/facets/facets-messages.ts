// The facets' shopper-facing words, in one place until the message catalogue (issue 12, item 7)
// replaces them. Plurals go through Intl.PluralRules so a translation only swaps the forms.
const englishPlural = new Intl.PluralRules('en');

export const facetsMessages = {
  category: 'Category',
  brand: 'Brand',
  price: 'Price',
  rating: 'Rating',
  availability: 'Availability',
  allCategories: 'All categories',
  allBrands: 'All brands',
  anyPrice: 'Any price',
  anyRating: 'Any rating',
  inStockOnly: 'In stock only',
  clear: 'Clear filters',
  activeFilters: 'Active filters',
  priceAndUp: (min: string) => `${min} and up`,
  priceUpTo: (max: string) => `Up to ${max}`,
  priceRange: (min: string, max: string) => `${min} – ${max}`,
  starsAndUp: (n: number) => `${n} ${englishPlural.select(n) === 'one' ? 'star' : 'stars'} & up`,
  /** A chip's visible text, e.g. "Size: XL". */
  chip: (name: string, value: string) => `${name}: ${value}`,
  /** A chip's accessible name. */
  removeFilter: (chip: string) => `Remove filter ${chip}`,
} as const;
