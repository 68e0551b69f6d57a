import type { catalog as english } from '../en/catalog.js';
import type { Translation } from '../../translation.js';

export const catalog = {
  'facets.category': 'Kategorie',
  'facets.brand': 'Marke',
  'facets.price': 'Preis',
  'facets.rating': 'Bewertung',
  'facets.availability': 'Verfügbarkeit',
  'facets.allCategories': 'Alle Kategorien',
  'facets.allBrands': 'Alle Marken',
  'facets.anyPrice': 'Jeder Preis',
  'facets.anyRating': 'Jede Bewertung',
  'facets.inStockOnly': 'Nur vorrätige Artikel',
  'facets.clear': 'Filter zurücksetzen',
  'facets.activeFilters': 'Aktive Filter',
  'facets.priceAndUp': 'ab {min}',
  'facets.priceUpTo': 'bis {max}',
  'facets.priceRange': '{min} – {max}',
  'facets.starsAndUp': { one: '{count} Stern & mehr', other: '{count} Sterne & mehr' },
  'facets.chip': '{name}: {value}',
  'facets.removeFilter': 'Filter {chip} entfernen',
} satisfies Translation<typeof english>;
