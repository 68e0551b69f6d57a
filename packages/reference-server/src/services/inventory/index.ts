// The inventory domain: stock levels, reservations (holds) and the sweeper that releases lapsed
// holds. Other domains import it only through this file.
export {
  createInventoryService,
  type InventoryService,
  type InventoryServiceDeps,
  type StockChange,
} from './inventory-service.js';
export type { StockActor } from '../../store/inventory-repository.js';
export {
  createReservationService,
  type Hold,
  type HoldItem,
  type SoldItem,
  type ReservationService,
  type ReservationServiceDeps,
} from './reservations.js';
export { lineStock, variantAvailability } from './stock-policy.js';
export { DEFAULT_SWEEP_INTERVAL_MS, startHoldSweeper, type HoldSweeper } from './hold-sweeper.js';
