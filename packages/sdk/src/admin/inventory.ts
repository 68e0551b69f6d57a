import type {
  InventoryAdjust,
  InventoryHistoryQuery,
  InventoryLevel,
  InventoryLevelList,
  InventoryMovementList,
  InventorySet,
  LowStockQuery,
} from '../contract/index.js';
import type { RequestOptions, Transport } from '../request.js';

/** Stock as the console manages it: `admin.inventory`. */
export interface AdminInventoryResource {
  /** A variant's units on hand, reserved and available. */
  get(variantId: string, options?: RequestOptions): Promise<InventoryLevel>;
  /** Sets units on hand (a count), with an optional reason and note for the history. */
  set(variantId: string, body: InventorySet, options?: RequestOptions): Promise<InventoryLevel>;
  /** Adds (or, negative, takes away) units on hand, with an optional reason and note. */
  adjust(variantId: string, body: InventoryAdjust, options?: RequestOptions): Promise<InventoryLevel>;
  /** The variant's stock changes, newest first. */
  history(variantId: string, query?: InventoryHistoryQuery, options?: RequestOptions): Promise<InventoryMovementList>;
  /** Variants of active products with at most `threshold` available, lowest first. */
  lowStock(query?: LowStockQuery, options?: RequestOptions): Promise<InventoryLevelList>;
}

const path = (variantId: string) => `/admin/inventory/${encodeURIComponent(variantId)}`;

export function createAdminInventoryResource(send: Transport): AdminInventoryResource {
  return {
    get: (variantId, options = {}) => send<InventoryLevel>({ method: 'GET', path: path(variantId), ...options }),
    set: (variantId, body, options = {}) =>
      send<InventoryLevel>({ method: 'PUT', path: path(variantId), body, ...options }),
    adjust: (variantId, body, options = {}) =>
      send<InventoryLevel>({ method: 'POST', path: `${path(variantId)}/adjust`, body, ...options }),
    history: (variantId, query = {}, options = {}) =>
      send<InventoryMovementList>({ method: 'GET', path: `${path(variantId)}/history`, query, ...options }),
    lowStock: (query = {}, options = {}) =>
      send<InventoryLevelList>({ method: 'GET', path: '/admin/inventory/low-stock', query, ...options }),
  };
}
