/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import { highlight, type ShopSearch } from './search.js';
import { nextEvent, testClient, testShop, until } from '../testing/test-shop.test.js';

async function render(): Promise<{ el: ShopSearch; input: HTMLInputElement }> {
  const store = await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}>
    <shop-search debounce="10" action="/results"></shop-search>
  </shop-store>`);
  const el = store.querySelector('shop-search')!;
  await el.updateComplete;
  return { el, input: el.shadowRoot!.querySelector('input')! };
}

async function type(el: ShopSearch, input: HTMLInputElement, text: string): Promise<void> {
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
    if (el.shadowRoot!.querySelectorAll('[role="option"]').length > 0) return;
  }
}

const key = (input: HTMLInputElement, k: string) =>
  input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));

describe('<shop-search>', () => {
  beforeEach(() => localStorage.removeItem('shoptag:recent-searches'));

  it('is a combobox that opens a listbox of suggestions as the shopper types', async () => {
    const { el, input } = await render();
    const tree = await testClient().categories.list();
    const prefix = tree.data[0]!.name.slice(0, 3);
    await type(el, input, prefix);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const listbox = el.shadowRoot!.getElementById(input.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');
    const options = listbox.querySelectorAll('[role="option"]');
    expect(options.length).to.be.within(1, 10);
    expect(options[0]!.querySelector('mark')!.textContent!.toLowerCase()).to.equal(prefix.toLowerCase());
  });

  it('arrow keys move the active option, and Enter on it fires shop-search with the suggestion', async () => {
    const { el, input } = await render();
    await type(el, input, 'a');
    key(input, 'ArrowDown');
    await el.updateComplete;
    const first = el.shadowRoot!.querySelector('[role="option"]')!;
    expect(input.getAttribute('aria-activedescendant')).to.equal(first.id);
    expect(first.getAttribute('aria-selected')).to.equal('true');
    key(input, 'ArrowUp');
    await el.updateComplete;
    const options = el.shadowRoot!.querySelectorAll('[role="option"]');
    expect(input.getAttribute('aria-activedescendant')).to.equal(options[options.length - 1]!.id);
    key(input, 'ArrowDown');
    await el.updateComplete;
    el.addEventListener('shop-search', (e) => e.preventDefault(), { once: true });
    const searched = nextEvent(el, 'shop-search');
    key(input, 'Enter');
    const { detail } = await searched;
    expect(detail.suggestion).to.not.equal(null);
  });

  it('Enter on the text goes to the results page with ?q=, and the search is remembered', async () => {
    const { el, input } = await render();
    await type(el, input, 'linen shirt');
    el.addEventListener('shop-search', (e) => e.preventDefault(), { once: true });
    const searched = nextEvent(el, 'shop-search');
    key(input, 'Enter');
    const { detail } = await searched;
    expect(detail.q).to.equal('linen shirt');
    expect(detail.href).to.equal(new URL('/results?q=linen+shirt', location.href).href);
    expect(JSON.parse(localStorage.getItem('shoptag:recent-searches')!)).to.deep.equal(['linen shirt']);
  });

  it('shows recent searches when the box is empty, and Escape closes the list', async () => {
    localStorage.setItem('shoptag:recent-searches', JSON.stringify(['mugs', 'lamp']));
    const { el, input } = await render();
    input.focus();
    await el.updateComplete;
    const options = [...el.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim());
    expect(options).to.deep.equal(['mugs', 'lamp']);
    key(input, 'Escape');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('forgives a typo: "lantren" suggests lanterns, and the count is announced', async () => {
    const { el, input } = await render();
    await type(el, input, 'lantren');
    const options = [...el.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.textContent!);
    expect(options.length).to.be.greaterThan(0);
    expect(options.some((o) => /lantern/i.test(o))).to.equal(true);
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.match(/^\d+ suggestions?$/);
  });

  it('when nothing matches it says so under the box, and Enter still searches', async () => {
    const { el, input } = await render();
    input.focus();
    input.value = 'qqxxzzv';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const note = () => el.shadowRoot!.querySelector<HTMLElement>('[part=no-matches]')!;
    await until(() => !note().hidden, 3000);
    expect(note().textContent).to.equal('No matches for “qqxxzzv”. Press Enter to search everything.');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    el.addEventListener('shop-search', (e) => e.preventDefault(), { once: true });
    const searched = nextEvent(el, 'shop-search');
    key(input, 'Enter');
    expect((await searched).detail.q).to.equal('qqxxzzv');
    expect(note().hidden).to.equal(true);
  });

  it('in Japanese the label, placeholder and suggestion kinds speak Japanese', async () => {
    const store =
      await fixture(html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey} locale="ja-JP">
      <shop-search debounce="10"></shop-search>
    </shop-store>`);
    const el = store.querySelector('shop-search')!;
    const input = el.shadowRoot!.querySelector('input')!;
    await until(() => input.placeholder === '商品を検索', 3000);
    expect(input.getAttribute('aria-label')).to.equal('商品を検索');
    const category = (await testClient().categories.list()).data[0]!;
    await type(el, input, category.name.slice(0, 4));
    expect(el.shadowRoot!.querySelector('[role=listbox]')!.getAttribute('aria-label')).to.equal('候補');
    expect(el.shadowRoot!.querySelector('.kind')!.textContent).to.equal('カテゴリー');
  });

  it('highlight marks the typed start of each word', () => {
    expect(highlight('Linen Shirt', 'sh')).to.deep.equal([
      { text: 'Linen', match: false },
      { text: ' ', match: false },
      { text: 'Sh', match: true },
      { text: 'irt', match: false },
    ]);
  });
});
