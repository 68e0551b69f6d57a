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
  backorderedUnits,
  purchasableQuantity,
  stockOf,
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
import { errorMessageKey } from '../internal/errors.js';
import { Localizer } from '../i18n/localizer.js';
import { ShopErrorEvent } from '../events/error.js';
import { ShopVariantChangeEvent } from '../events/variant-change.js';
import { ShopImage } from '../image/image.js';
import { productJsonLd } from './product-json-ld.js';
import { productStyles } from './product.styles.js';
import { documentTitle, productDescription, setMetaDescription } from './document-meta.js';

/** Stock at or below this many units shows "Only N left". */
const LOW_STOCK_THRESHOLD = 5;
const JSON_LD_ATTRIBUTE = 'data-shoptag-json-ld';
/** Most units the quantity stepper offers when the stock does not limit it sooner. */
const MAX_QUANTITY = 99;

let nextId = 0;

/**
 * A product page section: image gallery with thumbnails, option pickers (radio groups; a value that
 * cannot be bought with the other choices is crossed out and announced as "XL — sold out", yet
 * stays choosable), price with the compare-at price and discount,
 * stock, rating and the sanitized description. Choosing a value never changes another option: when
 * the combination is sold out or does not exist, the picker says so, the slotted buy button is
 * disabled, and a button offers the nearest combination that can be bought (fewest options changed,
 * keeping the one just chosen). A quantity stepper (− and + buttons around a number field, from 1
 * to the units in stock) sets how many the slotted buy button adds. Emits schema.org Product JSON-LD
 * into the page (light DOM) for search engines, and with `document-title` makes the page's title
 * and meta description follow the product. Put `<shop-buy-button slot="buy">` inside it.
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
 * @csspart quantity - The quantity stepper (label, − button, number field, + button).
 * @csspart quantity-button - The − and + buttons.
 * @csspart quantity-input - The number field.
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

  /**
   * Makes the page's `<title>` and `<meta name="description">` follow the product shown (for a
   * product page whose product is chosen at run time). The value is a template: `{name}` and
   * `{brand}` are replaced, e.g. `document-title="{name} — Harbor & Pine"`; an empty value uses the
   * product's SEO title. The description is the product's SEO description. Leave it out on a page
   * that shows several products.
   */
  @property({ attribute: 'document-title' }) documentTitle: string | null = null;

  /** Hides the quantity stepper (the slotted buy button then adds one unit per press). */
  @property({ type: Boolean, attribute: 'no-quantity' }) noQuantity = false;

  /** Units the slotted buy button adds: the stepper's value, from 1 to the chosen variant's stock. */
  @property({ type: Number }) quantity = 1;

  @state() private selected: OptionSelection = {};
  /** The option the shopper chose last: the nearest-combination offer keeps it. */
  @state() private lastChosen: string | undefined = undefined;
  @state() private imageIndex = 0;

  private readonly store = new StoreConsumer(this, { required: true });
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);
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
    // A new variant or new stock may allow fewer units than chosen.
    if (product && this.quantity > this.maxQuantity) this.quantity = this.maxQuantity;
    void changed;
  }

  protected override updated(): void {
    this.writeJsonLd();
    this.writeDocumentMeta();
    this.syncBuyButtons();
  }

  /** The most units the stepper allows for the chosen variant (at least 1). */
  private get maxQuantity(): number {
    const variant = this.variant;
    if (!variant || !isPurchasable(variant)) return 1;
    return Math.max(1, Math.min(MAX_QUANTITY, purchasableQuantity(stockOf(variant)) ?? MAX_QUANTITY));
  }

  private setQuantity(value: number): void {
    const next = Math.min(this.maxQuantity, Math.max(1, Math.trunc(value) || 1));
    this.quantity = next;
    // The field may hold text the property did not change (e.g. "0" clamped back to 1).
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[part~="quantity-input"]');
    if (input && input.value !== String(next)) input.value = String(next);
  }

  private writeDocumentMeta(): void {
    const product = this.shown;
    if (!product || this.documentTitle === null) return;
    const title = documentTitle(product, this.documentTitle);
    if (document.title !== title) document.title = title;
    setMetaDescription(document, productDescription(product));
  }

  /** Keeps a slotted `<shop-buy-button>` on the product shown and the variant chosen, with no page glue. */
  private syncBuyButtons(): void {
    const product = this.shown;
    if (!product) return;
    const variantId = this.variant?.id ?? '';
    for (const button of this.querySelectorAll<
      HTMLElement & { data?: Product; variant?: string; noVariantSelect?: boolean; quantity?: number }
    >(':scope > shop-buy-button[slot="buy"]')) {
      button.noVariantSelect = true;
      if (button.data !== product) button.data = product;
      if (button.variant !== variantId) button.variant = variantId;
      const quantity = this.noQuantity ? 1 : this.quantity;
      if (button.quantity !== quantity) button.quantity = quantity;
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
    return formatMoney(money, this.i18n.locale);
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
    const t = this.i18n.t.bind(this.i18n);
    if (this.loader.status === 'error')
      return html`<p class="message" role="alert">${t(errorMessageKey(this.loader.error))}</p>`;
    if (this.store.status === 'missing') return nothing;
    return html`<p class="message" role="status">${t('product.loading')}</p>`;
  }

  private renderProduct(product: Product) {
    const variant = this.variant;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 1));
    return html`<div part="base" class="base" dir=${this.i18n.dir}>
      ${this.renderGallery(product)}
      <div part="details" class="details">
        ${product.brand ? html`<p part="brand" class="brand">${product.brand}</p>` : nothing}
        <div part="name" class="name" role="heading" aria-level=${level}>${product.name}</div>
        ${product.rating.count > 0 ? this.renderRating(product) : nothing}
        ${this.renderPrice(product, variant)}
        ${product.options.map((option) => this.renderOption(product, option.name, option.values))}
        ${this.renderStock(product, variant)}
        ${this.renderQuantity(variant)}
        <slot name="buy"></slot>
        <div part="description" class="description">${unsafeHTML(DOMPurify.sanitize(product.description_html))}</div>
        <slot name="after-description"></slot>
      </div>
    </div>`;
  }

  private renderGallery(product: Product) {
    const t = this.i18n.t.bind(this.i18n);
    const images = product.images;
    const main = images[this.imageIndex] ?? images[0];
    if (!main) return html`<div part="gallery" class="gallery"></div>`;
    return html`<div part="gallery" class="gallery">
      <shop-image part="main-image" class="main-image" .image=${main} alt=${main.alt || product.name} priority sizes="(min-width: 48rem) 50vw, 100vw"></shop-image>
      ${
        images.length > 1
          ? html`<ul part="thumbnails" class="thumbnails" aria-label=${t('product.images')}>
            ${images.map(
              (image, i) => html`<li>
                <button
                  part="thumbnail"
                  class="thumbnail"
                  type="button"
                  aria-label=${
                    image.alt
                      ? t('product.showImageAlt', { index: i + 1, total: images.length, alt: image.alt })
                      : t('product.showImage', { index: i + 1, total: images.length })
                  }
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
    const locale = this.i18n.locale;
    const shown = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average);
    const reviews = new Intl.NumberFormat(locale).format(count);
    return html`<div part="rating" class="rating" role="img" aria-label=${this.i18n.t('product.rating', { average: shown, count })}>
      <span class="stars" aria-hidden="true">${'★'.repeat(full)}${'☆'.repeat(5 - full)}</span>
      <span aria-hidden="true">${shown} (${reviews})</span>
    </div>`;
  }

  private renderPrice(product: Product, variant: ProductVariant | null) {
    const price = variant?.price ?? product.price;
    const compareAt = variant ? variant.compare_at_price : product.compare_at_price;
    const onSale = compareAt !== null && compareAt.currency === price.currency && compareAt.amount > price.amount;
    if (!onSale) return html`<p part="price" class="price"><span>${this.money(price)}</span></p>`;
    const percent = Math.round((1 - price.amount / compareAt.amount) * 100);
    return html`<p part="price" class="price">
      <span class="sr-only">${this.i18n.t('product.onSale', { was: this.money(compareAt), now: this.money(price), percent })}</span>
      <span aria-hidden="true">${this.money(price)}</span>
      <s part="compare-at-price" aria-hidden="true">${this.money(compareAt)}</s>
      <span part="discount" class="discount" aria-hidden="true">−${new Intl.NumberFormat(this.i18n.locale, { style: 'percent' }).format(percent / 100)}</span>
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
                : html`<span class="sr-only"> ${this.i18n.t(state === 'sold-out' ? 'product.valueSoldOut' : 'product.valueUnavailable')}</span>`
            }
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  private renderStock(product: Product, variant: ProductVariant | null) {
    const t = this.i18n.t.bind(this.i18n);
    if (!variant || !isPurchasable(variant)) {
      const title = product.options.map((o) => this.selected[o.name] ?? '').join(' / ');
      const offer = nearestAvailable(product, this.selected, this.lastChosen);
      const changed = offer ? changedOptions(product, this.selected, offer) : [];
      const kept = this.lastChosen && offer?.options[this.lastChosen] === this.selected[this.lastChosen];
      return html`<p part="stock" class="stock out" role="status">
          ${variant ? t('product.soldOut', { title: variant.title || title }) : t('product.missing', { title })}
        </p>
        ${
          offer && changed.length > 0
            ? html`<button part="offer" class="offer" type="button" @click=${() => void this.takeOffer(product, offer)}>
              ${
                kept
                  ? t('product.offerKept', {
                      kept: this.selected[this.lastChosen!]!,
                      changed: changed.map((c) => c.value).join(' / '),
                    })
                  : t('product.offer', { changed: changed.map((c) => c.value).join(' / ') })
              }
            </button>`
            : nothing
        }`;
    }
    // Sold on backorder with nothing on hand (or more asked than is on hand): it ships later.
    if (backorderedUnits(stockOf(variant), this.quantity) > 0)
      return html`<p part="stock" class="stock backorder" role="status">${t('product.backorder')}</p>`;
    const n = purchasableQuantity(stockOf(variant));
    // No count for an untracked variant (or one on backorder): it is simply available.
    if (n !== undefined && n <= LOW_STOCK_THRESHOLD)
      return html`<p part="stock" class="stock low" role="status">${t('product.lowStock', { count: n })}</p>`;
    return html`<p part="stock" class="stock" role="status">${t('product.inStock')}</p>`;
  }

  /** − [n] +: a labelled group; the field takes typing and arrow keys, the buttons stop at 1 and the stock. */
  private renderQuantity(variant: ProductVariant | null) {
    if (this.noQuantity || !variant || !isPurchasable(variant)) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const max = this.maxQuantity;
    const id = `${this.ids}-quantity`;
    return html`<div part="quantity" class="quantity" role="group" aria-labelledby=${`${id}-label`}>
      <label id=${`${id}-label`} for=${id}>${t('product.quantity')}</label>
      <div class="stepper">
        <button part="quantity-button" class="step" type="button" aria-label=${t('product.decrease')} aria-controls=${id}
          ?disabled=${this.quantity <= 1} @click=${() => this.setQuantity(this.quantity - 1)}>−</button>
        <input part="quantity-input" id=${id} type="number" inputmode="numeric" min="1" max=${max} step="1"
          .value=${String(this.quantity)} aria-describedby=${`${id}-max`}
          @change=${(e: Event) => this.setQuantity(Number((e.target as HTMLInputElement).value))} />
        <button part="quantity-button" class="step" type="button" aria-label=${t('product.increase')} aria-controls=${id}
          ?disabled=${this.quantity >= max} @click=${() => this.setQuantity(this.quantity + 1)}>+</button>
      </div>
      <span id=${`${id}-max`} class="sr-only">${t('product.quantityMax', { count: max })}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-product': ShopProduct;
  }
}
