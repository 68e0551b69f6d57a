import { createContext } from '@lit/context';
import type { ShopClient } from '@shoptag/sdk';

/** What a `<shop-store>` gives the elements inside it. */
export interface ShopStoreValue {
  /** The SDK client for this store's endpoint and key. */
  readonly client: ShopClient;
  /** The server origin, without a trailing slash; relative media URLs resolve against it. */
  readonly endpoint: string;
  readonly publishableKey: string;
  /** BCP 47 locale for formatting, when the store sets one (else the page's `lang`). */
  readonly locale: string | undefined;
  /** ISO 4217 currency for amounts that carry none, when the store sets one. */
  readonly currency: string | undefined;
}

/**
 * The context key is a registered symbol rather than a fresh one, so a store from the CDN bundle
 * and an element from the npm build (two copies of this module) still find each other.
 */
export const shopStoreContext = createContext<ShopStoreValue | undefined>(Symbol.for('shoptag.store'));
