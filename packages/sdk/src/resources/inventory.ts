import type { AvailabilityList } from '../contract/inventory.js';
import type { RequestOptions, Transport } from '../request.js';

/** Stock availability: `client.inventory`. */
export interface InventoryResource {
  /** Available units of up to 100 variants; unknown ids are left out of the answer. */
  get(variantIds: readonly string[], options?: RequestOptions): Promise<AvailabilityList>;
}

export function createInventoryResource(send: Transport): InventoryResource {
  return {
    get: (variantIds, options = {}) =>
      send<AvailabilityList>({ method: 'GET', path: '/inventory', query: { variant_ids: variantIds }, ...options }),
  };
}
