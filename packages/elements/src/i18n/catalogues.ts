import { en } from './locales/en/index.js';
import { createCatalogue, languageOf } from './catalogue.js';
import type { Message } from './message.js';
import type { Translation } from './translation.js';

export { languageOf };

/** Every message key the elements use. */
export type MessageKey = keyof typeof en;
/** A whole language: every key, each a `Message`. */
export type Catalogue = Translation<typeof en>;
/** Messages a site owner supplies for a locale; any subset of the keys. */
export type MessageOverrides = Partial<Record<MessageKey, Message>>;

/** The languages the elements ship, besides the English built in. */
export const SHIPPED_LANGUAGES = ['en', 'de', 'fr', 'es', 'ja', 'ar'] as const;

/** Owner overrides from `window.shoptag.messages`, read each time so a late config still counts. */
function pageOverrides(tag: string): MessageOverrides | undefined {
  const messages = typeof window === 'undefined' ? undefined : window.shoptag?.messages;
  return messages && typeof messages === 'object' ? messages[tag] : undefined;
}

/** The storefront's words. Each language is its own chunk: a page downloads only the one it speaks. */
export const storefrontMessages = createCatalogue<typeof en>(
  en,
  {
    de: () => import('./locales/de/index.js').then((m) => m.de),
    fr: () => import('./locales/fr/index.js').then((m) => m.fr),
    es: () => import('./locales/es/index.js').then((m) => m.es),
    ja: () => import('./locales/ja/index.js').then((m) => m.ja),
    ar: () => import('./locales/ar/index.js').then((m) => m.ar),
  },
  pageOverrides,
);

/**
 * Overrides messages for a locale (`de`, or a regional `de-CH`, which wins over `de`), e.g. to
 * use the shop's own words or to add a language the elements don't ship: keys missing there fall
 * back to English. Elements on the page re-render with them.
 */
export function registerMessages(locale: string, messages: MessageOverrides): void {
  storefrontMessages.register(locale, messages);
}
