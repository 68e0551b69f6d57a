import { minorToDecimalString, type Money, type Order } from '@shoptag/sdk';

/** GA4 `purchase` parameters for a placed order (amounts in major units, as GA4 wants them). */
export function purchaseParameters(order: Order) {
  const major = (m: Money) => Number(minorToDecimalString(m.amount, m.currency));
  return {
    currency: order.currency,
    value: major(order.totals.total),
    transaction_id: order.number,
    tax: major(order.totals.tax),
    shipping: major(order.totals.shipping),
    items: order.items.map((i) => ({
      item_id: i.sku || i.variant_id,
      item_name: i.name,
      item_brand: '',
      item_category: '',
      item_variant: i.variant_title,
      price: major(i.unit_price),
      quantity: i.quantity,
    })),
  };
}
