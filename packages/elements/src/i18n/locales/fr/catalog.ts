import type { catalog as english } from '../en/catalog.js';
import type { Translation } from '../../translation.js';

export const catalog = {
  'facets.category': 'Catégorie',
  'facets.brand': 'Marque',
  'facets.price': 'Prix',
  'facets.rating': 'Note',
  'facets.availability': 'Disponibilité',
  'facets.allCategories': 'Toutes les catégories',
  'facets.allBrands': 'Toutes les marques',
  'facets.anyPrice': 'Tous les prix',
  'facets.anyRating': 'Toutes les notes',
  'facets.inStockOnly': 'En stock uniquement',
  'facets.clear': 'Effacer les filtres',
  'facets.activeFilters': 'Filtres actifs',
  'facets.priceAndUp': '{min} et plus',
  'facets.priceUpTo': 'Jusqu’à {max}',
  'facets.priceRange': '{min} – {max}',
  'facets.starsAndUp': { one: '{count} étoile et plus', other: '{count} étoiles et plus' },
  'facets.chip': '{name} : {value}',
  'facets.removeFilter': 'Retirer le filtre {chip}',
} satisfies Translation<typeof english>;
