// After an outage: the client tells the page when the real server answers again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type StartedDemoServer } from '@shoptag/reference-server';
import { ConnectionError, createShopClient } from '@shoptag/sdk';
import { startSwitchableLink, type SwitchableLink } from '../../reference-server/test/support/switchable-link.js';

let server: StartedDemoServer;
let link: SwitchableLink;

before(async () => {
  server = await startServer({ port: 0, memory: true, demo: true, allowedOrigins: ['*'], quiet: true });
  link = await startSwitchableLink(server.url);
});
after(async () => {
  await link?.close();
  await server?.close();
});

test('onReconnect fires once when the server answers after a request could not reach it', async () => {
  const shop = createShopClient({ endpoint: link.url, publishableKey: server.publishableKey, retries: 0 });
  let reconnects = 0;
  const stop = shop.onReconnect(() => reconnects++);

  await shop.products.list({ limit: 1 });
  assert.equal(reconnects, 0, 'no outage yet, so nothing to announce');

  await link.down();
  await assert.rejects(shop.products.list({ limit: 1 }), ConnectionError);
  assert.equal(reconnects, 0);

  await link.up();
  await shop.products.list({ limit: 1 });
  assert.equal(reconnects, 1, 'the first answer after the outage');
  await shop.products.list({ limit: 1 });
  assert.equal(reconnects, 1, 'later answers are not a reconnection');

  stop();
  await link.down();
  await assert.rejects(shop.categories.list(), ConnectionError);
  await link.up();
  await shop.categories.list();
  assert.equal(reconnects, 1, 'an unsubscribed listener hears nothing');
});

test('an error answer (a 404) counts as the server being reachable again', async () => {
  const shop = createShopClient({ endpoint: link.url, publishableKey: server.publishableKey, retries: 0 });
  let reconnects = 0;
  shop.onReconnect(() => reconnects++);
  await link.down();
  await assert.rejects(shop.products.get('no-such-product'), ConnectionError);
  await link.up();
  await assert.rejects(shop.products.get('no-such-product'), (e: Error) => !(e instanceof ConnectionError));
  assert.equal(reconnects, 1);
});
