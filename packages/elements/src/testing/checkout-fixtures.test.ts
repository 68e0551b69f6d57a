// Test support, not a test (see test-shop.test.ts): a <shop-checkout> for a fresh cart, walked to
// the payment step through its real forms.
import { fixture, html } from '@open-wc/testing';
import { createShopClient } from '@shoptag/sdk';
import type { ShopCheckout } from '../checkout/checkout.js';
import { until } from './cart-fixtures.test.js';
import { findProduct, testShop } from './test-shop.test.js';

/** A reference server the runner started: `testShop`, or `testShop.stripe`. */
export interface TestServer {
  endpoint: string;
  publishableKey: string;
}

export const root = (el: ShopCheckout) => el.shadowRoot!;

export function type(el: ShopCheckout, name: string, value: string): void {
  const input = root(el).querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

export const click = (el: ShopCheckout, selector: string) => root(el).querySelector<HTMLElement>(selector)!.click();

/**
 * A checkout on `server` for a new one-item cart, at its contact step; `style` sets tokens on the
 * element, `locale` the store's language.
 */
export async function checkoutFor(server: TestServer = testShop, style = '', locale = ''): Promise<ShopCheckout> {
  const client = createShopClient({ endpoint: server.endpoint, publishableKey: server.publishableKey });
  const product = await findProduct(
    (p) => p.in_stock && p.variants.some((v) => v.in_stock && (v.available_quantity ?? 0) >= 3),
    client,
  );
  const variant = product.variants.find((v) => v.in_stock && (v.available_quantity ?? 0) >= 3)!;
  const cart = await client.carts.create({ items: [{ variant_id: variant.id, quantity: 1 }] });
  const store = await fixture(
    html`<shop-store endpoint=${server.endpoint} publishable-key=${server.publishableKey} locale=${locale}><shop-checkout cart-id=${cart.id} style=${style}></shop-checkout></shop-store>`,
  );
  const el = store.querySelector('shop-checkout')!;
  await until(() => (el.state?.session ?? null) !== null && el.state?.step === 'contact');
  return el;
}

export async function fillContact(el: ShopCheckout, postal = '94105'): Promise<void> {
  await el.updateComplete;
  for (const [name, value] of [
    ['email', 'ada@example.com'],
    ['name', 'Ada Lovelace'],
    ['line1', '1 Market St'],
    ['city', 'San Francisco'],
    ['region', 'CA'],
    ['postal_code', postal],
  ])
    type(el, name!, value!);
  await el.updateComplete;
  click(el, 'button[type="submit"]');
}

/** Fills in the address, chooses the first shipping method and moves on to the payment step. */
export async function toPayment(el: ShopCheckout): Promise<void> {
  await fillContact(el);
  await until(() => el.state?.step === 'shipping' && (el.state?.shippingMethods.length ?? 0) > 0);
  await el.updateComplete;
  click(el, 'input[name="shipping"]');
  await until(() => (el.state?.session?.shipping_method ?? null) !== null && el.state?.status === 'idle');
  await el.updateComplete;
  click(el, 'button[part~="primary"]');
  await until(() => el.state?.step === 'payment');
  await el.updateComplete;
}
