import { minorToDecimalString, type Cart, type CartLine } from '@shoptag/sdk';

/** One item as GA4 ecommerce events expect it; `price` in major units (19.99, not 1999). */
export interface AnalyticsItem {
  item_id: string;
  item_name: string;
  item_brand: string;
  item_category: string;
  item_variant: string;
  price: number;
  quantity: number;
}

/** The `{ currency, value, items }` of GA4's `add_to_cart`, `remove_from_cart` and `view_cart`. */
export interface AnalyticsEcommerce {
  currency: string;
  /** Sum of price × quantity over `items`, in major units. */
  value: number;
  items: AnalyticsItem[];
}

// GA4 wants numbers in major units. The sum is taken in integer minor units and converted once,
// with the currency's exponent, so the only float is the final, exactly representable-as-text value.
const major = (amount: number, currency: string) => Number(minorToDecimalString(amount, currency));

/** GA4 items for lines of a cart, each with `quantity` units (the line's own quantity by default). */
export function analyticsFor(
  currency: string,
  lines: readonly { line: CartLine; quantity?: number }[],
): AnalyticsEcommerce {
  let total = 0;
  const items = lines.map(({ line, quantity = line.quantity }) => {
    total += line.unit_price.amount * quantity;
    return {
      // The SKU is what merchants reconcile analytics on; the variant id is in item_variant's stead when there is none.
      item_id: line.sku || line.variant_id,
      item_name: line.name,
      item_brand: line.brand,
      item_category: line.category,
      item_variant: line.variant_title,
      price: major(line.unit_price.amount, line.unit_price.currency),
      quantity,
    };
  });
  return { currency, value: major(total, currency), items };
}

/** GA4 `view_cart` shape for the whole cart (empty when there is none). */
export function analyticsForCart(cart: Cart | null, fallbackCurrency = 'USD'): AnalyticsEcommerce {
  if (!cart) return { currency: fallbackCurrency, value: 0, items: [] };
  return analyticsFor(
    cart.currency,
    cart.lines.map((line) => ({ line })),
  );
}
