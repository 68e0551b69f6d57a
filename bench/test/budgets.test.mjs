import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBudgets, formatResult, indexFigures } from '../support/budgets.mjs';

const report = {
  date: '2026-01-01T00:00:00.000Z',
  sizes: [
    { id: 'sizes.cdn-entry', name: 'shoptag.js (CDN entry: loader)', raw: 1700, gzip: 780 },
    { id: 'sizes.cdn-all', name: 'shoptag.js + every chunk (17 files)', raw: 170000, gzip: 64000 },
  ],
  catalog: [{ id: 'catalog.cached.pglite', name: 'GET /v1/products?limit=24, from cache — PGlite', ratio: 1.1 }],
  carts: [
    {
      target: 'PGlite',
      holds: { id: 'carts.holds.pglite', attempts: 500 },
      addToCart: { id: 'carts.add-to-cart.pglite', ratio: 0.5 },
    },
  ],
};

const statuses = (budgets, from = report) => checkBudgets(budgets, from).results.map((r) => [r.id, r.status]);

test('a budget within its limit passes, and the check counts no failure', () => {
  const { results, failed } = checkBudgets(
    { gzipBytes: { 'sizes.cdn-entry': 2048 }, minRatio: { 'catalog.cached.pglite': 0.9 } },
    report,
  );
  assert.deepEqual(
    results.map((r) => r.status),
    ['ok', 'ok'],
  );
  assert.equal(failed, 0);
});

test('a budget matches only the figure with exactly its id, never one its id begins', () => {
  assert.deepEqual(statuses({ gzipBytes: { 'sizes.cdn': 100_000, 'shoptag.js (CDN entry': 100_000 } }), [
    ['sizes.cdn', 'missing'],
    ['shoptag.js (CDN entry', 'missing'],
  ]);
});

test('a budgeted figure that was never measured fails the check', () => {
  const { results, failed } = checkBudgets({ minRatio: { 'catalog.cached.postgres': 0.9 } }, report);
  assert.equal(failed, 1);
  assert.equal(results[0].status, 'missing');
  assert.match(formatResult(results[0]), /catalog\.cached\.postgres: not measured/);
});

test('a size over its ceiling fails, and one exactly at it passes', () => {
  assert.deepEqual(statuses({ gzipBytes: { 'sizes.cdn-entry': 779, 'sizes.cdn-all': 64000 } }), [
    ['sizes.cdn-entry', 'over'],
    ['sizes.cdn-all', 'ok'],
  ]);
});

test('a ratio under its floor fails, and one exactly at it passes', () => {
  assert.deepEqual(statuses({ minRatio: { 'carts.add-to-cart.pglite': 0.6, 'catalog.cached.pglite': 1.1 } }), [
    ['carts.add-to-cart.pglite', 'over'],
    ['catalog.cached.pglite', 'ok'],
  ]);
});

test('a time over its ceiling in seconds fails, and one exactly at it passes', () => {
  const timed = {
    start: [
      { id: 'start.to-ready', seconds: 60 },
      { id: 'start.npm-ci', seconds: 61.5 },
    ],
  };
  assert.deepEqual(statuses({ maxSeconds: { 'start.to-ready': 60, 'start.npm-ci': 60 } }, timed), [
    ['start.to-ready', 'ok'],
    ['start.npm-ci', 'over'],
  ]);
});

test('a figure without the budgeted field counts as missing, not as passing', () => {
  assert.deepEqual(statuses({ minRatio: { 'carts.holds.pglite': 0.5, 'sizes.cdn-entry': 0.5 } }), [
    ['carts.holds.pglite', 'missing'],
    ['sizes.cdn-entry', 'missing'],
  ]);
  const broken = { sizes: [{ id: 'sizes.cdn-entry', gzip: null }] };
  assert.deepEqual(statuses({ gzipBytes: { 'sizes.cdn-entry': 2048 } }, broken), [['sizes.cdn-entry', 'missing']]);
});

test('a budget of an unknown kind fails rather than being ignored', () => {
  const { results, failed } = checkBudgets({ brotliBytes: { 'sizes.cdn-entry': 2048 } }, report);
  assert.equal(failed, 1);
  assert.equal(results[0].status, 'unknown-kind');
  assert.match(results[0].message, /known: gzipBytes, minRatio/);
});

test('figures nested inside a row are found by their id', () => {
  assert.deepEqual([...indexFigures(report).keys()].sort(), [
    'carts.add-to-cart.pglite',
    'carts.holds.pglite',
    'catalog.cached.pglite',
    'sizes.cdn-all',
    'sizes.cdn-entry',
  ]);
});

test('two figures with the same id make the report unusable', () => {
  const twice = { sizes: [{ id: 'sizes.cdn-entry', gzip: 1 }], catalog: [{ id: 'sizes.cdn-entry', ratio: 1 }] };
  assert.throws(
    () => checkBudgets({ gzipBytes: { 'sizes.cdn-entry': 2048 } }, twice),
    /two figures in the report have the id "sizes.cdn-entry"/,
  );
});
