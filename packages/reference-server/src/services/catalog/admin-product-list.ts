import {
  DEFAULT_LOW_STOCK_THRESHOLD,
  DEFAULT_PAGE_LIMIT,
  type AdminProductList,
  type AdminProductSort,
  type AdminProductSummary,
  type AdminStockFilter,
  type ProductStatus,
} from '@shoptag/sdk/contract';
import { decodeCursor, encodeCursor } from '../../cursor.js';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import { createAdminProductListRepository, type AdminProductRow } from '../../store/admin-product-list-repository.js';
import type { Queryable } from '../../store/db.js';
import { createProductWriter } from '../../store/product-writer.js';
import { randomId } from '../../ids.js';

export interface AdminProductListInput {
  q?: string | undefined;
  status?: ProductStatus | undefined;
  category?: string | undefined;
  stock?: AdminStockFilter | undefined;
  low_stock_threshold?: number | undefined;
  sort?: AdminProductSort | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

function toSummary(row: AdminProductRow): AdminProductSummary {
  const money = (amount: string | null) =>
    amount === null || row.currency === null ? null : { amount: Number(amount), currency: row.currency.trim() };
  return {
    object: 'product_summary',
    id: row.id,
    handle: row.handle,
    name: row.name,
    status: row.status,
    category: { id: row.category_id, name: row.category_name },
    image: row.image_url === null ? null : { url: row.image_url, alt: row.image_alt ?? '' },
    variant_count: row.variant_count,
    price_min: money(row.price_min),
    price_max: money(row.price_max),
    on_hand: row.on_hand,
    available: row.available,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

/** The console's product list: drafts and archived products too, searched by name, handle or SKU. */
export async function listAdminProducts(db: Queryable, query: AdminProductListInput): Promise<AdminProductList> {
  const repo = createAdminProductListRepository(db);
  const sort = query.sort ?? 'updated_desc';
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  let after: (string | number)[] | undefined;
  if (query.cursor) {
    const values = decodeCursor(query.cursor, sort);
    if (!repo.isValidCursor(sort, values))
      throw new InvalidRequestError('Invalid cursor: not a cursor issued by this server.', { param: 'cursor' });
    after = values;
  }
  let categoryId: string | undefined;
  if (query.category !== undefined) {
    categoryId = (await createProductWriter(db, randomId).findCategory(query.category)) ?? undefined;
    if (categoryId === undefined)
      throw new NotFoundError(`No such category: '${query.category}'`, { param: 'category' });
  }
  const words = (query.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  const rows = await repo.page(
    {
      words,
      ...(query.status ? { status: query.status } : {}),
      ...(categoryId !== undefined ? { categoryId } : {}),
      ...(query.stock ? { stock: query.stock } : {}),
      lowStockThreshold: query.low_stock_threshold ?? DEFAULT_LOW_STOCK_THRESHOLD,
    },
    sort,
    limit + 1,
    after,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    object: 'list',
    data: page.map(toSummary),
    has_more: rows.length > limit,
    next_cursor: rows.length > limit && last ? encodeCursor(sort, repo.sortValuesOf(sort, last)) : null,
    // The count rides on the rows; a page past the end has none to carry it.
    ...(rows[0] ? { total: rows[0].total } : after ? {} : { total: 0 }),
  };
}
