/**
 * A Map that keeps at most `maxEntries` entries and `maxChars` characters of values (as measured
 * by `charsOf`), dropping the oldest first. It bounds the memory an in-process cache can take
 * when requests vary a key on purpose (say, a random price filter on every catalog read).
 */
export interface BoundedMap<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  clear(): void;
  readonly size: number;
  /** Characters held, as `charsOf` counts them. */
  readonly chars: number;
}

export function createBoundedMap<V>(options: {
  maxEntries: number;
  maxChars: number;
  charsOf: (value: V) => number;
}): BoundedMap<V> {
  const entries = new Map<string, { value: V; chars: number }>();
  let chars = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    chars -= entry.chars;
  };
  return {
    get: (key) => entries.get(key)?.value,
    set(key, value) {
      remove(key);
      const size = options.charsOf(value) + key.length;
      // A single value larger than the whole budget is not kept, and pushes nothing else out.
      if (size > options.maxChars) return;
      // Maps iterate in insertion order: the first key is the oldest.
      for (const oldest of entries.keys()) {
        if (entries.size < options.maxEntries && chars + size <= options.maxChars) break;
        remove(oldest);
      }
      entries.set(key, { value, chars: size });
      chars += size;
    },
    delete: remove,
    clear() {
      entries.clear();
      chars = 0;
    },
    get size() {
      return entries.size;
    },
    get chars() {
      return chars;
    },
  };
}
