import {
  type Availability,
  DEFAULT_LOW_STOCK_THRESHOLD,
  DEFAULT_PAGE_LIMIT,
  MAX_ON_HAND,
  MAX_PAGE_LIMIT,
  type AvailabilityList,
  type InventoryLevel,
  type InventoryLevelList,
  type InventoryMovement,
  type InventoryMovementList,
  type MovementReason,
  type StockReason,
} from '@shoptag/sdk/contract';
import { decodeCursor, encodeCursor } from '../../cursor.js';
import type { Cache } from '../../cache/cache.js';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidRequestError, NotFoundError } from '../../errors.js';
import type { Db, Queryable } from '../../store/db.js';
import {
  createInventoryRepository,
  type LevelRow,
  type MovementInput,
  type MovementRow,
  type StockActor,
} from '../../store/inventory-repository.js';
import { createSearchRepository } from '../../store/search-repository.js';
import { variantAvailability } from './stock-policy.js';

/** Availability is read often (every product page) and changes rarely: a few seconds is fresh enough, and every change drops it. */
export const AVAILABILITY_TTL_MS = 5_000;
const cacheKey = (variantId: string) => `inventory:${variantId}`;

/**
 * Call after every committed stock change: drops the cached availability of `variantIds` and
 * brings search's in-stock flags up to date (stock transactions only note which products crossed
 * zero; see 0006_search_documents.sql).
 */
export async function stockChanged(
  deps: { cache: Cache; db: Queryable },
  variantIds: readonly string[],
): Promise<void> {
  // The stock change has committed: a refresh that fails (say, a lock timeout) leaves the
  // changes queued for the next stock change or sweeper pass rather than failing the request.
  const refreshed = createSearchRepository(deps.db)
    .refreshStock()
    .catch(() => 0);
  const dropped = [...new Set(variantIds)].map((id) => deps.cache.delete(cacheKey(id)));
  await Promise.all([...dropped, refreshed]);
}

const HISTORY_CURSOR = 'history';

/** Why and by whom stock changes, as the admin API passes it on. */
export interface StockChange {
  reason?: StockReason | undefined;
  note?: string | undefined;
  actor?: StockActor | undefined;
}

function movement(
  variantId: string,
  delta: number,
  onHand: number,
  change: StockChange,
  reason: StockReason,
): MovementInput {
  return {
    variantId,
    delta,
    onHand,
    reason: change.reason ?? reason,
    note: change.note ?? '',
    actor: change.actor ?? { type: 'system', id: null },
    reference: null,
  };
}

function toMovement(row: MovementRow): InventoryMovement {
  return {
    object: 'inventory_movement',
    id: `mov_${row.id}`,
    variant_id: row.variant_id,
    delta: row.delta,
    on_hand: row.on_hand,
    reason: row.reason as MovementReason,
    note: row.note,
    actor: { type: row.actor_type, id: row.actor_id },
    reference: row.reference,
    created_at: row.created_at.toISOString(),
  };
}

function toLevel(row: LevelRow): InventoryLevel {
  return {
    object: 'inventory_level',
    variant_id: row.variant_id,
    product_id: row.product_id,
    sku: row.sku,
    on_hand: row.on_hand,
    reserved: row.reserved,
    available: Math.max(0, row.on_hand - row.reserved),
    track_inventory: row.track_inventory,
    inventory_policy: row.inventory_policy,
    updated_at: row.updated_at.toISOString(),
  };
}

function toAvailability(row: Parameters<typeof variantAvailability>[0]): Omit<Availability, 'variant_id'> {
  const { available, in_stock, backorder } = variantAvailability(row);
  return {
    available,
    in_stock,
    backorder,
    track_inventory: row.track_inventory,
    inventory_policy: row.inventory_policy,
  };
}

/** A cached availability entry, or undefined when the cache holds something else (an older shape). */
function cachedAvailability(value: unknown, variantId: string): Availability | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as Partial<Availability>;
  const available = entry.available;
  if (
    entry.variant_id !== variantId ||
    typeof entry.in_stock !== 'boolean' ||
    typeof entry.backorder !== 'boolean' ||
    typeof entry.track_inventory !== 'boolean' ||
    (entry.inventory_policy !== 'deny' && entry.inventory_policy !== 'continue')
  )
    return undefined;
  if (available !== null && !(typeof available === 'number' && Number.isInteger(available) && available >= 0))
    return undefined;
  return {
    variant_id: variantId,
    available: available ?? null,
    in_stock: entry.in_stock,
    backorder: entry.backorder,
    track_inventory: entry.track_inventory,
    inventory_policy: entry.inventory_policy,
  };
}

export interface InventoryServiceDeps {
  db: Db;
  cache: Cache;
  clock: Clock;
}

/** Storefront availability (cached briefly) and the admin's stock levels. */
export function createInventoryService(deps: InventoryServiceDeps) {
  const { db, cache, clock } = deps;
  const repo = createInventoryRepository(db);

  async function level(variantId: string): Promise<InventoryLevel> {
    const row = await repo.level(variantId);
    if (!row) throw new NotFoundError(`No such variant: '${variantId}'`, { param: 'variantId' });
    return toLevel(row);
  }

  return {
    /** Availability of each known variant, in request order (unknown ids are left out). */
    async availability(variantIds: readonly string[]): Promise<AvailabilityList> {
      const ids = [...new Set(variantIds)];
      const cached = await Promise.all(ids.map((id) => cache.get(cacheKey(id)).catch(() => undefined)));
      const found = new Map<string, Availability>();
      const missing: string[] = [];
      ids.forEach((id, i) => {
        const value = cachedAvailability(cached[i], id);
        if (value) found.set(id, value);
        else missing.push(id);
      });
      if (missing.length) {
        const rows = await repo.availability(missing);
        await Promise.all(
          rows.map((r) => {
            const entry: Availability = { variant_id: r.variant_id, ...toAvailability(r) };
            found.set(r.variant_id, entry);
            return cache.set(cacheKey(r.variant_id), entry, AVAILABILITY_TTL_MS).catch(() => undefined);
          }),
        );
      }
      const data = ids.flatMap((id) => {
        const entry = found.get(id);
        return entry === undefined ? [] : [entry];
      });
      return { object: 'list', data };
    },

    level,

    /**
     * Sets units on hand (a stock count), recorded in the history with its reason (default
     * `count`); 409 `inventory_reserved` when that is fewer than the units held by checkouts.
     */
    async setOnHand(variantId: string, onHand: number, change: StockChange = {}): Promise<InventoryLevel> {
      const done = await db.transaction(async (tx) => {
        const repo = createInventoryRepository(tx);
        const before = await repo.lockLevel(variantId);
        if (!before) return undefined;
        if (!(await repo.setOnHand(variantId, onHand, clock.now()))) return before;
        await repo.recordMovement(movement(variantId, onHand - before.on_hand, onHand, change, 'count'), clock.now());
        return true;
      });
      if (done === undefined) throw new NotFoundError(`No such variant: '${variantId}'`, { param: 'variantId' });
      if (done !== true) {
        throw new ConflictError(`${done.reserved} units are reserved by checkouts; on_hand cannot go below that.`, {
          code: 'inventory_reserved',
          param: 'on_hand',
          details: { reserved: done.reserved, on_hand: done.on_hand },
        });
      }
      await stockChanged(deps, [variantId]);
      return level(variantId);
    },

    /**
     * Adds `delta` (negative takes away) to units on hand, never below the units reserved nor
     * above `MAX_ON_HAND` (as PUT), recorded in the history with its reason (default `correction`).
     */
    async adjust(variantId: string, delta: number, change: StockChange = {}): Promise<InventoryLevel> {
      const done = await db.transaction(async (tx) => {
        const repo = createInventoryRepository(tx);
        const before = await repo.lockLevel(variantId);
        if (!before) return undefined;
        if (!(await repo.adjustOnHand(variantId, delta, clock.now(), MAX_ON_HAND))) return before;
        await repo.recordMovement(
          movement(variantId, delta, before.on_hand + delta, change, 'correction'),
          clock.now(),
        );
        return true;
      });
      if (done === undefined) throw new NotFoundError(`No such variant: '${variantId}'`, { param: 'variantId' });
      if (done !== true) {
        if (done.on_hand + delta > MAX_ON_HAND) {
          throw new ConflictError(
            `Cannot add ${delta} units: ${done.on_hand} on hand, and a stock count holds at most ${MAX_ON_HAND}.`,
            {
              code: 'inventory_limit_exceeded',
              param: 'delta',
              details: { on_hand: done.on_hand, max_on_hand: MAX_ON_HAND },
            },
          );
        }
        throw new ConflictError(
          `Cannot take ${-delta} units: ${done.on_hand} on hand, ${done.reserved} of them reserved.`,
          {
            code: 'inventory_reserved',
            param: 'delta',
            details: { reserved: done.reserved, on_hand: done.on_hand },
          },
        );
      }
      await stockChanged(deps, [variantId]);
      return level(variantId);
    },

    /** A variant's stock history, newest first (404 for an unknown variant). */
    async history(
      variantId: string,
      query: { limit?: number | undefined; cursor?: string | undefined },
    ): Promise<InventoryMovementList> {
      await level(variantId);
      const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
      let before: string | undefined;
      if (query.cursor) {
        const [id] = decodeCursor(query.cursor, HISTORY_CURSOR, ['text']);
        if (typeof id !== 'string' || !/^\d{1,18}$/.test(id))
          throw new InvalidRequestError('Invalid cursor.', { param: 'cursor' });
        before = id;
      }
      const rows = await repo.movements(variantId, limit + 1, before);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        object: 'list',
        data: page.map(toMovement),
        has_more: rows.length > limit,
        next_cursor: rows.length > limit && last ? encodeCursor(HISTORY_CURSOR, [last.id]) : null,
      };
    },

    async lowStock(query: { threshold?: number | undefined; limit?: number | undefined }): Promise<InventoryLevelList> {
      const rows = await repo.lowStock(query.threshold ?? DEFAULT_LOW_STOCK_THRESHOLD, query.limit ?? MAX_PAGE_LIMIT);
      return { object: 'list', data: rows.map(toLevel) };
    },
  };
}

export type InventoryService = ReturnType<typeof createInventoryService>;
