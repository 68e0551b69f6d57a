import type { Message } from '../../message.js';

/** The product page (`<shop-product>`, its variant picker and quantity), related products and the buy button. */
export const product = {
  'product.loading': 'Loading product…',
  'product.images': 'Images',
  'product.showImage': 'Show image {index} of {total}',
  'product.showImageAlt': 'Show image {index} of {total}: {alt}',
  /** `{average}` is already formatted ("4.5"). */
  'product.rating': {
    one: 'Rated {average} out of 5, {count} review',
    other: 'Rated {average} out of 5, {count} reviews',
  },
  'product.onSale': 'Was {was}, now {now}, {percent}% off',
  /** Appended (visually hidden) to a value's accessible name: "XL — sold out". */
  'product.valueSoldOut': '— sold out',
  'product.valueUnavailable': '— not available',
  'product.inStock': 'In stock',
  'product.lowStock': { one: 'Only {count} left', other: 'Only {count} left' },
  'product.soldOut': '{title} — sold out',
  'product.missing': '{title} is not available',
  /** The offer of the nearest purchasable combination, keeping the value just chosen. */
  'product.offerKept': '{kept} is available in {changed} — choose it',
  'product.offer': 'Available as {changed} — choose it',
  'product.quantity': 'Quantity',
  'product.decrease': 'Decrease quantity',
  'product.increase': 'Increase quantity',
  'product.quantityMax': { one: 'At most {count} available', other: 'At most {count} available' },
  'related.heading': 'You may also like',
  'buy.add': 'Add to cart',
  'buy.buyNow': 'Buy now',
  'buy.adding': 'Adding…',
  'buy.soldOut': 'Sold out',
  'buy.unavailable': 'Unavailable',
  'buy.chooseFirst': 'Choose an option first.',
  'buy.added': 'Added to cart: {name}.',
  'buy.addedPlain': 'Added to cart.',
  'buy.allInCart': 'All available units are in your cart.',
  'buy.onlyMore': { one: 'Only {count} more available.', other: 'Only {count} more available.' },
  'buy.outOfStock': 'Sorry, there is not enough of this item in stock.',
  'buy.quantityLimit': {
    one: 'At most {count} of one item per order.',
    other: 'At most {count} of one item per order.',
  },
  'buy.optionsFor': 'Options for {name}',
  'buy.choose': 'Choose…',
  'buy.variantSoldOut': '{title} — sold out',
  'product.backorder': 'Available on backorder: ships later',
  'buy.shipsLater': 'Ships later',
  'buy.variantBackorder': '{title} — ships later',
} as const satisfies Record<string, Message>;
