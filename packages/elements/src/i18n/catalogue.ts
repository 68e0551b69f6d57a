import type { Message } from './message.js';
import type { Translation } from './translation.js';

/** A set of messages in several languages, loaded on demand, that owners may override. */
export interface MessageCatalogue<Key extends string> {
  /** True once the locale's shipped messages are here (or it has none); starts loading them otherwise. */
  ensureLanguage(locale: string): boolean;
  /** The message for `key` in `locale`: regional override, language override, shipped language, English. */
  lookup(locale: string, key: Key): Message;
  /** Overrides messages for a locale (`de`, or a regional `de-CH`, which wins over `de`). */
  register(locale: string, messages: Partial<Record<Key, Message>>): void;
  /** Calls `listener` whenever messages change (a language arrived, overrides registered). */
  onChange(listener: () => void): () => void;
}

/** The language subtag, lower-cased: `de-AT` → `de`. */
export function languageOf(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * A catalogue with English built in and each other language loaded by `loaders` on first use (a
 * chunk of its own in the CDN build). `pageOverrides` reads overrides a page declares (read on
 * every lookup, so a late config still counts).
 */
export function createCatalogue<English extends Record<string, Message>>(
  en: English,
  loaders: Readonly<Record<string, () => Promise<Translation<English>>>>,
  pageOverrides: (tag: string) => Partial<Record<keyof English & string, Message>> | undefined = () => undefined,
): MessageCatalogue<keyof English & string> {
  type Key = keyof English & string;
  const loaded = new Map<string, Translation<English>>([['en', en]]);
  const loading = new Map<string, Promise<void>>();
  const overrides = new Map<string, Partial<Record<Key, Message>>>();
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    ensureLanguage(locale) {
      const language = languageOf(locale);
      if (loaded.has(language)) return true;
      const load = loaders[language];
      if (!load) return true;
      if (!loading.has(language)) {
        loading.set(
          language,
          load().then(
            (catalogue) => {
              loaded.set(language, catalogue);
              changed();
            },
            () => void loading.delete(language), // a failed chunk: English meanwhile, another try on the next render
          ),
        );
      }
      return false;
    },
    lookup(locale, key) {
      const tag = locale.toLowerCase();
      const language = languageOf(locale);
      return (
        overrides.get(tag)?.[key] ??
        pageOverrides(tag)?.[key] ??
        (tag !== language ? (overrides.get(language)?.[key] ?? pageOverrides(language)?.[key]) : undefined) ??
        loaded.get(language)?.[key] ??
        en[key]!
      );
    },
    register(locale, messages) {
      const tag = locale.toLowerCase();
      overrides.set(tag, { ...overrides.get(tag), ...messages });
      changed();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
