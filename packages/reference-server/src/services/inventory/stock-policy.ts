// How a variant's stock policy reads to the storefront: a leaf, used by the catalog (product
// documents), the inventory service (availability) and carts (line availability).

/**
 * What the storefront may know of a variant's stock. Untracked: no count (null), always sellable.
 * Tracked `continue`: the count, and sellable on backorder once it reaches 0. Tracked `deny`: the
 * count, sellable while it lasts. A disabled variant is never sellable.
 */
export function variantAvailability(row: {
  enabled: boolean;
  track_inventory: boolean;
  inventory_policy: 'deny' | 'continue';
  on_hand: number;
  reserved: number;
}): { available: number | null; in_stock: boolean; backorder: boolean } {
  if (!row.track_inventory) return { available: null, in_stock: row.enabled, backorder: false };
  const available = row.enabled ? Math.max(0, row.on_hand - row.reserved) : 0;
  const backorder = row.enabled && available === 0 && row.inventory_policy === 'continue';
  return { available, in_stock: available > 0 || backorder, backorder };
}

/**
 * A cart or checkout line's stock as the shopper sees it: how many can be bought (null: any number,
 * for an untracked or backorder variant) and how many of the line's units are beyond the stock on
 * hand (they ship later). `balance` is on_hand − reserved; `heldByLine` says whether the line's own
 * units are already inside `reserved` (a checkout's hold) or not (a cart).
 */
export function lineStock(
  row: { track_inventory: boolean; inventory_policy: 'deny' | 'continue'; stock_balance: number },
  quantity: number,
  heldByLine: boolean,
): { available_quantity: number | null; backorder_quantity: number } {
  const free = Math.max(0, Number(row.stock_balance) + (heldByLine ? quantity : 0));
  if (!row.track_inventory) return { available_quantity: null, backorder_quantity: 0 };
  if (row.inventory_policy === 'continue')
    return { available_quantity: null, backorder_quantity: Math.max(0, quantity - free) };
  return { available_quantity: free, backorder_quantity: 0 };
}
