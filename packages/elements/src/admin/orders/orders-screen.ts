import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { formatMoney, type Order, type OrderListQuery } from '@shoptag/sdk/admin';
import { LatestLoad } from '../ui/latest-load.js';
import { AdminScreen } from '../ui/admin-screen.js';
import { dateTime, fulfillmentBadge, paymentBadge, statusBadge } from './order-labels.js';
import { orderStyles } from './orders.styles.js';

const STATUSES = [
  'pending',
  'paid',
  'partially_fulfilled',
  'fulfilled',
  'delivered',
  'partially_refunded',
  'refunded',
  'cancelled',
] as const;
const PAYMENT = ['pending', 'paid', 'partially_refunded', 'refunded', 'unpaid'] as const;
const FULFILLMENT = ['unfulfilled', 'partially_fulfilled', 'fulfilled'] as const;
const PAGE = 25;

/** A date input's day as the start of that day (from) or of the next (until), in the browser's time zone. */
function dayBound(day: string, next: boolean): string | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (next) d.setDate(d.getDate() + 1);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * The orders list: search by number, email or name; filter by status, payment, shipping and the
 * day placed; newest first, a page at a time. Each row links to the order.
 *
 * @summary Console: orders list.
 * @tagname shop-admin-orders
 */
export class ShopAdminOrders extends AdminScreen {
  static readonly tagName = 'shop-admin-orders';
  static override styles = [...AdminScreen.styles, orderStyles];

  @state() private orders: Order[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loading = false;
  @state() private problem = '';
  private query: OrderListQuery = {};
  private started = false;
  private readonly loads = new LatestLoad();

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.started && this.isConnected) {
      this.started = true;
      void this.load(false);
    }
  }

  private async load(more: boolean): Promise<void> {
    const current = this.loads.start();
    this.loading = true;
    this.problem = '';
    try {
      const page = await this.console.client.orders.list({
        ...this.query,
        limit: PAGE,
        ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}),
      });
      if (!current()) return;
      this.orders = more ? [...this.orders, ...page.data] : page.data;
      this.nextCursor = page.next_cursor;
    } catch (error) {
      if (current()) this.problem = this.describe(error);
    } finally {
      if (current()) this.loading = false;
    }
  }

  private apply(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const query: Record<string, string> = {};
    for (const name of ['q', 'status', 'payment_status', 'fulfillment_status'])
      if (text(name)) query[name] = text(name);
    const after = dayBound(text('from'), false);
    const before = dayBound(text('to'), true);
    if (after) query.created_after = after;
    if (before) query.created_before = before;
    this.query = query as OrderListQuery;
    void this.load(false);
  }

  private clear(event: Event): void {
    (event.target as HTMLButtonElement).form?.reset();
    this.query = {};
    void this.load(false);
  }

  private select(name: string, label: string, values: readonly string[], key: (v: string) => string) {
    return html`<label
      >${label}
      <select name=${name}>
        <option value="">${this.t('common.all')}</option>
        ${values.map((v) => html`<option value=${v}>${this.t(key(v) as never)}</option>`)}
      </select></label
    >`;
  }

  private renderTable() {
    const t = this.t.bind(this);
    const locale = this.i18n.locale;
    if (!this.orders.length && this.loading) return html`<p role="status">${t('common.loading')}</p>`;
    if (!this.orders.length && !this.problem)
      return html`<p class="muted">${Object.keys(this.query).length ? t('common.noResults') : t('orders.empty')}</p>`;
    return html`<table class="responsive">
        <thead>
          <tr>
            <th scope="col">${t('orders.col.number')}</th>
            <th scope="col">${t('orders.col.date')}</th>
            <th scope="col">${t('orders.col.customer')}</th>
            <th scope="col">${t('orders.col.status')}</th>
            <th scope="col">${t('orders.col.payment')}</th>
            <th scope="col">${t('orders.col.fulfillment')}</th>
            <th scope="col" class="num">${t('orders.col.total')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.orders.map(
            (o) => html`<tr>
              <td data-label=${t('orders.col.number')}>
                <a class="order-link" href="#/orders/${o.id}">${o.number}</a>
              </td>
              <td data-label=${t('orders.col.date')}>${dateTime(locale, o.created_at)}</td>
              <td data-label=${t('orders.col.customer')}>
                ${(o.shipping_address ?? o.billing_address).name}<br /><span class="small">${o.email}</span>
              </td>
              <td data-label=${t('orders.col.status')}>${statusBadge(t, o.status)}</td>
              <td data-label=${t('orders.col.payment')}>${paymentBadge(t, o.payment_status)}</td>
              <td data-label=${t('orders.col.fulfillment')}>${fulfillmentBadge(t, o.fulfillment_status)}</td>
              <td data-label=${t('orders.col.total')} class="num">${formatMoney(o.totals.total, locale)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="muted" role="status">${t('orders.count', { count: this.orders.length })}</p>
      ${
        this.nextCursor
          ? html`<button class="button" type="button" ?disabled=${this.loading} @click=${() => this.load(true)}>
              ${this.loading ? t('common.loading') : t('common.loadMore')}
            </button>`
          : nothing
      }`;
  }

  override render() {
    const t = this.t.bind(this);
    return html`<h1 tabindex="-1">${t('orders.title')}</h1>
      <form class="filters" role="search" @submit=${this.apply}>
        <label class="search"
          >${t('orders.search')}
          <input type="search" name="q" placeholder=${t('orders.searchHint')} autocomplete="off" />
        </label>
        ${this.select('status', t('orders.filter.status'), STATUSES, (v) => `orders.status.${v}`)}
        ${this.select('payment_status', t('orders.filter.payment'), PAYMENT, (v) => `orders.payment.${v}`)}
        ${this.select('fulfillment_status', t('orders.filter.fulfillment'), FULFILLMENT, (v) => `orders.fulfillment.${v}`)}
        <label>${t('orders.filter.from')} <input type="date" name="from" /></label>
        <label>${t('orders.filter.to')} <input type="date" name="to" /></label>
        <div class="buttons">
          <button class="button primary" type="submit">${t('orders.filter.apply')}</button>
          <button class="button" type="button" @click=${this.clear}>${t('orders.filter.clear')}</button>
        </div>
      </form>
      ${this.problem ? this.loadProblem(this.problem, () => this.load(false)) : nothing}
      <div aria-busy=${this.loading ? 'true' : 'false'}>${this.renderTable()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-admin-orders': ShopAdminOrders;
  }
}
