/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import type { Product } from '@shoptag/sdk';
import '../define.js';
import type { ShopProductCard } from './product-card.js';
import type { ShopProductSelectEvent } from '../events/product-select.js';
import {
  cutShopLink,
  findProduct,
  nextEvent,
  restoreShopLink,
  type testClient,
  testShop,
  until,
} from '../testing/test-shop.test.js';

const part = (card: ShopProductCard, name: string) => card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** Renders a card for `product` inside a store for the test server. */
async function renderCard(product: Product, hrefTemplate?: string): Promise<ShopProductCard> {
  const store = await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
    <shop-product-card .product=${product} href-template=${hrefTemplate ?? ''}></shop-product-card>
  </shop-store>`);
  const card = store.querySelector('shop-product-card')!;
  await card.updateComplete;
  return card;
}

const onSale = (p: Product) => p.in_stock && p.compare_at_price !== null && p.compare_at_price.amount > p.price.amount;

describe('<shop-product-card>', () => {
  it('shows a Sale badge, the former price struck through and "Was …, now …" for screen readers', async () => {
    const product = await findProduct(onSale);
    const card = await renderCard(product);
    expect(part(card, 'sale-badge')!.textContent).to.equal('Sale');
    const was = part(card, 'compare-at-price')!;
    expect(was.tagName).to.equal('S');
    expect(was.getAttribute('aria-hidden')).to.equal('true');
    const spoken = card.shadowRoot!.querySelector('.price .sr-only')!.textContent!;
    expect(spoken).to.match(/^Was \$[\d,]+\.\d\d, now \$[\d,]+\.\d\d$/);
    expect(spoken).to.contain(was.textContent!);
    expect(part(card, 'sold-out-badge')).to.equal(null);
  });

  it('a sold-out product shows the Sold out badge and a dimmed image, and no Sale badge', async () => {
    const product = await findProduct((p) => !p.in_stock);
    const card = await renderCard(product);
    expect(part(card, 'sold-out-badge')!.textContent).to.equal('Sold out');
    expect(part(card, 'sale-badge')).to.equal(null);
    expect(part(card, 'card')!.classList.contains('sold-out')).to.equal(true);
    expect(Number(getComputedStyle(part(card, 'image')!).opacity)).to.be.lessThan(1);
  });

  it('the image is lazy, sized to avoid layout shift, described, and loads from the store endpoint', async () => {
    const product = await findProduct((p) => p.images.length > 0);
    const card = await renderCard(product);
    const img = part(card, 'image') as HTMLImageElement;
    const image = product.images[0]!;
    expect(img.loading).to.equal('lazy');
    expect(img.getAttribute('width')).to.equal(String(image.width));
    expect(img.getAttribute('height')).to.equal(String(image.height));
    expect(img.alt).to.equal(image.alt || product.name);
    expect(img.src).to.equal(new URL(image.url, `${testShop.endpoint}/`).href);
    img.loading = 'eager';
    await img.decode();
    expect(img.naturalWidth).to.be.greaterThan(0);
  });

  it('the rating reads "Rated 4.3 out of 5, 128 reviews"', async () => {
    const product = await findProduct((p) => p.rating.count > 1);
    const card = await renderCard(product);
    const rating = part(card, 'rating')!;
    expect(rating.getAttribute('role')).to.equal('img');
    expect(rating.getAttribute('aria-label')).to.equal(
      `Rated ${product.rating.average.toFixed(1)} out of 5, ${product.rating.count} reviews`,
    );
  });

  it('shows the brand and the price formatted for the currency', async () => {
    const product = await findProduct(
      (p) => p.compare_at_price === null && p.variants.every((v) => v.price.amount === p.price.amount),
    );
    const card = await renderCard(product);
    expect(part(card, 'brand')!.textContent).to.equal(product.brand);
    const expected = new Intl.NumberFormat('en', { style: 'currency', currency: product.price.currency }).format(
      product.price.amount / 100,
    );
    expect(part(card, 'price')!.textContent!.trim()).to.equal(expected);
  });

  it('with href-template the name is a link, and activating it fires a cancelable shop-product-select', async () => {
    const product = await findProduct(() => true);
    const card = await renderCard(product, '#/products/{handle}');
    const link = part(card, 'link') as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    expect(link.getAttribute('href')).to.equal(`#/products/${product.handle}`);
    expect(link.textContent).to.equal(product.name);

    const selected = nextEvent(card, 'shop-product-select');
    card.addEventListener('shop-product-select', (e) => e.preventDefault(), { once: true });
    const before = location.hash;
    link.click();
    const event: ShopProductSelectEvent = await selected;
    expect(event.detail.product.id).to.equal(product.id);
    expect(event.composed).to.equal(true);
    expect(location.hash, 'cancelled: no navigation').to.equal(before);
  });

  it('without href-template the name is a button that fires shop-product-select', async () => {
    const product = await findProduct(() => true);
    const card = await renderCard(product);
    const button = part(card, 'link')!;
    expect(button.tagName).to.equal('BUTTON');
    const selected = nextEvent(document, 'shop-product-select');
    button.click();
    expect((await selected).detail.product.handle).to.equal(product.handle);
  });

  it('a handle attribute loads that product from the store', async () => {
    const product = await findProduct(() => true);
    const store =
      await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
      <shop-product-card handle=${product.handle}></shop-product-card>
    </shop-store>`);
    const card = store.querySelector('shop-product-card')!;
    expect(card.shadowRoot!.querySelector('.placeholder'), 'placeholder while loading').to.not.equal(null);
    for (let i = 0; i < 50 && !part(card, 'link'); i++) await new Promise((r) => setTimeout(r, 20));
    expect(part(card, 'link')!.textContent).to.equal(product.name);
  });

  it('in German it says "Ab", "Ausverkauft", "Nur noch N verfügbar" and rates "4,5" with a comma', async () => {
    const varied = await findProduct((p) => p.variants.some((v) => v.price.amount !== p.price.amount));
    const soldOut = await findProduct((p) => !p.in_stock);
    const rated = await findProduct((p) => p.rating.count > 1 && !Number.isInteger(p.rating.average * 1));
    const store =
      await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} locale="de-DE">
      <shop-product-card .product=${varied}></shop-product-card>
      <shop-product-card .product=${soldOut}></shop-product-card>
      <shop-product-card .product=${rated}></shop-product-card>
    </shop-store>`);
    const [from, out, stars] = [...store.querySelectorAll('shop-product-card')];
    await until(() => from!.shadowRoot!.querySelector('.from')?.textContent === 'Ab', 3000);
    expect(part(out!, 'sold-out-badge')!.textContent).to.equal('Ausverkauft');
    const average = rated.rating.average.toFixed(1).replace('.', ',');
    expect(part(stars!, 'rating')!.getAttribute('aria-label')).to.equal(
      `Bewertet mit ${average} von 5, ${new Intl.NumberFormat('de-DE').format(rated.rating.count)} Bewertungen`,
    );
    expect(part(stars!, 'rating')!.textContent).to.contain(average);
    expect(part(from!, 'price')!.textContent).to.match(/\d,\d\d\s€|\d,\d\d\s\$/);
  });

  it('in Arabic a card is laid out right to left and speaks Arabic', async () => {
    const product = await findProduct((p) => !p.in_stock);
    const wrapper = await fixture(html`<div dir="rtl" lang="ar">
      <shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
        <shop-product-card .product=${product}></shop-product-card>
      </shop-store>
    </div>`);
    const card = wrapper.querySelector('shop-product-card')!;
    await until(() => part(card, 'sold-out-badge')?.textContent === 'نفدت الكمية', 3000);
    const box = part(card, 'card')!.getBoundingClientRect();
    const badge = part(card, 'sold-out-badge')!.getBoundingClientRect();
    expect(box.right - badge.right, 'the badge sits at the start (right) edge').to.be.lessThan(box.width / 2);
  });

  it('a card whose product could not be loaded in an outage loads it when the shop answers again', async () => {
    const product = await findProduct(() => true);
    await cutShopLink();
    try {
      const store =
        await fixture(html`<shop-store endpoint=${testShop.linkEndpoint} publishable-key=${testShop.publishableKey}>
        <shop-product-card handle=${product.handle}></shop-product-card>
      </shop-store>`);
      const card = store.querySelector('shop-product-card')!;
      await nextEvent(card, 'shop-error');
      await card.updateComplete;
      expect(card.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain('could not be reached');
      expect(part(card, 'retry')!.textContent).to.equal('Try again');

      await restoreShopLink();
      await (store as HTMLElement & { client: ReturnType<typeof testClient> }).client.categories.list();
      await until(() => part(card, 'link')?.textContent === product.name, 5000);
      expect(card.shadowRoot!.querySelector('[role=alert]')).to.equal(null);
    } finally {
      await restoreShopLink();
    }
  });

  it('passes the axe accessibility checks, on sale and sold out', async () => {
    await expect(await renderCard(await findProduct(onSale), '/products/{handle}')).to.be.accessible();
    await expect(await renderCard(await findProduct((p) => !p.in_stock))).to.be.accessible();
  });
});
