// The pricing domain: every amount of a cart or checkout (subtotal, coupon discount, shipping, tax,
// total) in integer minor units, and the pricing settings. Other domains import it only through this file.
export { priceCart, divideRoundHalfUp, couponDiscount, type CartPricing, type CartPricingInput, type CouponEffect, type PricedLineInput } from './cart-pricing.js';
export { priceCheckout, type CheckoutPricing, type CheckoutPricingInput } from './checkout-pricing.js';
export { parseMajorUnits, parsePercentToBasisPoints, parseTaxRates, type PricingConfig, type ShippingConfig } from './pricing-config.js';
export {
  defaultShippingZones,
  estimateShipping,
  quoteShipping,
  shippingPrice,
  zoneFor,
  type ShippingMethodConfig,
  type ShippingQuote,
  type ShippingQuoteInput,
  type ShippingRateRule,
  type ShippingZone,
} from './shipping.js';
export { parseShippingZones, readShippingFile, ShippingFileError } from './shipping-file.js';
export { allocate, taxConfigOf, taxOn, taxRateFor, type TaxConfig } from './tax.js';
