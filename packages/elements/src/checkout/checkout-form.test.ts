/// <reference types="mocha" />
// The address form, its messages and its focus, against the reference server the runner started.
import { expect, fixture, html } from '@open-wc/testing';
import { CheckoutSessionUpdate } from '@shoptag/sdk/contract';
import { isShopError, type ShopError } from '@shoptag/sdk';
import '../define.js';
import type { ShopCheckout } from './checkout.js';
import { testClient, testShop } from '../testing/test-shop.test.js';
import { until } from '../testing/cart-fixtures.test.js';
import { checkoutFor, click, fillContact, root, type } from '../testing/checkout-fixtures.test.js';
import { EMPTY_CONTACT, type ContactForm } from './checkout-fields.js';
import { checkContact, fieldMessage, serverProblems } from './field-messages.js';

const labels = (el: ShopCheckout) => [...root(el).querySelectorAll('form label')].map((l) => l.textContent!.trim());
const focused = (el: ShopCheckout) => root(el).activeElement as HTMLElement | null;

async function chooseCountry(el: ShopCheckout, country: string): Promise<void> {
  type(el, 'country', country);
  await el.updateComplete;
}

/** A real 400 from the server for a session update. */
async function serverRefusal(changes: Record<string, unknown>): Promise<ShopError> {
  const client = testClient();
  const product = (await client.products.list({ limit: 20 })).data.find((p) =>
    p.variants.some((v) => (v.available_quantity ?? 0) > 2),
  )!;
  const variant = product.variants.find((v) => (v.available_quantity ?? 0) > 2)!;
  const cart = await client.carts.create({ items: [{ variant_id: variant.id, quantity: 1 }] });
  const session = await client.checkout.create(cart.id);
  try {
    await client.checkout.update(session.id, changes as never);
  } catch (error) {
    if (isShopError(error)) return error;
  }
  throw new Error('the server accepted it');
}

const address = {
  name: 'Ada Lovelace',
  line1: '1 Market St',
  city: 'San Francisco',
  region: 'CA',
  postal_code: '94105',
  country: 'US',
};

describe('<shop-checkout> address form', () => {
  it('writes a US address as City, State and ZIP code, with the states named in a select', async () => {
    const el = await checkoutFor();
    expect(labels(el)).to.deep.equal([
      'Email',
      'Country or region',
      'Full name',
      'Address',
      'Apartment, suite, etc. (optional)',
      'City',
      'State',
      'ZIP code',
      'Phone (optional)',
    ]);
    const state = root(el).querySelector<HTMLSelectElement>('select[name="region"]')!;
    expect([...state.options].find((o) => o.value === 'CA')!.textContent).to.equal('California');
  });

  it('follows the country: CA Province and Postal code, GB Town or city and Postcode without a region, DE and FR postal code before city, JP postal code then prefecture', async () => {
    const el = await checkoutFor();
    await chooseCountry(el, 'CA');
    expect(labels(el).slice(5, 8)).to.deep.equal(['City', 'Province', 'Postal code']);
    await chooseCountry(el, 'GB');
    expect(labels(el).slice(5)).to.deep.equal(['Town or city', 'Postcode', 'Phone (optional)']);
    expect(root(el).querySelector('[name="region"]')).to.equal(null);
    await chooseCountry(el, 'DE');
    expect(labels(el).slice(3, 7)).to.deep.equal([
      'Street and house number',
      'Apartment, suite, etc. (optional)',
      'Postal code',
      'City',
    ]);
    await chooseCountry(el, 'FR');
    expect(labels(el).slice(5, 7)).to.deep.equal(['Postal code', 'City']);
    await chooseCountry(el, 'AU');
    expect(labels(el).slice(5, 8)).to.deep.equal(['Suburb', 'State or territory', 'Postcode']);
    await chooseCountry(el, 'JP');
    expect(labels(el).slice(2, 5)).to.deep.equal(['Full name', 'Postal code', 'Prefecture']);
    const prefecture = root(el).querySelector<HTMLSelectElement>('select[name="region"]')!;
    expect([...prefecture.options].find((o) => o.value === '13')!.textContent).to.equal('Tokyo');
  });

  it('speaks the store’s language: German labels, and Japanese prefectures in Japanese', async () => {
    const de = await checkoutFor(testShop, '', 'de-DE');
    await until(() => labels(de)[0] === 'E-Mail');
    expect(labels(de)).to.include('Vollständiger Name');
    expect(root(de).querySelector('select[name="country"] option[value="DE"]')!.textContent).to.equal('Deutschland');
    const ja = await checkoutFor(testShop, '', 'ja');
    await until(() => labels(ja)[0] === 'メールアドレス');
    await chooseCountry(ja, 'JP');
    expect(root(ja).querySelector('select[name="region"] option[value="13"]')!.textContent).to.equal('東京都');
  });

  it('lays out right to left in Arabic', async () => {
    const el = await checkoutFor(testShop, '', 'ar');
    await until(() => labels(el)[0] === 'البريد الإلكتروني');
    const box = root(el).querySelector('.checkout')!;
    expect(box.getAttribute('dir')).to.equal('rtl');
    const label = root(el).querySelector('label[for="f-email"]')!.getBoundingClientRect();
    const form = root(el).querySelector('form')!.getBoundingClientRect();
    expect(Math.abs(form.right - label.right)).to.be.below(2);
  });

  for (const width of [390, 768, 1280]) {
    it(`lays every field out without overlap or sideways scrolling ${width} px wide, in each country`, async () => {
      const el = await checkoutFor();
      el.style.inlineSize = `${width - 32}px`;
      for (const country of ['US', 'CA', 'GB', 'DE', 'FR', 'JP', 'AU']) {
        await chooseCountry(el, country);
        const form = root(el).querySelector('form')!;
        expect(form.scrollWidth, country).to.be.at.most(form.clientWidth);
        const boxes = [...form.querySelectorAll('.field')].map((f) => f.getBoundingClientRect());
        for (const [i, a] of boxes.entries()) {
          expect(a.right, `${country} field ${i} stays inside`).to.be.at.most(form.getBoundingClientRect().right + 0.5);
          for (const b of boxes.slice(i + 1)) {
            const overlap =
              a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            expect(overlap, `${country}: fields overlap`).to.equal(false);
          }
        }
        const fields = form.querySelectorAll('.field').length;
        const rows = new Set(boxes.map((b) => Math.round(b.top))).size;
        if (width === 390) expect(rows, `${country}: one field a row on a phone`).to.equal(fields);
        else expect(rows, `${country}: short fields share rows`).to.be.below(fields);
      }
    });
  }
});

describe('<shop-checkout> field messages', () => {
  it('reads what is in the fields when the form is submitted, even when they were filled without input events', async () => {
    const el = await checkoutFor();
    const set = (name: string, value: string) =>
      (root(el).querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!.value = value);
    set('email', 'ada@example.com');
    for (const [name, value] of Object.entries(address)) if (name !== 'country') set(name, value);
    click(el, 'button[type="submit"]');
    await until(() => el.state?.step === 'shipping');
    expect(root(el).querySelector('[part~="field-error"]')).to.equal(null);
    expect(el.state?.session?.shipping_address?.city).to.equal('San Francisco');
  });

  it('marks every problem at once in the shopper’s words, describes each field by its message, and focuses the first', async () => {
    const el = await checkoutFor();
    type(el, 'email', 'jane@example');
    type(el, 'postal_code', '123');
    click(el, 'button[type="submit"]');
    await el.updateComplete;
    const invalid = [...root(el).querySelectorAll<HTMLElement>('[aria-invalid="true"]')].map((i) =>
      i.getAttribute('name'),
    );
    expect(invalid).to.deep.equal(['email', 'name', 'line1', 'city', 'region', 'postal_code']);
    const email = root(el).querySelector('#f-email')!;
    expect(root(el).getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.equal(
      'Enter an email address like name@example.com.',
    );
    expect(focused(el)).to.equal(email);
    const text = root(el).querySelector('form')!.textContent!;
    expect(text).to.contain('Enter a ZIP code like 94107.');
    expect(text).to.contain('Choose a state.');
    expect(text).not.to.match(/Invalid|must be|got "/);
    expect(el.state?.step).to.equal('contact');
  });

  it('shows field errors in German with <shop-store locale="de">', async () => {
    const el = await checkoutFor(testShop, '', 'de');
    await until(() => labels(el)[0] === 'E-Mail');
    click(el, 'button[type="submit"]');
    await el.updateComplete;
    expect(root(el).querySelector('#f-email-error')!.textContent).to.equal('Gib deine E-Mail-Adresse ein.');
  });

  it('maps the server’s field errors by param and code, never showing their text', async () => {
    const form: ContactForm = { ...EMPTY_CONTACT, ...address, email: 'jane@example', name: '' };
    const nameless = await serverRefusal({ shipping_address: { ...address, name: '' } });
    expect(nameless.message).to.contain('Invalid shipping_address.name');
    expect(serverProblems(nameless)).to.deep.equal([{ param: 'shipping_address.name', code: nameless.code }]);
    expect(fieldMessage(serverProblems(nameless)[0]!, form)).to.deep.equal({ key: 'checkout.error.name.required' });
    const badEmail = await serverRefusal({ email: 'jane@example' });
    expect(fieldMessage(serverProblems(badEmail)[0]!, form)).to.deep.equal({ key: 'checkout.error.email.invalid' });
    const badPostal = await serverRefusal({ shipping_address: { ...address, postal_code: '123' } });
    expect(fieldMessage(serverProblems(badPostal)[0]!, { ...form, postal_code: '123' })).to.deep.equal({
      key: 'checkout.error.zip.invalid',
      params: { example: '94107' },
    });
  });

  it('checks before sending exactly what the contract’s zod schema checks', () => {
    const forms: ContactForm[] = [
      { ...EMPTY_CONTACT, ...address, email: 'ada@example.com' },
      { ...EMPTY_CONTACT, ...address, email: 'jane@example' },
      { ...EMPTY_CONTACT, ...address, email: 'ada@example.com', name: '  ' },
      { ...EMPTY_CONTACT, ...address, email: 'ada@example.com', region: 'XX' },
      { ...EMPTY_CONTACT, ...address, email: 'ada@example.com', phone: '12' },
      {
        ...EMPTY_CONTACT,
        email: 'ada@example.com',
        name: 'A',
        line1: 'B',
        city: 'London',
        postal_code: 'SW1A 1AA',
        country: 'GB',
      },
      {
        ...EMPTY_CONTACT,
        email: 'ada@example.com',
        name: 'A',
        line1: 'B',
        city: 'London',
        postal_code: '123',
        country: 'GB',
      },
      {
        ...EMPTY_CONTACT,
        email: 'ada@example.com',
        name: 'A',
        line1: 'B',
        city: 'Berlin',
        postal_code: '10115',
        country: 'DE',
      },
      {
        ...EMPTY_CONTACT,
        email: 'ada@example.com',
        name: 'A',
        line1: 'B',
        city: 'Chiyoda',
        region: '13',
        postal_code: '100-0001',
        country: 'JP',
      },
      {
        ...EMPTY_CONTACT,
        email: 'ada@example.com',
        name: 'A',
        line1: 'B',
        city: 'Chiyoda',
        postal_code: '1000',
        country: 'JP',
      },
      {
        ...EMPTY_CONTACT,
        email: 'ada@example.com',
        name: 'A',
        line1: 'B',
        city: 'Sydney',
        region: 'NSW',
        postal_code: '2000',
        country: 'AU',
      },
      {
        ...EMPTY_CONTACT,
        email: 'ada@example.com',
        name: 'A'.repeat(201),
        line1: 'B',
        city: 'Paris',
        postal_code: '75001',
        country: 'FR',
      },
    ];
    for (const f of forms) {
      const optional = (v: string) => (v.trim() ? v.trim() : undefined);
      const parsed = CheckoutSessionUpdate.safeParse({
        email: f.email.trim(),
        shipping_address: {
          name: f.name,
          line1: f.line1,
          city: f.city,
          country: f.country,
          region: optional(f.region),
          postal_code: optional(f.postal_code),
          phone: optional(f.phone),
        },
      });
      const schema = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
      expect(
        checkContact(f)
          .map((p) => p.param)
          .sort(),
        JSON.stringify(f),
      ).to.deep.equal([...new Set(schema)].sort());
    }
  });
});

describe('<shop-checkout> focus and states', () => {
  it('moves focus to each step’s heading as the steps change', async () => {
    const el = await checkoutFor();
    await fillContact(el);
    await until(() => el.state?.step === 'shipping' && focused(el)?.id === 'step-heading');
    expect(focused(el)!.textContent).to.equal('Shipping method');
    expect(focused(el)!.getAttribute('tabindex')).to.equal('-1');
    click(el, 'input[name="shipping"]');
    await until(() => (el.state?.session?.shipping_method ?? null) !== null && el.state?.status === 'idle');
    await el.updateComplete;
    click(el, 'button[part~="primary"]');
    await until(() => el.state?.step === 'payment' && focused(el)?.textContent === 'Payment');
    click(el, 'button[type="button"]');
    await until(() => el.state?.step === 'shipping' && focused(el)?.textContent === 'Shipping method');
  });

  it('says an empty cart is empty, with a link back to the shop, instead of loading forever', async () => {
    const cart = await testClient().carts.create({ items: [] });
    const store = await fixture(
      html`<shop-store endpoint=${testShop.endpoint} publishable-key=${testShop.publishableKey}><shop-checkout cart-id=${cart.id} shop-url="/shop"></shop-checkout></shop-store>`,
    );
    const el = store.querySelector('shop-checkout')!;
    await until(() => root(el).querySelector('[part~="empty"]') !== null);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Your cart is empty');
    const link = root(el).querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('/shop');
    expect(link.textContent).to.equal('Back to the shop');
    expect(root(el).textContent).not.to.contain('Loading');
  });
});
