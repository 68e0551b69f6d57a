import type { AddressInput } from '@shoptag/sdk/contract';

/** A valid US shipping address. */
export const ADDRESS: AddressInput = {
  name: 'Ada Lovelace',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postal_code: '94105',
  country: 'US',
  phone: '+1 415 555 0100',
};
