import type { Queryable } from './db.js';
import { VARIANT_DISPLAY_COLUMNS, VARIANT_DISPLAY_JOINS, type VariantDisplayRow } from './variant-display-sql.js';

export interface CartRow {
  id: string;
  currency: string;
  country: string | null;
  coupon_id: string | null;
  created_at: Date;
  updated_at: Date;
  expires_at: Date;
}

/** A cart line with what pricing and display need, read fresh from the catalog. */
export interface CartLineRow extends VariantDisplayRow {
  id: string;
  quantity: number;
  currency: string;
  /** Of one unit, for the shipping estimate; `null` when unknown. */
  weight_grams: number | null;
}

/** What adding a variant needs to know about it. */
export interface PurchasableRow {
  variant_id: string;
  status: string;
  available: number;
  /** Units of it already in the cart asked about. */
  in_cart: number;
}

const CART_COLUMNS = 'id, currency, country, coupon_id, created_at, updated_at, expires_at';

/** The lines of cart `cartId` (an SQL expression) in cart order, with what pricing and display need. */
function cartLinesSql(cartId: string): string {
  return `SELECT cl.id, cl.quantity, v.currency, v.weight_grams, ${VARIANT_DISPLAY_COLUMNS}
      FROM cart_lines cl
      JOIN variants v ON v.id = cl.variant_id
      ${VARIANT_DISPLAY_JOINS}
     WHERE cl.cart_id = ${cartId}
     ORDER BY cl.created_at, cl.id`;
}

/** The cart's lines as a JSON array in cart order, for a statement over `carts` (unaliased). */
const LINES_JSON = `coalesce((SELECT json_agg(x) FROM (${cartLinesSql('carts.id')}) x), '[]'::json) AS lines`;

/** Variant `$1`'s product status, its available units and how many of it cart `$2` holds (a `PurchasableRow`). */
// Untracked and backorder variants can always be added: their `available` is the largest int4.
const PURCHASABLE_SQL = `SELECT v.id AS variant_id, p.status,
         CASE WHEN NOT v.track_inventory OR v.inventory_policy = 'continue' THEN 2147483647
              ELSE greatest(coalesce(l.on_hand - l.reserved, 0), 0) END AS available,
         coalesce((SELECT cl.quantity FROM cart_lines cl WHERE cl.cart_id = $2 AND cl.variant_id = v.id), 0) AS in_cart
    FROM variants v JOIN products p ON p.id = v.product_id LEFT JOIN inventory_levels l ON l.variant_id = v.id
   WHERE v.id = $1`;

/** A cart with its lines, read in one statement. */
export interface CartWithLines {
  cart: CartRow;
  lines: CartLineRow[];
}

function splitLines(row: (CartRow & { lines: CartLineRow[] }) | undefined): CartWithLines | undefined {
  if (!row) return undefined;
  const { lines, ...cart } = row;
  return { cart, lines };
}

export function createCartRepository(q: Queryable) {
  return {
    async insert(
      cart: { id: string; currency: string; country: string | null; expiresAt: Date },
      now: Date,
    ): Promise<CartRow> {
      const { rows } = await q.query<CartRow>(
        `INSERT INTO carts (id, currency, country, created_at, updated_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5) RETURNING ${CART_COLUMNS}`,
        [cart.id, cart.currency, cart.country, now, cart.expiresAt],
      );
      return rows[0]!;
    },

    /**
     * The cart if it has not expired by `now`, with its expiry slid to `expiresAt` (a cart lives
     * while it is used). Inside a transaction the row stays locked until it ends, so changes to
     * one cart apply one at a time.
     */
    async touch(
      id: string,
      now: Date,
      expiresAt: Date,
      options: { changed?: boolean; lock?: boolean } = {},
    ): Promise<CartRow | undefined> {
      // The UPDATE takes the row lock itself, held until the transaction ends (so `lock` needs no
      // statement of its own; it says what the caller relies on).
      const { rows } = await q.query<CartRow>(
        `UPDATE carts SET expires_at = $3${options.changed ? ', updated_at = $2' : ''} WHERE id = $1 AND expires_at > $2 RETURNING ${CART_COLUMNS}`,
        [id, now, expiresAt],
        { prepare: true },
      );
      return rows[0];
    },

    /**
     * The cart and its lines if it has not expired by `now`, in one statement; with `expiresAt`
     * its expiry slides there too (as {@link touch} does, without `changed`).
     */
    async withLines(id: string, now: Date, expiresAt?: Date): Promise<CartWithLines | undefined> {
      const { rows } = expiresAt
        ? await q.query<CartRow & { lines: CartLineRow[] }>(
            `UPDATE carts SET expires_at = $3 WHERE id = $1 AND expires_at > $2 RETURNING ${CART_COLUMNS}, ${LINES_JSON}`,
            [id, now, expiresAt],
            { prepare: true },
          )
        : await q.query<CartRow & { lines: CartLineRow[] }>(
            `SELECT ${CART_COLUMNS}, ${LINES_JSON} FROM carts WHERE id = $1 AND expires_at > $2`,
            [id, now],
            {
              prepare: true,
            },
          );
      return splitLines(rows[0]);
    },

    async lines(cartId: string): Promise<CartLineRow[]> {
      const { rows } = await q.query<CartLineRow>(cartLinesSql('$1'), [cartId]);
      return rows;
    },

    /** The variant's status and stock, and how many of it `cartId` holds already (0 without a cart). */
    async purchasable(variantId: string, cartId: string | null = null): Promise<PurchasableRow | undefined> {
      const { rows } = await q.query<PurchasableRow>(PURCHASABLE_SQL, [variantId, cartId]);
      return rows[0];
    },

    /**
     * Adds `quantity` units of a variant to the cart's line for it (creating the line), in one
     * statement, only when the variant's product is active and the line's new quantity is within
     * both `maxQuantity` and the units available. Answers what the decision was made on, and
     * whether the line was written. Call with the cart row locked, so `in_cart` is current.
     */
    async addUnits(
      cartId: string,
      lineId: string,
      variantId: string,
      quantity: number,
      maxQuantity: number,
      now: Date,
    ): Promise<{ variant: PurchasableRow | undefined; added: boolean }> {
      const { rows } = await q.query<PurchasableRow & { added: boolean }>(
        `WITH target AS (${PURCHASABLE_SQL}),
         written AS (
           INSERT INTO cart_lines (id, cart_id, variant_id, quantity, created_at, updated_at)
           SELECT $3, $2, t.variant_id, t.in_cart + $4::int, $5, $5 FROM target t
            WHERE t.status = 'active' AND t.in_cart + $4::int <= $6::int AND t.in_cart + $4::int <= t.available
           ON CONFLICT (cart_id, variant_id) DO UPDATE SET quantity = EXCLUDED.quantity, updated_at = EXCLUDED.updated_at
           RETURNING 1)
         SELECT t.*, EXISTS (SELECT 1 FROM written) AS added FROM target t`,
        [variantId, cartId, lineId, quantity, now, maxQuantity],
        { prepare: true },
      );
      const row = rows[0];
      if (!row) return { variant: undefined, added: false };
      const { added, ...variant } = row;
      return { variant, added };
    },

    async line(
      cartId: string,
      lineId: string,
    ): Promise<{ id: string; variant_id: string; quantity: number } | undefined> {
      const { rows } = await q.query<{ id: string; variant_id: string; quantity: number }>(
        'SELECT id, variant_id, quantity FROM cart_lines WHERE cart_id = $1 AND id = $2',
        [cartId, lineId],
      );
      return rows[0];
    },

    async setLineQuantity(cartId: string, lineId: string, quantity: number, now: Date): Promise<void> {
      await q.query('UPDATE cart_lines SET quantity = $3, updated_at = $4 WHERE cart_id = $1 AND id = $2', [
        cartId,
        lineId,
        quantity,
        now,
      ]);
    },

    async deleteLine(cartId: string, lineId: string): Promise<boolean> {
      const { rowCount } = await q.query('DELETE FROM cart_lines WHERE cart_id = $1 AND id = $2', [cartId, lineId]);
      return rowCount > 0;
    },

    async setCoupon(cartId: string, couponId: string | null): Promise<void> {
      await q.query('UPDATE carts SET coupon_id = $2 WHERE id = $1', [cartId, couponId]);
    },

    /** Drops carts that expired before `now`; their lines go with them. */
    async deleteExpired(now: Date, limit: number): Promise<number> {
      const { rowCount } = await q.query(
        'DELETE FROM carts WHERE id IN (SELECT id FROM carts WHERE expires_at <= $1 LIMIT $2)',
        [now, limit],
      );
      return rowCount;
    },
  };
}

export type CartRepository = ReturnType<typeof createCartRepository>;
