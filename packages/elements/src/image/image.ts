import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ImageSource, ProductImage } from '@shoptag/sdk';
import { StoreConsumer } from '../internal/store-consumer.js';
import { mediaUrl } from '../internal/media.js';
import { imageStyles } from './image.styles.js';

/** Formats in the order the browser should prefer them. */
const FORMATS: readonly ImageSource['format'][] = ['avif', 'webp'];

/**
 * A responsive product image: a `<picture>` with AVIF and WebP `srcset`s from the server's
 * renditions and the original as fallback. It reserves its box from the image's width and height
 * (nothing shifts as it loads), loads lazily, or eagerly with `fetchpriority="high"` when marked
 * `priority` (the main image above the fold).
 *
 * @summary A responsive, layout-stable product image.
 * @tagname shop-image
 *
 * @csspart picture - The `<picture>` element.
 * @csspart image - The `<img>` element.
 *
 * @cssproperty --shop-image-fit - `object-fit` of the image. Default `cover`.
 * @cssproperty --shop-image-radius - Corner radius. Default `0`.
 * @cssproperty --shop-color-media-background - Behind the image while it loads. Default `#f3f4f6`.
 */
export class ShopImage extends LitElement {
  static readonly tagName = 'shop-image';
  static override styles = imageStyles;

  /** The image from a product (`product.images[n]`), with its renditions. */
  @property({ attribute: false }) image: ProductImage | undefined = undefined;

  /** Image URL when no `image` object is given. */
  @property() src = '';

  /** Alternative text; defaults to the image's own `alt`. */
  @property() alt: string | undefined = undefined;

  /** Intrinsic width in pixels (reserves the box). */
  @property({ type: Number }) width: number | undefined = undefined;

  /** Intrinsic height in pixels (reserves the box). */
  @property({ type: Number }) height: number | undefined = undefined;

  /** The `sizes` attribute: how wide the image is shown, e.g. `(min-width: 60rem) 50vw, 100vw`. */
  @property() sizes = '100vw';

  /** Load at once with high fetch priority (for the largest image above the fold). */
  @property({ type: Boolean, reflect: true }) priority = false;

  private readonly store = new StoreConsumer(this, { required: false });

  private url(url: string): string {
    return mediaUrl(url, this.store.value?.endpoint);
  }

  protected override render() {
    const url = this.image?.url ?? this.src;
    if (!url) return nothing;
    const width = this.width ?? this.image?.width;
    const height = this.height ?? this.image?.height;
    const sources = this.image?.sources ?? [];
    return html`<picture part="picture">
      ${FORMATS.map((format) => {
        const of = sources.filter((s) => s.format === format).sort((a, b) => a.width - b.width);
        if (of.length === 0) return nothing;
        return html`<source type="image/${format}" srcset=${of.map((s) => `${this.url(s.url)} ${s.width}w`).join(', ')} sizes=${this.sizes} />`;
      })}
      <img
        part="image"
        src=${this.url(url)}
        alt=${this.alt ?? this.image?.alt ?? ''}
        width=${width ?? nothing}
        height=${height ?? nothing}
        loading=${this.priority ? 'eager' : 'lazy'}
        fetchpriority=${this.priority ? 'high' : 'auto'}
        decoding="async"
      />
    </picture>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-image': ShopImage;
  }
}
