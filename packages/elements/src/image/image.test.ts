/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import type { ProductImage } from '@shoptag/sdk';
import '../define.js';
import type { ShopImage } from './image.js';
import { findProduct, testShop } from '../testing/test-shop.test.js';

const withSources = (image: ProductImage): ProductImage => ({
  ...image,
  sources: [
    { url: '/media/products/a-640.webp', width: 640, format: 'webp' },
    { url: '/media/products/a-320.webp', width: 320, format: 'webp' },
    { url: '/media/products/a-320.avif', width: 320, format: 'avif' },
  ],
});

async function render(image: ProductImage, priority = false): Promise<ShopImage> {
  const store = await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
    <div style="width: 300px"><shop-image .image=${image} ?priority=${priority} sizes="300px"></shop-image></div>
  </shop-store>`);
  const el = store.querySelector('shop-image')!;
  await el.updateComplete;
  return el;
}

describe('<shop-image>', () => {
  it('renders a picture with AVIF before WebP srcsets, narrowest first, and the original as fallback', async () => {
    const product = await findProduct((p) => p.images.length > 0);
    const el = await render(withSources(product.images[0]!));
    const sources = [...el.shadowRoot!.querySelectorAll('source')];
    expect(sources.map((s) => s.type)).to.deep.equal(['image/avif', 'image/webp']);
    expect(sources[1]!.getAttribute('srcset')).to.equal(
      `${testShop.endpoint}/media/products/a-320.webp 320w, ${testShop.endpoint}/media/products/a-640.webp 640w`,
    );
    expect(sources[1]!.getAttribute('sizes')).to.equal('300px');
    const img = el.shadowRoot!.querySelector('img')!;
    expect(img.src).to.equal(new URL(product.images[0]!.url, `${testShop.endpoint}/`).href);
  });

  it('is lazy by default, and eager with fetchpriority high when marked priority', async () => {
    const product = await findProduct((p) => p.images.length > 0);
    const lazy = (await render(product.images[0]!)).shadowRoot!.querySelector('img')!;
    expect(lazy.loading).to.equal('lazy');
    expect(lazy.getAttribute('fetchpriority')).to.equal('auto');
    const eager = (await render(product.images[0]!, true)).shadowRoot!.querySelector('img')!;
    expect(eager.loading).to.equal('eager');
    expect(eager.getAttribute('fetchpriority')).to.equal('high');
  });

  it('reserves its box from width and height before the image arrives', async () => {
    const product = await findProduct((p) => p.images.length > 0);
    // No renditions and an original that never arrives: only width and height can size the box.
    const image = {
      ...product.images[0]!,
      url: '/media/products/never-loads.png',
      width: 800,
      height: 600,
      sources: [],
    };
    const img = (await render(image)).shadowRoot!.querySelector('img')!;
    expect(img.getAttribute('width')).to.equal('800');
    expect(img.getAttribute('height')).to.equal('600');
    const box = img.getBoundingClientRect();
    expect(box.width).to.equal(300);
    expect(Math.round(box.height)).to.equal(225);
  });
});
