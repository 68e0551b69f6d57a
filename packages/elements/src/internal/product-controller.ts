import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Product, ShopClient } from '@shoptag/sdk';

export type ProductStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Loads one product by id or handle; a new `load()` aborts the one in flight. */
export class ProductController implements ReactiveController {
  status: ProductStatus = 'idle';
  product: Product | undefined = undefined;
  error: unknown = undefined;
  private abort: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    if (this.abort) {
      this.abort.abort();
      this.abort = undefined;
      this.status = 'idle';
    }
  }

  async load(client: ShopClient, idOrHandle: string): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.status = 'loading';
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const product = await client.products.get(idOrHandle, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.product = product;
      this.status = 'ready';
    } catch (err) {
      if (abort.signal.aborted) return;
      this.error = err;
      this.status = 'error';
    } finally {
      if (this.abort === abort) {
        this.abort = undefined;
        this.host.requestUpdate();
      }
    }
  }
}
