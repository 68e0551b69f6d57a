/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import './index.js';
import { defineElement } from '../../internal/define-element.js';
import { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import { screenRoot, testAdmin, type TestAdminConsole } from '../../testing/admin-console.test.js';
import { until } from '../../testing/test-shop.test.js';

defineElement(ShopAdminConfirm);

const button = (root: ShadowRoot, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;

async function renderKeys() {
  const host = await fixture<TestAdminConsole>(
    html`<test-admin-console><shop-admin-keys></shop-admin-keys></test-admin-console>`,
  );
  const screen = host.querySelector('shop-admin-keys')!;
  const root = screenRoot(screen);
  await until(() => root.querySelector('table') !== null);
  return { host, screen, root };
}

describe('<shop-admin-keys>', () => {
  it('lists keys with kind, mode, sites and last use, never a key itself', async () => {
    const { root, screen } = await renderKeys();
    expect(root.querySelector('thead')?.textContent).to.contain('Last used').and.contain('Allowed sites');
    expect(root.textContent).not.to.match(/(pk|sk)_(test|live)_[A-Za-z0-9]{24,}/);
    await expect(screen).to.be.accessible();
  });

  it('creates a publishable key for the sites given, refusing what is not an address, and shows it once', async () => {
    const { root } = await renderKeys();
    button(root, 'Create publishable key').click();
    const dialog = root.getElementById('editor') as HTMLDialogElement;
    await until(() => dialog.open);
    (root.getElementById('key-name') as HTMLInputElement).value = 'Element test key';
    const origins = root.getElementById('origins') as HTMLTextAreaElement;
    origins.value = 'shop.example.com';
    button(root, 'Create').click();
    await until(() => root.getElementById('form-error') !== null);
    expect(root.getElementById('form-error')?.textContent).to.equal(
      'Enter addresses that start with https:// or http://, one per line.',
    );
    origins.value = 'https://shop.example.com/cart\nhttps://blog.example.com';
    button(root, 'Create').click();
    const shown = root.getElementById('shown') as HTMLDialogElement;
    await until(() => shown.open && shown.querySelector('.secret') !== null);
    const secret = shown.querySelector('.secret')!.textContent!.trim();
    expect(secret).to.match(/^pk_test_/);
    button(root, 'I have copied it').click();
    await until(() => !shown.open);
    expect(root.textContent).not.to.contain(secret);
    const listed = (await testAdmin().keys.list()).data.find((k) => k.name === 'Element test key')!;
    expect(listed.allowed_origins).to.deep.equal(['https://shop.example.com', 'https://blog.example.com']);
    await testAdmin().keys.revoke(listed.id);
  });

  it('creates a secret key only once the owner confirms it is for a server', async () => {
    const { root } = await renderKeys();
    const before = (await testAdmin().keys.list()).data.length;
    button(root, 'Create a secret key…').click();
    await until(() => (root.getElementById('editor') as HTMLDialogElement).open);
    expect(root.textContent).to.contain('A secret key can read and change everything in your shop.');
    button(root, 'Create').click();
    await until(() => root.getElementById('form-error') !== null);
    expect(root.getElementById('form-error')?.textContent).to.equal('Confirm that the key is for a server.');
    expect((await testAdmin().keys.list()).data.length).to.equal(before);
  });
});
