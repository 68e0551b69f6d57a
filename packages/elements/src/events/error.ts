export interface ShopErrorDetail {
  /** A `ShopError` from the SDK (check `type`, `code`, `requestId`), or what else was thrown. */
  error: unknown;
}

/** Fired by an element when loading its data failed; the element shows its error state too. */
export class ShopErrorEvent extends CustomEvent<ShopErrorDetail> {
  constructor(detail: ShopErrorDetail) {
    super('shop-error', { bubbles: true, composed: true, cancelable: false, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'shop-error': ShopErrorEvent;
  }
}
