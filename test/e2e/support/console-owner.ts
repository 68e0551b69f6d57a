// The console's first owner for end-to-end tests, made as an owner would be invited: the secret
// key invites the account, the emailed link (in the outbox) sets its password; then a page signs in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import type { StartedDemoServer } from '@shoptag/reference-server';

export interface ConsoleOwner {
  email: string;
  password: string;
}

/** The set-password token of the newest email to `email` in the outbox. */
async function tokenFor(outbox: string, email: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const files = (() => {
      try {
        return readdirSync(outbox).filter((f) => f.endsWith('.eml'));
      } catch {
        return [];
      }
    })();
    for (const file of files) {
      // Quoted-printable: soft line breaks joined, =3D read as =.
      const text = readFileSync(join(outbox, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/g, '=');
      if (!text.includes(email)) continue;
      const token = /[?#&]token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
      if (token) return token;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no set-password email to ${email} in ${outbox}`);
}

/** Invites an owner with the demo's secret key and sets the password through the emailed link. */
export async function createOwner(server: StartedDemoServer, dataDir: string): Promise<ConsoleOwner> {
  const owner = { email: 'owner@example.com', password: 'a long owner passphrase 42' };
  const invited = await fetch(`${server.url}/v1/admin/staff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ email: owner.email, name: 'Olive Owner', role: 'owner' }),
  });
  if (!invited.ok) throw new Error(`inviting the owner: ${invited.status} ${await invited.text()}`);
  const token = await tokenFor(join(dataDir, 'outbox'), owner.email);
  const set = await fetch(`${server.url}/v1/admin/password-resets/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, password: owner.password }),
  });
  if (!set.ok) throw new Error(`setting the owner's password: ${set.status} ${await set.text()}`);
  return owner;
}

/** Signs in on the console's own form; resolves once the navigation shows. */
export async function signInToConsole(page: Page, url: string, owner: ConsoleOwner): Promise<void> {
  await page.goto(`${url}/admin/`);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation').waitFor();
}
