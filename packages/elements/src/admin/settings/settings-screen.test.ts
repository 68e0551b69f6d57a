/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import '../settings/index.js';
import '../ui/confirm-dialog.js';
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import { screenRoot, testAdmin, type TestAdminConsole } from '../../testing/admin-console.test.js';
import { until } from '../../testing/test-shop.test.js';
import type { ShopAdminSettings } from './settings-screen.js';

defineElement(ShopAdminConfirm);

async function renderSettings(): Promise<{ host: TestAdminConsole; screen: ShopAdminSettings; root: ShadowRoot }> {
  const host = await fixture<TestAdminConsole>(
    html`<test-admin-console><shop-admin-settings></shop-admin-settings></test-admin-console>`,
  );
  const screen = host.querySelector('shop-admin-settings') as ShopAdminSettings;
  const root = screenRoot(screen);
  await until(() => root.querySelector('form') !== null);
  return { host, screen, root };
}

const field = (root: ShadowRoot, id: string) => root.getElementById(id) as HTMLInputElement;
function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<shop-admin-settings>', () => {
  after(async () => {
    // The test server is shared: hand every section back to its configuration.
    await testAdmin().settings.update({ shop_name: null, currency: null, shipping: null, tax: null });
  });

  it('shows the settings in force, each section saying where it comes from', async () => {
    const { root } = await renderSettings();
    expect(field(root, 'currency').value).to.equal('USD');
    expect(field(root, 'zones.0.methods.0.amount').value).to.match(/^\d+\.\d\d$/);
    expect(root.textContent).to.contain('Shipping zones');
    expect(root.querySelector('label[for="zones.0.methods.0.amount"]')?.textContent).to.equal('Rate (USD)');
  });

  it('refuses an amount with more decimals than the currency has, in words, and focuses it', async () => {
    const { root } = await renderSettings();
    const rate = field(root, 'zones.0.methods.0.amount');
    type(rate, '4.999');
    (root.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await until(() => rate.getAttribute('aria-invalid') === 'true');
    expect(root.activeElement).to.equal(rate);
    const error = root.getElementById(rate.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(error?.textContent).to.equal('Enter an amount such as 5.00, with at most 2 decimals.');
  });

  it('saves a rate typed as money as integer minor units, and says so', async () => {
    const { host, root } = await renderSettings();
    type(field(root, 'zones.0.methods.0.amount'), '6.40');
    (root.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await until(() => host.announced.includes('Saved.'));
    const saved = await testAdmin().settings.get();
    expect(saved.shipping.zones[0]!.methods[0]!.rate).to.deep.equal({ type: 'flat', amount: 640 });
    expect(saved.sources.shipping).to.equal('settings');
    expect(saved.sources.tax).to.equal('default', 'an untouched section keeps following the configuration');
  });

  it('adds a tax rate in percent and stores basis points', async () => {
    const { host, root } = await renderSettings();
    const add = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Add tax rate')!;
    add.click();
    await until(() => root.getElementById('rates.0.country') !== null);
    type(field(root, 'rates.0.country'), 'de');
    type(field(root, 'rates.0.percent'), '19');
    (root.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await until(() => host.announced.includes('Saved.'));
    expect((await testAdmin().settings.get()).tax.rates).to.deep.equal([
      { country: 'DE', region: null, rate_bp: 1900 },
    ]);
  });

  it('passes the axe accessibility checks', async () => {
    const { screen } = await renderSettings();
    await expect(screen).to.be.accessible();
  });
});
