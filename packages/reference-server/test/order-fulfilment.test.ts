// Shipping an order in parts with tracking, refunding chosen lines with restock (exactly once under
// retries), cancelling, the admin list's filters and search, the order's timeline, and the shipped
// and refund emails — against the real app on PGlite and, when available, real PostgreSQL.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  CheckoutSession,
  ErrorBody,
  Order,
  OrderEvent,
  OrderEventList,
  OrderList,
  RefundPreview,
} from '@shoptag/sdk/contract';
import { createOrderMailer, trackingUrl } from '../src/services/checkout/index.js';
import { ADDRESS } from './support/checkout-fixtures.js';
import { forEachDatabase } from './support/databases.js';
import { fixtureCatalog } from './support/fixture-catalog.js';
import { startTestApp, type TestApp, type TestResponse } from './support/test-app.js';

const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
function ok<T>(res: TestResponse, schema: { parse(v: unknown): T }): T {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return schema.parse(res.body);
}

test('known carriers get their tracking page; unknown carriers and missing numbers get none', () => {
  assert.equal(trackingUrl('UPS', '1Z 999'), 'https://www.ups.com/track?tracknum=1Z%20999');
  assert.match(trackingUrl('royal-mail', 'AB123456789GB')!, /^https:\/\/www\.royalmail\.com\/.*AB123456789GB$/);
  assert.match(trackingUrl('FedEx', '7777')!, /fedex\.com/);
  assert.match(trackingUrl('usps', '9400')!, /usps\.com/);
  assert.match(trackingUrl('DHL', '123')!, /dhl\.com/);
  assert.equal(trackingUrl('Bob’s Couriers', '123'), null);
  assert.equal(trackingUrl('UPS', null), null);
});

forEachDatabase('shipping and refunding orders by line', (target) => {
  let app: TestApp;
  let outbox: string;
  before(async () => {
    outbox = join(mkdtempSync(join(tmpdir(), 'shoptag-ship-')), 'outbox');
    const mailer = createOrderMailer({
      smtpUrl: undefined,
      outboxDir: outbox,
      shopName: 'Harbor & Pine',
      settings: () => ({ orderUrl: 'https://shop.example/order.html#order={id}&token={token}' }),
    });
    app = await startTestApp(target.db, {
      catalog: fixtureCatalog(),
      onOrderPlaced: async (order) => void (await mailer.sendConfirmation(order)),
      notifier: { shipped: (o, f) => mailer.sendShipped(o, f), refunded: (o, r) => mailer.sendRefunded(o, r) },
    });
  });
  before(() =>
    target.db.query("UPDATE inventory_levels SET on_hand = 1000 WHERE variant_id IN ('var_fx050', 'var_fx070')"),
  );
  after(async () => {
    await app?.close();
    rmSync(join(outbox, '..'), { recursive: true, force: true });
  });

  const admin = (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    app.request(path, {
      key: app.secretKey,
      method: init.method ?? 'GET',
      ...(init.body === undefined ? {} : json(init.body)),
      ...(init.headers ? { headers: { 'content-type': 'application/json', ...init.headers } } : {}),
    });
  const onHand = async (v: string) =>
    (await target.db.query<{ on_hand: number }>('SELECT on_hand FROM inventory_levels WHERE variant_id = $1', [v]))
      .rows[0]!.on_hand;

  /** Two units of var_fx050 ($45) and one of var_fx070 ($9.99), paid by card. */
  async function place(email = 'ada@example.com', name = 'Ada Lovelace'): Promise<Order> {
    const cart = await app.request('/v1/carts', {
      method: 'POST',
      ...json({
        items: [
          { variant_id: 'var_fx050', quantity: 2 },
          { variant_id: 'var_fx070', quantity: 1 },
        ],
      }),
    });
    const s = ok(
      await app.request('/v1/checkout-sessions', {
        method: 'POST',
        ...json({ cart_id: (cart.body as { id: string }).id }),
      }),
      CheckoutSession,
    );
    await app.request(`/v1/checkout-sessions/${s.id}`, {
      method: 'PATCH',
      ...json({ email, shipping_address: { ...ADDRESS, name }, shipping_method_id: 'standard' }),
    });
    return ok(
      await app.request(`/v1/checkout-sessions/${s.id}/complete`, {
        method: 'POST',
        ...json({ payment_method: 'pm_card_visa' }),
      }),
      Order,
    );
  }
  const line = (o: Order, variant: string) => o.items.find((i) => i.variant_id === variant)!;
  const waitForFile = async (pattern: RegExp) => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = existsSync(outbox)
        ? readdirSync(outbox).find((f) => pattern.test(f) && !f.endsWith('.tmp'))
        : undefined;
      if (found) return readFileSync(join(outbox, found), 'utf8').replace(/=\r?\n/g, '');
      if (Date.now() > deadline) throw new Error(`no ${pattern} in the outbox`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  test('an order ships in two parts: partially fulfilled with the first, fulfilled with the second, each with its tracking and items', async () => {
    const order = await place();
    const mugs = line(order, 'var_fx050');
    const first = ok(
      await admin(`/v1/admin/orders/${order.id}/fulfil`, {
        method: 'POST',
        body: { carrier: 'UPS', tracking_number: '1Z999AA10123456784', items: [{ item_id: mugs.id, quantity: 1 }] },
      }),
      Order,
    );
    assert.equal(first.status, 'partially_fulfilled');
    assert.equal(first.fulfillment_status, 'partially_fulfilled');
    assert.equal(first.fulfillments.length, 1);
    assert.equal(first.fulfillments[0]!.tracking_url, 'https://www.ups.com/track?tracknum=1Z999AA10123456784');
    assert.deepEqual(first.fulfillments[0]!.items, [{ item_id: mugs.id, quantity: 1 }]);
    assert.equal(line(first, 'var_fx050').fulfilled_quantity, 1);

    const second = ok(
      await admin(`/v1/admin/orders/${order.id}/fulfil`, {
        method: 'POST',
        body: { carrier: 'Bob’s Couriers', tracking_number: 'B-1' },
      }),
      Order,
    );
    assert.equal(second.status, 'fulfilled');
    assert.equal(second.fulfillment_status, 'fulfilled');
    assert.equal(second.fulfillments.length, 2);
    assert.equal(second.fulfillments[1]!.tracking_url, null, 'an unknown carrier has no tracking page');
    assert.deepEqual(
      second.fulfillments[1]!.items.map((i) => i.quantity).sort(),
      [1, 1],
      'the second shipment takes what was left of each line',
    );
    assert.equal(second.fulfillment?.tracking_number, 'B-1', 'the summary names the latest shipment');

    const again = ok(await admin(`/v1/admin/orders/${order.id}/fulfil`, { method: 'POST', body: {} }), Order);
    assert.equal(again.fulfillments.length, 2, 'shipping "everything" again ships nothing more');

    const eml = await waitForFile(new RegExp(`^${order.number}-shipped-`));
    assert.match(eml, /Part of your order .* has shipped|has shipped/);
    assert.match(eml, /Tracking number: (1Z999AA10123456784|B-1)/);
  });

  test('shipping more units than are left is refused, naming the line', async () => {
    const order = await place();
    const res = await admin(`/v1/admin/orders/${order.id}/fulfil`, {
      method: 'POST',
      body: { items: [{ item_id: line(order, 'var_fx070').id, quantity: 2 }] },
    });
    assert.equal(res.status, 400);
    const { error } = ErrorBody.parse(res.body);
    assert.equal(error.code, 'fulfillment_quantity_invalid');
    assert.equal(error.param, 'items.0.quantity');
    const unknown = await admin(`/v1/admin/orders/${order.id}/fulfil`, {
      method: 'POST',
      body: { items: [{ item_id: 'oi_nope', quantity: 1 }] },
    });
    assert.equal(ErrorBody.parse(unknown.body).error.code, 'order_item_invalid');
  });

  test('refunding the unshipped line with restock returns its share and its units, and the order counts as shipped', async () => {
    const order = await place();
    const mugs = line(order, 'var_fx050');
    const socks = line(order, 'var_fx070');
    ok(
      await admin(`/v1/admin/orders/${order.id}/fulfil`, {
        method: 'POST',
        body: {
          carrier: 'USPS',
          tracking_number: '9400100000000000000000',
          items: [{ item_id: mugs.id, quantity: 2 }],
        },
      }),
      Order,
    );
    const preview = ok(
      await admin(`/v1/admin/orders/${order.id}/refunds/preview`, {
        method: 'POST',
        body: { items: [{ item_id: socks.id, quantity: 1 }], restock: true },
      }),
      RefundPreview,
    );
    const expected = socks.line_total.amount + (order.totals.tax_included ? 0 : socks.tax.amount);
    assert.equal(preview.amount.amount, expected, 'the line price plus its tax (no discount on this order)');
    assert.equal(preview.items[0]?.restock, true);
    const stockBefore = await onHand('var_fx070');
    const refunded = ok(
      await admin(`/v1/admin/orders/${order.id}/refunds`, {
        method: 'POST',
        body: { items: [{ item_id: socks.id, quantity: 1 }], restock: true, reason: 'out of stock at the warehouse' },
      }),
      Order,
    );
    assert.equal(await onHand('var_fx070'), stockBefore + 1);
    assert.equal(refunded.status, 'partially_refunded');
    assert.equal(refunded.payment_status, 'partially_refunded');
    assert.equal(refunded.fulfillment_status, 'fulfilled', 'every unit not refunded has shipped');
    assert.equal(refunded.totals.refunded.amount, expected);
    assert.deepEqual(refunded.refunds[0]!.items, [{ item_id: socks.id, quantity: 1, restocked_quantity: 1 }]);
    assert.equal(line(refunded, 'var_fx070').restocked_quantity, 1);
    const history = (await admin('/v1/admin/inventory/var_fx070/history?limit=1')).body as {
      data: { delta: number; on_hand: number; reason: string; reference: string | null }[];
    };
    assert.deepEqual(
      history.data.map((m) => [m.delta, m.on_hand, m.reason, m.reference]),
      [[1, stockBefore + 1, 'restock', order.id]],
      "the restocked unit is in the variant's stock history",
    );
    const eml = await waitForFile(new RegExp(`^${order.number}-refund-`));
    assert.match(eml, /We refunded/);
    const delivered = ok(await admin(`/v1/admin/orders/${order.id}/deliver`, { method: 'POST' }), Order);
    assert.equal(delivered.status, 'delivered');
  });

  test('a refund with restock retried with the same Idempotency-Key refunds and restocks once', async () => {
    const order = await place();
    const socks = line(order, 'var_fx070');
    const before = await onHand('var_fx070');
    const body = { items: [{ item_id: socks.id, quantity: 1, restock: true }] };
    const headers = { 'idempotency-key': `refund-${order.id}` };
    const [a, b] = await Promise.all([
      admin(`/v1/admin/orders/${order.id}/refunds`, { method: 'POST', body, headers }),
      admin(`/v1/admin/orders/${order.id}/refunds`, { method: 'POST', body, headers }),
    ]);
    assert.ok([a.status, b.status].includes(200), `one of them answers: ${a.status} ${b.status}`);
    const replay = ok(await admin(`/v1/admin/orders/${order.id}/refunds`, { method: 'POST', body, headers }), Order);
    assert.equal(replay.refunds.length, 1);
    // The stored answer lost (a crash after the refund): the service itself is called again with the same key.
    const direct = await app.checkout.orders.refund(order.id, body, `refund-${order.id}`);
    assert.equal(direct.refunds.length, 1, 'the provider gave the same refund back: recorded once');
    assert.equal(await onHand('var_fx070'), before + 1, 'the unit came back once');
    assert.equal(line(direct, 'var_fx070').restocked_quantity, 1);
  });

  test('cancelling after a restocking refund puts back only the units not restocked yet', async () => {
    const order = await place();
    const socks = line(order, 'var_fx070');
    const mugsBefore = await onHand('var_fx050');
    const socksBefore = await onHand('var_fx070');
    ok(
      await admin(`/v1/admin/orders/${order.id}/refunds`, {
        method: 'POST',
        body: { items: [{ item_id: socks.id, quantity: 1, restock: true }] },
      }),
      Order,
    );
    const cancelled = ok(await admin(`/v1/admin/orders/${order.id}/cancel`, { method: 'POST', body: {} }), Order);
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.payment_status, 'refunded');
    assert.equal(await onHand('var_fx070'), socksBefore + 1);
    assert.equal(await onHand('var_fx050'), mugsBefore + 2);
    const shipped = await place();
    ok(await admin(`/v1/admin/orders/${shipped.id}/fulfil`, { method: 'POST', body: {} }), Order);
    const refused = await admin(`/v1/admin/orders/${shipped.id}/cancel`, { method: 'POST', body: {} });
    assert.equal(refused.status, 409, 'a shipped order is refunded, not cancelled');
  });

  test('the list filters by payment and fulfilment status and a date range, and searches number, email and name', async () => {
    const grace = await place('grace.hopper@example.com', 'Grace Hopper');
    const linus = await place('linus@example.com', 'Linus Torvalds');
    ok(await admin(`/v1/admin/orders/${linus.id}/fulfil`, { method: 'POST', body: {} }), Order);
    const ids = async (query: string) =>
      ok(await admin(`/v1/admin/orders?limit=100&${query}`), OrderList).data.map((o) => o.id);
    assert.deepEqual(await ids('q=hopper'), [grace.id]);
    assert.deepEqual(await ids('q=LINUS%40'), [linus.id]);
    assert.deepEqual(await ids(`q=${grace.number}`), [grace.id]);
    assert.ok((await ids('fulfillment_status=fulfilled')).includes(linus.id));
    assert.ok(!(await ids('fulfillment_status=fulfilled')).includes(grace.id));
    assert.ok((await ids('fulfillment_status=unfulfilled&payment_status=paid')).includes(grace.id));
    assert.ok(!(await ids('payment_status=refunded')).includes(grace.id));
    const future = new Date(Date.now() + 86_400_000).toISOString();
    assert.deepEqual(await ids(`created_after=${encodeURIComponent(future)}`), []);
    assert.ok((await ids(`created_before=${encodeURIComponent(future)}&q=grace`)).includes(grace.id));
    assert.equal((await admin('/v1/admin/orders?payment_status=nope')).status, 400);
    assert.deepEqual(await ids('q=%25'), [], 'a % in the search is a character, not a wildcard');
  });

  test("the timeline tells the order's story: placed, paid, emails, the shipment, the refund, a note, oldest first", async () => {
    const order = await place();
    ok(
      await admin(`/v1/admin/orders/${order.id}/fulfil`, {
        method: 'POST',
        body: {
          carrier: 'DHL',
          tracking_number: 'JD0001',
          items: [{ item_id: line(order, 'var_fx050').id, quantity: 1 }],
        },
      }),
      Order,
    );
    ok(
      await admin(`/v1/admin/orders/${order.id}/refunds`, { method: 'POST', body: { amount: 100, reason: 'late' } }),
      Order,
    );
    const note = ok(
      await admin(`/v1/admin/orders/${order.id}/notes`, { method: 'POST', body: { body: 'Called the customer.' } }),
      OrderEvent,
    );
    assert.equal(note.actor.kind, 'key');
    assert.equal(note.data.body, 'Called the customer.');
    await waitForFile(new RegExp(`^${order.number}-refund-`));
    const deadline = Date.now() + 5_000;
    let types: string[] = [];
    while (Date.now() < deadline) {
      types = ok(await admin(`/v1/admin/orders/${order.id}/events`), OrderEventList).data.map((e) => e.type);
      if (types.filter((t) => t === 'email_sent').length >= 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const type of ['placed', 'paid', 'fulfilled', 'refunded', 'note'])
      assert.ok(types.includes(type), `${type} in ${types}`);
    assert.equal(types.filter((t) => t === 'email_sent').length, 3, 'confirmation, shipment and refund emails');
    assert.ok(types.indexOf('placed') < types.indexOf('paid'));
    assert.ok(types.indexOf('fulfilled') < types.indexOf('refunded'));
    const page = ok(await admin(`/v1/admin/orders/${order.id}/events?limit=2`), OrderEventList);
    assert.equal(page.has_more, true);
    const next = ok(
      await admin(`/v1/admin/orders/${order.id}/events?limit=2&cursor=${page.next_cursor}`),
      OrderEventList,
    );
    assert.equal(next.data[0]?.type, types[2]);
    assert.equal((await admin('/v1/admin/orders/ord_missing/events')).status, 404);
  });
});
