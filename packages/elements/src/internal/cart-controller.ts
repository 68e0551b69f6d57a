import type { ReactiveControllerHost } from 'lit';
import { getCartStore, type Cart, type CartStatus, type CartStore, type ShopClient } from '@shoptag/sdk';
import { AtomsController } from './atoms-controller.js';

/**
 * Renders the host from the page's cart store (the SDK's `getCartStore`, one per client):
 * subscribes to `$cart`, `$cartCount` and `$cartStatus` while connected and re-renders on every
 * change. `use(client)` follows the store the host's `<shop-store>` provides.
 */
export class CartController {
  store: CartStore | undefined = undefined;
  private client: ShopClient | undefined;
  private readonly atoms: AtomsController<{ cart: Cart | null; count: number; status: CartStatus }>;

  constructor(host: ReactiveControllerHost) {
    this.atoms = new AtomsController(host, { cart: null, count: 0, status: { state: 'idle', error: null } });
  }

  get cart(): Cart | null {
    return this.atoms.value.cart;
  }

  get count(): number {
    return this.atoms.value.count;
  }

  get status(): CartStatus {
    return this.atoms.value.status;
  }

  /** Switches to the cart store of `client` (a no-op when it is the current one). */
  use(client: ShopClient | undefined): void {
    if (client === this.client) return;
    this.client = client;
    const store = (this.store = client ? getCartStore(client) : undefined);
    this.atoms.use(store && { cart: store.$cart, count: store.$cartCount, status: store.$cartStatus });
  }
}
