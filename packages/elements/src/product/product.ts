import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import DOMPurify from 'dompurify';
import {
  changedOptions,
  findVariant,
  formatMoney,
  initialSelection,
  isPurchasable,
  nearestAvailable,
  optionValueState,
  type Money,
  type OptionSelection,
  type Product,
  type ProductVariant,
} from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { ProductController } from '../internal/product-controller.js';
import { mediaUrl } from '../internal/media.js';
import { jsonForScript } from '../internal/json-in-html.js';
import { describeError } from '../internal/errors.js';
import { ShopErrorEvent } from '../events/error.js';
import { ShopVariantChangeEvent } from '../events/variant-change.js';
import { ShopImage } from '../image/image.js';
import { productJsonLd } from './product-json-ld.js';
import { productStyles } from './product.styles.js';
import { pickerMessages as t } from './picker-messages.js';

/** Stock at or below this many units shows "Only N left". */
const LOW_STOCK_THRESHOLD = 5;
const JSON_LD_ATTRIBUTE = 'data-shoptag-json-ld';

let nextId = 0;

/**
 * A product page section: image gallery with thumbnails, option pickers (radio groups; a value that
 * cannot be bought with the other choices is crossed out and announced as "XL — sold out", yet
 * stays choosable), price with the compare-at price and discount,
 * stock, rating and the sanitized description. Choosing a value never changes another option: when
 * the combination is sold out or does not exist, the picker says so, the slotted buy button is
 * disabled, and a button offers the nearest combination that can be bought (fewest options changed,
 * keeping the one just chosen). Emits schema.org Product JSON-LD into the page
 * (light DOM) for search engines. Put `<shop-buy-button slot="buy">` inside it.
 *
 * @summary A whole product: gallery, variant picker, price, stock and description.
 * @tagname shop-product
 * @dependency shop-image
 *
 * @event {ShopVariantChangeEvent} shop-variant-change - The shopper picked an option; `detail.variant` is
 * the matching variant, or null when the combination does not exist.
 * @event {ShopErrorEvent} shop-error - Loading the product failed.
 *
 * @slot buy - Where the buy button goes (`<shop-buy-button slot="buy">`): it is kept on the product shown
 * and the variant chosen. Other controls can read this element's `variant` property or listen for
 * `shop-variant-change`.
 * @slot after-description - Content shown under the description.
 *
 * @csspart base - The two-column layout.
 * @csspart gallery - The image column.
 * @csspart main-image - The large image.
 * @csspart thumbnails - The row of thumbnail buttons.
 * @csspart thumbnail - Each thumbnail button.
 * @csspart details - The text column.
 * @csspart brand - The brand line.
 * @csspart name - The product name heading.
 * @csspart rating - The stars and review count.
 * @csspart price - The price line.
 * @csspart compare-at-price - The struck-through former price.
 * @csspart discount - The "−20%" badge.
 * @csspart options - Every option's radio group.
 * @csspart value - Each option value's visible box (also `value sold-out` or `value unavailable`).
 * @csspart stock - The stock line ("In stock", "Only 3 left", "Sold out").
 * @csspart offer - The "Plum is available in M — choose it" button shown for an unavailable choice.
 * @csspart description - The product description.
 *
 * @cssproperty --shop-product-column-min - Narrowest a column gets before they stack. Default `20rem`.
 * @cssproperty --shop-product-name-size - Font size of the name. Default `1.75rem`.
 * @cssproperty --shop-color-accent - Chosen option and focus ring. Default `#4338ca`.
 * @cssproperty --shop-color-sale - Discount badge and low stock. Default `#b42318`.
 * @cssproperty --shop-color-rating - Stars. Default `#f59e0b`.
 */
export class ShopProduct extends LitElement {
  static readonly tagName = 'shop-product';
  static readonly dependencies = [ShopImage];
  static override styles = productStyles;

  /** A product handle or id to load from the store. */
  @property() handle = '';

  /** The product to show (wins over `handle`). */
  @property({ attribute: false }) product: Product | undefined = undefined;

  /** Heading level of the product name (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 1;

  /** Leave out the JSON-LD (for example when the page renders its own). */
  @property({ type: Boolean, attribute: 'no-json-ld' }) noJsonLd = false;

  @state() private selected: OptionSelection = {};
  /** The option the shopper chose last: the nearest-combination offer keeps it. */
  @state() private lastChosen: string | undefined = undefined;
  @state() private imageIndex = 0;

  private readonly store = new StoreConsumer(this, { required: true });
  private readonly loader = new ProductController(this);
  private loadedFrom: { client: unknown; handle: string } | undefined;
  private initializedFor: string | undefined;
  private readonly ids = `shop-product-${++nextId}`;

  /** The product shown. */
  get shown(): Product | undefined {
    return this.product ?? (this.handle ? this.loader.product : undefined);
  }

  /** The variant matching every chosen option, or null when there is none. */
  get variant(): ProductVariant | null {
    const product = this.shown;
    return product ? findVariant(product, this.selected) : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.store.value?.client;
    if (!this.product && this.handle && client) {
      const last = this.loadedFrom;
      if (!(last?.client === client && last.handle === this.handle && this.loader.status !== 'idle')) {
        this.loadedFrom = { client, handle: this.handle };
        void this.loader.load(client, this.handle).then(() => {
          if (this.loader.status === 'error') this.dispatchEvent(new ShopErrorEvent({ error: this.loader.error }));
        });
      }
    }
    const product = this.shown;
    if (product && product.id !== this.initializedFor) {
      this.initializedFor = product.id;
      this.selected = initialSelection(product);
      this.lastChosen = undefined;
      this.imageIndex = 0;
    }
    void changed;
  }

  protected override updated(): void {
    this.writeJsonLd();
    this.syncBuyButtons();
  }

  /** Keeps a slotted `<shop-buy-button>` on the product shown and the variant chosen, with no page glue. */
  private syncBuyButtons(): void {
    const product = this.shown;
    if (!product) return;
    const variantId = this.variant?.id ?? '';
    for (const button of this.querySelectorAll<
      HTMLElement & { data?: Product; variant?: string; noVariantSelect?: boolean }
    >(':scope > shop-buy-button[slot="buy"]')) {
      button.noVariantSelect = true;
      if (button.data !== product) button.data = product;
      if (button.variant !== variantId) button.variant = variantId;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.querySelector(`script[${JSON_LD_ATTRIBUTE}]`)?.remove();
  }

  private writeJsonLd(): void {
    const product = this.shown;
    let script = this.querySelector<HTMLScriptElement>(`script[${JSON_LD_ATTRIBUTE}]`);
    if (!product || this.noJsonLd) {
      script?.remove();
      return;
    }
    const json = jsonForScript(productJsonLd(product, (url) => this.url(url), location.href));
    if (script?.textContent === json) return;
    if (!script) {
      script = document.createElement('script');
      script.type = 'application/ld+json';
      script.setAttribute(JSON_LD_ATTRIBUTE, '');
      this.append(script);
    }
    script.textContent = json;
  }

  private url(url: string): string {
    return mediaUrl(url, this.store.value?.endpoint);
  }

  private money(money: Money): string {
    return formatMoney(money, this.store.value?.locale || document.documentElement.lang || undefined);
  }

  /** Takes the shopper's choice as it is: another option never changes behind their back. */
  private choose(product: Product, name: string, value: string): void {
    this.lastChosen = name;
    this.select(product, { ...this.selected, [name]: value });
  }

  private select(product: Product, selection: OptionSelection): void {
    this.selected = selection;
    const variant = this.variant;
    if (variant?.image_id) {
      const index = product.images.findIndex((i) => i.id === variant.image_id);
      if (index >= 0) this.imageIndex = index;
    }
    this.dispatchEvent(new ShopVariantChangeEvent({ product, variant }));
  }

  /** Takes the offered combination and puts focus on the first value it changed, so the keyboard stays in the picker. */
  private async takeOffer(product: Product, offer: ProductVariant): Promise<void> {
    const first = changedOptions(product, this.selected, offer)[0];
    this.select(product, { ...offer.options });
    await this.updateComplete;
    if (!first) return;
    const index = product.options.findIndex((o) => o.name === first.name);
    this.renderRoot
      .querySelectorAll<HTMLFieldSetElement>('fieldset[part~="options"]')
      [index]?.querySelector<HTMLInputElement>('input:checked')
      ?.focus();
  }

  protected override render() {
    const product = this.shown;
    if (product) return this.renderProduct(product);
    if (this.loader.status === 'error')
      return html`<p class="message" role="alert">${describeError(this.loader.error)}</p>`;
    if (this.store.status === 'missing') return nothing;
    return html`<p class="message" role="status">Loading product…</p>`;
  }

  private renderProduct(product: Product) {
    const variant = this.variant;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 1));
    return html`<div part="base" class="base">
      ${this.renderGallery(product)}
      <div part="details" class="details">
        ${product.brand ? html`<p part="brand" class="brand">${product.brand}</p>` : nothing}
        <div part="name" class="name" role="heading" aria-level=${level}>${product.name}</div>
        ${product.rating.count > 0 ? this.renderRating(product) : nothing}
        ${this.renderPrice(product, variant)}
        ${product.options.map((option) => this.renderOption(product, option.name, option.values))}
        ${this.renderStock(product, variant)}
        <slot name="buy"></slot>
        <div part="description" class="description">${unsafeHTML(DOMPurify.sanitize(product.description_html))}</div>
        <slot name="after-description"></slot>
      </div>
    </div>`;
  }

  private renderGallery(product: Product) {
    const images = product.images;
    const main = images[this.imageIndex] ?? images[0];
    if (!main) return html`<div part="gallery" class="gallery"></div>`;
    return html`<div part="gallery" class="gallery">
      <shop-image part="main-image" class="main-image" .image=${main} alt=${main.alt || product.name} priority sizes="(min-width: 48rem) 50vw, 100vw"></shop-image>
      ${
        images.length > 1
          ? html`<ul part="thumbnails" class="thumbnails" aria-label="Images">
            ${images.map(
              (image, i) => html`<li>
                <button
                  part="thumbnail"
                  class="thumbnail"
                  type="button"
                  aria-label=${`Show image ${i + 1} of ${images.length}${image.alt ? `: ${image.alt}` : ''}`}
                  aria-current=${i === this.imageIndex ? 'true' : 'false'}
                  @click=${() => (this.imageIndex = i)}
                >
                  <shop-image .image=${image} alt="" sizes="72px"></shop-image>
                </button>
              </li>`,
            )}
          </ul>`
          : nothing
      }
    </div>`;
  }

  private renderRating(product: Product) {
    const { average, count } = product.rating;
    const full = Math.round(average);
    return html`<div part="rating" class="rating" role="img" aria-label=${`Rated ${average.toFixed(1)} out of 5, ${count} ${count === 1 ? 'review' : 'reviews'}`}>
      <span class="stars" aria-hidden="true">${'★'.repeat(full)}${'☆'.repeat(5 - full)}</span>
      <span aria-hidden="true">${average.toFixed(1)} (${count})</span>
    </div>`;
  }

  private renderPrice(product: Product, variant: ProductVariant | null) {
    const price = variant?.price ?? product.price;
    const compareAt = variant ? variant.compare_at_price : product.compare_at_price;
    const onSale = compareAt !== null && compareAt.currency === price.currency && compareAt.amount > price.amount;
    if (!onSale) return html`<p part="price" class="price"><span>${this.money(price)}</span></p>`;
    const percent = Math.round((1 - price.amount / compareAt.amount) * 100);
    return html`<p part="price" class="price">
      <span class="sr-only">Was ${this.money(compareAt)}, now ${this.money(price)}, ${percent}% off</span>
      <span aria-hidden="true">${this.money(price)}</span>
      <s part="compare-at-price" aria-hidden="true">${this.money(compareAt)}</s>
      <span part="discount" class="discount" aria-hidden="true">−${percent}%</span>
    </p>`;
  }

  private renderOption(product: Product, name: string, values: readonly string[]) {
    const group = `${this.ids}-${name}`;
    return html`<fieldset part="options" class="option">
      <legend>${name}: <span class="chosen">${this.selected[name] ?? ''}</span></legend>
      <div class="values">
        ${values.map((value) => {
          const state = optionValueState(product, this.selected, name, value);
          return html`<label class="value">
            <input
              type="radio"
              name=${group}
              .value=${value}
              .checked=${this.selected[name] === value}
              @change=${() => this.choose(product, name, value)}
            />
            <span part=${state === 'available' ? 'value' : `value ${state}`} class=${`box ${state}`}>${value}</span
            >${
              state === 'available'
                ? nothing
                : html`<span class="sr-only">${state === 'sold-out' ? t.valueSoldOut : t.valueUnavailable}</span>`
            }
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  private renderStock(product: Product, variant: ProductVariant | null) {
    if (!variant || !isPurchasable(variant)) {
      const title = product.options.map((o) => this.selected[o.name] ?? '').join(' / ');
      const offer = nearestAvailable(product, this.selected, this.lastChosen);
      const changed = offer ? changedOptions(product, this.selected, offer) : [];
      const kept = this.lastChosen && offer?.options[this.lastChosen] === this.selected[this.lastChosen];
      return html`<p part="stock" class="stock out" role="status">
          ${variant ? t.soldOut(variant.title || title) : t.missing(title)}
        </p>
        ${
          offer && changed.length > 0
            ? html`<button part="offer" class="offer" type="button" @click=${() => void this.takeOffer(product, offer)}>
              ${t.offer(kept ? this.selected[this.lastChosen!] : undefined, changed.map((c) => c.value).join(' / '))}
            </button>`
            : nothing
        }`;
    }
    const n = variant.available_quantity;
    if (n <= LOW_STOCK_THRESHOLD) return html`<p part="stock" class="stock low" role="status">${t.lowStock(n)}</p>`;
    return html`<p part="stock" class="stock" role="status">${t.inStock}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-product': ShopProduct;
  }
}
