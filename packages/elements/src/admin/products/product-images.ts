import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isShopError } from '@shoptag/sdk';
import type { AdminProduct } from '@shoptag/sdk/admin';
import { AdminScreen } from '../ui/admin-screen.js';
import { catalogStyles } from '../ui/catalog.styles.js';
import { mediaUrl } from '../ui/media-url.js';
import type { ShopAdminConfirm } from '../ui/confirm-dialog.js';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/avif';

/** Fired with the product as the server answers it after an image change. */
export class ProductImagesChangeEvent extends Event {
  static readonly eventName = 'shop-admin-product-images-change';
  constructor(readonly product: AdminProduct) {
    super(ProductImagesChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * A product's images in the editor: upload (several at once, previews as they land), alt text,
 * move earlier or later, remove with a confirmation. Each change is saved at once.
 *
 * @summary The product editor's images.
 * @tagname shop-admin-product-images
 * @event shop-admin-product-images-change - After each change, with the product.
 */
export class ShopAdminProductImages extends AdminScreen {
  static readonly tagName = 'shop-admin-product-images';
  static override styles = [...AdminScreen.styles, catalogStyles];

  @property({ attribute: false }) product: AdminProduct | undefined;
  @state() private busy = false;
  @state() private error = '';
  @state() private pending: { name: string; url: string }[] = [];
  @query('shop-admin-confirm') private confirmDialog!: ShopAdminConfirm;
  @query('input[type=file]') private fileInput!: HTMLInputElement;

  private async run(change: () => Promise<AdminProduct>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const product = await change();
      this.product = product;
      this.dispatchEvent(new ProductImagesChangeEvent(product));
    } catch (error) {
      this.error =
        isShopError(error) && error.code === 'image_invalid'
          ? this.t('product.error.image')
          : isShopError(error) && error.code === 'image_too_large'
            ? this.t('product.error.imageTooLarge')
            : this.describe(error);
    } finally {
      this.busy = false;
    }
  }

  private async upload(files: FileList | null): Promise<void> {
    const id = this.product?.id;
    if (!id || !files?.length) return;
    this.pending = [...files].map((f) => ({ name: f.name, url: URL.createObjectURL(f) }));
    for (const file of [...files]) await this.run(() => this.console.client.products.uploadImage(id, file));
    for (const p of this.pending) URL.revokeObjectURL(p.url);
    this.pending = [];
    this.fileInput.value = '';
  }

  private move(imageId: string, position: number): Promise<void> {
    const id = this.product!.id;
    return this.run(() => this.console.client.products.updateImage(id, imageId, { position }));
  }

  private async removeImage(imageId: string): Promise<void> {
    if (!(await this.confirmDialog.ask())) return;
    const id = this.product!.id;
    await this.run(() => this.console.client.products.removeImage(id, imageId));
  }

  private saveAlt(imageId: string, alt: string, current: string): Promise<void> | undefined {
    if (alt === current) return undefined;
    const id = this.product!.id;
    return this.run(() => this.console.client.products.updateImage(id, imageId, { alt }));
  }

  override render() {
    const images = this.product?.images ?? [];
    return html`<fieldset aria-busy=${this.busy ? 'true' : 'false'}>
      <legend>${this.t('product.images')}</legend>
      ${
        this.product
          ? html`<label
              >${this.t('product.upload')}
              <input
                type="file"
                accept=${ACCEPT}
                multiple
                ?disabled=${this.busy}
                @change=${(e: Event) => void this.upload((e.target as HTMLInputElement).files)}
            /></label>
            ${
              this.pending.length
                ? html`<p class="muted" role="status">${this.t('product.uploading')}</p>
                  <ul class="images">
                    ${this.pending.map((p) => html`<li><img src=${p.url} alt=${p.name} /></li>`)}
                  </ul>`
                : nothing
            }
            ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
            <ul class="images">
              ${images.map(
                (image, i) => html`<li>
                  <img src=${mediaUrl(image.url, this.console.client.endpoint)} alt=${image.alt} loading="lazy" />
                  <label
                    >${this.t('product.alt')}
                    <input
                      .value=${image.alt}
                      maxlength="500"
                      @change=${(e: Event) => void this.saveAlt(image.id, (e.target as HTMLInputElement).value, image.alt)}
                  /></label>
                  <div class="actions">
                    <button
                      class="button"
                      type="button"
                      ?disabled=${this.busy || i === 0}
                      @click=${() => void this.move(image.id, i - 1)}
                    >
                      ${this.t('product.moveEarlier')}
                    </button>
                    <button
                      class="button"
                      type="button"
                      ?disabled=${this.busy || i === images.length - 1}
                      @click=${() => void this.move(image.id, i + 1)}
                    >
                      ${this.t('product.moveLater')}
                    </button>
                    <button class="button" type="button" ?disabled=${this.busy} @click=${() => void this.removeImage(image.id)}>
                      ${this.t('product.removeImage')}
                    </button>
                  </div>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">${this.t('product.imagesAfterSave')}</p>`
      }
      <shop-admin-confirm heading=${this.t('product.removeImageConfirm')} confirm-label=${this.t('common.delete')} danger>
      </shop-admin-confirm>
    </fieldset>`;
  }

  // Not a page: leave focus where the person is.
  protected override firstUpdated(): void {}
}
