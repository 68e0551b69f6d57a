import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatMoney, type Suggestion } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { ShopSearchEvent } from '../events/search.js';
import { searchStyles } from './search.styles.js';
import { Localizer } from '../i18n/localizer.js';

const RECENT_KEY = 'shoptag:recent-searches';
const MAX_RECENT = 5;

let nextId = 0;

type Option = { kind: 'recent'; q: string } | { kind: 'suggestion'; suggestion: Suggestion };

/** Splits `text` into runs, marking those that start a word with one of the typed words. */
export function highlight(text: string, q: string): { text: string; match: boolean }[] {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length === 0) return [{ text, match: false }];
  const runs: { text: string; match: boolean }[] = [];
  const re = /[\p{L}\p{N}]+|[^\p{L}\p{N}]+/gu;
  for (const [token] of text.matchAll(re)) {
    const word = words.find((w) => token.toLowerCase().startsWith(w));
    if (word)
      runs.push({ text: token.slice(0, word.length), match: true }, { text: token.slice(word.length), match: false });
    else runs.push({ text: token, match: false });
  }
  return runs.filter((r) => r.text !== '');
}

function readRecent(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/**
 * A search box with suggestions as you type: an ARIA 1.2 combobox whose listbox offers matching
 * categories and products (typed words highlighted), recent searches when empty, arrow-key
 * navigation, Escape to close, and Enter to go to the results page (`action?q=…`). Suggestions
 * forgive typos ("lantren" offers lanterns); when nothing matches it says so, and Enter still
 * searches everything. The number of suggestions is announced to screen readers.
 *
 * @summary Search box with autocomplete and recent searches.
 * @tagname shop-search
 *
 * @event {ShopSearchEvent} shop-search - The shopper submitted a search or picked a suggestion; cancel it to stay on the page.
 *
 * @csspart field - The box around the input.
 * @csspart input - The text input.
 * @csspart listbox - The suggestions list.
 * @csspart option - Each suggestion.
 * @csspart no-matches - The note shown under the box when nothing matches what was typed.
 *
 * @cssproperty --shop-search-z-index - Stacking order of the suggestions. Default `10`.
 * @cssproperty --shop-color-accent - Focus ring and highlighted suggestion. Default `#4338ca`.
 */
export class ShopSearch extends LitElement {
  static readonly tagName = 'shop-search';
  static override styles = searchStyles;

  /** Results page; Enter goes to `action?q=…`. Default: the current page. */
  @property() action = '';

  /** Where a product suggestion leads: `{handle}` and `{id}` are replaced. Without it, picking a product searches for its name. */
  @property({ attribute: 'product-href-template' }) productHrefTemplate = '';

  /** Where a category suggestion leads: `{slug}` is replaced. Default: the results page with `?category=`. */
  @property({ attribute: 'category-href-template' }) categoryHrefTemplate = '';

  /** Placeholder and accessible label of the input. Default: "Search products" in the shopper's language. */
  @property() label = '';

  /** Milliseconds to wait after a keystroke before asking for suggestions. */
  @property({ type: Number }) debounce = 150;

  /** The text in the box; starts from `?q=` of the page URL. */
  @property() value = new URLSearchParams(location.search).get('q') ?? '';

  @state() private suggestions: Suggestion[] = [];
  @state() private open = false;
  @state() private active = -1;
  @state() private recent: string[] = readRecent();
  /** The words the current suggestions answer (none asked yet: `undefined`). */
  @state() private answered: string | undefined = undefined;

  private readonly store = new StoreConsumer(this, { required: true });
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);
  private readonly ids = `shop-search-${++nextId}`;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  private get options(): Option[] {
    if (this.value.trim() === '') return this.recent.map((q) => ({ kind: 'recent', q }));
    return this.suggestions.map((suggestion) => ({ kind: 'suggestion', suggestion }));
  }

  private onInput(event: InputEvent): void {
    this.value = (event.target as HTMLInputElement).value;
    this.active = -1;
    this.open = true;
    clearTimeout(this.timer);
    const q = this.value.trim();
    if (!q) {
      this.abort?.abort();
      this.suggestions = [];
      this.answered = undefined;
      return;
    }
    this.timer = setTimeout(() => void this.fetchSuggestions(q), this.debounce);
  }

  private async fetchSuggestions(q: string): Promise<void> {
    const client = this.store.value?.client;
    if (!client) return;
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    try {
      const result = await client.search.suggest(q, { signal: abort.signal });
      if (abort.signal.aborted || q !== this.value.trim()) return;
      this.suggestions = result.data;
      this.answered = q;
      this.active = -1;
    } catch {
      if (!abort.signal.aborted) {
        this.suggestions = [];
        this.answered = undefined;
      }
    }
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        this.open = true;
        if (count) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        event.preventDefault();
        this.open = true;
        if (count) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.open = false;
          this.active = -1;
        } else this.value = '';
        break;
      case 'Enter': {
        event.preventDefault();
        const option = this.open ? this.options[this.active] : undefined;
        if (option) this.pick(option);
        else this.submit(this.value.trim(), null);
        break;
      }
    }
  }

  private pick(option: Option): void {
    if (option.kind === 'recent') {
      this.value = option.q;
      this.submit(option.q, null);
      return;
    }
    const s = option.suggestion;
    this.submit(s.name, s);
  }

  private resultsHref(params: Record<string, string>): string {
    const url = new URL(this.action || location.pathname, location.href);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.href;
  }

  private hrefFor(q: string, suggestion: Suggestion | null): string | null {
    if (suggestion?.type === 'product' && this.productHrefTemplate) {
      return this.productHrefTemplate
        .replaceAll('{handle}', encodeURIComponent(suggestion.handle))
        .replaceAll('{id}', encodeURIComponent(suggestion.id));
    }
    if (suggestion?.type === 'category') {
      return this.categoryHrefTemplate
        ? this.categoryHrefTemplate.replaceAll('{slug}', encodeURIComponent(suggestion.slug))
        : this.resultsHref({ category: suggestion.slug });
    }
    return q ? this.resultsHref({ q }) : null;
  }

  private submit(q: string, suggestion: Suggestion | null): void {
    if (!q && !suggestion) return;
    if (q && suggestion?.type !== 'category') this.remember(q);
    this.open = false;
    this.active = -1;
    const href = this.hrefFor(q, suggestion);
    const event = new ShopSearchEvent({ q, suggestion, href });
    this.dispatchEvent(event);
    if (!event.defaultPrevented && href) location.assign(href);
  }

  private remember(q: string): void {
    this.recent = [q, ...this.recent.filter((r) => r.toLowerCase() !== q.toLowerCase())].slice(0, MAX_RECENT);
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(this.recent));
    } catch {
      // Storage may be full or blocked: recent searches are a convenience.
    }
  }

  private optionId(i: number): string {
    return `${this.ids}-option-${i}`;
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const options = this.options;
    const expanded = this.open && options.length > 0;
    const listbox = `${this.ids}-listbox`;
    const label = this.label || t('search.label');
    const typed = this.value.trim();
    const answered = typed !== '' && this.answered === typed;
    const noMatches = this.open && answered && this.suggestions.length === 0;
    return html`<div part="field" class="field">
        <input
          part="input"
          type="search"
          role="combobox"
          aria-label=${label}
          placeholder=${label}
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${listbox}
          aria-activedescendant=${expanded && this.active >= 0 ? this.optionId(this.active) : nothing}
          .value=${this.value}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @focus=${() => (this.open = true)}
          @blur=${() => (this.open = false)}
        />
      </div>
      <ul part="listbox" id=${listbox} role="listbox" aria-label=${t('search.suggestions')} ?hidden=${!expanded}>
        ${expanded && typed === '' ? html`<li class="group" role="presentation">${t('search.recent')}</li>` : nothing}
        ${expanded ? options.map((option, i) => this.renderOption(option, i)) : nothing}
      </ul>
      <p part="no-matches" class="no-matches" ?hidden=${!noMatches}>${noMatches ? t('search.noMatches', { query: typed }) : nothing}</p>
      <p class="sr-only" role="status">${this.open && answered && this.suggestions.length > 0 ? t('search.count', { count: this.suggestions.length }) : nothing}</p>`;
  }

  private renderOption(option: Option, i: number) {
    const selected = i === this.active;
    // mousedown, not click: the input must not lose focus (and close the list) before the pick.
    const onPick = (e: MouseEvent) => {
      e.preventDefault();
      this.pick(option);
    };
    if (option.kind === 'recent') {
      return html`<li part="option" id=${this.optionId(i)} role="option" aria-selected=${selected ? 'true' : 'false'} @mousedown=${onPick}>
        <span>${option.q}</span>
      </li>`;
    }
    const s = option.suggestion;
    const runs = highlight(s.name, this.value);
    const locale = this.i18n.locale;
    return html`<li part="option" id=${this.optionId(i)} role="option" aria-selected=${selected ? 'true' : 'false'} @mousedown=${onPick}>
      <span>${runs.map((r) => (r.match ? html`<mark>${r.text}</mark>` : r.text))}</span>
      <span class="kind">${s.type === 'category' ? this.i18n.t('search.category') : formatMoney(s.price, locale)}</span>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-search': ShopSearch;
  }
}
