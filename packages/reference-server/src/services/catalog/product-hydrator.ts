import type { CategoryRef, Product } from '@shoptag/sdk/contract';
import type { CategoryRepository, CategoryRow } from '../../store/category-repository.js';
import type { ProductRepository } from '../../store/product-repository.js';
import type { ProductRow } from '../../store/product-rows.js';
import { groupByProduct, toProduct } from './product-mapper.js';

/** The category and its ancestors, root first. */
function categoryPath(
  byId: Map<string, Pick<CategoryRow, 'id' | 'slug' | 'name' | 'parent_id'>>,
  id: string,
): CategoryRef[] {
  const path: CategoryRef[] = [];
  const seen = new Set<string>();
  for (
    let row = byId.get(id);
    row && !seen.has(row.id);
    row = row.parent_id === null ? undefined : byId.get(row.parent_id)
  ) {
    seen.add(row.id);
    path.unshift({ id: row.id, slug: row.slug, name: row.name });
  }
  return path;
}

/** Turns product rows into wire products: variants, images and category paths in one query each. */
export function createProductHydrator(deps: { products: ProductRepository; categories: CategoryRepository }) {
  return async function hydrate(rows: readonly ProductRow[]): Promise<Product[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [variants, images, categories] = await Promise.all([
      deps.products.variantsFor(ids),
      deps.products.imagesFor(ids),
      deps.categories.listRefs(),
    ]);
    const variantsBy = groupByProduct(variants);
    const imagesBy = groupByProduct(images);
    const byId = new Map(categories.map((c) => [c.id, c]));
    return rows
      .filter((row) => variantsBy.has(row.id))
      .map((row) =>
        toProduct(row, variantsBy.get(row.id) ?? [], imagesBy.get(row.id) ?? [], categoryPath(byId, row.category_id)),
      );
  };
}

export type ProductHydrator = ReturnType<typeof createProductHydrator>;
