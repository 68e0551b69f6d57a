// The cart and inventory section of `npm run bench`: stock holds under contention (500 concurrent
// attempts for 100 units, checked for correctness), and add-to-cart throughput as a ratio to a
// bare Express endpoint that parses the same body and answers the same JSON, in the same run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { LOAD } from './load.mjs';
import { startChild } from './processes.mjs';

const ATTEMPTS = 500;
const UNITS = 100;
const CARTS = 200;

async function call(server, path, { method = 'GET', body, key = server.secretKey } = {}) {
  const res = await fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  return { status: res.status, json };
}

/** 500 concurrent hold requests for a variant with 100 units: how fast, and whether exactly 100 succeed. */
async function holds(server, variantId) {
  await call(server, `/v1/admin/inventory/${variantId}`, { method: 'PUT', body: { on_hand: UNITS } });
  const started = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: ATTEMPTS }, () =>
      call(server, '/v1/admin/inventory/holds', {
        method: 'POST',
        body: { items: [{ variant_id: variantId, quantity: 1 }] },
      }).then((r) => r.status),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const level = (await call(server, `/v1/admin/inventory/${variantId}`)).json;
  const succeeded = statuses.filter((s) => s === 200).length;
  const refused = statuses.filter((s) => s === 409).length;
  return {
    attempts: ATTEMPTS,
    units: UNITS,
    succeeded,
    refused,
    other: ATTEMPTS - succeeded - refused,
    seconds: Number(seconds.toFixed(3)),
    attemptsPerSecond: Math.round(ATTEMPTS / seconds),
    onHand: level.on_hand,
    reserved: level.reserved,
    correct: succeeded === UNITS && refused === ATTEMPTS - UNITS && level.reserved === UNITS && level.on_hand === UNITS,
  };
}

/** autocannon POSTing add-to-cart bodies, spreading requests over `paths` round-robin. */
async function postLoad(paths, body, headers) {
  let i = 0;
  const options = (duration) => ({
    url: new URL(paths[0]).origin,
    connections: LOAD.connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        setupRequest: (req) => ({ ...req, path: new URL(paths[i++ % paths.length]).pathname }),
      },
    ],
  });
  await autocannon(options(LOAD.warmupSeconds));
  const r = await autocannon(options(LOAD.seconds));
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`add-to-cart: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
  return {
    requestsPerSecond: Math.round(r.requests.average),
    latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99 },
    requests: r.requests.total,
  };
}

async function addToCart(server, variantId, tmp) {
  // Plenty of stock and a high line limit, so every add under load succeeds.
  await call(server, `/v1/admin/inventory/${variantId}`, { method: 'PUT', body: { on_hand: 1_000_000 } });
  const carts = [];
  for (let n = 0; n < CARTS; n++)
    carts.push((await call(server, '/v1/carts', { method: 'POST', body: {}, key: server.publishableKey })).json.id);
  const body = JSON.stringify({ variant_id: variantId, quantity: 1 });
  const sample = await call(server, `/v1/carts/${carts[0]}/items`, {
    method: 'POST',
    body: JSON.parse(body),
    key: server.publishableKey,
  });
  const file = join(tmp, 'cart.json');
  writeFileSync(file, JSON.stringify(sample.json));
  const bare = await startChild('bench/support/bare-express-post.mjs', [file]);
  try {
    const baseline = await postLoad(
      carts.map((id) => `${bare.url}/v1/carts/${id}/items`),
      body,
      {},
    );
    const ours = await postLoad(
      carts.map((id) => `${server.url}/v1/carts/${id}/items`),
      body,
      { authorization: `Bearer ${server.publishableKey}` },
    );
    return { baseline, ours, ratio: ours.requestsPerSecond / baseline.requestsPerSecond };
  } finally {
    await bare.stop();
  }
}

/** Runs the section on each database available (PostgreSQL + Redis when installed, else PGlite). */
export async function cartsSection({ log, targets }) {
  const rows = [];
  const tmp = mkdtempSync(join(tmpdir(), 'shoptag-bench-carts-'));
  try {
    for (const target of targets) {
      log(`carts and holds on ${target.label}`);
      const server = await startChild('bench/support/serve.mjs', [], {
        ...target.env,
        SHOPTAG_DATA_DIR: tmp,
        SHOPTAG_MAX_LINE_QUANTITY: '9999',
      });
      try {
        const products = (await call(server, '/v1/products?limit=1', { key: server.publishableKey })).json;
        const variantId = products.data[0].variants[0].id;
        const hold = await holds(server, variantId);
        if (!hold.correct) throw new Error(`holds oversold or undersold: ${JSON.stringify(hold)}`);
        rows.push({
          target: target.label,
          holds: { id: `carts.holds.${target.slug}`, ...hold },
          addToCart: { id: `carts.add-to-cart.${target.slug}`, ...(await addToCart(server, variantId, tmp)) },
        });
      } finally {
        await server.stop();
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return rows;
}
