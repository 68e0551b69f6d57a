// Test support, not a test (see test-shop.test.ts): pages with a store, and a fresh cart per test.
import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { ShopStore } from '../store/store.js';
import { getCartStore } from '@shoptag/sdk';
import { testShop } from './test-shop.test.js';

/** Renders `content` inside a `<shop-store>` for the test server, with an empty cart. */
export async function inStore(content: TemplateResult): Promise<ShopStore> {
  const store = await fixture<ShopStore>(
    html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>${content}</shop-store>`,
  );
  getCartStore(store.client!).clear();
  return store;
}

/** The page's cart store for the test server. */
export function cartOf(store: ShopStore) {
  return getCartStore(store.client!);
}

export { until } from './test-shop.test.js';
