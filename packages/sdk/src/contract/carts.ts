import { z } from 'zod';
import { CurrencyCode, Money } from './money.js';

const Timestamp = z.string().meta({ description: 'ISO 8601 date-time in UTC', example: '2026-11-25T09:00:00.000Z' });

/** A cart id: `cart_` and 26 or more base62 characters (≥128 bits from a CSPRNG); whoever knows it may use the cart. */
export const CartId = z
  .string()
  .regex(/^cart_[A-Za-z0-9]{26,64}$/, 'must be a cart id (cart_…)')
  .meta({ description: 'Cart id; an unguessable capability', example: 'cart_4fQ1wR8sZk2mN7pX0cV5bL3hJ9' });
export const CartLineId = z
  .string()
  .regex(/^line_[A-Za-z0-9]{1,64}$/, 'must be a cart line id (line_…)')
  .meta({ example: 'line_8Jx2k' });
export const VariantId = z
  .string()
  .regex(/^var_[A-Za-z0-9]{1,64}$/, 'must be a variant id (var_…)')
  .meta({ example: 'var_0001a' });
/** Two-letter ISO 3166-1 country code, upper case. */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code, e.g. "US"')
  .meta({ example: 'US' });

/** Most units of one variant any request may name; the server's per-line maximum is usually lower. */
export const ABSOLUTE_MAX_QUANTITY = 9_999;
const Quantity = z.number().int().min(1).max(ABSOLUTE_MAX_QUANTITY);

// The contract: "a client never sends a price; one that does is ignored". These keys are
// accepted (so an old or naive client is not broken) and dropped; any other unknown key is a 400.
const ignoredPrice = z.unknown().optional().meta({ description: 'Ignored: the server prices every line' });
function withoutPrices<T extends Record<string, unknown>>(value: T): Omit<T, 'price' | 'unit_price'> {
  const { price: _price, unit_price: _unitPrice, ...rest } = value;
  return rest;
}

/** Body of `POST /v1/carts/:id/items`. Adding a variant already in the cart adds to that line. */
export const CartItemCreate = z
  .object({ variant_id: VariantId, quantity: Quantity.default(1), price: ignoredPrice, unit_price: ignoredPrice })
  .strict()
  .transform(withoutPrices)
  .meta({ id: 'CartItemCreate' });
export type CartItemCreate = z.input<typeof CartItemCreate>;

/** Body of `PATCH /v1/carts/:id/items/:itemId`. */
export const CartItemUpdate = z
  .object({ quantity: Quantity, price: ignoredPrice, unit_price: ignoredPrice })
  .strict()
  .transform(withoutPrices)
  .meta({ id: 'CartItemUpdate' });
export type CartItemUpdate = z.input<typeof CartItemUpdate>;

/** Body of `POST /v1/carts`: optionally the first items and the country used to estimate tax. */
export const CartCreate = z
  .object({
    items: z
      .array(
        z
          .object({
            variant_id: VariantId,
            quantity: Quantity.default(1),
            price: ignoredPrice,
            unit_price: ignoredPrice,
          })
          .strict()
          .transform(withoutPrices),
      )
      .max(100)
      .optional(),
    country: CountryCode.optional().meta({
      description: 'Country for the tax estimate; the shop default when omitted',
    }),
  })
  .strict()
  .meta({ id: 'CartCreate' });
export type CartCreate = z.input<typeof CartCreate>;

/** Body of `POST /v1/carts/:id/coupon`. */
export const CartCouponApply = z
  .object({ code: z.string().trim().min(1).max(64) })
  .strict()
  .meta({ id: 'CartCouponApply' });
export type CartCouponApply = z.input<typeof CartCouponApply>;

/** Path parameters. */
export const CartParams = z.object({ id: CartId });
export const CartLineParams = z.object({ id: CartId, itemId: CartLineId });

/** One line of a cart, priced by the server at the variant's current price. */
export const CartLine = z
  .object({
    id: CartLineId,
    variant_id: VariantId,
    product_id: z.string(),
    product_handle: z.string(),
    name: z.string().meta({ description: 'Product name' }),
    brand: z.string(),
    category: z.string().meta({ description: 'Category name' }),
    variant_title: z.string(),
    options: z.record(z.string(), z.string()),
    sku: z.string(),
    image: z.object({ url: z.string(), alt: z.string() }).nullable(),
    quantity: z.number().int().positive(),
    unit_price: Money,
    line_total: Money.meta({ description: 'unit_price × quantity' }),
    available_quantity: z.number().int().nonnegative().nullable().meta({
      description:
        'Units that can be bought now; below quantity means the line cannot be checked out as is. Null when any quantity can be bought (stock not tracked, or sold on backorder)',
    }),
    backorder_quantity: z.number().int().nonnegative().meta({
      description: 'Units of this line beyond the stock on hand, sold on backorder: they ship later (0 for most lines)',
    }),
    requires_shipping: z.boolean().meta({ description: 'False for digital goods and gift cards' }),
  })
  .meta({ id: 'CartLine' });
export type CartLine = z.infer<typeof CartLine>;

export const COUPON_TYPES = ['percentage', 'fixed_amount', 'free_shipping'] as const;
export const CouponType = z.enum(COUPON_TYPES);
export type CouponType = z.infer<typeof CouponType>;

/** The coupon applied to a cart, and whether it currently takes effect. */
export const CartCoupon = z
  .object({
    code: z.string(),
    type: CouponType,
    percent_off: z.number().int().nullable(),
    amount_off: Money.nullable(),
    applies: z
      .boolean()
      .meta({ description: "False when the cart no longer meets the coupon's conditions (see message)" }),
    message: z.string().nullable(),
  })
  .meta({ id: 'CartCoupon' });
export type CartCoupon = z.infer<typeof CartCoupon>;

/**
 * Server-computed amounts. `total` = subtotal − discount + shipping + tax (without `+ tax` when
 * prices include it), each part rounded once.
 */
export const CartTotals = z
  .object({
    subtotal: Money,
    discount: Money,
    shipping: Money.meta({ description: 'Estimated shipping; 0 when free' }),
    tax: Money.meta({ description: 'Estimated tax' }),
    total: Money,
    tax_included: z.boolean().meta({
      description:
        'True when prices already include tax (tax is then part of subtotal and shipping, shown for information)',
    }),
  })
  .meta({ id: 'CartTotals' });
export type CartTotals = z.infer<typeof CartTotals>;

export const Cart = z
  .object({
    object: z.literal('cart'),
    id: CartId,
    currency: CurrencyCode,
    country: CountryCode.nullable(),
    lines: z.array(CartLine),
    item_count: z.number().int().nonnegative().meta({ description: 'Sum of line quantities' }),
    coupon: CartCoupon.nullable(),
    totals: CartTotals,
    free_shipping: z
      .object({
        threshold: Money,
        remaining: Money.meta({ description: 'What the subtotal after discount still needs; 0 when shipping is free' }),
      })
      .nullable()
      .meta({ description: 'The free-shipping threshold, when the shop has one' }),
    max_line_quantity: z.number().int().positive(),
    expires_at: Timestamp,
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: 'Cart' });
export type Cart = z.infer<typeof Cart>;
