import type { catalog as english } from '../en/catalog.js';
import type { Translation } from '../../translation.js';

export const catalog = {
  'facets.category': 'カテゴリー',
  'facets.brand': 'ブランド',
  'facets.price': '価格',
  'facets.rating': '評価',
  'facets.availability': '在庫状況',
  'facets.allCategories': 'すべてのカテゴリー',
  'facets.allBrands': 'すべてのブランド',
  'facets.anyPrice': 'すべての価格',
  'facets.anyRating': 'すべての評価',
  'facets.inStockOnly': '在庫ありのみ',
  'facets.clear': '絞り込みをクリア',
  'facets.activeFilters': '適用中の絞り込み',
  'facets.priceAndUp': '{min}以上',
  'facets.priceUpTo': '{max}まで',
  'facets.priceRange': '{min}～{max}',
  'facets.starsAndUp': { other: '星{count}つ以上' },
  'facets.chip': '{name}：{value}',
  'facets.removeFilter': '絞り込み「{chip}」を解除',
} satisfies Translation<typeof english>;
