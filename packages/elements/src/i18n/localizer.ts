import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessageCatalogue } from './catalogue.js';
import { storefrontMessages, type MessageKey } from './catalogues.js';
import { formatMessage, type MessageParams } from './message.js';

/** Right-to-left languages among those a shop may speak. */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'yi', 'dv', 'ug', 'ckb']);

/** `rtl` for a right-to-left locale, else `ltr`. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split(/[-_]/)[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** The `lang` of the nearest ancestor that has one, crossing shadow roots; else the page's. */
export function inheritedLang(el: Element): string {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return '';
}

// One observer for the whole page: a site that switches `lang` on <html> or a container re-renders.
let langObserver: MutationObserver | undefined;
const langListeners = new Set<() => void>();
function watchLang(listener: () => void): () => void {
  if (!langObserver && typeof MutationObserver !== 'undefined') {
    langObserver = new MutationObserver(() => {
      for (const l of [...langListeners]) l();
    });
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  langListeners.add(listener);
  return () => langListeners.delete(listener);
}

/**
 * Gives an element its shopper's words: `t(key, params)` from the message catalogue, in the locale
 * of its `<shop-store locale>` (else the nearest `lang`, else the browser's), loading that
 * language's chunk on first use and re-rendering the host when it arrives.
 */
export class Localizer<Key extends string = MessageKey> implements ReactiveController {
  private stops: (() => void)[] = [];

  /**
   * @param storeLocale the enclosing store's `locale`, when it sets one (read on every call).
   * @param messages the catalogue to speak from: the storefront's unless told (the console has its own).
   */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly storeLocale: () => string | undefined = () => undefined,
    private readonly messages: MessageCatalogue<Key> = storefrontMessages as unknown as MessageCatalogue<Key>,
  ) {
    host.addController(this);
  }

  /** The BCP 47 locale this element speaks and formats numbers in. */
  get locale(): string {
    return (
      this.storeLocale() ||
      inheritedLang(this.host) ||
      (typeof navigator !== 'undefined' ? navigator.language : '') ||
      'en'
    );
  }

  /** `rtl` when the locale is written right to left. */
  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.locale);
  }

  /** The message for `key`, with its placeholders filled and its plural form chosen by `params.count`. */
  t(key: Key, params?: MessageParams): string {
    const locale = this.locale;
    this.messages.ensureLanguage(locale);
    return formatMessage(this.messages.lookup(locale, key), params, locale);
  }

  hostConnected(): void {
    const update = () => this.host.requestUpdate();
    this.stops = [this.messages.onChange(update), watchLang(update)];
  }

  hostDisconnected(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
  }
}
