import type { Address } from '@shoptag/sdk/contract';
import type { Queryable } from './db.js';
import { VARIANT_DISPLAY_COLUMNS, VARIANT_DISPLAY_JOINS, type VariantDisplayRow } from './variant-display-sql.js';

export interface SessionLine {
  variant_id: string;
  quantity: number;
}

export interface CheckoutSessionRow {
  id: string;
  cart_id: string;
  status: 'open' | 'complete' | 'expired';
  currency: string;
  email: string | null;
  shipping_address: Address | null;
  billing_address: Address | null;
  billing_same_as_shipping: boolean;
  shipping_method_id: string | null;
  lines: SessionLine[];
  coupon_id: string | null;
  hold_id: string | null;
  payment_provider: string | null;
  payment_intent_id: string | null;
  order_id: string | null;
  expires_at: Date;
  created_at: Date;
  updated_at: Date;
}

/** A variant as checkout shows and snapshots it, with its current price, weight and stock. */
export interface VariantSnapshotRow extends VariantDisplayRow {
  weight_grams: number | null;
}

const SESSION_COLUMNS = `id, cart_id, status, currency, email, shipping_address, billing_address, billing_same_as_shipping, shipping_method_id,
  lines, coupon_id, hold_id, payment_provider, payment_intent_id, order_id, expires_at, created_at, updated_at`;

export type SessionChange = Partial<
  Pick<
    CheckoutSessionRow,
    | 'status'
    | 'email'
    | 'shipping_address'
    | 'billing_address'
    | 'billing_same_as_shipping'
    | 'shipping_method_id'
    | 'hold_id'
    | 'payment_provider'
    | 'payment_intent_id'
    | 'order_id'
    | 'expires_at'
  >
>;
const CHANGEABLE = [
  'status',
  'email',
  'shipping_address',
  'billing_address',
  'billing_same_as_shipping',
  'shipping_method_id',
  'hold_id',
  'payment_provider',
  'payment_intent_id',
  'order_id',
  'expires_at',
] as const;
const JSON_COLUMNS = new Set<string>(['shipping_address', 'billing_address']);

export function createCheckoutRepository(q: Queryable) {
  return {
    async insert(
      row: Omit<
        CheckoutSessionRow,
        | 'email'
        | 'shipping_address'
        | 'billing_address'
        | 'billing_same_as_shipping'
        | 'shipping_method_id'
        | 'payment_provider'
        | 'payment_intent_id'
        | 'order_id'
        | 'status'
        | 'updated_at'
      >,
    ): Promise<void> {
      await q.query(
        `INSERT INTO checkout_sessions (id, cart_id, status, currency, lines, coupon_id, hold_id, expires_at, created_at, updated_at)
         VALUES ($1, $2, 'open', $3, $4, $5, $6, $7, $8, $8)`,
        [
          row.id,
          row.cart_id,
          row.currency,
          JSON.stringify(row.lines),
          row.coupon_id,
          row.hold_id,
          row.expires_at,
          row.created_at,
        ],
      );
    },

    /** The session; with `lock`, its row stays locked until the transaction ends. */
    async get(id: string, options: { lock?: boolean } = {}): Promise<CheckoutSessionRow | undefined> {
      const { rows } = await q.query<CheckoutSessionRow>(
        `SELECT ${SESSION_COLUMNS} FROM checkout_sessions WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
        [id],
      );
      return rows[0];
    },

    async byPaymentIntent(intentId: string): Promise<CheckoutSessionRow | undefined> {
      const { rows } = await q.query<CheckoutSessionRow>(
        `SELECT ${SESSION_COLUMNS} FROM checkout_sessions WHERE payment_intent_id = $1`,
        [intentId],
      );
      return rows[0];
    },

    /** The open sessions of a cart, locked. */
    async openForCart(cartId: string): Promise<CheckoutSessionRow[]> {
      const { rows } = await q.query<CheckoutSessionRow>(
        `SELECT ${SESSION_COLUMNS} FROM checkout_sessions WHERE cart_id = $1 AND status = 'open' ORDER BY id FOR UPDATE`,
        [cartId],
      );
      return rows;
    },

    /** Applies `change`; with `onlyIfStatus`, only while the session has that status. Answers whether a row changed. */
    async update(
      id: string,
      change: SessionChange,
      now: Date,
      onlyIfStatus?: CheckoutSessionRow['status'],
    ): Promise<boolean> {
      const sets: string[] = [];
      const params: unknown[] = [id, now];
      for (const column of CHANGEABLE) {
        if (!(column in change)) continue;
        const value = change[column];
        params.push(JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value);
        sets.push(`${column} = $${params.length}`);
      }
      let where = 'id = $1';
      if (onlyIfStatus) {
        params.push(onlyIfStatus);
        where += ` AND status = $${params.length}`;
      }
      const { rowCount } = await q.query(
        `UPDATE checkout_sessions SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE ${where}`,
        params,
      );
      return rowCount === 1;
    },

    async variants(variantIds: readonly string[]): Promise<VariantSnapshotRow[]> {
      const { rows } = await q.query<VariantSnapshotRow>(
        `SELECT ${VARIANT_DISPLAY_COLUMNS}, v.weight_grams
           FROM variants v
           ${VARIANT_DISPLAY_JOINS}
          WHERE v.id = ANY($1::text[])`,
        [variantIds],
      );
      return rows;
    },

    /** The live cart, its row locked until the transaction ends (its lines cannot change meanwhile). */
    async lockCart(
      cartId: string,
      now: Date,
    ): Promise<{ id: string; currency: string; coupon_id: string | null } | undefined> {
      const { rows } = await q.query<{ id: string; currency: string; coupon_id: string | null }>(
        'SELECT id, currency, coupon_id FROM carts WHERE id = $1 AND expires_at > $2 FOR UPDATE',
        [cartId, now],
      );
      return rows[0];
    },

    /** Empties a cart whose order has been placed (in the order transaction). */
    async emptyCart(cartId: string, now: Date): Promise<void> {
      await q.query(
        `WITH emptied AS (DELETE FROM cart_lines WHERE cart_id = $1)
         UPDATE carts SET coupon_id = NULL, updated_at = $2 WHERE id = $1`,
        [cartId, now],
      );
    },
  };
}

export type CheckoutRepository = ReturnType<typeof createCheckoutRepository>;
