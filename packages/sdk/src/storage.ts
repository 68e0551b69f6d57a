/**
 * Where the SDK keeps small strings between visits (the cart id): the subset of the Web Storage
 * API it uses, so `localStorage`, `sessionStorage` or any object with these methods works.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Storage that lasts as long as the process: the default outside browsers. */
export function createMemoryStorage(): KeyValueStorage {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** `localStorage` when the page may use it (it throws in some privacy modes), else memory. */
export function defaultStorage(): KeyValueStorage {
  try {
    const local = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    if (local) {
      const probe = '__shoptag_probe__';
      local.setItem(probe, '1');
      local.removeItem(probe);
      return local;
    }
  } catch {
    // fall through to memory
  }
  return createMemoryStorage();
}

export function isKeyValueStorage(value: unknown): value is KeyValueStorage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.getItem === 'function' && typeof v.setItem === 'function' && typeof v.removeItem === 'function';
}
