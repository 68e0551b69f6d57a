// Test support, not a test (see test-shop.test.ts): pages with a store, and a fresh cart per test.
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { ShopStore } from '../store/store.js';
import { cartStoreFor } from '../internal/cart-registry.js';
import { testShop } from './test-shop.test.js';

/** Renders `content` inside a `<shop-store>` for the test server, with an empty cart. */
export async function inStore(content: TemplateResult): Promise<ShopStore> {
  const store = await fixture<ShopStore>(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>${content}</shop-store>`);
  cartStoreFor(store.client!).clear();
  return store;
}

/** The page's cart store for the test server. */
export function cartOf(store: ShopStore) {
  return cartStoreFor(store.client!);
}

/** Waits until `check` passes (or throws its last failure after `timeout` ms). */
export async function until(check: () => boolean | void, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      if (check() !== false) return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
