import type { Cart } from '../contract/carts.js';
import type { KeyValueStorage } from '../storage.js';

/** What one tab tells the others after the cart changed. */
export interface CartSyncMessage {
  /** The cart as the server answered, or `null` when the tab forgot its cart. */
  cart: Cart | null;
  /** Which tab sent it, so a tab ignores its own messages. */
  from: string;
}

export interface CartSync {
  publish(cart: Cart | null): void;
  close(): void;
}

interface StorageEventLike {
  key: string | null;
  newValue: string | null;
}

/**
 * Keeps the tabs of one browser in step: a BroadcastChannel where there is one, otherwise the
 * `storage` event (fired in the other tabs when one writes to localStorage). Outside browsers
 * neither exists and this does nothing.
 */
export function createCartSync(
  key: string,
  storage: KeyValueStorage,
  onMessage: (message: CartSyncMessage) => void,
): CartSync {
  const from = Math.random().toString(36).slice(2);
  const Channel = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
  if (Channel) {
    const channel = new Channel(`shoptag:${key}`);
    channel.onmessage = (event: MessageEvent<CartSyncMessage>) => {
      if (event.data && event.data.from !== from) onMessage(event.data);
    };
    return {
      publish: (cart) => channel.postMessage({ cart, from } satisfies CartSyncMessage),
      close: () => channel.close(),
    };
  }
  const target = globalThis as {
    addEventListener?: (type: 'storage', fn: (event: StorageEventLike) => void) => void;
    removeEventListener?: (type: 'storage', fn: (event: StorageEventLike) => void) => void;
  };
  const syncKey = `${key}:sync`;
  const onStorage = (event: StorageEventLike) => {
    if (event.key !== syncKey || !event.newValue) return;
    try {
      const message = JSON.parse(event.newValue) as CartSyncMessage & { at: number };
      if (message.from !== from) onMessage(message);
    } catch {
      // another writer's junk: ignore
    }
  };
  target.addEventListener?.('storage', onStorage);
  return {
    publish(cart) {
      try {
        // `at` makes every write a change, so the event fires even for an identical cart.
        storage.setItem(syncKey, JSON.stringify({ cart, from, at: Date.now() }));
      } catch {
        // storage full or unavailable: the other tabs catch up when they regain focus
      }
    },
    close: () => target.removeEventListener?.('storage', onStorage),
  };
}
