import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Address, CheckoutSessionUpdate, type AddressInput } from '@shoptag/sdk/contract';

const valid: Record<string, AddressInput> = {
  US: {
    name: 'Ada Lovelace',
    line1: '1 Market St',
    city: 'San Francisco',
    region: 'ca',
    postal_code: '94105-1234',
    country: 'US',
    phone: '(415) 555-0100',
  },
  CA: {
    name: 'Ada',
    line1: '24 Sussex Dr',
    city: 'Ottawa',
    region: 'ON',
    postal_code: 'k1m 1m4',
    country: 'CA',
    phone: '+1 613 555 0100',
  },
  GB: {
    name: 'Ada',
    line1: '10 Downing St',
    city: 'London',
    postal_code: 'SW1A 2AA',
    country: 'GB',
    phone: '020 7946 0958',
  },
  DE: {
    name: 'Ada',
    line1: 'Unter den Linden 1',
    city: 'Berlin',
    postal_code: '10117',
    country: 'DE',
    phone: '+49 30 901820',
  },
  FR: {
    name: 'Ada',
    line1: '1 Rue de Rivoli',
    city: 'Paris',
    postal_code: '75001',
    country: 'FR',
    phone: '01 42 68 53 00',
  },
  JP: {
    name: 'Ada',
    line1: '1-1 Chiyoda',
    city: 'Chiyoda-ku',
    region: '13',
    postal_code: '100-0001',
    country: 'JP',
    phone: '03-1234-5678',
  },
  AU: {
    name: 'Ada',
    line1: '1 Macquarie St',
    city: 'Sydney',
    region: 'NSW',
    postal_code: '2000',
    country: 'AU',
    phone: '+61 2 9374 4000',
  },
};

function fieldErrors(input: unknown): Record<string, string> {
  const result = Address.safeParse(input);
  assert.equal(result.success, false, 'expected a validation failure');
  return Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
}

test('a well-formed address of each supported country is accepted and normalized', () => {
  for (const [country, input] of Object.entries(valid)) {
    const parsed = Address.safeParse(input);
    assert.ok(parsed.success, `${country}: ${JSON.stringify(parsed.error?.issues)}`);
  }
  assert.equal(Address.parse(valid.US).region, 'CA');
  assert.equal(Address.parse(valid.CA).postal_code, 'K1M 1M4');
});

test('a postal code of the wrong shape is an error on postal_code that gives an example', () => {
  const cases: [string, string][] = [
    ['US', '9410'],
    ['CA', '12345'],
    ['GB', '12345'],
    ['DE', '1011'],
    ['FR', '7500A'],
    ['JP', '1000'],
    ['AU', '20000'],
  ];
  for (const [country, postal] of cases) {
    const errors = fieldErrors({ ...valid[country], postal_code: postal });
    assert.deepEqual(Object.keys(errors), ['postal_code'], country);
    assert.match(errors.postal_code!, /e\.g\./);
  }
});

test('a missing postal code is an error where the country has postal codes', () => {
  const { postal_code: _omit, ...rest } = valid.DE!;
  assert.match(fieldErrors(rest).postal_code!, /required for Germany/);
});

test('US, CA, JP and AU require a known region; GB, DE and FR do not', () => {
  for (const country of ['US', 'CA', 'JP', 'AU']) {
    const { region: _omit, ...rest } = valid[country]!;
    assert.match(fieldErrors(rest).region!, /is required/, country);
    assert.match(fieldErrors({ ...valid[country], region: 'ZZ' }).region!, /is not a/, country);
  }
  for (const country of ['GB', 'DE', 'FR'])
    assert.ok(Address.safeParse({ ...valid[country], region: undefined }).success, country);
});

test('a phone number that does not fit the country is an error on phone', () => {
  for (const country of Object.keys(valid)) {
    assert.deepEqual(Object.keys(fieldErrors({ ...valid[country], phone: '12' })), ['phone'], country);
  }
  assert.ok(Address.safeParse({ ...valid.US, phone: undefined }).success, 'phone is optional');
});

test('every problem of an address is reported at once, each on its field', () => {
  const errors = fieldErrors({ name: '', line1: 'x', city: 'y', country: 'US', postal_code: 'abc', phone: '1' });
  assert.deepEqual(Object.keys(errors).sort(), ['name', 'phone', 'postal_code', 'region']);
});

test('a country outside the table accepts any postal code and no region', () => {
  assert.ok(
    Address.safeParse({
      name: 'A',
      line1: 'Bahnhofstrasse 1',
      city: 'Zürich',
      postal_code: '8001',
      country: 'CH',
      phone: '+41 44 668 18 00',
    }).success,
  );
  assert.ok(Address.safeParse({ name: 'A', line1: '1 Road', city: 'Dublin', country: 'IE' }).success);
});

test('an unknown key in an address or a checkout update is refused', () => {
  assert.deepEqual(Object.keys(fieldErrors({ ...valid.US, street: 'x' })), ['']);
  assert.equal(CheckoutSessionUpdate.safeParse({ shipping_address: valid.US, total: 1 }).success, false);
  assert.equal(CheckoutSessionUpdate.safeParse({ email: 'not-an-email' }).success, false);
  assert.ok(
    CheckoutSessionUpdate.safeParse({
      email: 'ada@example.com',
      shipping_address: valid.FR,
      billing_same_as_shipping: true,
      shipping_method_id: 'standard',
    }).success,
  );
});
