import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Product, ShopClient } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { Localizer } from '../i18n/localizer.js';
import { ShopErrorEvent } from '../events/error.js';
import { ShopProductCard } from '../product-card/product-card.js';
import { relatedProductsStyles } from './related-products.styles.js';

/** The card parts a page can style through this element (`::part(card)` …). */
const CARD_PARTS =
  'card, media, image, badge, sale-badge, sold-out-badge, body, brand, name, link, rating, price, compare-at-price, stock';

/**
 * "You may also like": a row of product cards related to one product (the server's
 * `/v1/products/:id/related` — same category and brand first, never the product itself). It shows
 * nothing while loading, when there is nothing related, or when the request fails (the section is
 * secondary on a product page; the failure is still reported by `shop-error`).
 *
 * @summary Product cards related to one product.
 * @tagname shop-related-products
 * @dependency shop-product-card
 *
 * @event {ShopErrorEvent} shop-error - Loading the related products failed.
 *
 * @slot heading - Replaces the heading text ("You may also like").
 *
 * @csspart base - The section.
 * @csspart heading - The heading.
 * @csspart list - The list of cards.
 * @csspart card - Each card; the card's other parts (image, name, link, price, …) are forwarded too.
 *
 * @cssproperty --shop-related-min-column - Narrowest a card gets. Default `11rem`.
 */
export class ShopRelatedProducts extends LitElement {
  static readonly tagName = 'shop-related-products';
  static readonly dependencies = [ShopProductCard];
  static override styles = relatedProductsStyles;

  /** The product (handle or id) whose relatives to show. */
  @property() product = '';

  /** How many cards at most (1–24). */
  @property({ type: Number }) limit = 4;

  /** Makes each card's name a link: `{handle}` and `{id}` are replaced, e.g. `product.html?handle={handle}`. */
  @property({ attribute: 'href-template' }) hrefTemplate = '';

  /** Heading level of the section heading (1–6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private products: readonly Product[] = [];

  private readonly store = new StoreConsumer(this, { required: true });
  private readonly i18n = new Localizer(this, () => this.store.value?.locale);
  private loadedFor: { client: ShopClient; product: string; limit: number } | undefined;
  private abort: AbortController | undefined;

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const client = this.store.value?.client;
    const limit = Math.min(24, Math.max(1, Math.trunc(this.limit) || 4));
    const last = this.loadedFor;
    if (!client || (last?.client === client && last.product === this.product && last.limit === limit)) return;
    this.loadedFor = { client, product: this.product, limit };
    this.abort?.abort();
    this.products = [];
    if (this.product) void this.load(client, this.product, limit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.loadedFor = undefined;
  }

  private async load(client: ShopClient, product: string, limit: number): Promise<void> {
    const abort = (this.abort = new AbortController());
    try {
      const { data } = await client.products.related(product, { limit, signal: abort.signal });
      if (!abort.signal.aborted) this.products = data;
    } catch (error) {
      if (!abort.signal.aborted) this.dispatchEvent(new ShopErrorEvent({ error }));
    }
  }

  protected override render() {
    if (this.products.length === 0) return nothing;
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel) || 2));
    return html`<section part="base" class="base" aria-labelledby="heading" dir=${this.i18n.dir}>
      <div part="heading" id="heading" class="heading" role="heading" aria-level=${level}>
        <slot name="heading">${this.i18n.t('related.heading')}</slot>
      </div>
      <ul part="list" class="list">
        ${this.products.map(
          (p) => html`<li>
            <shop-product-card exportparts=${CARD_PARTS} .product=${p} href-template=${this.hrefTemplate || nothing}></shop-product-card>
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-related-products': ShopRelatedProducts;
  }
}
