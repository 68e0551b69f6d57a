import type { Liveness } from './contract/health.js';
import { createTransport, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, type RequestOptions } from './request.js';
import { createCartsResource, type CartsResource } from './resources/carts.js';
import { createCategoriesResource, type CategoriesResource } from './resources/categories.js';
import { createCheckoutResource, type CheckoutResource } from './resources/checkout.js';
import { createOrdersResource, type OrdersResource } from './resources/orders.js';
import { createInventoryResource, type InventoryResource } from './resources/inventory.js';
import { createProductsResource, type ProductsResource } from './resources/products.js';
import { createSearchResource, type SearchResource } from './resources/search.js';
import { defaultStorage, isKeyValueStorage, type KeyValueStorage } from './storage.js';

/** Options of {@link createShopClient}. Unknown keys are rejected so a typo never passes silently. */
export interface ShopClientOptions {
  /** The shop server's origin, e.g. `https://shop.example.com` (the SDK adds `/v1`). */
  endpoint: string;
  /** A publishable key (`pk_test_…` or `pk_live_…`); safe to ship in a page. */
  publishableKey: string;
  /** A fetch implementation; defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Retries after the first attempt on network errors, 409, 429 and 5xx (default 2, 0 disables). */
  retries?: number;
  /** Milliseconds before one attempt is abandoned (default 15000). */
  timeout?: number;
  /**
   * Where the cart id is kept between visits: `localStorage` in browsers by default, memory
   * elsewhere. Any object with `getItem`/`setItem`/`removeItem` works (a file, a session …).
   */
  storage?: KeyValueStorage;
}

/** A typed client for the Shoptag storefront API. */
export interface ShopClient {
  /** The endpoint this client talks to, without a trailing slash. */
  readonly endpoint: string;
  readonly products: ProductsResource;
  readonly categories: CategoriesResource;
  readonly search: SearchResource;
  readonly carts: CartsResource;
  readonly inventory: InventoryResource;
  readonly checkout: CheckoutResource;
  readonly orders: OrdersResource;
  /** The storage given in the options (or the default), used by the cart store. */
  readonly storage: KeyValueStorage;
  /** Liveness and the components the server uses. */
  health(options?: RequestOptions): Promise<Liveness>;
  /**
   * Calls `listener` when the server answers again after a request could not reach it (an outage
   * ended), so a page can clear "could not be reached" messages and retry. Returns an unsubscribe.
   */
  onReconnect(listener: () => void): () => void;
}

const KNOWN_OPTIONS = new Set<string>(['endpoint', 'publishableKey', 'fetch', 'retries', 'timeout', 'storage']);

function checkOptions(options: ShopClientOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('createShopClient expects an options object');
  const unknown = Object.keys(options).filter((key) => !KNOWN_OPTIONS.has(key));
  if (unknown.length) {
    throw new TypeError(
      `createShopClient: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; known options are ${[...KNOWN_OPTIONS].join(', ')}`,
    );
  }
  if (typeof options.endpoint !== 'string' || !/^https?:\/\//.test(options.endpoint)) {
    throw new TypeError(
      `createShopClient: "endpoint" must be an http(s) URL such as "https://shop.example.com" (got ${JSON.stringify(options.endpoint)})`,
    );
  }
  if (typeof options.publishableKey !== 'string' || !/^pk_(test|live)_[A-Za-z0-9]+$/.test(options.publishableKey)) {
    const hint =
      typeof options.publishableKey === 'string' && options.publishableKey.startsWith('sk_')
        ? ' — never put a secret key in a client'
        : '';
    throw new TypeError(`createShopClient: "publishableKey" must be a publishable key (pk_test_… or pk_live_…)${hint}`);
  }
  for (const key of ['retries', 'timeout'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new TypeError(`createShopClient: "${key}" must be a non-negative integer (got ${String(value)})`);
    }
  }
  if (options.storage !== undefined && !isKeyValueStorage(options.storage)) {
    throw new TypeError('createShopClient: "storage" must have getItem, setItem and removeItem (like localStorage)');
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== 'function') {
    throw new TypeError('createShopClient: no global fetch here; pass the "fetch" option');
  }
}

/**
 * Creates a client for a Shoptag server.
 *
 * ```ts
 * const shop = createShopClient({ endpoint: 'https://shop.example.com', publishableKey: 'pk_test_…' });
 * const { data } = await shop.products.list({ category: 'mugs', sort: 'price_asc' });
 * ```
 */
export function createShopClient(options: ShopClientOptions): ShopClient {
  checkOptions(options);
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const reconnected = new Set<() => void>();
  let unreachable = false;
  const send = createTransport({
    endpoint,
    apiKey: options.publishableKey,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    maxRetries: options.retries ?? DEFAULT_MAX_RETRIES,
    timeout: options.timeout ?? DEFAULT_TIMEOUT_MS,
    onReach(reached) {
      if (reached && unreachable) reconnected.forEach((listener) => listener());
      unreachable = !reached;
    },
  });
  return Object.freeze({
    endpoint,
    products: createProductsResource(send),
    categories: createCategoriesResource(send),
    search: createSearchResource(send),
    carts: createCartsResource(send),
    inventory: createInventoryResource(send),
    checkout: createCheckoutResource(send),
    orders: createOrdersResource(send),
    storage: options.storage ?? defaultStorage(),
    health: (opts: RequestOptions = {}) => send<Liveness>({ method: 'GET', path: '/health', ...opts }),
    onReconnect: (listener: () => void) => (reconnected.add(listener), () => reconnected.delete(listener)),
  });
}
