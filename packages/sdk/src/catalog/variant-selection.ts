import type { Product, ProductVariant } from '../contract/catalog.js';

/** A shopper's choice of one value per option name, e.g. `{ Size: 'XL', Colour: 'Plum' }`. */
export type OptionSelection = Readonly<Record<string, string>>;

/**
 * How one option value stands beside the shopper's other choices: `available` (that combination can
 * be bought), `sold-out` (it exists but cannot be bought now) or `unavailable` (no variant has it).
 */
export type OptionValueState = 'available' | 'sold-out' | 'unavailable';

/** Whether a variant can be put in a cart now: enabled and in stock. */
export function isPurchasable(variant: ProductVariant): boolean {
  return variant.enabled && variant.in_stock;
}

/** The stock settings and count that say how many units of a variant (or an availability entry) can be bought. */
export interface StockInfo {
  track_inventory: boolean;
  inventory_policy: 'deny' | 'continue';
  /** `available_quantity` of a variant or `available` of an availability entry. */
  available: number | null;
}

/** A variant's {@link StockInfo}. */
export function stockOf(variant: ProductVariant): StockInfo {
  return {
    track_inventory: variant.track_inventory,
    inventory_policy: variant.inventory_policy,
    available: variant.available_quantity,
  };
}

/**
 * How many units can be bought now; undefined when there is no limit: stock not tracked, or sold
 * on backorder (`inventory_policy: 'continue'`).
 */
export function purchasableQuantity(stock: StockInfo): number | undefined {
  if (!stock.track_inventory || stock.inventory_policy === 'continue') return undefined;
  return stock.available ?? 0;
}

/**
 * Of `quantity` units (counting those already in the cart), how many are beyond the stock on hand
 * and would ship later: only ever above 0 for a backorder variant.
 */
export function backorderedUnits(stock: StockInfo, quantity: number): number {
  if (!stock.track_inventory || stock.inventory_policy !== 'continue') return 0;
  return Math.max(0, quantity - Math.max(0, stock.available ?? 0));
}

/** Whether a count of units in stock may be shown for a variant: never for one whose stock is not tracked. */
export function showsStockCount(stock: StockInfo): boolean {
  return stock.track_inventory && stock.available !== null;
}

/** The variant that matches every chosen option, or null when that combination does not exist. */
export function findVariant(product: Product, selection: OptionSelection): ProductVariant | null {
  if (product.options.length === 0) return product.variants[0] ?? null;
  return product.variants.find((v) => product.options.every((o) => v.options[o.name] === selection[o.name])) ?? null;
}

/** The choices a product page starts with: the first variant that can be bought, else the first one. */
export function initialSelection(product: Product): OptionSelection {
  const first = product.variants.find(isPurchasable) ?? product.variants[0];
  return { ...(first?.options ?? {}) };
}

/** What choosing `value` for option `name` would give, keeping every other choice as it is. */
export function optionValueState(
  product: Product,
  selection: OptionSelection,
  name: string,
  value: string,
): OptionValueState {
  const variant = findVariant(product, { ...selection, [name]: value });
  if (!variant) return 'unavailable';
  return isPurchasable(variant) ? 'available' : 'sold-out';
}

/**
 * The purchasable variant nearest to what the shopper chose, for a "choose it instead" offer:
 * it keeps the option just chosen (`keep`) when any purchasable variant has that value, changes as
 * few other options as it can, and among equals prefers values closest in the option's own order
 * (XL sold out → L before S). Null when nothing can be bought or the choice can already be bought.
 */
export function nearestAvailable(product: Product, selection: OptionSelection, keep?: string): ProductVariant | null {
  const current = findVariant(product, selection);
  if (current && isPurchasable(current)) return null;
  const purchasable = product.variants.filter(isPurchasable);
  const keeping = keep === undefined ? [] : purchasable.filter((v) => v.options[keep] === selection[keep]);
  const candidates = keeping.length > 0 ? keeping : purchasable;
  let best: ProductVariant | null = null;
  let bestScore: [number, number] = [Infinity, Infinity];
  for (const variant of candidates) {
    let changed = 0;
    let distance = 0;
    for (const option of product.options) {
      const chosen = selection[option.name];
      const value = variant.options[option.name];
      if (value === chosen) continue;
      changed += 1;
      const from = chosen === undefined ? -1 : option.values.indexOf(chosen);
      const to = value === undefined ? -1 : option.values.indexOf(value);
      distance += from < 0 || to < 0 ? option.values.length : Math.abs(from - to);
    }
    if (changed < bestScore[0] || (changed === bestScore[0] && distance < bestScore[1])) {
      best = variant;
      bestScore = [changed, distance];
    }
  }
  return best;
}

/** The option values where `variant` differs from the selection, in the product's option order. */
export function changedOptions(
  product: Product,
  selection: OptionSelection,
  variant: ProductVariant,
): { name: string; value: string }[] {
  return product.options
    .filter((o) => variant.options[o.name] !== undefined && variant.options[o.name] !== selection[o.name])
    .map((o) => ({ name: o.name, value: variant.options[o.name]! }));
}
