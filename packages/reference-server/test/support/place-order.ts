// Places one order through the HTTP API of a test app: a cart, a checkout session with an address
// and shipping method, and `complete` with a test card.
import assert from 'node:assert/strict';
import { CheckoutSession, Order } from '@shoptag/sdk/contract';
import { ADDRESS } from './checkout-fixtures.js';
import type { TestApp } from './test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export async function placeOrder(
  app: TestApp,
  options: { variantId?: string; paymentMethod?: string } = {},
): Promise<{ status: number; order: Order | null }> {
  const cart = await app.request('/v1/carts', {
    method: 'POST',
    ...json({ items: [{ variant_id: options.variantId ?? 'var_fx050', quantity: 1 }] }),
  });
  assert.equal(cart.status, 200, JSON.stringify(cart.body));
  const created = await app.request('/v1/checkout-sessions', {
    method: 'POST',
    ...json({ cart_id: (cart.body as { id: string }).id }),
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const session = CheckoutSession.parse(created.body);
  const updated = await app.request(`/v1/checkout-sessions/${session.id}`, {
    method: 'PATCH',
    ...json({ email: 'ada@example.com', shipping_address: ADDRESS, shipping_method_id: 'standard' }),
  });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  const done = await app.request(`/v1/checkout-sessions/${session.id}/complete`, {
    method: 'POST',
    ...json({ payment_method: options.paymentMethod ?? 'pm_card_visa' }),
  });
  return { status: done.status, order: done.status === 200 ? Order.parse(done.body) : null };
}
