import type { catalog as english } from '../en/catalog.js';
import type { Translation } from '../../translation.js';

export const catalog = {
  'facets.category': 'الفئة',
  'facets.brand': 'العلامة التجارية',
  'facets.price': 'السعر',
  'facets.rating': 'التقييم',
  'facets.availability': 'التوفر',
  'facets.allCategories': 'كل الفئات',
  'facets.allBrands': 'كل العلامات التجارية',
  'facets.anyPrice': 'أي سعر',
  'facets.anyRating': 'أي تقييم',
  'facets.inStockOnly': 'المتوفر فقط',
  'facets.clear': 'مسح عوامل التصفية',
  'facets.activeFilters': 'عوامل التصفية النشطة',
  'facets.priceAndUp': '{min} فأكثر',
  'facets.priceUpTo': 'حتى {max}',
  'facets.priceRange': '{min} – {max}',
  'facets.starsAndUp': {
    zero: '{count} نجمة فأكثر',
    one: 'نجمة واحدة فأكثر',
    two: 'نجمتان فأكثر',
    few: '{count} نجوم فأكثر',
    many: '{count} نجمة فأكثر',
    other: '{count} نجمة فأكثر',
  },
  'facets.chip': '{name}: {value}',
  'facets.removeFilter': 'إزالة عامل التصفية {chip}',
} satisfies Translation<typeof english>;
