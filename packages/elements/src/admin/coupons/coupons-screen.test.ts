/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import './index.js';
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import { screenRoot, testAdmin, type TestAdminConsole } from '../../testing/admin-console.test.js';
import { until } from '../../testing/test-shop.test.js';

defineElement(ShopAdminConfirm);

const unique = () => `T${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1000)}`;
function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
const button = (root: ShadowRoot, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;

describe('<shop-admin-coupons> and <shop-admin-coupon>', () => {
  it('lists coupons with kind, discount, status and usage, and filters by status', async () => {
    const code = unique();
    await testAdmin().coupons.create({ code, type: 'fixed_amount', amount_off: 250, usage_limit: 40, active: false });
    const host = await fixture<TestAdminConsole>(
      html`<test-admin-console><shop-admin-coupons></shop-admin-coupons></test-admin-console>`,
    );
    const root = screenRoot(host.querySelector('shop-admin-coupons')!);
    await until(() => root.querySelector('table') !== null);
    const row = [...root.querySelectorAll('tbody tr')].find((r) => r.textContent?.includes(code))!;
    expect(row.textContent)
      .to.contain('Amount off')
      .and.contain('$2.50')
      .and.contain('Disabled')
      .and.contain('0 of 40');
    const status = root.getElementById('status') as HTMLSelectElement;
    status.value = 'disabled';
    status.dispatchEvent(new Event('change'));
    await until(() => [...root.querySelectorAll('tbody tr')].every((r) => r.textContent?.includes('Disabled')));
    await expect(host.querySelector('shop-admin-coupons')).to.be.accessible();
  });

  it('creates a coupon from money typed in the shop currency and goes to it', async () => {
    const code = unique();
    const host = await fixture<TestAdminConsole>(
      html`<test-admin-console><shop-admin-coupon></shop-admin-coupon></test-admin-console>`,
    );
    const root = screenRoot(host.querySelector('shop-admin-coupon')!);
    await until(() => root.querySelector('form') !== null);
    type(root.getElementById('code') as HTMLInputElement, code);
    const kind = root.getElementById('type') as HTMLSelectElement;
    kind.value = 'fixed_amount';
    kind.dispatchEvent(new Event('change'));
    await until(() => root.getElementById('amount') !== null);
    type(root.getElementById('amount') as HTMLInputElement, '3.5');
    type(root.getElementById('minimum') as HTMLInputElement, '20');
    button(root, 'Create').click();
    await until(() => host.navigated.length === 1 || root.querySelector('[role=alert]') !== null, 10_000);
    expect(root.querySelector('[role=alert]')?.textContent ?? '', 'no error').to.equal('');
    const created = (await testAdmin().coupons.list({ q: code })).data[0]!;
    expect(host.navigated).to.deep.equal([`coupons/${created.id}`]);
    expect(created.amount_off).to.deep.equal({ amount: 350, currency: 'USD' });
    expect(created.minimum_subtotal).to.deep.equal({ amount: 2000, currency: 'USD' });
  });

  it('says what is wrong with a field in words', async () => {
    const host = await fixture<TestAdminConsole>(
      html`<test-admin-console><shop-admin-coupon></shop-admin-coupon></test-admin-console>`,
    );
    const root = screenRoot(host.querySelector('shop-admin-coupon')!);
    await until(() => root.querySelector('form') !== null);
    type(root.getElementById('code') as HTMLInputElement, 'x');
    type(root.getElementById('percent') as HTMLInputElement, '150');
    button(root, 'Create').click();
    await until(() => root.getElementById('percent')?.getAttribute('aria-invalid') === 'true');
    expect(root.getElementById('code-error')?.textContent).to.equal('Use 2–64 letters, digits, - or _.');
    expect(root.getElementById('percent-error')?.textContent).to.equal('Enter a whole percentage from 1 to 100.');
    expect(root.activeElement?.id).to.equal('code');
  });

  it('disables a coupon only after a confirmation, and shows its usage', async () => {
    const coupon = await testAdmin().coupons.create({ code: unique(), type: 'percentage', percent_off: 5 });
    const host = await fixture<TestAdminConsole>(
      html`<test-admin-console><shop-admin-coupon .params=${{ id: coupon.id }}></shop-admin-coupon></test-admin-console>`,
    );
    const root = screenRoot(host.querySelector('shop-admin-coupon')!);
    await until(() => root.textContent?.includes('No order has used this coupon yet.') === true);
    button(root, 'Disable').click();
    const confirm = root.querySelector('shop-admin-confirm')!;
    await until(() => confirm.shadowRoot?.querySelector('dialog')?.open === true);
    (confirm.shadowRoot!.querySelectorAll('button')[0] as HTMLButtonElement).click();
    expect((await testAdmin().coupons.get(coupon.id)).active, 'cancel leaves it active').to.equal(true);
    button(root, 'Disable').click();
    await until(() => confirm.shadowRoot?.querySelector('dialog')?.open === true);
    (confirm.shadowRoot!.querySelectorAll('button')[1] as HTMLButtonElement).click();
    await until(() => host.announced.some((a) => a.endsWith('disabled.')));
    expect((await testAdmin().coupons.get(coupon.id)).status).to.equal('disabled');
  });
});
