import { atom, computed, type ReadableAtom } from 'nanostores';
import type { ShopClient } from '../client.js';
import type { Cart } from '../contract/carts.js';
import { createShopError, isShopError, toShopError, type ShopError } from '../errors.js';
import type { KeyValueStorage } from '../storage.js';
import { createCartSync, type CartSync } from './cart-sync.js';

/** What the cart store is doing: nothing, waiting for the server, or failed (the cart shown is the server's last word). */
export type CartStatus =
  { state: 'idle'; error: null } | { state: 'pending'; error: null } | { state: 'error'; error: ShopError };

export interface CartStoreOptions {
  /** Where the cart id is kept; defaults to the client's storage (localStorage in browsers). */
  storage?: KeyValueStorage;
  /** Keep other tabs in step and refresh when the page becomes visible again (default true in browsers). */
  sync?: boolean;
}

/** The reactive cart: stores to render from and actions that change the server cart. */
export interface CartStore {
  /** The cart as last shown: the server's answer with pending changes applied; `null` before there is one. */
  readonly $cart: ReadableAtom<Cart | null>;
  /** Units in the cart (changes at once on add/update/remove). */
  readonly $cartCount: ReadableAtom<number>;
  readonly $cartStatus: ReadableAtom<CartStatus>;
  /** Adds units of a variant, creating the cart on first use. */
  add(variantId: string, quantity?: number): Promise<Cart>;
  /** Sets a line's quantity. */
  update(lineId: string, quantity: number): Promise<Cart>;
  remove(lineId: string): Promise<Cart>;
  applyCoupon(code: string): Promise<Cart>;
  removeCoupon(): Promise<Cart>;
  /** Reads the cart from the server (nothing happens without a cart id). */
  refresh(): Promise<Cart | null>;
  /** Forgets the cart in this browser (after an order is placed). */
  clear(): void;
  /** Stops listening to other tabs and to page visibility. */
  destroy(): void;
}

type Patch = (cart: Cart) => Cart;

const IDLE: CartStatus = { state: 'idle', error: null };
const PENDING: CartStatus = { state: 'pending', error: null };

function storageKey(client: ShopClient): string {
  return `shoptag:cart:${client.endpoint}`;
}

function isMissingCart(error: unknown): boolean {
  return isShopError(error) && error.statusCode === 404 && error.param === 'id';
}

function withLine(cart: Cart, lineId: string, quantity: number | null): Cart {
  const lines = cart.lines.flatMap((line) => {
    if (line.id !== lineId) return [line];
    if (quantity === null) return [];
    return [{ ...line, quantity, line_total: { ...line.line_total, amount: line.unit_price.amount * quantity } }];
  });
  return { ...cart, lines, item_count: lines.reduce((n, l) => n + l.quantity, 0) };
}

/**
 * Creates the cart store for a client. Changes show at once (optimistically) and are sent to the
 * server one at a time, in order; each answer replaces the shown cart, so what is shown always
 * ends as the server's cart. A failed change is rolled back and its error lands in `$cartStatus`.
 *
 * ```ts
 * const cart = createCartStore(client);
 * cart.$cartCount.subscribe((n) => (badge.textContent = String(n)));
 * await cart.add('var_123', 2);
 * ```
 */
export function createCartStore(client: ShopClient, options: CartStoreOptions = {}): CartStore {
  const storage = options.storage ?? client.storage;
  const key = storageKey(client);
  // One atom for the server's cart and the changes not yet answered, so every update notifies once
  // with a consistent cart (no flicker between "answer applied" and "change dropped").
  const $state = atom<{ confirmed: Cart | null; patches: readonly Patch[]; extraCount: number }>({
    confirmed: null,
    patches: [],
    extraCount: 0,
  });
  const $cart = computed($state, ({ confirmed, patches }) =>
    confirmed ? patches.reduce((c, patch) => patch(c), confirmed) : confirmed,
  );
  const $cartCount = computed([$cart, $state], (cart, { extraCount }) => (cart?.item_count ?? 0) + extraCount);
  const $cartStatus = atom<CartStatus>(IDLE);
  let queue: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  // Bumped whenever the cart is replaced (a change answered, clear, another tab): a refresh that
  // started before a bump answers with an older cart and is dropped.
  let version = 0;
  // Bumped by clear(): answers to changes sent before it must not bring the forgotten cart back.
  let epoch = 0;

  const readId = (): string | null => {
    try {
      return storage.getItem(key);
    } catch {
      return null;
    }
  };
  const writeId = (id: string | null) => {
    try {
      if (id === null) storage.removeItem(key);
      else storage.setItem(key, id);
    } catch {
      // storage refused: the cart lasts for this page only
    }
  };

  const isBrowser = typeof document !== 'undefined';
  const syncOn = options.sync ?? isBrowser;
  let sync: CartSync | null = null;

  function setConfirmed(cart: Cart | null): void {
    version++;
    $state.set({ ...$state.get(), confirmed: cart });
  }

  function accept(cart: Cart | null, broadcast: boolean): void {
    setConfirmed(cart);
    writeId(cart?.id ?? null);
    if (broadcast) sync?.publish(cart);
  }

  /** Runs `task` after every earlier change, showing `patch` (or `extraCount` more units) meanwhile. */
  function enqueue(patch: Patch | null, extraCount: number, task: () => Promise<Cart>): Promise<Cart> {
    const s = $state.get();
    $state.set({ ...s, patches: patch ? [...s.patches, patch] : s.patches, extraCount: s.extraCount + extraCount });
    inFlight++;
    $cartStatus.set(PENDING);
    const sentIn = epoch;
    const settle = (answer: Cart | null) => {
      inFlight--;
      const cart = sentIn === epoch ? answer : null;
      if (cart) version++;
      const now = $state.get();
      $state.set({
        confirmed: cart ?? now.confirmed,
        patches: patch ? now.patches.filter((p) => p !== patch) : now.patches,
        extraCount: now.extraCount - extraCount,
      });
    };
    const result = queue.then(task).then(
      (cart) => {
        settle(cart);
        if (sentIn === epoch) {
          writeId(cart.id);
          sync?.publish(cart);
        }
        $cartStatus.set(inFlight === 0 ? IDLE : PENDING);
        return cart;
      },
      (error: unknown) => {
        settle(null);
        const shopError = toShopError(error, {
          type: 'connection_error',
          code: 'cart_failed',
          message: 'The cart could not be updated.',
        });
        $cartStatus.set({ state: 'error', error: shopError });
        throw shopError;
      },
    );
    queue = result.catch(() => undefined);
    return result;
  }

  async function currentId(): Promise<string | null> {
    return $state.get().confirmed?.id ?? readId();
  }

  /** Runs `fn` on the cart; a cart that expired meanwhile is forgotten and the error rethrown. */
  async function onCart(fn: (id: string) => Promise<Cart>): Promise<Cart> {
    const id = await currentId();
    if (!id)
      throw createShopError({
        statusCode: 404,
        body: {
          error: {
            type: 'invalid_request_error',
            code: 'resource_missing',
            message: 'There is no cart yet.',
            param: 'id',
            request_id: '',
          },
        },
      });
    try {
      return await fn(id);
    } catch (error) {
      if (isMissingCart(error)) accept(null, true);
      throw error;
    }
  }

  async function refresh(): Promise<Cart | null> {
    const id = readId() ?? $state.get().confirmed?.id ?? null;
    if (!id) return null;
    const startedAt = version;
    // A change made or queued meanwhile answers with a newer cart; don't step back to this one.
    const stale = () => inFlight > 0 || version !== startedAt;
    try {
      const cart = await client.carts.get(id);
      if (!stale()) accept(cart, false);
      return cart;
    } catch (error) {
      if (isMissingCart(error)) {
        if (!stale()) accept(null, false);
        return null;
      }
      throw error;
    }
  }

  const onVisible = () => {
    if (document.visibilityState === 'visible') refresh().catch(() => undefined);
  };
  if (syncOn) {
    sync = createCartSync(key, storage, (message) => {
      if (inFlight > 0) return;
      setConfirmed(message.cart);
    });
    if (isBrowser) document.addEventListener('visibilitychange', onVisible);
  }
  if (readId()) refresh().catch(() => undefined);

  return {
    $cart,
    $cartCount,
    $cartStatus,
    add(variantId, quantity = 1) {
      const known = $cart.get()?.lines.find((l) => l.variant_id === variantId);
      const patch: Patch | null = known
        ? (cart) => withLine(cart, known.id, (cart.lines.find((l) => l.id === known.id)?.quantity ?? 0) + quantity)
        : null;
      return enqueue(patch, patch ? 0 : quantity, async () => {
        const id = await currentId();
        if (id) {
          try {
            return await client.carts.addItem(id, { variant_id: variantId, quantity });
          } catch (error) {
            if (!isMissingCart(error)) throw error;
          }
        }
        return client.carts.create({ items: [{ variant_id: variantId, quantity }] });
      });
    },
    update: (lineId, quantity) =>
      enqueue(
        (cart) => withLine(cart, lineId, quantity),
        0,
        () => onCart((id) => client.carts.updateItem(id, lineId, quantity)),
      ),
    remove: (lineId) =>
      enqueue(
        (cart) => withLine(cart, lineId, null),
        0,
        () => onCart((id) => client.carts.removeItem(id, lineId)),
      ),
    applyCoupon: (code) => enqueue(null, 0, () => onCart((id) => client.carts.applyCoupon(id, code))),
    removeCoupon: () =>
      enqueue(
        (cart) => ({ ...cart, coupon: null }),
        0,
        () => onCart((id) => client.carts.removeCoupon(id)),
      ),
    refresh,
    clear() {
      epoch++;
      accept(null, true);
      $cartStatus.set(IDLE);
    },
    destroy() {
      sync?.close();
      if (isBrowser) document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
