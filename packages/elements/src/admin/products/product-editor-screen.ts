import { html, nothing } from 'lit';
import { query, state } from 'lit/decorators.js';
import {
  decimalToMinor,
  minorToDecimalString,
  type AdminProduct,
  type ProductCreate,
  type ProductStatus,
} from '@shoptag/sdk/admin';
import type { AdminMessageKey } from '../i18n/admin-messages.js';
import { AdminScreen } from '../ui/admin-screen.js';
import { catalogStyles } from '../ui/catalog.styles.js';
import type { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import { productFieldErrors, type FieldErrors } from './product-form-errors.js';
import type { ProductImagesChangeEvent } from './product-images.js';
import {
  combinationKey,
  handleFrom,
  MAX_OPTIONS,
  MAX_VARIANTS,
  optionValues,
  suggestSku,
  variantCombinations,
  type OptionDraft,
} from './variant-matrix.js';

const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DEFAULT_CURRENCY = 'USD';

interface VariantDraft {
  /** The server's id, for a variant that exists. */
  id?: string;
  options: Record<string, string>;
  sku: string;
  price: string;
  compareAt: string;
  stock: string;
  enabled: boolean;
  trackInventory: boolean;
  continueSelling: boolean;
  requiresShipping: boolean;
}

interface Form {
  name: string;
  handle: string;
  description: string;
  brand: string;
  category: string;
  status: ProductStatus;
  seoTitle: string;
  seoDescription: string;
}

const EMPTY_FORM: Form = {
  name: '',
  handle: '',
  description: '',
  brand: '',
  category: '',
  status: 'draft',
  seoTitle: '',
  seoDescription: '',
};

/**
 * Creates and edits a product: title, handle, description, category, options (up to three) and
 * the variants made from them with SKU, price, compare-at price and stock; search-engine title and
 * description; images; publish, keep as draft, archive or delete. Field errors are shown by the
 * field; leaving with unsaved changes asks first.
 *
 * @summary The console's product editor.
 * @tagname shop-admin-product
 */
export class ShopAdminProduct extends AdminScreen {
  static readonly tagName = 'shop-admin-product';
  static override styles = [...AdminScreen.styles, catalogStyles];

  @state() private product: AdminProduct | undefined;
  @state() private phase: 'loading' | 'ready' | 'error' = 'loading';
  @state() private form: Form = { ...EMPTY_FORM };
  @state() private options: OptionDraft[] = [];
  @state() private variants: VariantDraft[] = [];
  @state() private errors: FieldErrors = {};
  @state() private banner = '';
  @state() private saving = false;
  @state() private dirty = false;
  private handleEdited = false;
  private currency = DEFAULT_CURRENCY;
  @query('shop-admin-confirm#unsaved') private unsavedDialog!: ShopAdminConfirm;
  @query('shop-admin-confirm#delete') private deleteDialog!: ShopAdminConfirm;

  private get isNew(): boolean {
    return !this.params['id'];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Asked by the shell before it navigates away. */
  async canLeave(): Promise<boolean> {
    return !this.dirty || this.unsavedDialog.ask();
  }

  private async load(): Promise<void> {
    this.phase = 'loading';
    try {
      if (this.isNew) {
        const sample = await this.console.client.products.list({ limit: 1 });
        this.currency = sample.data[0]?.price_min?.currency ?? DEFAULT_CURRENCY;
        this.form = { ...EMPTY_FORM };
        this.variants = this.regenerate([]);
      } else {
        this.fill(await this.console.client.products.get(this.params['id']!));
      }
      this.phase = 'ready';
    } catch (error) {
      this.banner = this.describe(error);
      this.phase = 'error';
    }
    // The heading appears only once loaded: it takes focus then, as a screen's heading does.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  private fill(product: AdminProduct): void {
    this.product = product;
    this.currency = product.variants[0]?.price.currency ?? DEFAULT_CURRENCY;
    this.handleEdited = true;
    this.form = {
      name: product.name,
      handle: product.handle,
      description: product.description_html,
      brand: product.brand,
      category: product.category.slug,
      status: product.status,
      seoTitle: product.seo.title === product.name ? '' : product.seo.title,
      seoDescription: product.seo.description === product.short_description ? '' : product.seo.description,
    };
    this.options = product.options.map((o) => ({ name: o.name, values: o.values.join(', ') }));
    this.variants = product.variants.map((v) => ({
      id: v.id,
      options: v.options,
      sku: v.sku,
      price: minorToDecimalString(v.price.amount, v.price.currency),
      compareAt: v.compare_at_price ? minorToDecimalString(v.compare_at_price.amount, v.compare_at_price.currency) : '',
      stock: String(v.available_quantity),
      enabled: v.enabled,
      trackInventory: v.track_inventory,
      continueSelling: v.inventory_policy === 'continue',
      requiresShipping: v.requires_shipping,
    }));
    this.dirty = false;
  }

  /** Variants for the options as they are now, keeping what was typed for combinations that stay. */
  private regenerate(previous: readonly VariantDraft[]): VariantDraft[] {
    const byKey = new Map(previous.map((v) => [combinationKey(v.options), v]));
    const first = previous[0];
    return variantCombinations(this.options).map((options) => {
      const kept = byKey.get(combinationKey(options));
      if (kept) return { ...kept, options };
      return {
        options,
        sku: this.form.handle ? suggestSku(this.form.handle, options) : '',
        price: first?.price ?? '',
        compareAt: first?.compareAt ?? '',
        stock: '0',
        enabled: true,
        trackInventory: first?.trackInventory ?? true,
        continueSelling: first?.continueSelling ?? false,
        requiresShipping: first?.requiresShipping ?? true,
      };
    });
  }

  private edit<K extends keyof Form>(key: K, value: Form[K]): void {
    this.form = { ...this.form, [key]: value };
    if (key === 'name' && this.isNew && !this.handleEdited)
      this.form = { ...this.form, handle: handleFrom(String(value)) };
    if (key === 'handle') this.handleEdited = true;
    this.dirty = true;
  }

  private editOption(index: number, patch: Partial<OptionDraft>): void {
    this.options = this.options.map((o, i) => (i === index ? { ...o, ...patch } : o));
    this.variants = this.regenerate(this.variants);
    this.dirty = true;
  }

  private editVariant(index: number, patch: Partial<VariantDraft>): void {
    this.variants = this.variants.map((v, i) => (i === index ? { ...v, ...patch } : v));
    this.dirty = true;
  }

  /** Checks what can be checked here; answers the body to send, or undefined with `errors` set. */
  private body(status: ProductStatus): ProductCreate | undefined {
    const errors: FieldErrors = {};
    const f = this.form;
    if (!f.name.trim()) errors['name'] = 'product.error.nameRequired';
    if (!HANDLE.test(f.handle)) errors['handle'] = 'product.error.handle';
    if (!f.category.trim()) errors['category'] = 'product.error.category';
    this.options.forEach((o, i) => {
      if (o.name.trim() && optionValues(o.values).length === 0) errors[`options.${i}`] = 'product.error.optionValues';
    });
    if (this.variants.length > MAX_VARIANTS) errors['variants'] = 'product.error.tooManyVariants';
    const skus = new Set<string>();
    const variants = this.variants.map((v, i) => {
      const price = decimalToMinor(v.price, this.currency);
      const compareAt = v.compareAt.trim() ? decimalToMinor(v.compareAt, this.currency) : null;
      if (!v.sku.trim()) errors[`variants.${i}.sku`] = 'product.error.skuRequired';
      else if (skus.has(v.sku.trim())) errors[`variants.${i}.sku`] = 'product.error.skuDuplicate';
      skus.add(v.sku.trim());
      if (price === null || price < 0) errors[`variants.${i}.price`] = 'product.error.price';
      if (v.compareAt.trim() && (compareAt === null || compareAt < 0))
        errors[`variants.${i}.compare_at_price`] = 'product.error.price';
      const stock = Number(v.stock);
      return {
        sku: v.sku.trim(),
        options: v.options,
        price: price ?? 0,
        compare_at_price: compareAt,
        enabled: v.enabled,
        track_inventory: v.trackInventory,
        inventory_policy: v.continueSelling ? ('continue' as const) : ('deny' as const),
        requires_shipping: v.requiresShipping,
        // Stock is set here only for variants that do not exist yet; counts change on the Stock page.
        ...(!v.id && Number.isInteger(stock) && stock >= 0 ? { stock } : {}),
      };
    });
    this.errors = errors;
    if (Object.keys(errors).length > 0) return undefined;
    return {
      name: f.name.trim(),
      handle: f.handle,
      description_html: f.description,
      brand: f.brand,
      category: f.category.trim(),
      status,
      seo: { title: f.seoTitle, description: f.seoDescription },
      variants,
    };
  }

  private async save(status: ProductStatus): Promise<void> {
    this.banner = '';
    const body = this.body(status);
    if (!body) {
      this.banner = this.t('error.invalidRequest');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.saving = true;
    try {
      const saved = this.product
        ? await this.console.client.products.update(this.product.id, body)
        : await this.console.client.products.create(body);
      const created = !this.product;
      this.fill(saved);
      const message: AdminMessageKey = created
        ? 'product.created'
        : status === 'active' && this.form.status === 'active'
          ? 'product.published'
          : status === 'archived'
            ? 'product.archived'
            : 'common.saved';
      this.console.announce(this.t(message));
      if (created) this.console.navigate(`products/${saved.id}`);
    } catch (error) {
      const fields = productFieldErrors(error);
      this.errors = fields ?? {};
      this.banner = fields ? this.t('error.invalidRequest') : this.describe(error);
    } finally {
      this.saving = false;
    }
  }

  private async removeProduct(): Promise<void> {
    if (!this.product || !(await this.deleteDialog.ask())) return;
    this.saving = true;
    try {
      await this.console.client.products.remove(this.product.id);
      this.dirty = false;
      this.console.announce(this.t('product.deleted'));
      this.console.navigate('products');
    } catch (error) {
      this.banner = this.describe(error);
    } finally {
      this.saving = false;
    }
  }

  private field(
    key: keyof Form,
    label: AdminMessageKey,
    options: { hint?: AdminMessageKey; multiline?: boolean; max?: number; required?: boolean } = {},
  ) {
    const error = this.errors[key];
    const id = `f-${key}`;
    const input = options.multiline
      ? html`<textarea
          id=${id}
          rows="5"
          maxlength=${options.max ?? 100000}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="${id}-hint ${id}-error"
          .value=${this.form[key]}
          @input=${(e: Event) => this.edit(key, (e.target as HTMLTextAreaElement).value as never)}
        ></textarea>`
      : html`<input
          id=${id}
          maxlength=${options.max ?? 300}
          ?required=${options.required}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="${id}-hint ${id}-error"
          .value=${this.form[key]}
          @input=${(e: Event) => this.edit(key, (e.target as HTMLInputElement).value as never)}
        />`;
    return html`<label for=${id}
      >${this.t(label)} ${input}
      ${options.hint ? html`<span class="hint" id="${id}-hint">${this.t(options.hint)}</span>` : nothing}
      <span class="field-error" id="${id}-error">${error ? this.t(error) : nothing}</span></label
    >`;
  }

  private optionsFieldset() {
    return html`<fieldset>
      <legend>${this.t('product.options')}</legend>
      <p class="hint">${this.t('product.optionsHint')}</p>
      ${this.options.map((o, i) => {
        const n = i + 1;
        const error = this.errors[`options.${i}`];
        return html`<div class="grid-2">
          <label
            >${this.t('product.optionName', { n })}
            <input
              .value=${o.name}
              maxlength="100"
              @input=${(e: Event) => this.editOption(i, { name: (e.target as HTMLInputElement).value })}
          /></label>
          <label
            >${this.t('product.optionValues', { n })}
            <input
              .value=${o.values}
              aria-invalid=${error ? 'true' : 'false'}
              @change=${(e: Event) => this.editOption(i, { values: (e.target as HTMLInputElement).value })}
            />
            <span class="field-error">${error ? this.t(error) : nothing}</span></label
          >
          <div class="actions">
            <button
              class="button"
              type="button"
              @click=${() => {
                this.options = this.options.filter((_, j) => j !== i);
                this.variants = this.regenerate(this.variants);
                this.dirty = true;
              }}
            >
              ${this.t('product.removeOption', { n })}
            </button>
          </div>
        </div>`;
      })}
      ${
        this.options.length < MAX_OPTIONS
          ? html`<div>
            <button
              class="button"
              type="button"
              @click=${() => {
                this.options = [...this.options, { name: '', values: '' }];
                this.dirty = true;
              }}
            >
              ${this.t('product.addOption')}
            </button>
          </div>`
          : nothing
      }
    </fieldset>`;
  }

  private variantsFieldset() {
    // Each field keeps a visible label and an accessible name that says which variant it is
    // ("Price – S / Red"), since every card repeats the same labels.
    const field = (i: number, key: 'sku' | 'price' | 'compareAt', label: AdminMessageKey, errorKey: string) => {
      const error = this.errors[`variants.${i}.${errorKey}`];
      return html`<label
        ><span aria-hidden="true"
          >${this.t(label)}${key === 'sku' ? '' : html` <span class="hint">(${this.currency})</span>`}</span
        >
        <input
          aria-label="${this.t(label)} – ${this.variantTitle(i)}"
          inputmode=${key === 'sku' ? 'text' : 'decimal'}
          aria-invalid=${error ? 'true' : 'false'}
          .value=${this.variants[i]![key]}
          @input=${(e: Event) => this.editVariant(i, { [key]: (e.target as HTMLInputElement).value })}
        />
        ${error ? html`<span class="field-error">${this.t(error)}</span>` : nothing}
      </label>`;
    };
    return html`<fieldset>
      <legend>${this.t('product.variants')}</legend>
      ${
        this.errors['variants']
          ? html`<p class="field-error" role="alert">${this.t(this.errors['variants'])}</p>`
          : nothing
      }
      <ul class="variants">
        ${this.variants.map(
          (v, i) => html`<li class="variant">
            <p class="variant-title">${this.variantTitle(i)}</p>
            <div class="variant-fields">
              ${field(i, 'sku', 'product.sku', 'sku')} ${field(i, 'price', 'product.price', 'price')}
              ${field(i, 'compareAt', 'product.compareAt', 'compare_at_price')}
              ${
                v.id
                  ? html`<div class="variant-stock">
                      <span>${this.t('product.stockOnHand')}</span>
                      <a href="#/stock/${v.id}" aria-label="${this.t('product.stockOnHand')} – ${this.variantTitle(i)}: ${v.stock}"
                        >${v.stock}</a
                      >
                    </div>`
                  : html`<label
                      ><span aria-hidden="true">${this.t('product.stockOnHand')}</span>
                      <input
                        type="number"
                        min="0"
                        step="1"
                        aria-label="${this.t('product.stockOnHand')} – ${this.variantTitle(i)}"
                        .value=${v.stock}
                        @input=${(e: Event) => this.editVariant(i, { stock: (e.target as HTMLInputElement).value })}
                    /></label>`
              }
            </div>
            <div class="variant-flags">
              <label class="check"
                ><input
                  type="checkbox"
                  aria-label="${this.t('product.enabled')} – ${this.variantTitle(i)}"
                  .checked=${v.enabled}
                  @change=${(e: Event) => this.editVariant(i, { enabled: (e.target as HTMLInputElement).checked })}
                /><span aria-hidden="true">${this.t('product.enabled')}</span></label
              >
              ${this.flag(i, 'trackInventory', 'product.trackInventory')}
              ${this.flag(i, 'continueSelling', 'product.continueSelling', !v.trackInventory)}
              ${this.flag(i, 'requiresShipping', 'product.requiresShipping')}
            </div>
          </li>`,
        )}
      </ul>
      ${this.variants.some((v) => v.id) ? html`<p class="hint">${this.t('product.stockLater')}</p>` : nothing}
    </fieldset>`;
  }

  /** A per-variant yes/no (track stock, keep selling when sold out, needs shipping). */
  private flag(
    i: number,
    key: 'trackInventory' | 'continueSelling' | 'requiresShipping',
    label: AdminMessageKey,
    disabled = false,
  ) {
    return html`<label class="check"
      ><input
        type="checkbox"
        aria-label="${this.t(label)} – ${this.variantTitle(i)}"
        ?disabled=${disabled}
        .checked=${this.variants[i]![key]}
        @change=${(e: Event) => this.editVariant(i, { [key]: (e.target as HTMLInputElement).checked })}
      /><span aria-hidden="true">${this.t(label)}</span></label
    >`;
  }

  private variantTitle(i: number): string {
    const options = this.variants[i]?.options ?? {};
    return combinationKey(options) || this.t('product.defaultVariant');
  }

  override render() {
    if (this.phase === 'loading') return html`<p class="muted" aria-busy="true">${this.t('common.loading')}</p>`;
    if (this.phase === 'error')
      return html`<h1 tabindex="-1">${this.t('products.title')}</h1>
        ${this.loadProblem(this.banner, () => this.load())}`;
    const title = this.product ? this.t('product.editTitle', { name: this.product.name }) : this.t('product.newTitle');
    return html`<p><a href="#/products">${this.t('common.back')}</a></p>
      <div class="heading-row">
        <h1 tabindex="-1">${title}</h1>
        ${
          this.product
            ? html`<span class="badge status-${this.product.status}"
              >${this.t(`products.status.${this.product.status}`)}</span
            >`
            : nothing
        }
      </div>
      <form class="stack" novalidate @submit=${(e: Event) => (e.preventDefault(), void this.save(this.form.status))}>
        ${this.banner ? html`<div class="card error-banner" role="alert">${this.banner}</div>` : nothing}
        <fieldset>
          <legend>${this.t('products.col.product')}</legend>
          ${this.field('name', 'product.name', { required: true })}
          ${this.field('handle', 'product.handle', { hint: 'product.handleHint', max: 200 })}
          <div class="grid-2">
            ${this.field('category', 'products.category', { hint: 'product.categoryHint', max: 200 })}
            ${this.field('brand', 'product.brand', { max: 200 })}
          </div>
          ${this.field('description', 'product.description', { multiline: true })}
        </fieldset>
        ${this.optionsFieldset()} ${this.variantsFieldset()}
        <shop-admin-product-images
          .product=${this.product}
          @shop-admin-product-images-change=${(e: ProductImagesChangeEvent) => (this.product = e.product)}
        ></shop-admin-product-images>
        <fieldset>
          <legend>${this.t('product.seo')}</legend>
          ${this.field('seoTitle', 'product.seoTitle', { max: 300 })}
          ${this.field('seoDescription', 'product.seoDescription', { multiline: true, max: 1000 })}
        </fieldset>
        <div class="actions" aria-busy=${this.saving ? 'true' : 'false'}>
          <button class="button primary" type="button" ?disabled=${this.saving} @click=${() => void this.save('active')}>
            ${this.saving ? this.t('common.saving') : this.t('product.publish')}
          </button>
          <button class="button" type="button" ?disabled=${this.saving} @click=${() => void this.save('draft')}>
            ${this.t('product.saveDraft')}
          </button>
          ${
            this.product
              ? html`<button
                  class="button"
                  type="button"
                  ?disabled=${this.saving}
                  @click=${() => void this.save('archived')}
                >
                  ${this.t('product.archive')}
                </button>
                <button class="button" type="button" ?disabled=${this.saving} @click=${() => void this.removeProduct()}>
                  ${this.t('product.delete')}
                </button>`
              : nothing
          }
        </div>
      </form>
      <shop-admin-confirm id="unsaved" heading=${this.t('common.unsaved')} confirm-label=${this.t('common.yes')}>
      </shop-admin-confirm>
      <shop-admin-confirm id="delete" heading=${this.t('product.deleteConfirm')} confirm-label=${this.t('common.delete')} danger>
      </shop-admin-confirm>`;
  }
}
