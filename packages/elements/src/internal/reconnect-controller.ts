import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ShopClient } from '@shoptag/sdk';

/**
 * Calls `onReconnect` when the shop is reachable again after an outage: when the host's client
 * gets an answer after a request could not reach the server (any element's request, say an add to
 * cart elsewhere on the page), and when the browser comes back `online`. Elements use it to clear
 * "could not be reached" messages and retry what failed.
 */
export class ReconnectController implements ReactiveController {
  private client: ShopClient | undefined;
  private stop: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clientOf: () => ShopClient | undefined,
    private readonly onReconnect: () => void,
  ) {
    host.addController(this);
  }

  private readonly fire = (): void => this.onReconnect();

  hostConnected(): void {
    this.connected = true;
    addEventListener('online', this.fire);
    this.follow();
  }

  hostUpdated(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.connected = false;
    removeEventListener('online', this.fire);
    this.stop?.();
    this.stop = undefined;
    this.client = undefined;
  }

  /** Listens to the host's current client (the store may hand it another one). */
  private follow(): void {
    const client = this.clientOf();
    if (!this.connected || client === this.client) return;
    this.stop?.();
    this.client = client;
    this.stop = client?.onReconnect(this.fire);
  }
}
