/// <reference types="mocha" />
// The catalogue screens at phone, tablet and desktop widths: nothing wider than the window.
import { expect, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../products/index.js';
import '../stock/index.js';
import '../imports/index.js';
import { adminClient, inConsole } from './admin-fixtures.test.js';
import { until } from '../../testing/test-shop.test.js';

const WIDTHS = [390, 768, 1280];

async function fitsAt(width: number, template: TemplateResult, ready: (el: HTMLElement) => boolean) {
  await setViewport({ width, height: 900 });
  const { el } = await inConsole<HTMLElement>(template);
  await until(() => ready(el));
  await new Promise((r) => requestAnimationFrame(r));
  const wide = (root: ShadowRoot | null): string[] =>
    root
      ? [...root.querySelectorAll('*')].flatMap((n) => [
          ...(n.getBoundingClientRect().right > width + 1 ? [`${n.localName}.${n.className}`] : []),
          ...wide(n.shadowRoot),
        ])
      : [];
  expect(
    document.documentElement.scrollWidth,
    `${el.localName} at ${width}px: ${wide(el.shadowRoot).slice(0, 8).join(' ')}`,
  ).to.be.at.most(width);
  el.parentElement!.style.display = 'none';
}

describe('console catalogue screens at 390, 768 and 1280 px', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('the product list, the editor, a stock page and the import fit the window', async () => {
    const product = (await adminClient().products.list({ limit: 1, sort: 'name_asc' })).data[0]!;
    const full = await adminClient().products.get(product.id);
    const variant = full.variants[0]!.id;
    for (const width of WIDTHS) {
      await fitsAt(width, html`<shop-admin-products></shop-admin-products>`, (el) =>
        Boolean(el.shadowRoot!.querySelector('tbody tr')),
      );
      await fitsAt(width, html`<shop-admin-product .params=${{ id: product.id }}></shop-admin-product>`, (el) =>
        Boolean(el.shadowRoot!.querySelector('.variant')),
      );
      await fitsAt(width, html`<shop-admin-variant-stock .params=${{ variant }}></shop-admin-variant-stock>`, (el) =>
        Boolean(el.shadowRoot!.querySelector('#amount')),
      );
      await fitsAt(width, html`<shop-admin-import></shop-admin-import>`, (el) =>
        Boolean(el.shadowRoot!.querySelector('input[type=file]')),
      );
    }
  });
});
