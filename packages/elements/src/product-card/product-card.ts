import { LitElement, html, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { formatMoney, purchasableQuantity, stockOf, type Money, type Product } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { ProductController } from '../internal/product-controller.js';
import { mediaUrl } from '../internal/media.js';
import { errorMessageKey } from '../internal/errors.js';
import { ReconnectController } from '../internal/reconnect-controller.js';
import { Localizer } from '../i18n/localizer.js';
import { ShopProductSelectEvent } from '../events/product-select.js';
import { ShopErrorEvent } from '../events/error.js';
import { ShopBuyButton } from '../buy-button/buy-button.js';
import { productCardStyles } from './product-card.styles.js';

/** Stock at or below this many units shows "Only N left". */
const LOW_STOCK_THRESHOLD = 5;

const STAR = 'M10 1.5l2.6 5.5 6 .7-4.4 4.1 1.2 5.9L10 14.8l-5.4 2.9 1.2-5.9L1.4 7.7l6-.7z';
const stars = (className: string) =>
  svg`<g class=${className}>${[0, 1, 2, 3, 4].map((i) => svg`<path transform="translate(${i * 20} 0)" d=${STAR}></path>`)}</g>`;

/**
 * A product tile: image, brand, name, rating and price, with Sale and Sold out badges. Give it a
 * `product` object (as `<shop-product-grid>` does) or a `handle` to load one from the store; when
 * that fails because the shop could not be reached, it loads again as soon as the shop answers.
 *
 * @summary One product as a card: image, name, rating and price.
 * @tagname shop-product-card
 * @dependency shop-buy-button
 *
 * @event {ShopProductSelectEvent} shop-product-select - The shopper activated the product (its name or
 * anywhere on the card). Cancelable: `preventDefault()` stops the link from navigating.
 * @event {ShopErrorEvent} shop-error - Loading the product named by `handle` failed.
 *
 * @csspart card - The card's outer box.
 * @csspart media - The image frame, which keeps the image's aspect ratio while it loads.
 * @csspart image - The product image.
 * @csspart badge - Every badge; also `sale-badge` and `sold-out-badge`.
 * @csspart sale-badge - The "Sale" badge.
 * @csspart sold-out-badge - The "Sold out" badge.
 * @csspart body - The text under the image.
 * @csspart brand - The brand line.
 * @csspart name - The heading around the product name.
 * @csspart link - The product name itself: a link with `href-template`, else a button.
 * @csspart rating - The stars and review count.
 * @csspart price - The price line.
 * @csspart compare-at-price - The struck-through former price.
 * @csspart stock - The "Only N left" note.
 * @csspart buy-button - The `<shop-buy-button>` shown with the `buy-button` attribute.
 * @csspart retry - The "Try again" button when the product named by `handle` could not be loaded.
 *
 * @cssproperty --shop-card-background - Card background. Default `#ffffff`.
 * @cssproperty --shop-card-image-aspect-ratio - Aspect ratio of the image frame. Default `1 / 1`.
 * @cssproperty --shop-card-image-fit - `object-fit` of the image. Default `cover`.
 * @cssproperty --shop-card-name-size - Font size of the name. Default `1rem`.
 * @cssproperty --shop-color-media-background - Behind images while they load. Default `#f3f4f6`.
 * @cssproperty --shop-color-sale - Sale badge and sale price. Default `#b42318`.
 * @cssproperty --shop-color-on-sale - Text on the sale badge. Default `#ffffff`.
 * @cssproperty --shop-color-sold-out - Sold-out badge background. Default `#374151`.
 * @cssproperty --shop-color-rating - Filled stars. Default `#f59e0b`.
 * @cssproperty --shop-shadow - Card shadow at rest.
 * @cssproperty --shop-shadow-hover - Card shadow under the pointer.
 */
export class ShopProductCard extends LitElement {
  static readonly tagName = 'shop-product-card';
  static override styles = productCardStyles;
  static readonly dependencies = [ShopBuyButton];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The product to show. Set by `<shop-product-grid>`; wins over `handle`. */
  @property({ attribute: false }) product: Product | undefined = undefined;

  /** A product handle or id to load from the store when no `product` is set. */
  @property() handle = '';

  /**
   * Makes the name a link: `{handle}` and `{id}` are replaced, e.g. `/products/{handle}`. Without it
   * the name is a button that only fires `shop-product-select`.
   */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  /** Shows an add-to-cart button (`<shop-buy-button>`, with an option select for several variants) under the price. */
  @property({ type: Boolean, attribute: 'buy-button' }) buyButton = false;

  /** Heading level of the product name (2–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  private readonly store = new StoreConsumer(this, { required: false });
  private readonly loader = new ProductController(this);
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);
  // A handle that failed to load (the shop unreachable) loads again when the shop answers.
  private readonly reconnect = new ReconnectController(
    this,
    () => this.store.value?.client,
    () => {
      if (!this.product && this.handle && this.loader.status === 'error') void this.loadHandle();
    },
  );

  private loadedFrom: { client: unknown; handle: string } | undefined;

  protected override willUpdate(): void {
    const client = this.store.value?.client;
    if (this.product || !this.handle || !client) return;
    const last = this.loadedFrom;
    // Reload when the handle or store changed, or when a load was cut short by removal.
    if (last?.client === client && last.handle === this.handle && this.loader.status !== 'idle') return;
    this.loadedFrom = { client, handle: this.handle };
    void this.loadHandle();
  }

  private async loadHandle(): Promise<void> {
    const client = this.store.value?.client;
    if (!client) return;
    await this.loader.load(client, this.handle);
    if (this.loader.status === 'error') this.dispatchEvent(new ShopErrorEvent({ error: this.loader.error }));
  }

  private get shown(): Product | undefined {
    return this.product ?? (this.handle ? this.loader.product : undefined);
  }

  private href(product: Product): string | undefined {
    if (!this.hrefTemplate) return undefined;
    return this.hrefTemplate
      .replaceAll('{handle}', encodeURIComponent(product.handle))
      .replaceAll('{id}', encodeURIComponent(product.id));
  }

  private money(money: Money): string {
    return formatMoney(money, this.i18n.locale);
  }

  private onActivate(event: MouseEvent, product: Product): void {
    const select = new ShopProductSelectEvent({ product });
    this.dispatchEvent(select);
    const plainClick = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (select.defaultPrevented && plainClick) event.preventDefault();
  }

  protected override render() {
    const product = this.shown;
    if (product) return this.renderProduct(product);
    if (this.handle && this.loader.status === 'error') {
      return html`<div part="card" class="card">
        <p class="message" role="alert">${this.i18n.t(errorMessageKey(this.loader.error))}</p>
        <button part="retry" class="retry" type="button" @click=${() => void this.loadHandle()}>${this.i18n.t('common.retry')}</button>
      </div>`;
    }
    return this.renderPlaceholder();
  }

  private renderPlaceholder() {
    return html`<div part="card" class="card placeholder" aria-hidden="true">
      <div part="media" class="media skeleton-block"></div>
      <div part="body" class="body">
        <div class="skeleton-block line short"></div>
        <div class="skeleton-block line"></div>
        <div class="skeleton-block line mid"></div>
      </div>
    </div>`;
  }

  private renderProduct(product: Product) {
    const t = this.i18n.t.bind(this.i18n);
    const image = product.images[0];
    const soldOut = !product.in_stock;
    const compareAt = product.compare_at_price;
    const onSale =
      compareAt !== null && compareAt.currency === product.price.currency && compareAt.amount > product.price.amount;
    const href = this.href(product);
    // A count is shown only when every variant's stock is counted and stops at 0 (none untracked or on backorder).
    const limits = product.variants.map((v) => purchasableQuantity(stockOf(v)));
    const counted = limits.every((n) => n !== undefined);
    const available = limits.reduce<number>((sum, n) => sum + (n ?? 0), 0);
    const lowStock = counted && !soldOut && available > 0 && available <= LOW_STOCK_THRESHOLD;
    // In stock only on backorder: every enabled variant that can be bought has nothing on hand.
    const backorder = !soldOut && product.variants.every((v) => !v.in_stock || v.backorder);
    const priceVaries = product.variants.some((v) => v.price.amount !== product.price.amount);
    const level = Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 3));
    const activate = (e: MouseEvent) => this.onActivate(e, product);
    const name = href
      ? html`<a part="link" class="link" href=${href} @click=${activate}>${product.name}</a>`
      : html`<button part="link" class="link" type="button" @click=${activate}>${product.name}</button>`;

    return html`<article part="card" class="card interactive ${soldOut ? 'sold-out' : ''}">
      <div part="media" class="media">
        ${
          image
            ? html`<img
              part="image"
              class="image"
              src=${mediaUrl(image.url, this.store.value?.endpoint)}
              alt=${image.alt || product.name}
              width=${image.width}
              height=${image.height}
              loading="lazy"
              decoding="async"
            />`
            : nothing
        }
        <div class="badges">
          ${onSale && !soldOut ? html`<span part="badge sale-badge" class="badge">${t('card.sale')}</span>` : nothing}
          ${soldOut ? html`<span part="badge sold-out-badge" class="badge sold-out-badge">${t('card.soldOut')}</span>` : nothing}
          ${backorder ? html`<span part="badge backorder-badge" class="badge">${t('card.backorder')}</span>` : nothing}
        </div>
      </div>
      <div part="body" class="body">
        ${product.brand ? html`<p part="brand" class="brand">${product.brand}</p>` : nothing}
        <div part="name" class="name" role="heading" aria-level=${level}>${name}</div>
        ${product.rating.count > 0 ? this.renderRating(product.rating.average, product.rating.count) : nothing}
        <p part="price" class="price">
          ${priceVaries ? html`<span class="from">${t('card.from')}</span>` : nothing}
          ${
            onSale
              ? html`<span class="sr-only">${t('card.wasNow', { was: this.money(compareAt), now: this.money(product.price) })}</span>
                <span class="sale" aria-hidden="true">${this.money(product.price)}</span>
                <s part="compare-at-price" aria-hidden="true">${this.money(compareAt)}</s>`
              : html`<span>${this.money(product.price)}</span>`
          }
        </p>
        ${lowStock ? html`<p part="stock" class="stock">${t('card.onlyLeft', { count: available })}</p>` : nothing}
        ${this.buyButton ? html`<shop-buy-button part="buy-button" class="buy" .data=${product}></shop-buy-button>` : nothing}
      </div>
    </article>`;
  }

  private renderRating(average: number, count: number) {
    const rating = new Intl.NumberFormat(this.i18n.locale, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(average);
    const label = this.i18n.t('card.rating', { rating, count });
    const width = Math.round(Math.min(5, Math.max(0, average)) * 20);
    return html`<div part="rating" class="rating" role="img" aria-label=${label}>
      <svg class="stars" viewBox="0 0 100 20" width="80" height="16" aria-hidden="true" focusable="false">
        <defs><clipPath id="filled"><rect x="0" y="0" width=${width} height="20"></rect></clipPath></defs>
        ${stars('empty')}
        <g clip-path="url(#filled)">${stars('full')}</g>
      </svg>
      <span aria-hidden="true">${rating} (${new Intl.NumberFormat(this.i18n.locale).format(count)})</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-product-card': ShopProductCard;
  }
}
