// Shared by the end-to-end tests: Chromium from the system, and the reference server from its
// built dist (what ships; `--conditions=shoptag-source` would otherwise pick the TypeScript sources).
import { chromium, type Browser, type Page } from 'playwright';
import type * as ReferenceServer from '@shoptag/reference-server';
import type { StartedDemoServer, StartServerOptions } from '@shoptag/reference-server';

const serverDist = new URL('../../../packages/reference-server/dist/index.js', import.meta.url).href;

/** Starts the built reference server in demo mode: in memory, seeded, any origin allowed. */
export async function startDemoServer(options: StartServerOptions = {}): Promise<StartedDemoServer> {
  const { startServer } = (await import(serverDist)) as typeof ReferenceServer;
  return startServer({ port: 0, memory: true, allowedOrigins: ['*'], quiet: true, ...options, demo: true });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Collects everything a page reports as wrong: uncaught errors, console errors, failed requests. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  // net::ERR_ABORTED is the browser cancelling on purpose: the page navigated away while a request
  // was in flight (a shopper clicking on before the facets have counted), or an element aborted
  // a superseded request through its AbortSignal. Server and network failures have other codes.
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} ${reason}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** The money amounts shown on the product cards, in order (the current price of each). */
export async function cardPrices(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const grid = document.querySelector('shop-product-grid') as
      (Element & { products: { price: { amount: number } }[] }) | null;
    return grid ? grid.products.map((p) => p.price.amount) : [];
  });
}

/** GETs a path of the server's admin API with its secret key; answers the JSON body. */
export async function adminGet<T = Record<string, unknown>>(server: StartedDemoServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.secretKey}` } });
  return (await response.json()) as T;
}
