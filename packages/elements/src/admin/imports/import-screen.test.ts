/// <reference types="mocha" />
import { expect, html } from '@open-wc/testing';
import '../imports/index.js';
import { inConsole } from '../testing/admin-fixtures.test.js';
import { until } from '../../testing/test-shop.test.js';
import type { ShopAdminImport } from './import-screen.js';

describe('<shop-admin-import>', () => {
  it('sends a CSV, follows the job with a progress bar, and reports each row', async () => {
    const stamp = Date.now();
    const csv = [
      'Handle,Title,Type,Variant SKU,Variant Price,Variant Inventory Qty',
      `csv-mug-${stamp},CSV Mug,Mugs,CSV-MUG-${stamp},9.50,4`,
      `,,,,,`,
      `csv-cup-${stamp},CSV Cup,Mugs,CSV-CUP-${stamp},ten,1`,
    ].join('\n');
    const { el, log } = await inConsole<ShopAdminImport>(html`<shop-admin-import></shop-admin-import>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const files = new DataTransfer();
    files.items.add(new File([csv], 'products.csv', { type: 'text/csv' }));
    input.files = files.files;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => log.navigated.length === 1);
    // What the shell does on navigation: the same screen with the job's id.
    el.params = { id: log.navigated[0]!.replace('imports/', '') };
    await until(() => el.shadowRoot!.querySelector('[role=progressbar]') !== null);
    const bar = el.shadowRoot!.querySelector('[role=progressbar]')!;
    expect(bar.getAttribute('aria-valuemax')).to.equal('3');
    await until(() => el.shadowRoot!.textContent!.includes('Finished'), 20_000);
    expect(bar.getAttribute('aria-valuenow')).to.equal('3');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim()),
    );
    expect(rows[0]).to.deep.equal(['2', `csv-mug-${stamp}`, 'Created']);
    expect(rows.slice(1).every((r) => r[2] === 'Skipped')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('asks for a file before sending', async () => {
    const { el } = await inConsole<ShopAdminImport>(html`<shop-admin-import></shop-admin-import>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => el.shadowRoot!.querySelector('#file-error')!.textContent === 'Choose a CSV file first.');
  });
});
