import type { Cart, CartCoupon } from '@shoptag/sdk/contract';
import type { Clock } from '../../clock.js';
import { ConflictError, InvalidRequestError, NotFoundError } from '../../errors.js';
import { createCartRepository, type CartLineRow, type CartRow } from '../../store/cart-repository.js';
import { createCouponRepository } from '../../store/coupon-repository.js';
import type { Db, Queryable } from '../../store/db.js';
import { couponProblem, toCouponEffect, type CouponService } from '../coupons/index.js';
import { randomId } from '../../ids.js';
import { lineStock } from '../inventory/index.js';
import {
  itemCountOf,
  priceCart,
  pricingFrom,
  subtotalOf,
  type PricedLineInput,
  type PricingConfig,
  type PricingSource,
} from '../pricing/index.js';

export interface CartServiceDeps {
  db: Db;
  clock: Clock;
  coupons: CouponService;
  /** Fixed, or read per request from the shop's settings. */
  pricing: PricingSource;
  /** Most units of one variant per line. */
  maxLineQuantity: number;
  /** A cart untouched this long is gone. */
  cartTtlMs: number;
}

/**
 * Server carts. The id is the capability; every change locks the cart row so changes to one cart
 * apply one at a time; every answer is the whole cart, priced from the catalog as it is now.
 * Adding checks stock (the units are only held once checkout starts).
 */
export function createCartService(deps: CartServiceDeps) {
  const { db, clock } = deps;

  const missing = (id: string) =>
    new NotFoundError(`No such cart: '${id}'. It may have expired; start a new one.`, {
      param: 'id',
      code: 'resource_missing',
    });

  function checkQuantity(quantity: number, available: number, requested: number, variantId: string): void {
    if (quantity > deps.maxLineQuantity) {
      throw new InvalidRequestError(`At most ${deps.maxLineQuantity} of one item per order.`, {
        code: 'quantity_limit_exceeded',
        param: 'quantity',
        details: { max_quantity: deps.maxLineQuantity },
      });
    }
    if (quantity > available) {
      throw new ConflictError(available === 0 ? 'This item is sold out.' : `Only ${available} left in stock.`, {
        code: 'out_of_stock',
        param: 'quantity',
        details: { variant_id: variantId, available, requested },
      });
    }
  }

  async function addIn(tx: Queryable, cartId: string, variantId: string, quantity: number, now: Date): Promise<void> {
    // One statement checks and writes; it writes only what checkQuantity accepts.
    const { variant, added } = await createCartRepository(tx).addUnits(
      cartId,
      randomId('line', 16),
      variantId,
      quantity,
      deps.maxLineQuantity,
      now,
    );
    if (!variant || variant.status !== 'active')
      throw new NotFoundError(`No such variant: '${variantId}'`, { param: 'variant_id' });
    checkQuantity(variant.in_cart + quantity, variant.available, quantity, variantId);
    if (!added) throw new Error(`adding ${quantity} of ${variantId} passed the checks but wrote no line`);
  }

  /** Runs `change` on the locked, live cart in one transaction, then answers the priced cart. */
  async function change(id: string, fn: (tx: Queryable, cart: CartRow, now: Date) => Promise<void>): Promise<Cart> {
    await db.transaction(async (tx) => {
      const now = clock.now();
      const cart = await createCartRepository(tx).touch(id, now, new Date(now.getTime() + deps.cartTtlMs), {
        changed: true,
      });
      if (!cart) throw missing(id);
      await fn(tx, cart, now);
    });
    // Just touched: read without sliding the expiry again.
    return view(id, false);
  }

  const priceLineOf = (row: CartLineRow): PricedLineInput => ({
    unitPrice: row.price_amount,
    quantity: row.quantity,
    weightGrams: row.weight_grams,
  });

  function toLine(row: CartLineRow, lineTotal: number): Cart['lines'][number] {
    return {
      id: row.id,
      variant_id: row.variant_id,
      product_id: row.product_id,
      product_handle: row.product_handle,
      name: row.product_name,
      brand: row.brand,
      category: row.category_name,
      variant_title: row.variant_title,
      options: row.options,
      sku: row.sku,
      image: row.image_url === null ? null : { url: row.image_url, alt: row.image_alt ?? '' },
      quantity: row.quantity,
      unit_price: { amount: row.price_amount, currency: row.currency },
      line_total: { amount: lineTotal, currency: row.currency },
      ...lineStock(row, row.quantity, false),
      requires_shipping: row.requires_shipping,
    };
  }

  async function view(id: string, touch = true): Promise<Cart> {
    const now = clock.now();
    const read = await createCartRepository(db).withLines(
      id,
      now,
      touch ? new Date(now.getTime() + deps.cartTtlMs) : undefined,
    );
    if (!read) throw missing(id);
    const { cart, lines } = read;
    const couponRow = cart.coupon_id === null ? undefined : await createCouponRepository(db).get(cart.coupon_id);
    const priceLines = lines.map(priceLineOf);
    const problem = couponRow ? couponProblem(couponRow, subtotalOf(priceLines), now) : null;
    const priced = priceCart(await pricingFrom(deps.pricing), {
      lines: priceLines,
      coupon: couponRow && !problem ? toCouponEffect(couponRow) : null,
      country: cart.country,
    });
    const money = (amount: number) => ({ amount, currency: cart.currency });
    const coupon: CartCoupon | null = couponRow
      ? {
          code: couponRow.code,
          type: couponRow.type,
          percent_off: couponRow.percent_off,
          amount_off:
            couponRow.amount_off === null ? null : { amount: couponRow.amount_off, currency: couponRow.currency },
          applies: problem === null,
          message: problem?.message ?? null,
        }
      : null;
    return {
      object: 'cart',
      id: cart.id,
      currency: cart.currency,
      country: cart.country,
      lines: lines.map((l, i) => toLine(l, priced.lineTotals[i] ?? 0)),
      item_count: itemCountOf(priceLines),
      coupon,
      totals: {
        subtotal: money(priced.subtotal),
        discount: money(priced.discount),
        shipping: money(priced.shipping),
        tax: money(priced.tax),
        total: money(priced.total),
        tax_included: priced.taxIncluded,
      },
      free_shipping: priced.freeShipping
        ? { threshold: money(priced.freeShipping.threshold), remaining: money(priced.freeShipping.remaining) }
        : null,
      max_line_quantity: deps.maxLineQuantity,
      expires_at: cart.expires_at.toISOString(),
      created_at: cart.created_at.toISOString(),
      updated_at: cart.updated_at.toISOString(),
    };
  }

  return {
    /** A new cart, optionally with its first items (all added or none). */
    async create(
      input: { items?: { variant_id: string; quantity: number }[] | undefined; country?: string | undefined } = {},
    ): Promise<Cart> {
      const id = randomId('cart');
      const { currency } = await pricingFrom(deps.pricing);
      await db.transaction(async (tx) => {
        const now = clock.now();
        await createCartRepository(tx).insert(
          {
            id,
            currency,
            country: input.country ?? null,
            expiresAt: new Date(now.getTime() + deps.cartTtlMs),
          },
          now,
        );
        for (const item of input.items ?? []) await addIn(tx, id, item.variant_id, item.quantity, now);
      });
      return view(id, false);
    },

    /** The cart, priced now; 404 once it has expired. Reading it keeps it alive. */
    get: (id: string) => view(id),

    /** Adds units of a variant (to its line when it has one); 409 `out_of_stock` with `details.available` when there are not enough. */
    addItem: (id: string, variantId: string, quantity: number) =>
      change(id, (tx, _cart, now) => addIn(tx, id, variantId, quantity, now)),

    async updateItem(id: string, lineId: string, quantity: number): Promise<Cart> {
      return change(id, async (tx, _cart, now) => {
        const repo = createCartRepository(tx);
        const line = await repo.line(id, lineId);
        if (!line) throw new NotFoundError(`No such line in this cart: '${lineId}'`, { param: 'itemId' });
        // Fewer units are always fine, even when stock has dropped below them since.
        if (quantity > line.quantity) {
          const variant = await repo.purchasable(line.variant_id);
          checkQuantity(quantity, variant?.available ?? 0, quantity, line.variant_id);
        } else if (quantity > deps.maxLineQuantity) {
          checkQuantity(quantity, Number.MAX_SAFE_INTEGER, quantity, line.variant_id);
        }
        await repo.setLineQuantity(id, lineId, quantity, now);
      });
    },

    removeItem: (id: string, lineId: string) =>
      change(id, async (tx) => {
        if (!(await createCartRepository(tx).deleteLine(id, lineId)))
          throw new NotFoundError(`No such line in this cart: '${lineId}'`, { param: 'itemId' });
      }),

    /** Applies a code (replacing any other): 422 with `coupon_unknown`, `coupon_expired`, `coupon_not_yet_valid`, `coupon_below_minimum` or `coupon_used_up`. */
    applyCoupon: (id: string, code: string) =>
      change(id, async (tx) => {
        const repo = createCartRepository(tx);
        const subtotal = subtotalOf((await repo.lines(id)).map(priceLineOf));
        const coupon = await deps.coupons.forCart(code, subtotal, tx);
        await repo.setCoupon(id, coupon.id);
      }),

    removeCoupon: (id: string) => change(id, (tx) => createCartRepository(tx).setCoupon(id, null)),
  };
}

export type CartService = ReturnType<typeof createCartService>;
