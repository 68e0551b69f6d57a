export {
  isPurchasable,
  findVariant,
  initialSelection,
  optionValueState,
  nearestAvailable,
  changedOptions,
} from './variant-selection.js';
export type { OptionSelection, OptionValueState } from './variant-selection.js';
export { clothingSizeRank, compareOptionValues } from './option-value-order.js';
