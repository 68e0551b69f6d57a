// The checkout section of `npm run bench`: completions per second (POST …/complete with the
// simulated provider: stock hold kept, payment authorized, order transaction, capture) on real
// PostgreSQL, as a ratio to a bare Express endpoint that parses the same body and answers the
// same order JSON, driven by the same client in the same run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAD } from './load.mjs';
import { startChild } from './processes.mjs';

const SESSIONS = Number(process.env.BENCH_CHECKOUT_SESSIONS ?? 400);
/** Variants the spread run buys, one per product. */
const SPREAD = 24;
const ADDRESS = {
  name: 'Bench Buyer',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postal_code: '94105',
  country: 'US',
};

async function call(url, key, path, { method = 'GET', body } = {}) {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

/** Sends one POST per path with `connections` in flight; answers completions/s and latency percentiles. */
async function drive(base, paths, key) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: LOAD.connections }, async () => {
      while (next < paths.length) {
        const path = paths[next++];
        const t = performance.now();
        const res = await fetch(base + path, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: '{"payment_method":"pm_card_visa"}',
        });
        await res.arrayBuffer();
        if (res.status !== 200) failures++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p) => Number(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1));
  return {
    requests: paths.length,
    failures,
    seconds: Number(seconds.toFixed(3)),
    requestsPerSecond: Math.round(paths.length / seconds),
    latencyMs: { p50: at(0.5), p99: at(0.99) },
  };
}

export async function checkoutSection({ log, target }) {
  const tmp = mkdtempSync(join(tmpdir(), 'shoptag-bench-checkout-'));
  log(`checkout completions on ${target.label}`);
  const server = await startChild('bench/support/serve.mjs', [], { ...target.env, SHOPTAG_DATA_DIR: tmp });
  try {
    const products = (await call(server.url, server.publishableKey, `/v1/products?limit=${SPREAD}&in_stock=true`)).json;
    const variantIds = products.data.map((p) => p.variants[0].id);
    for (const id of variantIds)
      await call(server.url, server.secretKey, `/v1/admin/inventory/${id}`, {
        method: 'PUT',
        body: { on_hand: 1_000_000 },
      });
    /** Ready sessions (cart, session, email, address, method), the n-th buying `pick(n)`. */
    const prepare = async (count, pick) => {
      const sessions = [];
      for (let n = 0; n < count; n++) {
        const cart = (
          await call(server.url, server.publishableKey, '/v1/carts', {
            method: 'POST',
            body: { items: [{ variant_id: pick(n), quantity: 1 }] },
          })
        ).json;
        const session = (
          await call(server.url, server.publishableKey, '/v1/checkout-sessions', {
            method: 'POST',
            body: { cart_id: cart.id },
          })
        ).json;
        await call(server.url, server.publishableKey, `/v1/checkout-sessions/${session.id}`, {
          method: 'PATCH',
          body: { email: `buyer${n}@example.com`, shipping_address: ADDRESS, shipping_method_id: 'standard' },
        });
        sessions.push(session.id);
      }
      return sessions.map((id) => `/v1/checkout-sessions/${id}/complete`);
    };
    const hot = await prepare(SESSIONS + 1, () => variantIds[0]);
    const spread = await prepare(SESSIONS, (n) => variantIds[n % variantIds.length]);
    // One completion outside the measurement gives the order JSON the baseline answers.
    const sample = await call(server.url, server.publishableKey, hot.pop(), {
      method: 'POST',
      body: { payment_method: 'pm_card_visa' },
    });
    if (sample.status !== 200) throw new Error(`complete answered ${sample.status}: ${JSON.stringify(sample.json)}`);
    const file = join(tmp, 'order.json');
    writeFileSync(file, JSON.stringify(sample.json));
    const bare = await startChild('bench/support/bare-express-complete.mjs', [file]);
    try {
      const baseline = await drive(bare.url, hot, 'none');
      const rows = [];
      for (const [what, stock, paths] of [
        ['one-variant', 'one variant: every order locks the same stock row', hot],
        ['spread', `${variantIds.length} variants, orders spread evenly`, spread],
      ]) {
        const ours = await drive(server.url, paths, server.publishableKey);
        if (ours.failures > 0) throw new Error(`${ours.failures} completions failed under load`);
        rows.push({
          id: `checkout.${what}.${target.slug}`,
          target: target.label,
          stock,
          sessions: paths.length,
          baseline,
          ours,
          ratio: ours.requestsPerSecond / baseline.requestsPerSecond,
        });
      }
      const orders = (await call(server.url, server.secretKey, `/v1/admin/orders?limit=100`)).json;
      if (orders.data.length === 0) throw new Error('no orders were placed');
      return rows;
    } finally {
      await bare.stop();
    }
  } finally {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
