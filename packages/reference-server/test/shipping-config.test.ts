// Operators configure shipping zones in a JSON file named by SHOPTAG_SHIPPING_CONFIG: a good file
// becomes the zones checkout and the cart estimate use; a bad one stops startup with a message
// naming the variable, the file and the field.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { ConfigError, loadConfig } from '../src/index.js';
import { defaultShippingZones } from '../src/services/pricing/index.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../../examples/shipping/shipping.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'shoptag-shipping-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const method = {
  id: 'standard',
  name: 'Standard',
  carrier: 'DHL',
  estimated_days: { min: 2, max: 4 },
  rate: { type: 'flat', amount: '4.99' },
  free_over: '50',
};
let files = 0;
function file(content: unknown): string {
  const path = join(dir, `shipping-${++files}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
function problemWith(content: unknown, env: Record<string, string> = {}): string {
  try {
    loadConfig({ SHOPTAG_SHIPPING_CONFIG: file(content), ...env });
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    assert.equal(error.variable, 'SHOPTAG_SHIPPING_CONFIG');
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

test('without a shipping file the built-in zones are used', () => {
  const { pricing } = loadConfig({}).commerce;
  assert.deepEqual(pricing.zones, defaultShippingZones({ shipping: { flatRate: 500, freeOver: 5000 } }));
});

test('the example file gives flat, weight-based and free-over methods with carrier and delivery days', () => {
  const { zones } = loadConfig({ SHOPTAG_SHIPPING_CONFIG: EXAMPLE }).commerce.pricing;
  assert.deepEqual(
    zones.map((z) => [z.id, z.countries]),
    [
      ['domestic', ['US']],
      ['europe', ['DE', 'FR', 'GB', 'NL']],
      ['world', '*'],
    ],
  );
  assert.deepEqual(zones[0]!.methods, [
    {
      id: 'ground',
      name: 'Ground',
      carrier: 'USPS',
      estimatedDays: { min: 3, max: 5 },
      rate: { type: 'flat', amount: 499 },
      freeOver: 5000,
    },
    {
      id: 'express',
      name: 'Express',
      carrier: 'UPS',
      estimatedDays: { min: 1, max: 2 },
      rate: { type: 'weight', base: 1200, perKg: 150 },
      freeOver: null,
    },
  ]);
});

test('amounts are read in major units of the shop currency, as strings or JSON numbers', () => {
  const path = file({
    zones: [
      { id: 'jp', countries: ['JP'], methods: [{ ...method, rate: { type: 'flat', amount: 600 }, free_over: '5000' }] },
    ],
  });
  const [zone] = loadConfig({ SHOPTAG_SHIPPING_CONFIG: path, SHOPTAG_CURRENCY: 'JPY' }).commerce.pricing.zones;
  assert.deepEqual([zone!.methods[0]!.rate, zone!.methods[0]!.freeOver], [{ type: 'flat', amount: 600 }, 5000]);
});

test('a relative path is read from the working directory', () => {
  const path = file({ zones: [{ id: 'all', countries: '*', methods: [method] }] });
  const zones = loadConfig({ SHOPTAG_SHIPPING_CONFIG: path.slice(dir.length + 1) }, dir).commerce.pricing.zones;
  assert.equal(zones[0]!.id, 'all');
});

test('a bad file is refused with the variable, the file and the field at fault', () => {
  const zone = (m: unknown, extra: object = {}) => ({ zones: [{ id: 'all', countries: '*', methods: [m], ...extra }] });
  assert.match(problemWith('{ "zones": ['), /SHOPTAG_SHIPPING_CONFIG .*shipping-\d+\.json is not valid JSON/);
  assert.match(problemWith({ zones: [] }), /SHOPTAG_SHIPPING_CONFIG .*: zones /);
  assert.match(problemWith(zone({ ...method, rate: { type: 'flat' } })), /: zones\[0\]\.methods\[0\]\.rate\.amount /);
  assert.match(
    problemWith(zone({ ...method, rate: { type: 'percent', amount: '1' } })),
    /: zones\[0\]\.methods\[0\]\.rate\.type /,
  );
  assert.match(
    problemWith(zone({ ...method, rate: { type: 'flat', amount: '-1' } })),
    /: zones\[0\]\.methods\[0\]\.rate\.amount "-1" is not an amount like 4\.99/,
  );
  assert.match(
    problemWith(zone({ ...method, rate: { type: 'weight', base: '1', per_kg: '0.125' } })),
    /: zones\[0\]\.methods\[0\]\.rate\.per_kg .*more than 2 decimal places/,
  );
  assert.match(
    problemWith(zone({ ...method, estimated_days: { min: 5, max: 2 } })),
    /: zones\[0\]\.methods\[0\]\.estimated_days min must not be above max/,
  );
  assert.match(problemWith(zone({ ...method, speed: 'fast' })), /: zones\[0\]\.methods\[0\] .*speed/);
  assert.match(
    problemWith({ zones: [{ id: 'us', countries: ['us'], methods: [method] }] }),
    /: zones\[0\]\.countries\[0\] must be a two-letter/,
  );
  assert.match(
    problemWith({
      zones: [
        { id: 'a', countries: ['US'], methods: [method] },
        { id: 'b', countries: ['US'], methods: [method] },
      ],
    }),
    /: zones\[1\]\.countries\[0\] US is in zone "a" already/,
  );
  assert.match(
    problemWith({
      zones: [
        { id: 'a', countries: '*', methods: [method] },
        { id: 'b', countries: '*', methods: [method] },
      ],
    }),
    /: zones\[1\]\.countries is "\*" in zone "a" already/,
  );
  assert.match(
    problemWith(zone(method, { methods: [method, method] })),
    /: zones\[0\]\.methods\[1\]\.id repeats the method id "standard"/,
  );
  assert.throws(
    () => loadConfig({ SHOPTAG_SHIPPING_CONFIG: join(dir, 'missing.json') }),
    /SHOPTAG_SHIPPING_CONFIG cannot read .*missing\.json \(ENOENT\)/,
  );
});

test('the CLI refuses a bad shipping file with exit code 78 and one line naming the field', () => {
  const run = spawnSync(process.execPath, ['--conditions=shoptag-source', '--import', 'tsx', CLI, 'start'], {
    env: {
      ...process.env,
      SHOPTAG_SHIPPING_CONFIG: file({ zones: [{ id: 'all', countries: '*', methods: [{ ...method, name: '' }] }] }),
    },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(run.status, 78);
  assert.match(
    run.stderr.trim(),
    /^Invalid configuration: SHOPTAG_SHIPPING_CONFIG .*: zones\[0\]\.methods\[0\]\.name .*$/,
  );
  assert.equal(run.stdout, '');
});

test('a hold TTL can be given in seconds, but not in minutes and seconds at once', () => {
  assert.equal(loadConfig({ SHOPTAG_HOLD_TTL_SECONDS: '5' }).commerce.holdTtlMs, 5_000);
  assert.equal(loadConfig({ SHOPTAG_HOLD_TTL_MINUTES: '2' }).commerce.holdTtlMs, 120_000);
  assert.throws(
    () => loadConfig({ SHOPTAG_HOLD_TTL_SECONDS: '0' }),
    (e: unknown) =>
      e instanceof ConfigError &&
      /SHOPTAG_HOLD_TTL_SECONDS must be a whole number of seconds 1–604800 \(got "0"\)/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ SHOPTAG_HOLD_TTL_SECONDS: '30s' }),
    (e: unknown) => e instanceof ConfigError && e.variable === 'SHOPTAG_HOLD_TTL_SECONDS',
  );
  assert.throws(
    () => loadConfig({ SHOPTAG_HOLD_TTL_SECONDS: '30', SHOPTAG_HOLD_TTL_MINUTES: '1' }),
    (e: unknown) =>
      e instanceof ConfigError && /SHOPTAG_HOLD_TTL_SECONDS and SHOPTAG_HOLD_TTL_MINUTES are both set/.test(e.message),
  );
});
