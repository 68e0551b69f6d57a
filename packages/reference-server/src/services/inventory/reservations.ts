import type { Cache } from '../../cache/cache.js';
import type { Clock } from '../../clock.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Db, Queryable } from '../../store/db.js';
import { createSearchRepository } from '../../store/search-repository.js';
import { createInventoryRepository } from '../../store/inventory-repository.js';
import { randomId } from '../../ids.js';
import { noopMetrics, type MetricsSink } from '../../metrics/metrics-sink.js';
import { stockChanged } from './inventory-service.js';

export interface HoldItem {
  variantId: string;
  quantity: number;
}

/** A line of a sale: its units, and how many of them were not on hand (sold on backorder; they ship later). */
export interface SoldItem extends HoldItem {
  backordered: number;
}

export interface Hold {
  id: string;
  items: HoldItem[];
  expiresAt: Date;
}

export interface ReservationServiceDeps {
  db: Db;
  cache: Cache;
  clock: Clock;
  /** Default lifetime of a hold (the checkout TTL). */
  holdTtlMs: number;
  /** Counts holds taken, released, expired and converted (default: nothing counted). */
  metrics?: MetricsSink;
}

/** Most holds one sweep releases; the next sweep takes the rest. */
const SWEEP_BATCH = 200;

function outOfStock(variantId: string, available: number, requested: number): ConflictError {
  return new ConflictError(`Only ${available} of ${variantId} ${available === 1 ? 'is' : 'are'} available.`, {
    code: 'out_of_stock',
    param: 'quantity',
    details: { variant_id: variantId, available, requested },
  });
}

/** Sums quantities per variant and sorts by variant id: the order every writer locks rows in. */
export function normalizeItems(items: readonly HoldItem[]): HoldItem[] {
  const sums = new Map<string, number>();
  for (const { variantId, quantity } of items) {
    if (!Number.isSafeInteger(quantity) || quantity <= 0)
      throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
    sums.set(variantId, (sums.get(variantId) ?? 0) + quantity);
  }
  return [...sums]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([variantId, quantity]) => ({ variantId, quantity }));
}

/**
 * Stock reservations ("holds"), the no-oversell core. A hold takes its units in one transaction:
 * quantities summed per variant, level rows locked in id order, then one guarded
 * `UPDATE … WHERE on_hand - reserved >= q` per variant; if any variant is short, nothing is held.
 * That is for tracked variants that stop selling at 0 (`inventory_policy = 'deny'`, the default).
 * A tracked `continue` variant (backorder) is reserved without the guard: its hold always succeeds,
 * and at the sale on_hand may go below 0; the units that were not on hand are recorded on the
 * order line as backordered. An untracked variant gets a hold row that touches no stock (so the
 * hold's lifecycle stays the same for every line), and its sale leaves on_hand as it is.
 * A hold lapses at `expires_at` (refreshed while its checkout is active); the sweeper releases
 * lapsed holds, `release` gives one back at once, and `convertToSale` turns one into a sale inside
 * the caller's order transaction.
 */
export function createReservationService(deps: ReservationServiceDeps) {
  const metrics = deps.metrics ?? noopMetrics;
  const { db, clock } = deps;

  async function reserveIn(tx: Queryable, items: readonly HoldItem[], ttlMs: number): Promise<Hold> {
    const wanted = normalizeItems(items);
    if (wanted.length === 0) throw new RangeError('a hold needs at least one item');
    const repo = createInventoryRepository(tx);
    const now = clock.now();
    const known = new Map((await repo.lockLevels(wanted.map((i) => i.variantId))).map((r) => [r.variant_id, r]));
    const rows: { variantId: string; quantity: number; tracked: boolean }[] = [];
    for (const { variantId, quantity } of wanted) {
      const policy = known.get(variantId);
      if (!policy)
        throw new NotFoundError(`No such variant: '${variantId}'`, { param: 'variant_id', code: 'resource_missing' });
      if (!policy.track_inventory) {
        rows.push({ variantId, quantity, tracked: false });
        continue;
      }
      if (policy.inventory_policy === 'continue') await repo.reserveBeyondStock(variantId, quantity, now);
      else if (!(await repo.reserve(variantId, quantity, now))) {
        const [row] = await repo.availability([variantId]);
        throw outOfStock(variantId, row ? Math.max(0, row.on_hand - row.reserved) : 0, quantity);
      }
      rows.push({ variantId, quantity, tracked: true });
    }
    const hold: Hold = { id: randomId('hold'), items: wanted, expiresAt: new Date(now.getTime() + ttlMs) };
    await repo.insertHold(hold.id, rows, hold.expiresAt, now);
    return hold;
  }

  /** Releases one hold inside `tx` (only if lapsed by `expiredBefore`, when given); answers the variants it freed. */
  async function releaseIn(tx: Queryable, holdId: string, expiredBefore?: Date): Promise<string[]> {
    const repo = createInventoryRepository(tx);
    if ((await repo.lockHoldLevels(holdId)).length === 0) return [];
    const rows = await repo.deleteHold(holdId, expiredBefore);
    const now = clock.now();
    for (const row of rows.sort((a, b) => (a.variant_id < b.variant_id ? -1 : 1)))
      if (row.tracked) await repo.unreserve(row.variant_id, row.quantity, now);
    return rows.map((r) => r.variant_id);
  }

  return {
    /** Reserves every item or none; 409 `out_of_stock` (with `details.available`) when one is short. */
    async reserve(items: readonly HoldItem[], options: { ttlMs?: number } = {}): Promise<Hold> {
      // Refuse without taking any lock when stock is plainly short: under contention for the last
      // units most attempts end here. A stale read only ever errs towards the locked path below,
      // which decides (or towards a refusal a moment early, as if the request came a moment earlier).
      const wanted = normalizeItems(items);
      // Only variants that stop selling at 0 can be short; untracked and backorder ones never are.
      const seen = new Map(
        (await createInventoryRepository(db).availability(wanted.map((i) => i.variantId)))
          .filter((r) => r.track_inventory && r.inventory_policy === 'deny')
          .map((r) => [r.variant_id, Math.max(0, r.on_hand - r.reserved)]),
      );
      for (const { variantId, quantity } of wanted) {
        const available = seen.get(variantId);
        if (available !== undefined && available < quantity) throw outOfStock(variantId, available, quantity);
      }
      const hold = await db.transaction((tx) => reserveIn(tx, wanted, options.ttlMs ?? deps.holdTtlMs));
      metrics.hold('taken');
      await stockChanged(
        deps,
        hold.items.map((i) => i.variantId),
      );
      return hold;
    },

    /** The same, inside a transaction the caller owns (a checkout creating its session). */
    reserveIn: async (tx: Queryable, items: readonly HoldItem[], ttlMs: number = deps.holdTtlMs) => {
      const hold = await reserveIn(tx, items, ttlMs);
      metrics.hold('taken');
      return hold;
    },

    /** Pushes a live hold's expiry to now + TTL; 409 `hold_expired` once it has lapsed. */
    async refresh(holdId: string, ttlMs: number = deps.holdTtlMs): Promise<Date> {
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + ttlMs);
      const ok = await createInventoryRepository(db).extendHold(holdId, expiresAt, now);
      if (!ok) throw new ConflictError('The stock hold has lapsed; reserve again.', { code: 'hold_expired' });
      return expiresAt;
    },

    /** Gives a hold's units back (an abandoned checkout). 404 when there is no such hold. */
    async release(holdId: string): Promise<void> {
      const freed = await db.transaction((tx) => releaseIn(tx, holdId));
      if (freed.length === 0) throw new NotFoundError(`No such hold: '${holdId}'`, { param: 'hold_id' });
      metrics.hold('released');
      await stockChanged(deps, freed);
    },

    /**
     * Converts a hold into a sale (on_hand −= q, reserved −= q) inside the order transaction `tx`.
     * 409 `hold_expired` when the hold is gone (lapsed and swept): the order must not be placed.
     * What is available does not change (held units become sold ones), so nothing needs
     * invalidating afterwards. Each item says how many of its units were not on hand at this
     * moment (`backordered`: only ever above 0 for a backorder variant); an untracked variant's
     * stock is left alone. Each sale of tracked stock is written to the stock history under `orderId`.
     */
    async convertToSale(tx: Queryable, holdId: string, orderId: string | null = null): Promise<SoldItem[]> {
      const repo = createInventoryRepository(tx);
      const lapsed = () =>
        new ConflictError('The stock hold has lapsed; the order cannot be placed.', { code: 'hold_expired' });
      if ((await repo.lockHoldLevels(holdId)).length === 0) throw lapsed();
      const rows = await repo.deleteHold(holdId);
      // The sweeper may have released the hold while this waited for the stock locks.
      if (rows.length === 0) throw lapsed();
      const now = clock.now();
      const sold: SoldItem[] = [];
      for (const row of rows.sort((a, b) => (a.variant_id < b.variant_id ? -1 : a.variant_id > b.variant_id ? 1 : 0))) {
        let backordered = 0;
        if (row.tracked) {
          const before = await repo.sell(row.variant_id, row.quantity, now, orderId);
          backordered = row.quantity - Math.min(row.quantity, Math.max(0, before));
        }
        sold.push({ variantId: row.variant_id, quantity: row.quantity, backordered });
      }
      metrics.hold('converted');
      return sold;
    },

    /** After a transaction that changed the stock of `variantIds` has committed (see `stockChanged`). */
    invalidate: (variantIds: readonly string[]) => stockChanged(deps, variantIds),

    async get(holdId: string): Promise<Hold | undefined> {
      const rows = await createInventoryRepository(db).hold(holdId);
      if (rows.length === 0) return undefined;
      return {
        id: holdId,
        items: rows.map((r) => ({ variantId: r.variant_id, quantity: r.quantity })),
        expiresAt: rows[0]!.expires_at,
      };
    },

    /** Releases holds that lapsed by now, each in its own short transaction; answers how many. */
    async releaseExpired(): Promise<number> {
      const now = clock.now();
      const ids = await createInventoryRepository(db).expiredHoldIds(now, SWEEP_BATCH);
      let released = 0;
      for (const id of ids) {
        const freed = await db.transaction((tx) => releaseIn(tx, id, now));
        if (freed.length) {
          released++;
          await stockChanged(deps, freed);
        }
      }
      metrics.hold('expired', released);
      // Also picks up in-stock changes a process noted but did not apply (it stopped first).
      await createSearchRepository(db).refreshStock();
      return released;
    },
  };
}

export type ReservationService = ReturnType<typeof createReservationService>;
