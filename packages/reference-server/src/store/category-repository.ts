import type { Queryable } from './db.js';

export interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  parent_id: string | null;
  position: number;
  /** Active products filed directly under this category (not its subcategories). */
  direct_product_count: number;
}

const COLUMNS = `c.id, c.slug, c.name, c.description, c.parent_id, c.position,
  (SELECT count(*) FROM products p
   WHERE p.category_id = c.id AND p.status = 'active'
     AND EXISTS (SELECT 1 FROM variants v WHERE v.product_id = p.id)) AS direct_product_count`;

export function createCategoryRepository(db: Queryable) {
  return {
    /** Every category, siblings in position order; the caller builds the tree. */
    async listAll(): Promise<CategoryRow[]> {
      const { rows } = await db.query<CategoryRow>(
        `SELECT ${COLUMNS} FROM categories c ORDER BY c.position, c.name, c.id`,
      );
      return rows;
    },

    /** Every category without counts: cheap enough for every product read (category paths). */
    async listRefs(): Promise<Pick<CategoryRow, 'id' | 'slug' | 'name' | 'parent_id'>[]> {
      const { rows } = await db.query<Pick<CategoryRow, 'id' | 'slug' | 'name' | 'parent_id'>>(
        'SELECT id, slug, name, parent_id FROM categories',
      );
      return rows;
    },

    /** A category by id or slug, without its count. */
    async findRef(idOrSlug: string): Promise<Pick<CategoryRow, 'id' | 'slug' | 'name' | 'parent_id'> | null> {
      const { rows } = await db.query<Pick<CategoryRow, 'id' | 'slug' | 'name' | 'parent_id'>>(
        'SELECT id, slug, name, parent_id FROM categories WHERE id = $1 OR slug = $1 LIMIT 1',
        [idOrSlug],
      );
      return rows[0] ?? null;
    },

    async find(idOrSlug: string): Promise<CategoryRow | null> {
      const { rows } = await db.query<CategoryRow>(
        `SELECT ${COLUMNS} FROM categories c WHERE c.id = $1 OR c.slug = $1 LIMIT 1`,
        [idOrSlug],
      );
      return rows[0] ?? null;
    },
  };
}

export type CategoryRepository = ReturnType<typeof createCategoryRepository>;
