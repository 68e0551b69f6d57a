// Test support, not a test: named *.test.ts so the builds skip it. A console screen on its own,
// given the context <shop-admin> provides, talking to the real test server: its requests go
// through the runner (`admin-request`, see web-test-runner.config.mjs), which adds the shop's
// secret key in Node, since a browser may not send one.
import { ContextProvider } from '@lit/context';
import { fixture } from '@open-wc/testing';
import { createAdminClient, type AdminClient } from '@shoptag/sdk/admin';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { adminContext, type AdminConsole } from '../shell/admin-context.js';
import { testShop } from '../../testing/test-shop.test.js';

interface ProxiedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** A `fetch` that sends the request from the test runner's Node process. */
const proxiedFetch: typeof fetch = async (input, init = {}) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const body =
    init.body === undefined || init.body === null ? null : new Uint8Array(await new Response(init.body).arrayBuffer());
  const answer = (await executeServerCommand('admin-request', {
    method: init.method ?? 'GET',
    path: `${url.pathname}${url.search}`,
    headers: Object.fromEntries(new Headers(init.headers)),
    body: body === null ? null : toBase64(body),
  })) as ProxiedAnswer;
  return new Response(answer.status === 204 ? null : fromBase64(answer.body), {
    status: answer.status,
    headers: answer.headers,
  });
};

let client: AdminClient | undefined;

/** The admin client of the console tests (the test server, through the runner). */
export function adminClient(): AdminClient {
  client ??= createAdminClient({ endpoint: testShop.endpoint, fetch: proxiedFetch, retries: 0 });
  return client;
}

/** What the screen told the shell: announcements and navigations. */
export interface ConsoleLog {
  announced: string[];
  navigated: string[];
}

/** Renders `template` inside a host that provides the console context; answers the host's first child. */
export async function inConsole<T extends HTMLElement>(template: TemplateResult): Promise<{ el: T; log: ConsoleLog }> {
  const log: ConsoleLog = { announced: [], navigated: [] };
  const host = document.createElement('div');
  const value: AdminConsole = {
    client: adminClient(),
    staff: { id: 'stf_test', email: 'owner@example.com', name: 'Owner', role: 'owner' } as AdminConsole['staff'],
    navigate: (path) => void log.navigated.push(path),
    announce: (message) => void log.announced.push(message),
  };
  new ContextProvider(host, { context: adminContext, initialValue: value });
  document.body.append(host);
  const el = await fixture<T>(template, { parentNode: host });
  return { el, log };
}
