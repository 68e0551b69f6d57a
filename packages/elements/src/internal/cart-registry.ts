import { createCartStore, type CartStore, type ShopClient } from '@shoptag/sdk';

// Registered symbol: a buy button from the CDN bundle and a cart from the npm build share one store per client.
const KEY = Symbol.for('shoptag.cartStores');
type Registry = WeakMap<ShopClient, CartStore>;

/** The one cart store of a client on this page, created on first use and shared by every element. */
export function cartStoreFor(client: ShopClient): CartStore {
  const g = globalThis as { [KEY]?: Registry };
  const registry = (g[KEY] ??= new WeakMap());
  let store = registry.get(client);
  if (!store) {
    store = createCartStore(client);
    registry.set(client, store);
  }
  return store;
}
