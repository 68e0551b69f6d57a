// Test support, not a test: named *.test.ts so the builds and the manifest skip it; the runner's
// file list excludes this folder.
import { createShopClient, type Product, type ShopClient } from '@shoptag/sdk';
import { executeServerCommand } from '@web/test-runner-commands';

declare global {
  interface Window {
    /**
     * The real reference servers the runner started (see web-test-runner.config.mjs): one with
     * simulated payments, and one (`stripe`) taking payments through Stripe, whose API is a local
     * stand-in at `api`.
     */
    __SHOPTAG_TEST__: {
      endpoint: string;
      publishableKey: string;
      /** The same server through a link a test can cut and restore: see `cutShopLink`. */
      linkEndpoint: string;
      stripe: { endpoint: string; publishableKey: string; api: string };
    };
  }
}

/** Coordinates of the reference server the test runner started. */
export const testShop = window.__SHOPTAG_TEST__;

/** An admin API call with the test shop's secret key, made by the runner in Node (never from the page). */
export async function adminRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const answer = (await executeServerCommand('admin-call', { method, path, body })) as { status: number; body: T };
  if (answer.status !== 200) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

let client: ShopClient | undefined;

/** An SDK client for the test server, to find fixtures the assertions need (never a mock). */
export function testClient(): ShopClient {
  client ??= createShopClient({ endpoint: testShop.endpoint, publishableKey: testShop.publishableKey });
  return client;
}

/** A product of the seeded catalog (of the test server, or `client`'s) that satisfies `match`, among the first page's at random. */
export async function findProduct(match: (p: Product) => boolean, client: ShopClient = testClient()): Promise<Product> {
  // Any of the first page's matches, at random: every test file shares one server, and tests that
  // buy would otherwise all buy the first match until it sells out.
  const matches: Product[] = [];
  for await (const product of client.products.iterate({ limit: 100 })) {
    if (match(product)) matches.push(product);
    if (matches.length >= 40) break;
  }
  const chosen = matches[Math.floor(Math.random() * matches.length)];
  if (!chosen) throw new Error('no seeded product matches');
  // Called last on the one returned, so a matcher that notes what it found describes this product.
  match(chosen);
  return chosen;
}

/** Resolves with the next event of `type` on `target`. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(type, (e) => resolve(e as GlobalEventHandlersEventMap[K]), { once: true }),
  );
}

/** Captures console.warn calls while `fn` runs and until its promise settles. */
export async function captureWarnings(fn: () => Promise<void>): Promise<string[]> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return warnings;
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

/**
 * Cuts the link at `testShop.linkEndpoint` (connections refused, open ones dropped: a real outage
 * between page and shop) until `restoreShopLink()`.
 */
export async function cutShopLink(): Promise<void> {
  await executeServerCommand('shop-link', { up: false });
}

/** Restores the link cut by `cutShopLink()`. */
export async function restoreShopLink(): Promise<void> {
  await executeServerCommand('shop-link', { up: true });
}
