import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAddress, type Address } from '@shoptag/sdk';

const address = (fields: Partial<Address> & Pick<Address, 'country' | 'city'>): Address => ({
  name: 'Ada Lovelace',
  line1: '1 Main St',
  ...fields,
});

test('a US address ends with "City, ST ZIP" and the country in the locale', () => {
  const us = address({ country: 'US', city: 'Springfield', region: 'IL', postal_code: '62701', line2: 'Apt 4' });
  assert.deepEqual(formatAddress(us, { locale: 'en-US' }), [
    'Ada Lovelace',
    '1 Main St',
    'Apt 4',
    'Springfield, IL 62701',
    'United States',
  ]);
  assert.equal(formatAddress(us, { locale: 'de' }).at(-1), 'Vereinigte Staaten');
});

test("the country line is left out for an address in the shop's own country", () => {
  const us = address({ country: 'US', city: 'Springfield', region: 'IL', postal_code: '62701' });
  assert.deepEqual(formatAddress(us, { locale: 'en', shopCountry: 'US' }), [
    'Ada Lovelace',
    '1 Main St',
    'Springfield, IL 62701',
  ]);
});

test('Canada writes the province after a comma, Australia without one', () => {
  const ca = address({ country: 'CA', city: 'Ottawa', region: 'ON', postal_code: 'K1M 1M4' });
  assert.equal(formatAddress(ca, { locale: 'en' })[2], 'Ottawa, ON K1M 1M4');
  const au = address({ country: 'AU', city: 'Sydney', region: 'NSW', postal_code: '2000' });
  assert.deepEqual(formatAddress(au, { locale: 'en' }).slice(2), ['Sydney NSW 2000', 'Australia']);
});

test('a UK address has the town, then the postcode on its own line', () => {
  const gb = address({ country: 'GB', city: 'London', postal_code: 'SW1A 2AA', company: 'HM Treasury' });
  assert.deepEqual(formatAddress(gb, { locale: 'en-GB' }), [
    'Ada Lovelace',
    'HM Treasury',
    '1 Main St',
    'London',
    'SW1A 2AA',
    'United Kingdom',
  ]);
});

test('German and French addresses put the postal code before the city', () => {
  const de = address({ country: 'DE', city: 'Berlin', postal_code: '10115', line1: 'Unter den Linden 1' });
  assert.deepEqual(formatAddress(de, { locale: 'de' }), [
    'Ada Lovelace',
    'Unter den Linden 1',
    '10115 Berlin',
    'Deutschland',
  ]);
  const fr = address({ country: 'FR', city: 'Paris', postal_code: '75001' });
  assert.deepEqual(formatAddress(fr, { locale: 'fr', shopCountry: 'FR' }).at(-1), '75001 Paris');
});

test('in Japanese a Japanese address runs from big to small: postcode, prefecture and city, street, name', () => {
  const jp = address({ country: 'JP', city: '千代田区', region: '13', postal_code: '100-0001', line1: '千代田1-1' });
  assert.deepEqual(formatAddress(jp, { locale: 'ja-JP', shopCountry: 'JP' }), [
    '〒100-0001',
    '東京都千代田区',
    '千代田1-1',
    'Ada Lovelace',
  ]);
  assert.equal(formatAddress({ ...jp, region: '27' }, { locale: 'ja' })[2], '大阪府千代田区');
  assert.equal(formatAddress({ ...jp, region: '01' }, { locale: 'ja' })[2], '北海道千代田区');
  assert.equal(formatAddress({ ...jp, region: '14' }, { locale: 'ja' })[0], '日本');
  assert.equal(formatAddress({ ...jp, region: '14' }, { locale: 'ja' })[2], '神奈川県千代田区');
});

test('in other languages a Japanese address is romanized small to big with the prefecture by name', () => {
  const jp = address({
    country: 'JP',
    city: 'Chiyoda-ku',
    region: '13',
    postal_code: '100-0001',
    line1: '1-1 Chiyoda',
  });
  assert.deepEqual(formatAddress(jp, { locale: 'en' }), [
    'Ada Lovelace',
    '1-1 Chiyoda',
    'Chiyoda-ku, Tokyo 100-0001',
    'Japan',
  ]);
});

test('elsewhere the postal code comes before the city and the region follows on its own line', () => {
  const ch = address({ country: 'CH', city: 'Zürich', postal_code: '8001' });
  assert.deepEqual(formatAddress(ch, { locale: 'en' }), ['Ada Lovelace', '1 Main St', '8001 Zürich', 'Switzerland']);
  const ie = address({ country: 'IE', city: 'Dublin', region: 'D' });
  assert.deepEqual(formatAddress(ie, { locale: 'en' }).slice(2), ['Dublin', 'D', 'Ireland']);
});

test('the country is named in each of the six storefront languages', () => {
  const de = address({ country: 'DE', city: 'Berlin', postal_code: '10115' });
  const names = ['en', 'de', 'fr', 'es', 'ja', 'ar'].map((locale) => formatAddress(de, { locale }).at(-1));
  assert.deepEqual(names, ['Germany', 'Deutschland', 'Allemagne', 'Alemania', 'ドイツ', 'ألمانيا']);
});
