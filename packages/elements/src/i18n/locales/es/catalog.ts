import type { catalog as english } from '../en/catalog.js';
import type { Translation } from '../../translation.js';

export const catalog = {
  'facets.category': 'Categoría',
  'facets.brand': 'Marca',
  'facets.price': 'Precio',
  'facets.rating': 'Valoración',
  'facets.availability': 'Disponibilidad',
  'facets.allCategories': 'Todas las categorías',
  'facets.allBrands': 'Todas las marcas',
  'facets.anyPrice': 'Cualquier precio',
  'facets.anyRating': 'Cualquier valoración',
  'facets.inStockOnly': 'Solo en stock',
  'facets.clear': 'Borrar filtros',
  'facets.activeFilters': 'Filtros activos',
  'facets.priceAndUp': 'Desde {min}',
  'facets.priceUpTo': 'Hasta {max}',
  'facets.priceRange': '{min} – {max}',
  'facets.starsAndUp': { one: '{count} estrella o más', other: '{count} estrellas o más' },
  'facets.chip': '{name}: {value}',
  'facets.removeFilter': 'Quitar filtro {chip}',
} satisfies Translation<typeof english>;
