import type { ShopClient } from '../client.js';
import { createCartStore, type CartStore } from './cart-store.js';

// A registered symbol on globalThis, not a module-level map: two copies of the SDK on one page (the
// CDN bundle's and an app's npm build) still share one cart store per client.
const KEY = Symbol.for('shoptag.cartStores');

/**
 * The one cart store of `client` on this page: created with the default options on first use,
 * the same store on every later call (kept in a WeakMap, so it goes when the client goes). Every
 * view of the cart — a badge, a buy button, a drawer — should use it, so they move together.
 * For a store with other options (`storage`, `sync`), call {@link createCartStore} yourself.
 *
 * ```ts
 * const cart = getCartStore(shop);
 * getCartStore(shop) === cart; // true
 * ```
 */
export function getCartStore(client: ShopClient): CartStore {
  const shared = globalThis as { [KEY]?: WeakMap<ShopClient, CartStore> };
  const stores = (shared[KEY] ??= new WeakMap());
  let store = stores.get(client);
  if (!store) {
    store = createCartStore(client);
    stores.set(client, store);
  }
  return store;
}
