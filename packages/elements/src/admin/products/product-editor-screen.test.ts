/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import '../products/index.js';
import '../ui/confirm-dialog.js';
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import { adminClient, inConsole } from '../testing/admin-fixtures.test.js';
import { until } from '../../testing/test-shop.test.js';
import type { ShopAdminProduct } from './product-editor-screen.js';

defineElement(ShopAdminConfirm);

// A 2×2 PNG.
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

const $ = <T extends Element = HTMLInputElement>(el: HTMLElement, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLInputElement>(el: HTMLElement, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
function type(input: HTMLInputElement | HTMLTextAreaElement, value: string, event = 'input'): void {
  input.value = value;
  input.dispatchEvent(new Event(event));
}
const button = (el: HTMLElement, text: string) =>
  $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.trim() === text)!;
const category = async () => (await adminClient().products.list({ limit: 1 })).data[0]!.category.id;

async function newEditor() {
  const screen = await inConsole<ShopAdminProduct>(html`<shop-admin-product .params=${{}}></shop-admin-product>`);
  await until(() => $(screen.el, '#f-name') !== null);
  return screen;
}

describe('<shop-admin-product>', () => {
  it('creates a product with two options, one variant per combination, and publishes it', async () => {
    const { el, log } = await newEditor();
    const title = `Console Tee ${Date.now()}`;
    type($(el, '#f-name'), title);
    await el.updateComplete;
    expect($(el, '#f-handle').value).to.equal(title.toLowerCase().replace(/ /g, '-'));
    type($(el, '#f-category'), await category());
    button(el, 'Add option').click();
    await el.updateComplete;
    button(el, 'Add option').click();
    await el.updateComplete;
    const optionInputs = $$(el, 'fieldset:nth-of-type(2) .grid-2 input');
    type(optionInputs[0]!, 'Size');
    type(optionInputs[1]!, 'S, M', 'change');
    type(optionInputs[2]!, 'Colour');
    type(optionInputs[3]!, 'Red, Blue', 'change');
    await el.updateComplete;
    const variantRows = $$<HTMLLIElement>(el, '.variant');
    expect(variantRows.map((r) => r.querySelector('.variant-title')!.textContent!.trim())).to.deep.equal([
      'S / Red',
      'S / Blue',
      'M / Red',
      'M / Blue',
    ]);
    for (const row of variantRows) type(row.querySelector<HTMLInputElement>('input[inputmode=decimal]')!, '24.50');
    button(el, 'Publish').click();
    await until(() => log.navigated.length === 1);
    const id = /^products\/(prod_\w+)$/.exec(log.navigated[0]!)![1]!;
    const saved = await adminClient().products.get(id);
    expect(saved.status).to.equal('active');
    expect(saved.options.map((o) => [o.name, o.values])).to.deep.equal([
      ['Size', ['S', 'M']],
      ['Colour', ['Red', 'Blue']],
    ]);
    expect(saved.variants.map((v) => v.price.amount)).to.deep.equal([2450, 2450, 2450, 2450]);
    expect(log.announced).to.deep.equal(['Product created.']);
  });

  it('says what is wrong by the field: no title, then a handle another product has', async () => {
    const { el } = await newEditor();
    button(el, 'Save as draft').click();
    await until(() => $(el, '#f-name').getAttribute('aria-invalid') === 'true');
    expect($(el, '#f-name-error').textContent).to.equal('Enter a title.');
    const taken = (await adminClient().products.list({ limit: 1 })).data[0]!;
    type($(el, '#f-name'), 'Another name');
    type($(el, '#f-handle'), taken.handle);
    type($(el, '#f-category'), await category());
    type($(el, '.variant input')!, `UNIQUE-${Date.now()}`);
    type($(el, '.variant input[inputmode=decimal]')!, '5');
    button(el, 'Save as draft').click();
    await until(() => $(el, '#f-handle-error').textContent === 'Another product already uses this handle.');
    expect($(el, '[role=alert]').textContent).to.include('Check the highlighted fields');
  });

  it('uploads an image, shows it, and saves its alt text', async () => {
    const category_ = await category();
    const handle = `console-photo-${Date.now()}`;
    const product = await adminClient().products.create({
      handle,
      name: 'Console Photo',
      category: category_,
      variants: [{ sku: handle.toUpperCase(), price: 900 }],
    });
    const { el } = await inConsole<ShopAdminProduct>(
      html`<shop-admin-product .params=${{ id: product.id }}></shop-admin-product>`,
    );
    await until(() => el.shadowRoot!.querySelector('shop-admin-product-images') !== null);
    const images = el.shadowRoot!.querySelector('shop-admin-product-images')!;
    await until(() => images.shadowRoot?.querySelector('input[type=file]') !== null);
    const input = images.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const files = new DataTransfer();
    files.items.add(new File([PNG], 'swatch.png', { type: 'image/png' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await until(() => images.shadowRoot!.querySelectorAll('ul.images:last-of-type li').length === 1);
    const alt = images.shadowRoot!.querySelector<HTMLInputElement>('ul.images li input')!;
    type(alt, 'A red swatch', 'change');
    await until(() => images.shadowRoot!.querySelector('ul.images li img')?.getAttribute('alt') === 'A red swatch');
    const saved = await adminClient().products.get(product.id);
    expect(saved.images.map((i) => [i.alt, i.width])).to.deep.equal([['A red swatch', 2]]);
    await expect(el).to.be.accessible();
  });

  it('asks before leaving with unsaved changes', async () => {
    const { el } = await newEditor();
    expect(await el.canLeave()).to.equal(true);
    type($(el, '#f-name'), 'Half-typed');
    const leaving = el.canLeave();
    const dialog = el.shadowRoot!.querySelector<ShopAdminConfirm>('shop-admin-confirm#unsaved')!;
    await until(() => dialog.shadowRoot!.querySelector('dialog')!.open);
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    expect(await leaving).to.equal(false);
  });
});
