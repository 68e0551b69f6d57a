// The pricing domain: every amount of a cart or checkout (subtotal, coupon discount, shipping, tax,
// total) in integer minor units, and the pricing settings. Other domains import it only through this file.
export { divideRoundHalfUp } from './rounding.js';
export { couponDiscount, meetsMinimumSubtotal, type CouponEffect } from './discount.js';
export { itemCountOf, lineTotalsOf, parcelWeightOf, subtotalOf, type PricedLineInput } from './lines.js';
export { priceCart, type CartPricing, type CartPricingInput } from './cart-pricing.js';
export {
  defaultCheckoutPricing,
  discountedGoods,
  priceCheckout,
  quoteCheckout,
  type CheckoutPricing,
  type CheckoutPricingConfig,
  checkoutPricingFrom,
  type CheckoutPricingSource,
  type CheckoutPricingInput,
  type CheckoutQuote,
  type CheckoutQuoteInput,
} from './checkout-pricing.js';
export {
  parseMajorUnits,
  parsePercentToBasisPoints,
  parseTaxRates,
  pricingFrom,
  type PricingConfig,
  type PricingSource,
} from './pricing-config.js';
export {
  defaultShippingZones,
  estimateShipping,
  quoteShipping,
  shippingPrice,
  zoneFor,
  type ShippingConfig,
  type ShippingMethodConfig,
  type ShippingQuote,
  type ShippingQuoteInput,
  type ShippingRateRule,
  type ShippingZone,
} from './shipping.js';
export { parseShippingZones, readShippingFile, ShippingFileError } from './shipping-file.js';
export { allocate, taxConfigOf, taxOn, taxRateFor, type TaxConfig } from './tax.js';
