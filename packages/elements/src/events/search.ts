import type { Suggestion } from '@shoptag/sdk';

export interface ShopSearchDetail {
  /** What the shopper searched for. */
  q: string;
  /** The chosen suggestion, when the shopper picked one rather than pressing Enter on the text. */
  suggestion: Suggestion | null;
  /** Where the element will navigate unless the event is cancelled; null when it will not. */
  href: string | null;
}

/**
 * Fired by `<shop-search>` when the shopper submits a search or picks a suggestion. Cancel it with
 * `preventDefault()` to show results without navigating (for example in a single-page app).
 */
export class ShopSearchEvent extends CustomEvent<ShopSearchDetail> {
  constructor(detail: ShopSearchDetail) {
    super('shop-search', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-search': ShopSearchEvent;
  }
}
