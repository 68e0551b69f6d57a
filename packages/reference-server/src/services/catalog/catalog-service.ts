import {
  DEFAULT_PAGE_LIMIT,
  type Category,
  type CategoryTree,
  type Product,
  type ProductList,
  type ProductListQueryParsed,
} from '@shoptag/sdk/contract';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import type { CategoryRepository, CategoryRow } from '../../store/category-repository.js';
import type { ProductRepository } from '../../store/product-repository.js';
import { systemClock, type Clock } from '../../clock.js';
import { decodeCursor, encodeCursor } from '../../cursor.js';
import { createProductFragments, type ProductFragments } from './product-fragments.js';
import { documentToProduct } from './product-mapper.js';

export interface CatalogServiceDeps {
  products: ProductRepository;
  categories: CategoryRepository;
  /** Serialized products reused across pages; one of its own (on `clock`) when not given. */
  fragments?: ProductFragments;
  clock?: Clock;
}

const COMMA = Buffer.from(',');

/** The category forest, each node counting the listed products in its whole subtree. */
function buildTree(rows: readonly CategoryRow[]): Category[] {
  const nodes = new Map<string, Category>();
  for (const row of rows) {
    nodes.set(row.id, {
      object: 'category',
      id: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
      parent_id: row.parent_id,
      product_count: row.direct_product_count,
      children: [],
    });
  }
  const roots: Category[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id === null ? undefined : nodes.get(node.parent_id);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const addSubtreeCounts = (node: Category): number =>
    (node.product_count += node.children.reduce((sum, child) => sum + addSubtreeCounts(child), 0));
  roots.forEach(addSubtreeCounts);
  return roots;
}

function findInTree(tree: readonly Category[], idOrSlug: string): Category | undefined {
  for (const node of tree) {
    if (node.id === idOrSlug || node.slug === idOrSlug) return node;
    const found = findInTree(node.children, idOrSlug);
    if (found) return found;
  }
  return undefined;
}

/** The storefront's read side of the catalog: products and categories in their wire shapes. */
export function createCatalogService(deps: CatalogServiceDeps) {
  const { products, categories } = deps;
  const fragments = deps.fragments ?? createProductFragments({ clock: deps.clock ?? systemClock });

  /**
   * A page of the product list as UTF-8 JSON (a `ProductList`). Under a cache `generation`,
   * products serialized for an earlier page with the same stock are reused (`ProductFragments`),
   * and the page is joined from their bytes without encoding anything again.
   */
  async function listProductsJson(query: ProductListQueryParsed, generation?: string): Promise<Buffer> {
    const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
    const sort = query.sort ?? 'relevance';
    let categoryId: string | undefined;
    if (query.category !== undefined) {
      const category = await categories.findRef(query.category);
      if (!category) throw new NotFoundError(`No such category: '${query.category}'`, { param: 'category' });
      categoryId = category.id;
    }
    let after: (string | number)[] | undefined;
    if (query.cursor !== undefined) {
      after = decodeCursor(query.cursor, sort);
      if (!products.isValidCursor(sort, after)) {
        throw new InvalidRequestError(
          'Invalid cursor: not a cursor issued by this server. Pass the next_cursor of a previous page unchanged.',
          {
            param: 'cursor',
          },
        );
      }
    }
    const page = await products.listPage({
      filter: {
        categoryId,
        brand: query.brand,
        minPrice: query.min_price,
        maxPrice: query.max_price,
        inStock: query.in_stock,
      },
      sort,
      limit: limit + 1,
      after,
      offset: query.page === undefined ? 0 : (query.page - 1) * limit,
    });
    const rows = page.rows.slice(0, limit);
    const hasMore = page.rows.length > limit;
    const last = rows.at(-1);
    const data = await fragments.render(rows, generation, (ids) => products.documentsFor(ids));
    const nextCursor = hasMore && last ? encodeCursor(sort, products.sortValuesOf(sort, last)) : null;
    // A ProductList's keys in its declared order, as JSON.stringify of the object would write them.
    const parts: Buffer[] = [Buffer.from('{"object":"list","data":[')];
    data.forEach((product, i) => parts.push(...(i === 0 ? [product] : [COMMA, product])));
    parts.push(
      Buffer.from(`],"has_more":${hasMore},"next_cursor":${JSON.stringify(nextCursor)},"total":${page.total}}`),
    );
    return Buffer.concat(parts);
  }

  return {
    listProductsJson,

    async listProducts(query: ProductListQueryParsed): Promise<ProductList> {
      return JSON.parse((await listProductsJson(query)).toString('utf8')) as ProductList;
    },

    async getProduct(idOrHandle: string): Promise<Product> {
      const row = await products.findActiveDocument(idOrHandle);
      const product = row ? documentToProduct(row) : null;
      if (!product) throw new NotFoundError(`No such product: '${idOrHandle}'`, { param: 'id' });
      return product;
    },

    async listCategories(): Promise<CategoryTree> {
      return { object: 'list', data: buildTree(await categories.listAll()) };
    },

    async getCategory(idOrSlug: string): Promise<Category> {
      const category = findInTree(buildTree(await categories.listAll()), idOrSlug);
      if (!category) throw new NotFoundError(`No such category: '${idOrSlug}'`, { param: 'id' });
      return category;
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
