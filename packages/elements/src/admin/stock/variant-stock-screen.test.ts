/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import '../stock/index.js';
import { adminClient, inConsole } from '../testing/admin-fixtures.test.js';
import { until } from '../../testing/test-shop.test.js';
import type { ShopAdminVariantStock } from './variant-stock-screen.js';
import type { ShopAdminStock } from './stock-screen.js';

async function productWithStock(units: number) {
  const category = (await adminClient().products.list({ limit: 1 })).data[0]!.category.id;
  const handle = `console-stock-${Date.now()}`;
  const product = await adminClient().products.create({
    handle,
    name: 'Console Stock',
    category,
    variants: [{ sku: handle.toUpperCase(), price: 700, stock: units }],
  });
  return product.variants[0]!;
}

describe('<shop-admin-variant-stock>', () => {
  it('takes units away with a reason and a note, and shows the change at the top of the history', async () => {
    const variant = await productWithStock(5);
    const { el, log } = await inConsole<ShopAdminVariantStock>(
      html`<shop-admin-variant-stock .params=${{ variant: variant.id }}></shop-admin-variant-stock>`,
    );
    await until(() => el.shadowRoot!.querySelector('#amount') !== null);
    const amount = el.shadowRoot!.querySelector<HTMLInputElement>('#amount')!;
    amount.value = '-2';
    amount.dispatchEvent(new Event('input'));
    const reason = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    reason.value = 'damaged';
    reason.dispatchEvent(new Event('change'));
    const note = el.shadowRoot!.querySelectorAll<HTMLInputElement>('form input:not([type])')[0]!;
    note.value = 'dropped';
    note.dispatchEvent(new Event('input'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => log.announced.length === 1);
    expect(log.announced[0]).to.equal('Stock updated: 3 on hand.');
    await until(() => el.shadowRoot!.querySelector('tbody tr') !== null);
    const first = el.shadowRoot!.querySelector('tbody tr')!;
    expect(first.textContent).to.include('-2').and.include('Damaged').and.include('dropped');
    expect((await adminClient().inventory.get(variant.id)).on_hand).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('refuses a zero change before asking the server', async () => {
    const variant = await productWithStock(1);
    const { el } = await inConsole<ShopAdminVariantStock>(
      html`<shop-admin-variant-stock .params=${{ variant: variant.id }}></shop-admin-variant-stock>`,
    );
    await until(() => el.shadowRoot!.querySelector('#amount') !== null);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(
      () => el.shadowRoot!.querySelector('#amount-error')!.textContent === 'Enter a whole number other than 0.',
    );
  });
});

describe('<shop-admin-stock>', () => {
  const available = (el: HTMLElement) =>
    [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => Number(r.querySelectorAll('td')[3]!.textContent));

  it('lists variants at or under the threshold, and follows a new threshold', async () => {
    await productWithStock(0);
    const { el } = await inConsole<ShopAdminStock>(html`<shop-admin-stock></shop-admin-stock>`);
    await until(() => available(el).length > 0);
    expect(available(el).every((n) => n <= 5)).to.equal(true);
    expect(el.shadowRoot!.querySelector('tbody a[href^="#/stock/var_"]')).to.not.equal(null);
    const threshold = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=number]')!;
    threshold.value = '0';
    threshold.dispatchEvent(new Event('input'));
    await until(() => available(el).length > 0 && available(el).every((n) => n === 0));
    await expect(el).to.be.accessible();
  });
});
