import { ContextProvider } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createAdminClient, type AdminClient, type StaffSession } from '@shoptag/sdk/admin';
import { buttons, tokens, utilities } from '../../styles/shared.styles.js';
import { directionOf } from '../../i18n/localizer.js';
import { adminLocalizer } from '../i18n/admin-messages.js';
import { ADMIN_ROUTES, matchRoute, type AdminRoute } from '../routes.js';
import { adminStyles } from '../ui/admin.styles.js';
import { isSessionEnded } from '../ui/admin-errors.js';
import { SESSION_ENDED_EVENT } from '../ui/admin-screen.js';
import { adminContext, type AdminConsole } from './admin-context.js';
import { ShopAdminSignIn } from './sign-in.js';

/** A screen that may hold unsaved work: asked before the console navigates away. */
interface LeavableScreen extends HTMLElement {
  canLeave?(): boolean | Promise<boolean>;
  params?: Record<string, string>;
}

/** The path after `#/`, without a query. */
function currentPath(): string {
  return decodeURI(location.hash.replace(/^#\/?/, '')).replace(/\?.*$/, '');
}

/**
 * The shop owner's console: signs staff in with their session cookie, then shows the navigation
 * and the screen the address names (`/admin/#/orders/ord_…`). Screens are loaded on first visit,
 * each area its own chunk; the console never holds a secret key.
 *
 * ```html
 * <shop-admin></shop-admin>   <!-- served at /admin by the reference server -->
 * ```
 *
 * @summary The shop owner's console.
 * @tagname shop-admin
 */
export class ShopAdmin extends LitElement {
  static readonly tagName = 'shop-admin';
  static readonly dependencies = [ShopAdminSignIn];
  static override styles = [
    tokens,
    utilities,
    buttons,
    adminStyles,
    css`
      :host {
        min-block-size: 100vh;
        background: var(--shop-console-background, light-dark(#f6f7f9, #111827));
      }
      /* Visually hidden until it takes focus (the first Tab on the page). */
      .skip:not(:focus) {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        min-inline-size: 0;
        min-block-size: 0;
        min-height: 0;
        padding: 0;
        border: 0;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .skip:focus {
        position: absolute;
        inset-inline-start: 0.5rem;
        inset-block-start: 0.5rem;
        z-index: 10;
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.5rem 1rem;
        background: var(--_surface);
        border-block-end: 1px solid var(--_border);
        position: sticky;
        inset-block-start: 0;
        z-index: 5;
      }
      header .title {
        font-weight: 700;
        margin-inline-end: auto;
      }
      .who {
        color: var(--_muted);
        font-size: 0.875rem;
        overflow-wrap: anywhere;
      }
      .layout {
        display: grid;
        grid-template-columns: 14rem minmax(0, 1fr);
      }
      nav ul {
        list-style: none;
        margin: 0;
        padding: 0.75rem 0.5rem;
        display: grid;
        gap: 0.125rem;
      }
      nav a {
        display: flex;
        align-items: center;
        min-block-size: 2.5rem;
        padding-inline: 0.75rem;
        border-radius: var(--_radius-small);
        color: var(--_text);
        text-decoration: none;
      }
      nav a:hover {
        background: var(--_media);
      }
      nav a[aria-current='page'] {
        background: var(--_accent);
        color: var(--_on-accent);
        font-weight: 600;
      }
      main {
        padding: 1.25rem;
        min-inline-size: 0;
      }
      .menu-button {
        display: none;
      }
      .signed-out {
        max-inline-size: 26rem;
        margin-inline: auto;
        padding: 10vh 1rem 1rem;
      }
      @media (max-width: 56rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        .menu-button {
          display: inline-flex;
        }
        nav[data-open='false'] {
          display: none;
        }
        nav {
          border-block-end: 1px solid var(--_border);
          background: var(--_surface);
        }
        main {
          padding: 1rem 0.75rem;
        }
        .who {
          display: none;
        }
      }
    `,
  ];

  /** The server's origin; the page's own when empty (the console is served by the server). */
  @property() endpoint = '';

  @state() private session: StaffSession | undefined;
  @state() private phase: 'checking' | 'signed-out' | 'signed-in' = 'checking';
  @state() private notice = '';
  @state() private path = currentPath();
  @state() private screen: LeavableScreen | undefined;
  @state() private menuOpen = false;
  @state() private announcement = '';

  private readonly i18n = adminLocalizer(this);
  private client: AdminClient | undefined;
  private readonly provider = new ContextProvider(this, { context: adminContext });
  private screens = new Map<string, LeavableScreen>();
  private leaving = false;
  private navigations = 0;

  private readonly onHashChange = () => void this.route();
  private readonly onSessionEnded = () => this.signedOut(this.i18n.t('shell.sessionEnded'));

  override connectedCallback(): void {
    super.connectedCallback();
    this.client = createAdminClient(this.endpoint ? { endpoint: this.endpoint } : {});
    addEventListener('hashchange', this.onHashChange);
    this.addEventListener(SESSION_ENDED_EVENT, this.onSessionEnded);
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
    this.removeEventListener(SESSION_ENDED_EVENT, this.onSessionEnded);
  }

  private async checkSession(): Promise<void> {
    try {
      this.signedIn(await this.client!.session.current());
    } catch (error) {
      if (!isSessionEnded(error)) console.error(error);
      this.signedOut('');
    }
  }

  private signedIn(session: StaffSession): void {
    this.session = session;
    this.phase = 'signed-in';
    this.notice = '';
    const console: AdminConsole = {
      client: this.client!,
      staff: session.staff,
      navigate: (path) => {
        location.hash = `#/${path}`;
      },
      announce: (message) => {
        this.announcement = '';
        void this.updateComplete.then(() => (this.announcement = message));
      },
    };
    this.provider.setValue(console);
    void this.route();
  }

  private signedOut(notice: string): void {
    this.session = undefined;
    this.phase = 'signed-out';
    this.notice = notice;
    this.screens.clear();
    this.screen = undefined;
    void this.route();
  }

  private async signOut(): Promise<void> {
    try {
      await this.client!.session.signOut();
    } finally {
      this.signedOut(this.i18n.t('shell.signedOut'));
    }
  }

  /** The routes this staff member may open. */
  private allowed(route: AdminRoute): boolean {
    return !route.roles || (this.session !== undefined && route.roles.includes(this.session.staff.role));
  }

  private async route(): Promise<void> {
    const previous = this.path;
    const next = currentPath();
    if (this.leaving) return;
    // A later navigation wins: an earlier one still loading its chunk must not replace its screen.
    const navigation = ++this.navigations;
    if (this.screen?.canLeave && next !== previous && this.phase === 'signed-in') {
      this.leaving = true;
      const ok = await this.screen.canLeave();
      this.leaving = false;
      if (!ok) {
        history.replaceState(null, '', `#/${previous}`);
        return;
      }
    }
    this.path = next;
    this.menuOpen = false;
    const found = matchRoute(next);
    if (!found || (!found.route.public && this.phase !== 'signed-in')) {
      this.screen = undefined;
      if (!found && this.phase === 'signed-in' && next === '') {
        const home = ADMIN_ROUTES.find((r) => r.nav && this.allowed(r));
        if (home?.href) {
          history.replaceState(null, '', `#/${home.href}`);
          void this.route();
        }
      }
      return;
    }
    if (!this.allowed(found.route)) {
      this.screen = undefined;
      return;
    }
    await found.route.load();
    if (navigation !== this.navigations) return;
    let screen = this.screens.get(found.route.tag);
    if (!screen) {
      screen = document.createElement(found.route.tag) as LeavableScreen;
      this.screens.set(found.route.tag, screen);
    }
    screen.params = found.params;
    this.screen = screen;
    await this.updateComplete;
    if (navigation !== this.navigations) return;
    // The screen's heading takes focus, so keyboard and screen-reader users land on the new page.
    await (screen as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
    screen.shadowRoot?.querySelector<HTMLElement>('h1')?.focus();
  }

  override updated(): void {
    const lang = this.i18n.locale;
    this.setAttribute('dir', directionOf(lang));
  }

  private renderMain() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.screen) return this.screen;
    const found = matchRoute(this.path);
    if (found && !this.allowed(found.route)) return html`<h1 tabindex="-1">${t('shell.forbidden')}</h1>`;
    if (this.path !== '') {
      return html`<h1 tabindex="-1">${t('shell.notFound')}</h1>
        <p><a href="#/">${t('shell.home')}</a></p>`;
    }
    return html`<p role="status">${t('common.loading')}</p>`;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    if (this.phase === 'checking') return html`<p class="signed-out" role="status">${t('common.loading')}</p>`;
    const publicScreen = this.phase === 'signed-out' && this.screen && matchRoute(this.path)?.route.public;
    if (this.phase === 'signed-out') {
      if (publicScreen) return html`<main class="signed-out">${this.screen}</main>`;
      return html`<main class="signed-out">
        <shop-admin-sign-in
          .client=${this.client}
          .notice=${this.notice}
          @shop-admin-signed-in=${(e: CustomEvent<StaffSession>) => this.signedIn(e.detail)}
        ></shop-admin-sign-in>
      </main>`;
    }
    const staff = this.session!.staff;
    return html`<header>
        <button class="skip button" type="button" @click=${this.skip}>${t('shell.skip')}</button>
        <button
          class="button menu-button"
          type="button"
          aria-expanded=${this.menuOpen ? 'true' : 'false'}
          aria-controls="nav"
          @click=${() => (this.menuOpen = !this.menuOpen)}
        >
          ${t('shell.menu')}
        </button>
        <span class="title">${t('shell.title')}</span>
        <span class="who"
          >${t('shell.signedInAs', { email: staff.email })} ·
          ${t(staff.role === 'owner' ? 'shell.role.owner' : 'shell.role.staff')}</span
        >
        <button class="button" type="button" @click=${this.signOut}>${t('shell.signOut')}</button>
      </header>
      <div class="layout">
        <nav id="nav" aria-label=${t('shell.navLabel')} data-open=${this.menuOpen ? 'true' : 'false'}>
          <ul>
            ${ADMIN_ROUTES.filter((r) => r.nav && r.href !== undefined && this.allowed(r)).map((r) => {
              const current = this.path === r.href || this.path.startsWith(`${r.href}/`);
              return html`<li>
                <a href="#/${r.href}" aria-current=${current ? 'page' : nothing}>${t(r.nav!)}</a>
              </li>`;
            })}
          </ul>
        </nav>
        <main id="main" tabindex="-1">${this.renderMain()}</main>
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  private skip(event: Event): void {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }
}
