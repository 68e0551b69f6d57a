// Shared by the checkout end-to-end tests: the demo shop from the grid to the checkout's payment step.
import type { Page } from 'playwright';

interface GridProduct {
  name: string;
  price: { amount: number };
  variants: { id: string; available_quantity: number }[];
}

/**
 * Adds a single-variant product (the `skip`-th with stock to spare) to the cart from the demo
 * shop's grid at `shopUrl` and goes to checkout; answers the variant id.
 */
export async function toCheckout(page: Page, shopUrl: string, skip: number): Promise<string> {
  await page.goto(shopUrl);
  const cards = page.locator('shop-product-card').filter({ has: page.locator('[part~=price]') });
  await cards.nth(11).waitFor();
  const { index, variantId } = await page.evaluate((n) => {
    const grid = document.querySelector('shop-product-grid') as unknown as { products: GridProduct[] };
    const matches = grid.products
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.variants.length === 1 && p.variants[0]!.available_quantity >= 3);
    const pick = matches[Math.min(n, matches.length - 1)]!;
    return { index: pick.i, variantId: pick.p.variants[0]!.id };
  }, skip);
  await cards.nth(index).getByRole('button', { name: 'Add to cart' }).click();
  await page.getByRole('dialog', { name: /Your cart/ }).waitFor();
  // The drawer's Checkout button (`<shop-cart checkout-url>`); getByRole pierces its shadow root.
  await page.getByRole('button', { name: 'Checkout' }).click();
  await page.getByLabel('Email').waitFor();
  return variantId;
}

/** Fills in contact and address, chooses the first shipping method and continues to payment. */
export async function fillToPayment(page: Page): Promise<void> {
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Address', { exact: true }).fill('1 Market St');
  await page.getByLabel('City').fill('San Francisco');
  await page.getByLabel('State / province / prefecture').fill('CA');
  await page.getByLabel('Postal code').fill('94105');
  await page.getByRole('button', { name: 'Continue to shipping' }).click();
  await page.getByRole('radio').first().click();
  await page.getByRole('button', { name: 'Continue to payment' }).and(page.locator(':enabled')).click();
}
