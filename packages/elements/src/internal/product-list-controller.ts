import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createProductListStore, type ProductListState, type ProductListStore, type ShopClient } from '@shoptag/sdk';
import { AtomsController } from './atoms-controller.js';

const NOTHING_YET: ProductListState = {
  status: 'idle',
  products: [],
  total: undefined,
  hasMore: false,
  loadingMore: false,
  error: undefined,
  moreError: undefined,
  query: undefined,
};

/**
 * Renders the host from an SDK product list store (`createProductListStore`, one per client the
 * host is given): subscribes to its `$list` while connected. Paging, aborting and de-duplication
 * are the store's; removal from the page aborts the request in flight (the store then reports
 * `idle`, so the host loads again when it comes back).
 */
export class ProductListController implements ReactiveController {
  private store: ProductListStore | undefined;
  private client: ShopClient | undefined;
  private readonly atoms: AtomsController<{ list: ProductListState }>;

  constructor(host: ReactiveControllerHost) {
    this.atoms = new AtomsController(host, { list: NOTHING_YET });
    host.addController(this);
  }

  /** The list as last rendered. */
  get state(): ProductListState {
    return this.atoms.value.list;
  }

  /** The list store of `client`: the current one, or a new one (the old one's request aborted). */
  storeFor(client: ShopClient): ProductListStore {
    if (this.store && client === this.client) return this.store;
    this.store?.abort();
    this.client = client;
    const store = (this.store = createProductListStore(client));
    this.atoms.use({ list: store.$list });
    return store;
  }

  /** The current store, if the host has been given a client. */
  get current(): ProductListStore | undefined {
    return this.store;
  }

  hostDisconnected(): void {
    this.store?.abort();
  }
}
