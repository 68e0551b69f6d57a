// The console's staff screens in Chromium against the built server: the first owner from the
// banner's one-time link, an invitation by email (read from the outbox) and its set-password
// link, a staff member kept out of the owner's screens, the audit log, a reset request, and
// disabling an account behind a confirmation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import type * as ReferenceServer from '@shoptag/reference-server';
import type { StartedServer } from '@shoptag/reference-server';
import { launchBrowser, watchProblems } from './support/browser.js';

const serverDist = new URL('../../packages/reference-server/dist/index.js', import.meta.url).href;
const OWNER = { email: 'owner@shop.example', password: 'owner password 123' };
const CLERK = { email: 'clerk@shop.example', password: 'clerk password 456' };

/** The set-password link in the newest outbox email to `to`. */
function linkInOutbox(dir: string, to: string): string {
  const files = readdirSync(join(dir, 'outbox'))
    .filter((f) => f.endsWith('.eml'))
    .sort();
  for (const file of files.reverse()) {
    const eml = readFileSync(join(dir, 'outbox', file), 'utf8');
    if (!eml.includes(`To: ${to}`)) continue;
    // The body is quoted-printable: soft line breaks joined, `=3D` back to `=`.
    const text = eml
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const link = /(http:\/\/\S+\/admin\/#\/reset\?token=[A-Za-z0-9]+)/.exec(text)?.[1];
    if (link) return link;
  }
  throw new Error(`no link to ${to} in the outbox`);
}

/** Problems but the 401 of the first session check, which is how a signed-out console starts. */
const realProblems = (problems: string[]) =>
  problems.filter(
    (p) =>
      !/HTTP 401: .*\/v1\/admin\/session$|HTTP 404: .*\/favicon\.ico$|status of (401 \(Unauthorized\)|404 \(Not Found\))/.test(
        p,
      ),
  );

describe('the console staff screens', () => {
  let server: StartedServer;
  let browser: Browser;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shoptag-e2e-staff-'));
    const { startServer } = (await import(serverDist)) as typeof ReferenceServer;
    [server, browser] = await Promise.all([
      startServer({ port: 0, memory: true, quiet: true, dataDir }),
      launchBrowser(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
    await page.goto(`${server.url}/admin/`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  test('the first owner is created from the setup link and lands signed in', async () => {
    assert.ok(server.setupUrl, 'an install without staff has a setup link');
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(server.setupUrl);
    await page.getByRole('heading', { name: 'Create the owner account' }).waitFor();
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByLabel('Name').fill('Olive');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    await page.getByRole('alert').getByText('The password is too short.').waitFor();
    await page.getByLabel('New password', { exact: true }).fill(OWNER.password);
    await page.getByLabel('New password again').fill(OWNER.password);
    await page.getByRole('button', { name: 'Create and sign in' }).click();
    await page.getByText(`Signed in as ${OWNER.email}`).waitFor();
    assert.doesNotMatch(page.url(), /token=/, 'the link leaves the address bar');
    assert.deepEqual(realProblems(problems), []);
    await page.close();
  });

  test('the owner invites a clerk, who sets a password from the emailed link and signs in', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await signIn(page, OWNER);
    await page.getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Email' }).fill(CLERK.email);
    await page.getByRole('textbox', { name: 'Name' }).fill('Clara');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('row', { name: /clerk@shop\.example/ })
      .getByText('Invited')
      .waitFor();
    assert.deepEqual(realProblems(problems), []);

    const clerkPage = await browser.newPage();
    await clerkPage.goto(linkInOutbox(dataDir, CLERK.email));
    await clerkPage.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await clerkPage.getByLabel('New password', { exact: true }).fill(CLERK.password);
    await clerkPage.getByLabel('New password again').fill(CLERK.password);
    await clerkPage.getByRole('button', { name: 'Set the password' }).click();
    await clerkPage.getByRole('heading', { name: 'Password set' }).waitFor();
    await clerkPage.getByRole('link', { name: 'Back to sign in' }).click();
    await signIn(clerkPage, CLERK);
    assert.equal(await clerkPage.getByRole('link', { name: 'Staff' }).count(), 0, 'staff do not see the staff screen');
    await clerkPage.goto(`${server.url}/admin/#/audit`);
    await clerkPage.getByRole('heading', { name: 'Only the shop owner can open this page.' }).waitFor();
    await clerkPage.close();
    await page.close();
  });

  test('the owner reads the audit log and filters it by action', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await signIn(page, OWNER);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('cell', { name: 'staff.invite' }).waitFor();
    await page.getByLabel('Action', { exact: true }).fill('staff.sign_in');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('cell', { name: 'staff.sign_in', exact: true }).first().waitFor();
    assert.equal(await page.getByRole('cell', { name: 'staff.invite' }).count(), 0);
    assert.deepEqual(realProblems(problems), []);
    await page.close();
  });

  test('someone who forgot their password asks for a link from the sign-in page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await page.getByLabel('Email').fill(OWNER.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    assert.match(linkInOutbox(dataDir, OWNER.email), /#\/reset\?token=/);
    await page.close();
  });

  test('disabling an account asks first, and the clerk can no longer sign in', async () => {
    const page = await browser.newPage();
    await signIn(page, OWNER);
    await page.goto(`${server.url}/admin/#/staff`);
    const row = page.getByRole('row', { name: /clerk@shop\.example/ });
    await row.getByRole('button', { name: 'Disable' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disable this account?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await row.getByText('Active').waitFor();
    await row.getByRole('button', { name: 'Disable' }).click();
    await dialog.getByRole('button', { name: 'Disable' }).click();
    await row.getByText('Disabled').waitFor();
    await page.close();

    const clerk = await browser.newPage();
    await clerk.goto(`${server.url}/admin/`);
    await clerk.getByLabel('Email').fill(CLERK.email);
    await clerk.getByLabel('Password').fill(CLERK.password);
    await clerk.getByRole('button', { name: 'Sign in' }).click();
    await clerk.getByText('That email and password do not match an account.').waitFor();
    await clerk.close();
  });
});
