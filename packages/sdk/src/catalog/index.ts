export {
  isPurchasable,
  findVariant,
  initialSelection,
  optionValueState,
  nearestAvailable,
  changedOptions,
  stockOf,
  purchasableQuantity,
  backorderedUnits,
  showsStockCount,
} from './variant-selection.js';
export type { OptionSelection, OptionValueState, StockInfo } from './variant-selection.js';
export { clothingSizeRank, compareOptionValues } from './option-value-order.js';
