// Bytes on the wire: what the reference server sends for the pages and scripts people load, under
// each content coding a client may ask for — measured from a running server (demo catalogue,
// PGlite), the bodies counted as they arrive, before any decoding.
import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { startChild } from './processes.mjs';

/** The codings measured, each as the only one the client accepts. */
export const CODINGS = ['identity', 'gzip', 'br'];
const CDN_DIR = 'packages/elements/dist/cdn';
const CHROMIUM_ARGS = ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'];

/** One GET with `Accept-Encoding: coding`: the bytes of the body as sent, and the coding the server chose. */
export function wireGet(url, coding, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { ...headers, 'accept-encoding': coding } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${url} answered ${res.statusCode}`));
        resolve({ bytes: Buffer.concat(chunks), encoding: res.headers['content-encoding'] ?? 'identity' });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sums the wire bytes of `paths` under each coding; `encoded` counts the files the server compressed. */
async function measure(base, paths, headers = {}) {
  const row = { files: paths.length };
  for (const coding of CODINGS) {
    let total = 0;
    let encoded = 0;
    for (const path of paths) {
      const { bytes, encoding } = await wireGet(base + path, coding, headers);
      total += bytes.length;
      if (encoding !== 'identity') encoded++;
      if (encoding !== 'identity' && encoding !== coding)
        throw new Error(`GET ${path} with Accept-Encoding: ${coding} answered ${encoding}`);
    }
    row[coding] = total;
    if (coding !== 'identity') row[`${coding}Files`] = encoded;
  }
  return row;
}

/** The same-origin scripts Chromium loads for the demo home page (the loader and the chunks its tags need). */
async function homePageScripts(url) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    const scripts = new Set();
    page.on('request', (req) => {
      if (req.resourceType() === 'script' && req.url().startsWith(url)) scripts.add(new URL(req.url()).pathname);
    });
    await page.goto(`${url}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('shop-product-grid', { timeout: 30_000 });
    return [...scripts].sort();
  } finally {
    await browser.close();
  }
}

/** The largest language chunk, as `wire.cdn-locale`: what a page in another language adds. */
async function largestLocale(url, locales) {
  let largest = null;
  for (const path of locales) {
    const row = {
      id: 'wire.cdn-locale',
      name: `largest language chunk (${path.match(/locale-([a-z]+)/)[1]}; ${locales.length} languages besides English)`,
      ...(await measure(url, [path])),
    };
    if (!largest || row.gzip > largest.gzip) largest = row;
  }
  return largest ? [largest] : [];
}

export async function wireSection({ log }) {
  const tmp = mkdtempSync(join(tmpdir(), 'shoptag-bench-wire-'));
  const server = await startChild('bench/support/serve.mjs', [], { SHOPTAG_DATA_DIR: tmp });
  try {
    const auth = { authorization: `Bearer ${server.publishableKey}` };
    const all = readdirSync(join(CDN_DIR, 'chunks'))
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => `/chunks/${name}`);
    // A page speaks one language: the others' chunks are never loaded by it.
    const isLocale = (path) => /\/locale-[a-z]+-/.test(path);
    const chunks = all.filter((path) => !isLocale(path));
    const locales = all.filter(isLocale);
    log('wire: home page scripts (Chromium)');
    const home = await homePageScripts(server.url);
    log(`wire: ${home.length} scripts on the home page; measuring each under ${CODINGS.join(', ')}`);
    return [
      {
        id: 'wire.products-24',
        name: 'GET /v1/products?limit=24 (JSON, response cache)',
        ...(await measure(server.url, ['/v1/products?limit=24'], auth)),
      },
      { id: 'wire.home-js', name: `home page JS (${home.length} scripts)`, ...(await measure(server.url, home)) },
      {
        id: 'wire.cdn-entry',
        name: '/shoptag.js (CDN entry: loader)',
        ...(await measure(server.url, ['/shoptag.js'])),
      },
      {
        id: 'wire.cdn-all',
        name: `/shoptag.js + every element's chunk (${chunks.length + 1} files; English is built in)`,
        ...(await measure(server.url, ['/shoptag.js', ...chunks])),
      },
      ...(await largestLocale(server.url, locales)),
      { id: 'wire.openapi', name: 'GET /v1/openapi.json', ...(await measure(server.url, ['/v1/openapi.json'])) },
    ];
  } finally {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}
