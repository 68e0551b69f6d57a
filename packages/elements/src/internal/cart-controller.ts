import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Cart, CartStatus, CartStore, ShopClient } from '@shoptag/sdk';
import { cartStoreFor } from './cart-registry.js';

/**
 * Renders the host from the page's cart store: subscribes to `$cart`, `$cartCount` and
 * `$cartStatus` while connected and re-renders on every change. `use(client)` follows the
 * store the host's `<shop-store>` provides.
 */
export class CartController implements ReactiveController {
  store: CartStore | undefined = undefined;
  cart: Cart | null = null;
  count = 0;
  status: CartStatus = { state: 'idle', error: null };
  private client: ShopClient | undefined;
  private unsubscribers: (() => void)[] = [];
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Switches to the cart store of `client` (a no-op when it is the current one). */
  use(client: ShopClient | undefined): void {
    if (client === this.client) return;
    this.client = client;
    this.unsubscribe();
    this.store = client ? cartStoreFor(client) : undefined;
    if (this.connected) this.subscribe();
  }

  hostConnected(): void {
    this.connected = true;
    this.subscribe();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe();
  }

  private subscribe(): void {
    const store = this.store;
    if (!store || this.unsubscribers.length) return;
    this.unsubscribers = [
      store.$cart.subscribe((cart) => {
        this.cart = cart;
        this.host.requestUpdate();
      }),
      store.$cartCount.subscribe((count) => {
        this.count = count;
        this.host.requestUpdate();
      }),
      store.$cartStatus.subscribe((status) => {
        this.status = status;
        this.host.requestUpdate();
      }),
    ];
  }

  private unsubscribe(): void {
    for (const off of this.unsubscribers) off();
    this.unsubscribers = [];
  }
}
