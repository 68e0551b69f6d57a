import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  formatMoney,
  isPurchasable,
  isShopError,
  backorderedUnits,
  purchasableQuantity,
  stockOf,
  type StockInfo,
  type Cart,
  type Product,
  type ProductVariant,
  type ShopClient,
} from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { ownStoreValue } from '../internal/own-store.js';
import type { ShopStoreValue } from '../internal/store-context.js';
import { warn } from '../internal/dev.js';
import { ProductController } from '../internal/product-controller.js';
import { CartController } from '../internal/cart-controller.js';
import { analyticsFor, analyticsForCart } from '../internal/analytics.js';
import { errorMessageKey } from '../internal/errors.js';
import { mediaUrl } from '../internal/media.js';
import { Localizer } from '../i18n/localizer.js';
import type { MessageKey } from '../i18n/catalogues.js';
import type { MessageParams } from '../i18n/message.js';
import { ShopAddToCartEvent } from '../events/add-to-cart.js';
import { ShopCartChangeEvent } from '../events/cart-change.js';
import { ShopErrorEvent } from '../events/error.js';
import { openCartDrawer } from '../internal/open-cart.js';
import { buyButtonStyles } from './buy-button.styles.js';

export type BuyButtonMode = 'cart' | 'checkout';

/** What a buy button can show beside itself (`show="name price image"`). */
export type BuyButtonShown = 'name' | 'price' | 'image';
const SHOWABLE: readonly BuyButtonShown[] = ['name', 'price', 'image'];

/** A shopper's sentence for a failed add: stock and per-order limits by `code`, the rest by type. */
function addErrorMessage(error: unknown): [MessageKey, MessageParams?] {
  if (isShopError(error)) {
    if (error.code === 'out_of_stock') {
      const available = Number(error.details?.available);
      return Number.isFinite(available) && available > 0 ? ['buy.onlyMore', { count: available }] : ['buy.outOfStock'];
    }
    if (error.code === 'quantity_limit_exceeded') {
      const max = Number(error.details?.max_quantity);
      if (Number.isFinite(max)) return ['buy.quantityLimit', { count: max }];
    }
  }
  return [errorMessageKey(error)];
}

/**
 * Adds a product to the cart. Works on its own — one script tag and one element in any page or CMS
 * block — given a `product` (handle or id) and/or a `variant` id. It shows "Sold out" and disables
 * itself when nothing is available, progress while adding, and the server's message when adding
 * fails; a product with several variants and no `variant` gets a compact option select. It is a
 * `type="button"`, so it never submits a surrounding form. With `show="name price image"` (any of
 * the three) it also shows the product's image, name and price — enough for a CMS page with nothing
 * else. After adding, when the page has no `<shop-cart>`, it adds one (once per page) and opens it,
 * so the shopper always has a way to the cart and checkout.
 *
 * @summary An add-to-cart button for one product or variant.
 * @tagname shop-buy-button
 *
 * @event {ShopAddToCartEvent} shop-add-to-cart - Units were added; `detail` is GA4's `add_to_cart` parameters.
 * @event {ShopCartChangeEvent} shop-cart-change - The cart changed; `detail.cart` is the server's cart.
 * @event {ShopErrorEvent} shop-error - Loading the product or adding failed.
 *
 * @slot - The button's label (default "Add to cart", or "Buy now" in checkout mode).
 *
 * @csspart base - The wrapper around the select, button and message.
 * @csspart product - The image, name and price shown with `show`.
 * @csspart image - The product image (`show` includes `image`).
 * @csspart name - The product name (`show` includes `name`).
 * @csspart price - The price (`show` includes `price`).
 * @csspart variant-select - The option select shown for products with several variants.
 * @csspart button - The button.
 * @csspart message - The error or "Added" line under the button.
 *
 * @cssproperty --shop-buy-button-min-width - Minimum width of the button. Default `10rem`.
 * @cssproperty --shop-color-accent - Button background. Default `#4338ca`.
 * @cssproperty --shop-color-on-accent - Button text. Default `#ffffff`.
 */
export class ShopBuyButton extends LitElement {
  static readonly tagName = 'shop-buy-button';
  static override styles = buyButtonStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** A publishable key for an element used on its own, with no `<shop-store>` on the page (a CMS block). */
  @property({ attribute: 'publishable-key' }) publishableKey = '';

  /** The shop server's origin for `publishable-key`; defaults as `<shop-store>`'s does. */
  @property() endpoint = '';

  /** The product's handle or id; needed for the option select and for stock before the first add. */
  @property() product = '';

  /** The product object, when the page already has it (as `<shop-product-card>` does): nothing is loaded then. */
  @property({ attribute: false }) data: Product | undefined = undefined;

  /** The variant id to add. Without it, a single-variant product adds its variant and others show a select. */
  @property({ reflect: true }) variant = '';

  /**
   * Hides the option select, for when another control chooses the variant (`<shop-product>` sets it on
   * its slotted button); the button then shows "Unavailable", disabled, while that choice matches no variant.
   */
  @property({ type: Boolean, attribute: 'no-variant-select' }) noVariantSelect = false;

  /** Units to add per press (1 to the shop's per-line maximum). */
  @property({ type: Number }) quantity = 1;

  /**
   * `cart` adds and lets the cart drawer open; `checkout` ("Buy now") adds and goes straight to
   * checkout: to `checkout-url` when set, else it opens the cart drawer (creating a `<shop-cart>`
   * when the page has none).
   */
  @property() mode: BuyButtonMode = 'cart';

  /** The page with `<shop-checkout>` that checkout mode goes to after adding, e.g. `/checkout.html`. */
  @property({ attribute: 'checkout-url' }) checkoutUrl = '';

  /**
   * What to show beside the button, space-separated: `name`, `price`, `image` (e.g.
   * `show="image name price"`). The price is the chosen variant's, else the product's.
   */
  @property() show = '';

  /**
   * Leaves the page without a cart drawer: by default, after adding, a page with no `<shop-cart>`
   * gets one (it is created once and reused; it carries this button's `checkout-url`).
   */
  @property({ type: Boolean, attribute: 'no-cart-drawer' }) noCartDrawer = false;

  @state() private busy = false;
  @state() private message: { kind: 'error' | 'done'; key: MessageKey; params?: MessageParams } | null = null;
  @state() private variantAvailability: StockInfo | undefined = undefined;

  private readonly store = new StoreConsumer(this, { required: false });
  private readonly i18n = new Localizer(this, () => this.shop?.locale);
  private readonly loader = new ProductController(this);
  private readonly cartController = new CartController(this);
  private loadedFrom: { client: ShopClient; product: string; variant: string } | undefined;

  /** This element's shop: its own `publishable-key`, else the enclosing or page's store. */
  private get shop(): ShopStoreValue | undefined {
    return this.publishableKey
      ? ownStoreValue(ShopBuyButton.tagName, this.endpoint, this.publishableKey)
      : this.store.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.shop?.client;
    this.cartController.use(client);
    if (!client && this.store.status === 'missing') {
      warn(
        'W001',
        '<shop-buy-button> found no store: set its publishable-key, wrap it in <shop-store publishable-key="pk_…">, or set window.shoptag.',
      );
    }
    if (!client || this.data) return;
    const last = this.loadedFrom;
    if (last?.client === client && last.product === this.product && (this.product || last.variant === this.variant))
      return;
    this.loadedFrom = { client, product: this.product, variant: this.variant };
    if (this.product) void this.loadProduct(client);
    else if (this.variant) void this.loadAvailability(client, this.variant);
    if (changed.has('variant')) this.message = null;
  }

  private async loadProduct(client: ShopClient): Promise<void> {
    await this.loader.load(client, this.product);
    if (this.loader.status === 'error') this.dispatchEvent(new ShopErrorEvent({ error: this.loader.error }));
  }

  private async loadAvailability(client: ShopClient, variantId: string): Promise<void> {
    try {
      const { data } = await client.inventory.get([variantId]);
      const entry = data[0];
      this.variantAvailability = entry
        ? { track_inventory: entry.track_inventory, inventory_policy: entry.inventory_policy, available: entry.available }
        : { track_inventory: true, inventory_policy: 'deny', available: 0 };
    } catch (error) {
      this.dispatchEvent(new ShopErrorEvent({ error }));
    }
  }

  private get loadedProduct(): Product | undefined {
    if (this.data) return this.data;
    return this.product && this.loader.status === 'ready' ? this.loader.product : undefined;
  }

  /** The variant that a press adds: the `variant` attribute, else the only variant of the product. */
  private get selected(): ProductVariant | undefined {
    const product = this.loadedProduct;
    if (!product) return undefined;
    if (this.variant) return product.variants.find((v) => v.id === this.variant);
    return product.variants.length === 1 ? product.variants[0] : undefined;
  }

  /** Units that can still be added, counting those already in the cart; undefined while unknown. */
  private get available(): number | undefined {
    const variantId = this.selected?.id ?? (this.hasProduct ? undefined : this.variant || undefined);
    if (!variantId) return undefined;
    const stock = this.stock;
    if (stock === undefined) return undefined;
    const limit = purchasableQuantity(stock);
    // No limit: stock not tracked, or sold on backorder.
    if (limit === undefined) return undefined;
    const inCart = this.cartController.cart?.lines.find((l) => l.variant_id === variantId)?.quantity ?? 0;
    return Math.max(0, limit - inCart);
  }

  /** The chosen variant's stock settings and count; undefined while unknown. */
  private get stock(): StockInfo | undefined {
    return this.selected ? stockOf(this.selected) : this.variantAvailability;
  }

  /** Whether what a press adds (with what the cart holds) would be sold on backorder: it ships later. */
  private get shipsLater(): boolean {
    const stock = this.stock;
    const variantId = this.selected?.id ?? this.variant;
    if (!stock || !variantId) return false;
    const inCart = this.cartController.cart?.lines.find((l) => l.variant_id === variantId)?.quantity ?? 0;
    return backorderedUnits(stock, inCart + Math.max(1, this.quantity)) > 0;
  }

  private get soldOut(): boolean {
    const product = this.loadedProduct;
    if (product && !product.in_stock) return true;
    if (this.selected && (!isPurchasable(this.selected) || purchasableQuantity(stockOf(this.selected)) === 0)) return true;
    return !this.hasProduct && this.variantAvailability !== undefined && purchasableQuantity(this.variantAvailability) === 0;
  }

  /**
   * Another control chooses the variant (`no-variant-select`) and its choice matches none: the
   * button is disabled rather than asking for a select it does not show.
   */
  private get noMatch(): boolean {
    const product = this.loadedProduct;
    return this.noVariantSelect && product !== undefined && product.variants.length > 1 && !this.selected;
  }

  private get hasProduct(): boolean {
    return this.data !== undefined || this.product !== '';
  }

  private async add(): Promise<void> {
    const variantId = this.selected?.id ?? (this.hasProduct ? '' : this.variant);
    const cartStore = this.cartController.store;
    if (this.busy || !cartStore) return;
    if (!variantId) {
      this.message = { kind: 'error', key: 'buy.chooseFirst' };
      this.renderRoot.querySelector<HTMLSelectElement>('select')?.focus();
      return;
    }
    const quantity = Math.max(1, Math.trunc(this.quantity) || 1);
    this.busy = true;
    this.message = null;
    let cart: Cart;
    try {
      cart = await cartStore.add(variantId, quantity);
    } catch (error) {
      const [key, params] = addErrorMessage(error);
      this.message = { kind: 'error', key, ...(params ? { params } : {}) };
      this.dispatchEvent(new ShopErrorEvent({ error }));
      return;
    } finally {
      this.busy = false;
    }
    const line = cart.lines.find((l) => l.variant_id === variantId);
    this.message = line
      ? { kind: 'done', key: 'buy.added', params: { name: line.name } }
      : { kind: 'done', key: 'buy.addedPlain' };
    if (line) this.dispatchEvent(new ShopAddToCartEvent(analyticsFor(cart.currency, [{ line, quantity }])));
    this.dispatchEvent(new ShopCartChangeEvent({ ...analyticsForCart(cart), cart }));
    const own = { publishableKey: this.publishableKey, endpoint: this.endpoint, checkoutUrl: this.checkoutUrl };
    if (this.mode !== 'checkout') {
      // A page with a drawer opens it on the add event; one without gets this button's own.
      if (!this.noCartDrawer && !document.querySelector('shop-cart')) openCartDrawer(own);
      return;
    }
    if (this.checkoutUrl) location.assign(new URL(this.checkoutUrl, document.baseURI).href);
    else openCartDrawer(own);
  }

  private onSelect(event: Event): void {
    this.variant = (event.target as HTMLSelectElement).value;
  }

  private get shown(): Set<BuyButtonShown> {
    const words = this.show.toLowerCase().split(/\s+/);
    return new Set(SHOWABLE.filter((w) => words.includes(w)));
  }

  private renderProduct(product: Product | undefined) {
    const shown = this.shown;
    if (shown.size === 0 || !product) return nothing;
    const image = product.images.find((i) => i.id === this.selected?.image_id) ?? product.images[0];
    const price = this.selected?.price ?? product.price;
    return html`<div part="product" class="product">
      ${
        shown.has('image') && image
          ? html`<img part="image" class="image" src=${mediaUrl(image.url, this.shop?.endpoint)} alt=${image.alt || product.name} width=${image.width ?? nothing} height=${image.height ?? nothing} loading="lazy" />`
          : nothing
      }
      <div class="text">
        ${shown.has('name') ? html`<p part="name" class="name">${product.name}</p>` : nothing}
        ${shown.has('price') ? html`<p part="price" class="price">${formatMoney(price, this.i18n.locale)}</p>` : nothing}
      </div>
    </div>`;
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const product = this.loadedProduct;
    const needsSelect = product !== undefined && product.variants.length > 1 && !this.noVariantSelect;
    const soldOut = this.soldOut;
    const loading =
      (!this.publishableKey && this.store.status === 'pending') ||
      (!this.data && this.product !== '' && this.loader.status !== 'ready' && this.loader.status !== 'error');
    const noMatch = this.noMatch;
    const label = t(
      this.busy
        ? 'buy.adding'
        : soldOut
          ? 'buy.soldOut'
          : noMatch
            ? 'buy.unavailable'
            : this.mode === 'checkout'
              ? 'buy.buyNow'
              : 'buy.add',
    );
    const available = this.available;
    const tooMany = available !== undefined && !soldOut && available < Math.max(1, this.quantity);
    return html`${this.renderProduct(product)}<div part="base" class="base">
      ${
        needsSelect
          ? html`<select part="variant-select" class="select" aria-label=${t('buy.optionsFor', { name: product.name })} .value=${this.variant} @change=${this.onSelect}>
            <option value="" ?selected=${!this.variant}>${t('buy.choose')}</option>
            ${product.variants.map(
              (v) =>
                html`<option value=${v.id} ?selected=${v.id === this.variant} ?disabled=${!v.in_stock}>${!v.in_stock ? t('buy.variantSoldOut', { title: v.title }) : v.backorder ? t('buy.variantBackorder', { title: v.title }) : v.title}</option>`,
            )}
          </select>`
          : nothing
      }
      <button
        part="button"
        class="button primary"
        type="button"
        ?disabled=${soldOut || noMatch || loading || tooMany || (!this.data && this.loader.status === 'error')}
        aria-busy=${this.busy ? 'true' : 'false'}
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${this.add}
      >
        ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
        ${this.busy || soldOut || noMatch ? label : html`<slot>${label}</slot>`}
      </button>
      <p part="message" class="message ${this.message?.kind ?? ''}" role=${this.message?.kind === 'error' ? 'alert' : 'status'}>
        ${this.message ? t(this.message.key, this.message.params) : nothing}
        ${tooMany && this.message?.kind !== 'error' ? (available === 0 ? t('buy.allInCart') : t('buy.onlyMore', { count: available })) : nothing}
        ${!this.data && this.loader.status === 'error' ? t(errorMessageKey(this.loader.error)) : nothing}
      </p>
      ${!soldOut && !noMatch && this.shipsLater ? html`<p part="ships-later" class="message">${t('buy.shipsLater')}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-buy-button': ShopBuyButton;
  }
}
