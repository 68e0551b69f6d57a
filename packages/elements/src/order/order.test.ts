/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { createShopClient, type Order } from '@shoptag/sdk';
import '../define.js';
import type { ShopOrder } from './order.js';
import { adminRequest, findProduct, testShop } from '../testing/test-shop.test.js';
import { until } from '../testing/cart-fixtures.test.js';

/** An order placed through the API with a simulated card: a Springfield, IL address. */
async function placeOrder(address: Record<string, string> = {}, quantity = 1): Promise<Order> {
  const client = createShopClient({ endpoint: testShop.endpoint, publishableKey: testShop.publishableKey });
  const product = await findProduct(
    (p) => p.in_stock && p.variants.some((v) => (v.available_quantity ?? 0) >= quantity + 1),
    client,
  );
  const variant = product.variants.find((v) => (v.available_quantity ?? 0) >= quantity + 1)!;
  const cart = await client.carts.create({ items: [{ variant_id: variant.id, quantity }] });
  const session = await client.checkout.create(cart.id);
  await client.checkout.update(session.id, {
    email: 'homer@example.com',
    shipping_address: {
      name: 'Homer Simpson',
      line1: '742 Evergreen Terrace',
      city: 'Springfield',
      region: 'IL',
      postal_code: '62701',
      country: 'US',
      ...address,
    },
    billing_same_as_shipping: true,
  });
  const methods = await client.checkout.shippingMethods(session.id);
  await client.checkout.update(session.id, { shipping_method_id: methods.data[0]!.id });
  await client.checkout.startPayment(session.id);
  const done = await client.checkout.complete(session.id, { payment_method: 'pm_card_amex' });
  if (!('object' in done) || done.object !== 'order') throw new Error(`not placed: ${JSON.stringify(done)}`);
  return done;
}

async function show(attrs: { id?: string; token?: string; locale?: string }): Promise<ShopOrder> {
  const store = await fixture(
    html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} locale=${attrs.locale ?? 'en-US'}
      >${
        attrs.id !== undefined
          ? html`<shop-order order-id=${attrs.id} token=${attrs.token ?? ''}></shop-order>`
          : html`<shop-order></shop-order>`
      }</shop-store
    >`,
  );
  return store.querySelector('shop-order')!;
}

const text = (el: ShopOrder, selector: string) =>
  el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The shipping address's lines, as the <br>s divide them. */
const addressLines = (el: ShopOrder) =>
  [...el.shadowRoot!.querySelector('address')!.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())
    .map((n) => n.textContent!.trim());

describe('<shop-order>', () => {
  let order: Order;
  before(async () => {
    order = await placeOrder();
  });

  it('shows status, address in US order, shipping, the card, lines and totals', async () => {
    const el = await show({ id: order.id, token: order.token });
    await until(() => el.value !== null);
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal(`Order ${order.number}`);
    expect(text(el, '[part~="status"]')).to.equal('Paid — being prepared');
    expect(addressLines(el)).to.deep.equal([
      'Homer Simpson',
      '742 Evergreen Terrace',
      'Springfield, IL 62701',
      'United States',
    ]);
    expect(el.shadowRoot!.textContent).to.contain('American Express ending in 8431');
    expect(text(el, '[part~="items"]')).to.contain(`1 × ${order.items[0]!.name}`);
    expect(text(el, '[part~="totals"]')).to.contain('Total');
    await expect(el).to.be.accessible();
  });

  it('reads the order id and token from the page address fragment, as the email links', async () => {
    const before = location.href;
    history.replaceState(null, '', `#order=${order.id}&token=${encodeURIComponent(order.token)}`);
    try {
      const el = await show({});
      await until(() => el.value !== null);
      expect(el.value!.id).to.equal(order.id);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('says so when the link lacks the order, or the token is wrong', async () => {
    const missing = await show({});
    await until(() => text(missing, '[part~="error"]') !== '');
    expect(text(missing, '[part~="error"]')).to.contain('order link');
    const wrong = await show({ id: order.id, token: 'otok_wrong' });
    await until(() => text(wrong, '[part~="error"]') !== '');
    expect(text(wrong, '[part~="error"]')).to.equal(
      'We could not find this order. Check the link in your confirmation email.',
    );
  });

  it('speaks Japanese, writing a Japanese address from big to small', async () => {
    const jp = await placeOrder({
      name: '山田太郎',
      line1: '千代田1-1',
      city: '千代田区',
      region: '13',
      postal_code: '100-0001',
      country: 'JP',
    });
    const el = await show({ id: jp.id, token: jp.token, locale: 'ja-JP' });
    await until(() => el.value !== null && text(el, 'h2').startsWith('ご注文'));
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal(`ご注文 ${jp.number}`);
    expect(addressLines(el)).to.deep.equal(['日本', '〒100-0001', '東京都千代田区', '千代田1-1', '山田太郎']);
    expect(el.shadowRoot!.textContent).to.contain('American Express（末尾 8431）');
  });

  it('shows each shipment with its carrier, a tracking link and its items, what is left to ship, and each refund', async () => {
    const placed = await placeOrder({}, 3);
    const item = placed.items[0]!;
    await adminRequest('POST', `/v1/admin/orders/${placed.id}/fulfil`, {
      carrier: 'UPS',
      tracking_number: '1Z999AA10123456784',
      items: [{ item_id: item.id, quantity: 1 }],
    });
    await adminRequest('POST', `/v1/admin/orders/${placed.id}/refunds`, {
      items: [{ item_id: item.id, quantity: 1 }],
      restock: true,
    });
    const el = await show({ id: placed.id, token: placed.token });
    await until(() => el.value !== null);
    await el.updateComplete;
    expect(text(el, '[part~="status"]')).to.equal('Partially refunded');
    const shipment = text(el, '[part~="shipment"]');
    expect(shipment).to.contain('Shipment 1');
    expect(shipment).to.contain('Carrier: UPS');
    expect(shipment).to.contain(`1 × ${item.name}`);
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="tracking-link"]')!;
    expect(link.href).to.equal('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(link.textContent!.trim()).to.equal('1Z999AA10123456784');
    expect(link.getAttribute('aria-label')).to.equal('Track 1Z999AA10123456784 with UPS');
    expect(text(el, '.to-ship')).to.contain(`Still to ship 1 × ${item.name}`);
    expect(text(el, '[part~="refund"]')).to.match(/refunded on/);
    expect(text(el, '[part~="refund"]')).to.contain(`1 × ${item.name}`);
    await expect(el).to.be.accessible();
  });

  it('lays out right to left in Arabic', async () => {
    const el = await show({ id: order.id, token: order.token, locale: 'ar' });
    await until(() => el.value !== null && text(el, 'h2').startsWith('الطلب'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('article')!.getAttribute('dir')).to.equal('rtl');
    expect(text(el, '[part~="status"]')).to.equal('مدفوع — قيد التجهيز');
  });
});
