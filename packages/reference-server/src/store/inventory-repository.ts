import type { Queryable } from './db.js';

export type InventoryPolicy = 'deny' | 'continue';

/** How a variant's stock is kept: counted or not, and whether it sells beyond what is on hand. */
export interface StockPolicy {
  track_inventory: boolean;
  inventory_policy: InventoryPolicy;
}

export interface LevelRow extends StockPolicy {
  variant_id: string;
  product_id: string;
  sku: string;
  on_hand: number;
  reserved: number;
  updated_at: Date;
}

export interface AvailabilityRow extends StockPolicy {
  variant_id: string;
  enabled: boolean;
  on_hand: number;
  reserved: number;
}

export interface HoldRow {
  id: string;
  variant_id: string;
  quantity: number;
  expires_at: Date;
  /** Whether the row took units into `reserved` (false: an untracked variant, whose stock it left alone). */
  tracked: boolean;
}

/** Who changed stock, as the history records it. */
export interface StockActor {
  type: 'staff' | 'key' | 'system';
  id: string | null;
}

export interface MovementInput {
  variantId: string;
  delta: number;
  onHand: number;
  reason: string;
  note: string;
  actor: StockActor;
  reference: string | null;
}

export interface MovementRow {
  id: string;
  variant_id: string;
  delta: number;
  on_hand: number;
  reason: string;
  note: string;
  actor_type: 'staff' | 'key' | 'system';
  actor_id: string | null;
  reference: string | null;
  created_at: Date;
}

const LEVEL_COLUMNS = `l.variant_id, v.product_id, v.sku, l.on_hand, l.reserved, l.updated_at, v.track_inventory, v.inventory_policy`;
const HOLD_COLUMNS = 'id, variant_id, quantity, expires_at, tracked';

/**
 * Stock levels and holds. Every statement that changes `reserved` or `on_hand` is guarded so it
 * can never oversell, whatever runs concurrently; callers that touch several variants lock their
 * levels first, in id order (`lockLevels`), so two transactions never wait on each other in a cycle.
 */
export function createInventoryRepository(q: Queryable) {
  return {
    /** Stock and stock policy of the variants that exist. */
    async availability(variantIds: readonly string[]): Promise<AvailabilityRow[]> {
      const { rows } = await q.query<AvailabilityRow>(
        `SELECT l.variant_id, l.on_hand, l.reserved, v.enabled, v.track_inventory, v.inventory_policy
           FROM inventory_levels l JOIN variants v ON v.id = l.variant_id
          WHERE l.variant_id = ANY($1::text[])`,
        [variantIds],
      );
      return rows;
    },

    async level(variantId: string): Promise<LevelRow | undefined> {
      const { rows } = await q.query<LevelRow>(
        `SELECT ${LEVEL_COLUMNS} FROM inventory_levels l JOIN variants v ON v.id = l.variant_id WHERE l.variant_id = $1`,
        [variantId],
      );
      return rows[0];
    },

    /**
     * Locks the level rows of `variantIds` (sorted by the caller) until the transaction ends;
     * answers the ones that exist with their stock policy (read with the lock held).
     */
    async lockLevels(variantIds: readonly string[]): Promise<({ variant_id: string } & StockPolicy)[]> {
      const { rows } = await q.query<{ variant_id: string } & StockPolicy>(
        `SELECT l.variant_id, v.track_inventory, v.inventory_policy
           FROM inventory_levels l JOIN variants v ON v.id = l.variant_id
          WHERE l.variant_id = ANY($1::text[]) ORDER BY l.variant_id FOR UPDATE OF l`,
        [variantIds],
      );
      return rows;
    },

    /** The guarded reserve: takes `quantity` only while that many are available. False when they are not. */
    async reserve(variantId: string, quantity: number, now: Date): Promise<boolean> {
      const { rowCount } = await q.query(
        'UPDATE inventory_levels SET reserved = reserved + $2, updated_at = $3 WHERE variant_id = $1 AND on_hand - reserved >= $2',
        [variantId, quantity, now],
      );
      return rowCount === 1;
    },

    /** The unguarded reserve of a backorder variant: always takes `quantity`, even beyond what is on hand. */
    async reserveBeyondStock(variantId: string, quantity: number, now: Date): Promise<void> {
      await q.query('UPDATE inventory_levels SET reserved = reserved + $2, updated_at = $3 WHERE variant_id = $1', [
        variantId,
        quantity,
        now,
      ]);
    },

    async insertHold(
      id: string,
      items: readonly { variantId: string; quantity: number; tracked: boolean }[],
      expiresAt: Date,
      now: Date,
    ): Promise<void> {
      await q.query(
        `INSERT INTO inventory_holds (id, variant_id, quantity, expires_at, created_at, tracked)
         SELECT $1, v, n, $4, $5, t FROM unnest($2::text[], $3::int[], $6::boolean[]) AS t (v, n, t)`,
        [id, items.map((i) => i.variantId), items.map((i) => i.quantity), expiresAt, now, items.map((i) => i.tracked)],
      );
    },

    /**
     * Locks the stock rows of a hold's variants, in variant id order as `lockLevels` does, and
     * answers their ids; none when the hold is gone.
     */
    async lockHoldLevels(id: string): Promise<string[]> {
      const { rows } = await q.query<{ variant_id: string }>(
        `SELECT l.variant_id FROM inventory_levels l
         WHERE l.variant_id IN (SELECT h.variant_id FROM inventory_holds h WHERE h.id = $1)
         ORDER BY l.variant_id FOR UPDATE OF l`,
        [id],
      );
      return rows.map((r) => r.variant_id);
    },

    async hold(id: string): Promise<HoldRow[]> {
      const { rows } = await q.query<HoldRow>(
        `SELECT ${HOLD_COLUMNS} FROM inventory_holds WHERE id = $1 ORDER BY variant_id`,
        [id],
      );
      return rows;
    },

    /** Deletes a hold's rows (only those expired by `expiredBefore`, when given) and answers them. */
    async deleteHold(id: string, expiredBefore?: Date): Promise<HoldRow[]> {
      const { rows } = await q.query<HoldRow>(
        `DELETE FROM inventory_holds WHERE id = $1 AND ($2::timestamptz IS NULL OR expires_at <= $2)
         RETURNING ${HOLD_COLUMNS}`,
        [id, expiredBefore ?? null],
      );
      return rows;
    },

    /** Gives reserved units back to stock. */
    async unreserve(variantId: string, quantity: number, now: Date): Promise<void> {
      await q.query('UPDATE inventory_levels SET reserved = reserved - $2, updated_at = $3 WHERE variant_id = $1', [
        variantId,
        quantity,
        now,
      ]);
    },

    /**
     * Turns reserved units into a sale: they leave stock for good (on a backorder variant, on hand
     * may go below 0: the units owed), and the sale goes into the stock history under `reference`
     * (the order) in the same statement. Answers the units that were on hand before.
     */
    async sell(variantId: string, quantity: number, now: Date, reference: string | null = null): Promise<number> {
      const { rows } = await q.query<{ before: number }>(
        `WITH sold AS (
           UPDATE inventory_levels SET on_hand = on_hand - $2, reserved = reserved - $2, updated_at = $3
            WHERE variant_id = $1 RETURNING variant_id, on_hand, on_hand + $2 AS before),
         moved AS (
           INSERT INTO inventory_movements (variant_id, delta, on_hand, reason, actor_type, reference, created_at)
           SELECT variant_id, -$2::integer, on_hand, 'sale', 'system', $4, $3 FROM sold)
         SELECT before FROM sold`,
        [variantId, quantity, now, reference],
      );
      return Number(rows[0]?.before ?? 0);
    },

    /** Moves a live hold's expiry; false when the hold has lapsed or does not exist. */
    async extendHold(id: string, expiresAt: Date, now: Date): Promise<boolean> {
      const { rowCount } = await q.query(
        'UPDATE inventory_holds SET expires_at = $2 WHERE id = $1 AND expires_at > $3',
        [id, expiresAt, now],
      );
      return rowCount > 0;
    },

    /** Ids of holds that lapsed by `now`, oldest first. */
    async expiredHoldIds(now: Date, limit: number): Promise<string[]> {
      const { rows } = await q.query<{ id: string }>(
        'SELECT id FROM inventory_holds WHERE expires_at <= $1 GROUP BY id ORDER BY min(expires_at) LIMIT $2',
        [now, limit],
      );
      return rows.map((r) => r.id);
    },

    /** Sets units on hand, never below the units reserved; undefined when the variant has no stock row or it would be. */
    async setOnHand(variantId: string, onHand: number, now: Date): Promise<boolean> {
      const { rowCount } = await q.query(
        'UPDATE inventory_levels SET on_hand = $2, updated_at = $3 WHERE variant_id = $1 AND reserved <= $2',
        [variantId, onHand, now],
      );
      return rowCount === 1;
    },

    /**
     * Adds `delta` to on hand while the result stays ≤ `max` and, when taking units away, ≥ reserved
     * (and ≥ 0); adding is always allowed, so a backorder variant below 0 can be restocked a few
     * units at a time. The sum is taken in bigint, so it cannot overflow.
     */
    async adjustOnHand(variantId: string, delta: number, now: Date, max: number): Promise<boolean> {
      const { rowCount } = await q.query(
        'UPDATE inventory_levels SET on_hand = on_hand + $2, updated_at = $3 WHERE variant_id = $1 AND ($2 > 0 OR (on_hand::bigint + $2 >= reserved AND on_hand::bigint + $2 >= 0)) AND on_hand::bigint + $2 <= $4',
        [variantId, delta, now, max],
      );
      return rowCount === 1;
    },

    /** Locks one variant's level until the transaction ends and answers its units; undefined when it has none. */
    async lockLevel(variantId: string): Promise<{ on_hand: number; reserved: number } | undefined> {
      const { rows } = await q.query<{ on_hand: number; reserved: number }>(
        'SELECT on_hand, reserved FROM inventory_levels WHERE variant_id = $1 FOR UPDATE',
        [variantId],
      );
      return rows[0];
    },

    /** Appends one change to the stock history. */
    async recordMovement(m: MovementInput, now: Date): Promise<void> {
      await q.query(
        `INSERT INTO inventory_movements (variant_id, delta, on_hand, reason, note, actor_type, actor_id, reference, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [m.variantId, m.delta, m.onHand, m.reason, m.note, m.actor.type, m.actor.id, m.reference, now],
      );
    },

    /** A variant's stock history, newest first, after the movement `beforeId` when given. */
    async movements(variantId: string, limit: number, beforeId?: string): Promise<MovementRow[]> {
      const { rows } = await q.query<MovementRow>(
        `SELECT m.id::text AS id, m.variant_id, m.delta, m.on_hand, m.reason, m.note, m.actor_type, m.actor_id,
                m.reference, m.created_at
           FROM inventory_movements m
          WHERE m.variant_id = $1 AND ($2::bigint IS NULL OR m.id < $2::bigint)
          ORDER BY m.id DESC LIMIT $3`,
        [variantId, beforeId ?? null, limit],
      );
      return rows;
    },

    /** Variants of active products whose stock is tracked and whose available units are at most `threshold`, lowest first. */
    async lowStock(threshold: number, limit: number): Promise<LevelRow[]> {
      const { rows } = await q.query<LevelRow>(
        `SELECT ${LEVEL_COLUMNS} FROM inventory_levels l
           JOIN variants v ON v.id = l.variant_id AND v.track_inventory
           JOIN products p ON p.id = v.product_id AND p.status = 'active'
          WHERE l.on_hand - l.reserved <= $1
          ORDER BY l.on_hand - l.reserved, l.variant_id
          LIMIT $2`,
        [threshold, limit],
      );
      return rows;
    },
  };
}

export type InventoryRepository = ReturnType<typeof createInventoryRepository>;
