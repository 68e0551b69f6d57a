import { en } from './locales/en/index.js';
import type { Message } from './message.js';
import type { Translation } from './translation.js';

/** Every message key the elements use. */
export type MessageKey = keyof typeof en;
/** A whole language: every key, each a `Message`. */
export type Catalogue = Translation<typeof en>;
/** Messages a site owner supplies for a locale; any subset of the keys. */
export type MessageOverrides = Partial<Record<MessageKey, Message>>;

/** The languages the elements ship, besides the English built in. */
export const SHIPPED_LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;

// Each language is its own chunk: a page downloads only the one it speaks.
const loaders: Readonly<Record<string, () => Promise<Catalogue>>> = {
  de: () => import('./locales/de/index.js').then((m) => m.de),
  fr: () => import('./locales/fr/index.js').then((m) => m.fr),
  es: () => import('./locales/es/index.js').then((m) => m.es),
  ja: () => import('./locales/ja/index.js').then((m) => m.ja),
  ar: () => import('./locales/ar/index.js').then((m) => m.ar),
};

const loaded = new Map<string, Catalogue>([['en', en]]);
const loading = new Map<string, Promise<void>>();
const overrides = new Map<string, MessageOverrides>();
const listeners = new Set<() => void>();

/** Calls `listener` whenever messages change (a language arrived, an owner registered overrides). */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(): void {
  for (const listener of [...listeners]) listener();
}

/** The language subtag, lower-cased: `de-AT` → `de`. */
export function languageOf(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

/**
 * Overrides messages for a locale (`de`, or a regional `de-CH`, which wins over `de`), e.g. to
 * use the shop's own words or to add a language the elements don't ship: keys missing there fall
 * back to English. Elements on the page re-render with them.
 */
export function registerMessages(locale: string, messages: MessageOverrides): void {
  const tag = locale.toLowerCase();
  overrides.set(tag, { ...overrides.get(tag), ...messages });
  changed();
}

/** True once the locale's shipped catalogue is here (or it has none); starts loading it otherwise. */
export function ensureLanguage(locale: string): boolean {
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
}

/** Owner overrides from `window.shoptag.messages`, read each time so a late config still counts. */
function pageOverrides(tag: string): MessageOverrides | undefined {
  const messages = typeof window === 'undefined' ? undefined : window.shoptag?.messages;
  return messages && typeof messages === 'object' ? messages[tag] : undefined;
}

/**
 * The message for `key` in `locale`: the owner's regional override, their language override, the
 * shipped language, then English.
 */
export function lookupMessage(locale: string, key: MessageKey): Message {
  const tag = locale.toLowerCase();
  const language = languageOf(locale);
  return (
    overrides.get(tag)?.[key] ??
    pageOverrides(tag)?.[key] ??
    (tag !== language ? (overrides.get(language)?.[key] ?? pageOverrides(language)?.[key]) : undefined) ??
    loaded.get(language)?.[key] ??
    en[key]
  );
}
