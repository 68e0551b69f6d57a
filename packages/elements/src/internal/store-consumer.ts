import { ContextEvent as ContextRequestEvent, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pageConfig, storeValueFrom } from './page-config.js';
import { shopStoreContext, type ShopStoreValue } from './store-context.js';
import { warn } from './dev.js';

export type StoreStatus = 'pending' | 'ready' | 'missing';

export interface StoreConsumerOptions {
  /** Warn (W001) when no store can be found; elements that only format money don't need one. */
  required?: boolean;
  /** Called whenever the store value changes, before the host re-renders. */
  onChange?: (value: ShopStoreValue | undefined) => void;
}

const ROOT_FLAG = Symbol.for('shoptag.contextRoot');

/**
 * One ContextRoot per page: it remembers context requests nobody answered and replays them when a
 * provider appears, so a `<shop-store>` defined after its children (the CDN loads chunks in any
 * order) still reaches them.
 */
function ensureContextRoot(): void {
  const doc = document as Document & { [ROOT_FLAG]?: true };
  if (doc[ROOT_FLAG]) return;
  doc[ROOT_FLAG] = true;
  new ContextRoot().attach(doc as unknown as HTMLElement);
}

/** The nearest `shop-store` around `el`, crossing shadow roots. */
function storeAncestor(el: Element): Element | null {
  let node: Node | null = el.parentNode;
  while (node) {
    if (node instanceof Element && node.localName === 'shop-store') return node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}

/**
 * Finds the store for an element: the enclosing `<shop-store>` through `@lit/context`; outside any
 * store, the page's default store (the first `<shop-store>` in the document, else the
 * `window.shoptag` config). Re-renders the host when the store changes.
 */
export class StoreConsumer implements ReactiveController {
  value: ShopStoreValue | undefined = undefined;
  status: StoreStatus = 'pending';
  private unsubscribe: (() => void) | undefined;
  private answered = false;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: StoreConsumerOptions = {},
  ) {
    ensureContextRoot();
    host.addController(this);
  }

  // Stable identity: ContextRoot dedupes replayed requests by callback.
  private readonly callback = (value: ShopStoreValue | undefined, unsubscribe?: () => void): void => {
    if (this.unsubscribe && this.unsubscribe !== unsubscribe) this.unsubscribe();
    this.unsubscribe = unsubscribe;
    this.answered = true;
    this.set(value);
  };

  hostConnected(): void {
    this.connected = true;
    this.answered = false;
    this.host.dispatchEvent(new ContextRequestEvent(shopStoreContext, this.host, this.callback, true));
    if (!this.answered) void this.useDefaultStore();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private async useDefaultStore(): Promise<void> {
    // Inside a store that is not upgraded yet: the ContextRoot replays our request once it is.
    if (storeAncestor(this.host)) return;
    const store = document.querySelector('shop-store');
    if (store) {
      await customElements.whenDefined('shop-store');
      if (!this.connected || this.answered) return;
      store.dispatchEvent(new ContextRequestEvent(shopStoreContext, this.host, this.callback, true));
      if (this.answered) return;
    }
    let value: ShopStoreValue | undefined;
    try {
      value = storeValueFrom(pageConfig() ?? {});
    } catch (err) {
      warn('W002', `window.shoptag is invalid: ${(err as Error).message}`);
    }
    if (!value && this.options.required) {
      warn(
        'W001',
        `<${this.host.localName}> found no store: wrap it in <shop-store publishable-key="pk_…">, ` +
          'or set window.shoptag = { publishableKey: "pk_…" } before the elements load.',
      );
    }
    this.set(value);
  }

  private set(value: ShopStoreValue | undefined): void {
    const status: StoreStatus = value ? 'ready' : 'missing';
    if (value === this.value && status === this.status) return;
    this.value = value;
    this.status = status;
    this.options.onChange?.(value);
    this.host.requestUpdate();
  }
}
