// Test support, not a test (this folder is not run): a stand-in for <shop-admin> that gives
// console screens their context — an admin client on the test server's admin API (through the
// runner's proxy, which adds the secret key), an owner, and navigate/announce that are recorded.
import { ContextProvider } from '@lit/context';
import { LitElement, html } from 'lit';
import { createAdminClient, type AdminClient } from '@shoptag/sdk/admin';
import { adminContext, type AdminConsole } from '../admin/shell/admin-context.js';
import { testShop } from './test-shop.test.js';

let client: AdminClient | undefined;

/** The admin API of the test server, as the console's screens call it. */
export function testAdmin(): AdminClient {
  client ??= createAdminClient({
    endpoint: `${location.origin}${(testShop as typeof testShop & { adminApiPath: string }).adminApiPath}`,
    retries: 0,
  });
  return client;
}

/** `<test-admin-console>`: provides the console context to the screen inside it. */
export class TestAdminConsole extends LitElement {
  static readonly tagName = 'test-admin-console';
  /** Paths the screen asked to go to. */
  readonly navigated: string[] = [];
  /** What the screen said in the live region. */
  readonly announced: string[] = [];
  readonly provider = new ContextProvider(this, {
    context: adminContext,
    initialValue: {
      client: testAdmin(),
      staff: { id: 'stf_test', email: 'owner@example.com', name: 'Owner', role: 'owner' },
      navigate: (path: string) => void this.navigated.push(path),
      announce: (message: string) => void this.announced.push(message),
    } as AdminConsole,
  });

  override render() {
    return html`<slot></slot>`;
  }
}
if (!customElements.get(TestAdminConsole.tagName)) customElements.define(TestAdminConsole.tagName, TestAdminConsole);

/** The screen's shadow root once it has rendered. */
export function screenRoot(screen: Element): ShadowRoot {
  const root = screen.shadowRoot;
  if (!root) throw new Error(`<${screen.localName}> has no shadow root`);
  return root;
}
