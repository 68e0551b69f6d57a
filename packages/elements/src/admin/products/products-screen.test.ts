/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import '../products/index.js';
import { adminClient, inConsole } from '../testing/admin-fixtures.test.js';
import { until } from '../../testing/test-shop.test.js';
import type { ShopAdminProducts } from './products-screen.js';

const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('tbody tr')];
const names = (el: HTMLElement) => rows(el).map((r) => r.querySelector('td a')?.textContent?.trim());

describe('<shop-admin-products>', () => {
  it('lists the products with how many there are, and loads more', async () => {
    const { el } = await inConsole<ShopAdminProducts>(html`<shop-admin-products></shop-admin-products>`);
    await until(() => rows(el).length === 25);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/\d+ products/);
    el.shadowRoot!.querySelector<HTMLButtonElement>('p > button')!.click();
    await until(() => rows(el).length === 50);
  });

  it('search narrows the list to what matches by name', async () => {
    const target = (await adminClient().products.list({ limit: 1, sort: 'name_desc' })).data[0]!;
    const { el } = await inConsole<ShopAdminProducts>(html`<shop-admin-products></shop-admin-products>`);
    await until(() => rows(el).length > 0);
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = target.name;
    search.dispatchEvent(new Event('input'));
    await until(
      () =>
        names(el).every((n) => n?.toLowerCase().includes(target.name.toLowerCase().split(' ')[0]!)) &&
        names(el).includes(target.name),
    );
  });

  it('the status filter shows drafts, which the storefront does not list', async () => {
    const category = (await adminClient().products.list({ limit: 1 })).data[0]!.category.id;
    const handle = `console-draft-${Date.now()}`;
    await adminClient().products.create({
      handle,
      name: `Console Draft ${handle}`,
      category,
      status: 'draft',
      variants: [{ sku: handle.toUpperCase(), price: 1000 }],
    });
    const { el } = await inConsole<ShopAdminProducts>(html`<shop-admin-products></shop-admin-products>`);
    await until(() => rows(el).length > 0);
    const status = el.shadowRoot!.querySelector<HTMLSelectElement>('select')!;
    status.value = 'draft';
    status.dispatchEvent(new Event('change'));
    // The new draft heads the unfiltered list too (newest change first): wait for the filtered one.
    await until(
      () =>
        names(el).includes(`Console Draft ${handle}`) &&
        rows(el).every((r) => r.querySelector('.badge')!.textContent!.trim() === 'Draft'),
    );
  });

  it('an empty result says so, and the screen passes axe', async () => {
    const { el } = await inConsole<ShopAdminProducts>(html`<shop-admin-products></shop-admin-products>`);
    await until(() => rows(el).length > 0);
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'no product is called this zzzqqq';
    search.dispatchEvent(new Event('input'));
    await until(() => el.shadowRoot!.querySelector('.empty')?.textContent?.includes('Nothing matches'));
    await expect(el).to.be.accessible();
  });
});
