/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { createShopClient, type Order } from '@shoptag/sdk';
import './index.js';
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import { screenRoot, testAdmin, type TestAdminConsole } from '../../testing/admin-console.test.js';
import { findProduct, testShop, until } from '../../testing/test-shop.test.js';

defineElement(ShopAdminConfirm);

/** Two units of one product, paid by card: an order the screens can ship and refund. */
async function placeOrder(): Promise<Order> {
  const client = createShopClient({ endpoint: testShop.endpoint, publishableKey: testShop.publishableKey });
  const product = await findProduct(
    (p) => p.in_stock && p.variants.some((v) => (v.available_quantity ?? 0) >= 3),
    client,
  );
  const variant = product.variants.find((v) => (v.available_quantity ?? 0) >= 3)!;
  const cart = await client.carts.create({ items: [{ variant_id: variant.id, quantity: 2 }] });
  const session = await client.checkout.create(cart.id);
  await client.checkout.update(session.id, {
    email: 'marge@example.com',
    shipping_address: {
      name: 'Marge Bouvier',
      line1: '742 Evergreen Terrace',
      city: 'Springfield',
      region: 'IL',
      postal_code: '62701',
      country: 'US',
    },
    billing_same_as_shipping: true,
  });
  const methods = await client.checkout.shippingMethods(session.id);
  await client.checkout.update(session.id, { shipping_method_id: methods.data[0]!.id });
  await client.checkout.startPayment(session.id);
  const done = await client.checkout.complete(session.id, { payment_method: 'pm_card_visa' });
  if (!('object' in done) || done.object !== 'order') throw new Error('not placed');
  return done;
}

const button = (root: ShadowRoot, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;

describe('<shop-admin-orders> and <shop-admin-order>', () => {
  let order: Order;
  before(async () => {
    order = await placeOrder();
  });

  it('finds an order by its number and links to it, with status badges', async () => {
    const host = await fixture<TestAdminConsole>(
      html`<test-admin-console><shop-admin-orders></shop-admin-orders></test-admin-console>`,
    );
    const root = screenRoot(host.querySelector('shop-admin-orders')!);
    await until(() => root.querySelector('table') !== null || root.querySelector('.muted') !== null);
    (root.querySelector('input[name="q"]') as HTMLInputElement).value = order.number;
    button(root, 'Apply').click();
    await until(() => root.querySelectorAll('tbody tr').length === 1);
    const link = root.querySelector<HTMLAnchorElement>('tbody a')!;
    expect(link.textContent!.trim()).to.equal(order.number);
    expect(link.getAttribute('href')).to.equal(`#/orders/${order.id}`);
    expect(root.querySelector('tbody')!.textContent).to.contain('Paid').and.contain('Not shipped');
    (root.querySelector('input[name="q"]') as HTMLInputElement).value = 'no-such-order-anywhere';
    button(root, 'Apply').click();
    await until(() => root.textContent!.includes('Nothing matches these filters.'));
    await expect(host.querySelector('shop-admin-orders')).to.be.accessible();
  });

  it('ships one unit with tracking from the dialog, then shows the shipment and the timeline, focus back on the page', async () => {
    const host = await fixture<TestAdminConsole>(
      html`<test-admin-console><shop-admin-order .params=${{ id: order.id }}></shop-admin-order></test-admin-console>`,
    );
    const screen = host.querySelector('shop-admin-order')!;
    const root = screenRoot(screen);
    await until(
      () => root.textContent!.includes(`Order ${order.number}`) && root.textContent!.includes('Order placed'),
    );
    expect(root.textContent).to.contain('Nothing shipped yet.');
    const opener = button(root, 'Ship items');
    opener.focus();
    opener.click();
    const dialogRoot = root.querySelector('shop-admin-order-fulfil')!.shadowRoot!;
    const dialog = dialogRoot.querySelector('dialog')!;
    await until(() => dialog.open);
    const quantity = dialogRoot.querySelector<HTMLInputElement>('input[type="number"]')!;
    expect(quantity.value).to.equal('2');
    quantity.value = '3';
    (dialogRoot.querySelector('input[name="carrier"]') as HTMLInputElement).value = 'FedEx';
    (dialogRoot.querySelector('input[name="tracking"]') as HTMLInputElement).value = '777777777777';
    button(dialogRoot, 'Record shipment').click();
    await until(() => dialogRoot.querySelector('.field-error') !== null);
    expect(dialogRoot.querySelector('.field-error')!.textContent).to.contain('more units than are left');
    quantity.value = '1';
    button(dialogRoot, 'Record shipment').click();
    await until(() => !dialog.open && root.textContent!.includes('Shipment 1'));
    const tracking = root.querySelector<HTMLAnchorElement>('a[href*="fedex.com"]')!;
    expect(tracking.textContent).to.contain('777777777777');
    expect(root.textContent).to.contain('Partly shipped');
    await until(() => root.textContent!.includes('Shipment recorded'));
    expect(screen.shadowRoot!.activeElement).to.equal(opener);
    const fresh = await testAdmin().orders.get(order.id);
    expect(fresh.fulfillments[0]!.items[0]!.quantity).to.equal(1);
    await expect(screen).to.be.accessible();
  });

  it('shows the refund amount before refunding the other unit with restock', async () => {
    const host = await fixture<TestAdminConsole>(
      html`<test-admin-console><shop-admin-order .params=${{ id: order.id }}></shop-admin-order></test-admin-console>`,
    );
    const root = screenRoot(host.querySelector('shop-admin-order')!);
    await until(() => root.textContent!.includes(`Order ${order.number}`));
    button(root, 'Refund').click();
    const dialogRoot = root.querySelector('shop-admin-order-refund')!.shadowRoot!;
    await until(() => dialogRoot.querySelector('dialog')!.open);
    dialogRoot.querySelector<HTMLInputElement>('input[type="number"]')!.value = '1';
    dialogRoot.querySelector<HTMLInputElement>('input[name="restock"]')!.checked = true;
    button(dialogRoot, 'Review refund').click();
    await until(() => dialogRoot.querySelector('#confirm-refund') !== null);
    const unit = order.items[0]!;
    // Half the line's share of what was paid, rounded half up once (as the server does).
    const share = unit.line_total.amount + (order.totals.tax_included ? 0 : unit.tax.amount);
    const expected = Math.floor((share + 1) / 2);
    const confirm = dialogRoot.querySelector<HTMLButtonElement>('#confirm-refund')!;
    expect(confirm.textContent!.trim()).to.equal(`Refund $${(expected / 100).toFixed(2)}`);
    confirm.click();
    await until(() => root.textContent!.includes('restocked'));
    const fresh = await testAdmin().orders.get(order.id);
    expect(fresh.totals.refunded.amount).to.equal(expected);
    expect(fresh.items[0]!.restocked_quantity).to.equal(1);
    expect(fresh.fulfillment_status).to.equal('fulfilled');
  });
});
