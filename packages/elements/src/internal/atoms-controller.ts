import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/** One atom per value of `V`: `{ cart: ReadableAtom<Cart | null>, count: ReadableAtom<number> }` for `{ cart, count }`. */
export type AtomsOf<V> = { readonly [K in keyof V]: ReadableAtom<V[K]> };

/**
 * Renders the host from SDK stores: subscribes to a set of nanostores atoms while the host is
 * connected, keeps their latest values in `value` and asks the host to update on every change.
 * It holds no logic of its own; `use()` switches to other atoms (another client's stores).
 */
export class AtomsController<V extends object> implements ReactiveController {
  /** The atoms' values as last seen (the initial values until the first subscription). */
  value: V;
  private atoms: AtomsOf<V> | undefined;
  private unsubscribers: (() => void)[] = [];
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    initial: V,
  ) {
    this.value = initial;
    host.addController(this);
  }

  /** Follows `atoms` from now on (nothing when `undefined`; the last values stay). */
  use(atoms: AtomsOf<V> | undefined): void {
    this.unsubscribe();
    this.atoms = atoms;
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
    const atoms = this.atoms;
    if (!atoms || this.unsubscribers.length) return;
    this.unsubscribers = (Object.keys(atoms) as (keyof V)[]).map((key) =>
      atoms[key].subscribe((next) => {
        this.value = { ...this.value, [key]: next };
        this.host.requestUpdate();
      }),
    );
  }

  private unsubscribe(): void {
    for (const off of this.unsubscribers) off();
    this.unsubscribers = [];
  }
}
