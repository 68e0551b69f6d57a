import { html, nothing, type PropertyValues } from 'lit';
import { query, state } from 'lit/decorators.js';
import { formatMoney, type Order, type OrderEvent } from '@shoptag/sdk/admin';
import { formatAddress } from '@shoptag/sdk';
import { AdminScreen } from '../ui/admin-screen.js';
import type { ShopAdminConfirm } from '../ui/confirm-dialog.js';
import { type OrderChangeEvent } from './order-change-event.js';
import type { ShopAdminOrderFulfil } from './order-fulfil-dialog.js';
import type { ShopAdminOrderRefund } from './order-refund-dialog.js';
import { dateTime, fulfillmentBadge, paymentBadge, statusBadge } from './order-labels.js';
import { orderStyles } from './orders.styles.js';

/**
 * One order: items with what shipped and was refunded, totals, customer, addresses, payment,
 * shipments with tracking, refunds, and the timeline (with notes); actions to ship items, mark it
 * delivered, cancel it (after a confirmation) and refund it.
 *
 * @summary Console: an order.
 * @tagname shop-admin-order
 */
export class ShopAdminOrder extends AdminScreen {
  static readonly tagName = 'shop-admin-order';
  static override styles = [...AdminScreen.styles, orderStyles];

  @state() private order: Order | null = null;
  @state() private events: OrderEvent[] = [];
  @state() private problem = '';
  @state() private busy = false;
  @query('shop-admin-order-fulfil') private fulfilDialog!: ShopAdminOrderFulfil;
  @query('shop-admin-order-refund') private refundDialog!: ShopAdminOrderRefund;
  @query('shop-admin-confirm') private cancelDialog!: ShopAdminConfirm;
  private loadedId = '';

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const id = this.params.id ?? '';
    if (id && id !== this.loadedId && this.isConnected) {
      this.loadedId = id;
      this.order = null;
      void this.load(id);
    }
  }

  private async load(id: string): Promise<void> {
    this.problem = '';
    try {
      const [order, events] = await Promise.all([
        this.console.client.orders.get(id),
        this.console.client.orders.events(id, { limit: 100 }),
      ]);
      this.order = order;
      this.events = events.data;
    } catch (error) {
      this.problem = this.describe(error);
    }
  }

  private async changed(order: Order, message: string): Promise<void> {
    this.order = order;
    this.console.announce(message);
    await this.updateComplete;
    // The button that opened the dialog may be gone (nothing left to ship): focus the heading, not the page.
    if (!this.shadowRoot?.activeElement?.isConnected) this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    this.events =
      (await this.console.client.orders.events(order.id, { limit: 100 }).catch(() => null))?.data ?? this.events;
  }

  private async act(run: () => Promise<Order>, message: string): Promise<void> {
    this.busy = true;
    this.problem = '';
    try {
      await this.changed(await run(), message);
    } catch (error) {
      this.problem = this.describe(error);
    } finally {
      this.busy = false;
    }
  }

  private async cancelOrder(): Promise<void> {
    const o = this.order;
    if (!o || !(await this.cancelDialog.ask())) return;
    await this.act(() => this.console.client.orders.cancel(o.id, {}), this.t('orders.cancel.done'));
  }

  private async addNote(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body = String(new FormData(form).get('note') ?? '').trim();
    if (!body || !this.order) return;
    try {
      await this.console.client.orders.addNote(this.order.id, body);
      form.reset();
      await this.changed(this.order, this.t('orders.note.added'));
    } catch (error) {
      this.problem = this.describe(error);
    }
  }

  private money(amount: { amount: number; currency: string }): string {
    return formatMoney(amount, this.i18n.locale);
  }

  private itemName(itemId: string): string {
    const item = this.order?.items.find((i) => i.id === itemId);
    return item ? (item.variant_title ? `${item.name} (${item.variant_title})` : item.name) : itemId;
  }

  private eventText(e: OrderEvent): string {
    const d = e.data as Record<string, unknown>;
    const currency = this.order?.currency ?? 'USD';
    switch (e.type) {
      case 'refunded':
        return this.t('orders.event.refunded', { amount: this.money({ amount: Number(d.amount ?? 0), currency }) });
      case 'email_sent':
        return this.t('orders.event.email_sent', { to: String(d.to ?? '') });
      case 'fulfilled': {
        const tracking = d.tracking_number ? ` · ${[d.carrier, d.tracking_number].filter(Boolean).join(' ')}` : '';
        return `${this.t('orders.event.fulfilled')}${tracking}`;
      }
      case 'note':
        return `${this.t('orders.event.note')}: ${String(d.body ?? '')}`;
      default:
        return this.t(`orders.event.${e.type}`);
    }
  }

  private renderItems(o: Order) {
    const t = this.t.bind(this);
    return html`<section class="card" aria-labelledby="items-title">
      <h2 id="items-title">${t('orders.items')}</h2>
      <table class="responsive">
        <thead>
          <tr>
            <th scope="col">${t('orders.col.item')}</th>
            <th scope="col" class="num">${t('orders.col.quantity')}</th>
            <th scope="col" class="num">${t('orders.col.shipped')}</th>
            <th scope="col" class="num">${t('orders.col.refunded')}</th>
            <th scope="col" class="num">${t('orders.col.total')}</th>
          </tr>
        </thead>
        <tbody>
          ${o.items.map(
            (i) => html`<tr>
              <td data-label=${t('orders.col.item')}>
                ${i.name}${i.variant_title ? html` <span class="muted">${i.variant_title}</span>` : nothing}<br /><span
                  class="small"
                  >${i.sku}</span
                >
              </td>
              <td data-label=${t('orders.col.quantity')} class="num">${i.quantity}</td>
              <td data-label=${t('orders.col.shipped')} class="num">${i.fulfilled_quantity}</td>
              <td data-label=${t('orders.col.refunded')} class="num">${i.refunded_quantity}</td>
              <td data-label=${t('orders.col.total')} class="num">${this.money(i.line_total)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <dl class="totals">
        <dt>${t('orders.subtotal')}</dt>
        <dd>${this.money(o.totals.subtotal)}</dd>
        ${o.totals.discount.amount ? html`<dt>${t('orders.discount')}</dt><dd>−${this.money(o.totals.discount)}</dd>` : nothing}
        <dt>${t('orders.shipping')}</dt>
        <dd>${this.money(o.totals.shipping)}</dd>
        <dt>${t('orders.tax')}</dt>
        <dd>${this.money(o.totals.tax)}</dd>
        <dt><strong>${t('orders.total')}</strong></dt>
        <dd><strong>${this.money(o.totals.total)}</strong></dd>
        ${o.totals.refunded.amount ? html`<dt>${t('orders.refundedTotal')}</dt><dd>−${this.money(o.totals.refunded)}</dd>` : nothing}
      </dl>
    </section>`;
  }

  private renderShipments(o: Order) {
    const t = this.t.bind(this);
    const locale = this.i18n.locale;
    return html`<section class="card" aria-labelledby="shipments-title">
      <h2 id="shipments-title">${t('orders.shipments')}</h2>
      ${
        o.fulfillments.length
          ? html`<ol class="shipments">
              ${o.fulfillments.map(
                (f, n) => html`<li>
                  <strong>${t('orders.shipment', { number: n + 1, date: dateTime(locale, f.created_at) })}</strong>
                  ${f.carrier ? html`<br />${f.carrier}` : nothing}
                  ${
                    f.tracking_number
                      ? html`<br />${
                          f.tracking_url
                            ? html`<a href=${f.tracking_url} target="_blank" rel="noopener noreferrer"
                                >${t('orders.tracking', { number: f.tracking_number })}</a
                              >`
                            : t('orders.tracking', { number: f.tracking_number })
                        }`
                      : nothing
                  }
                  <ul>
                    ${f.items.map((l) => html`<li>${l.quantity} × ${this.itemName(l.item_id)}</li>`)}
                  </ul>
                </li>`,
              )}
            </ol>`
          : html`<p class="muted">${t('orders.noShipments')}</p>`
      }
      ${
        o.refunds.length
          ? html`<h2>${t('orders.refunds')}</h2>
              <ul class="shipments">
                ${o.refunds.map(
                  (r) => html`<li>
                    ${t('orders.refundLine', { amount: this.money(r.amount), date: dateTime(locale, r.created_at) })}
                    ${r.reason ? html`<span class="muted">— ${r.reason}</span>` : nothing}
                    ${
                      r.items.length
                        ? html`<ul>
                            ${r.items.map(
                              (l) =>
                                html`<li>
                                  ${l.quantity} × ${this.itemName(l.item_id)}${l.restocked_quantity ? html` · ${t('orders.restocked')}` : nothing}
                                </li>`,
                            )}
                          </ul>`
                        : nothing
                    }
                  </li>`,
                )}
              </ul>`
          : nothing
      }
    </section>`;
  }

  private renderSide(o: Order) {
    const t = this.t.bind(this);
    const locale = this.i18n.locale;
    const address = (a: Order['billing_address']) =>
      html`<address>${formatAddress(a, { locale }).map((line, i) => html`${i ? html`<br />` : nothing}${line}`)}</address>`;
    const card = o.payment.card;
    return html`<div class="stack">
      <section class="card" aria-labelledby="customer-title">
        <h2 id="customer-title">${t('orders.customer')}</h2>
        <p>${(o.shipping_address ?? o.billing_address).name}<br /><a href="mailto:${o.email}">${o.email}</a></p>
        ${o.shipping_address ? html`<h3>${t('orders.shippingAddress')}</h3>${address(o.shipping_address)}` : nothing}
        <h3>${t('orders.billingAddress')}</h3>
        ${address(o.billing_address)}
        <h3>${t('orders.payment')}</h3>
        <p>
          ${paymentBadge(t, o.payment_status)}
          ${card ? html`<br />${t('orders.card', { brand: card.brand.charAt(0).toUpperCase() + card.brand.slice(1), last4: card.last4 })}` : nothing}
          <br />${t('orders.captured', { amount: this.money(o.payment.captured) })}
        </p>
      </section>
      <section class="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">${t('orders.timeline')}</h2>
        <ol class="timeline">
          ${this.events.map(
            (e) => html`<li>
              ${this.eventText(e)}<br />
              <time datetime=${e.created_at}>${dateTime(locale, e.created_at)}</time>
              <span class="small">· ${t(`orders.actor.${e.actor.kind}`)}</span>
            </li>`,
          )}
        </ol>
        <form @submit=${this.addNote}>
          <label>${t('orders.note.label')} <textarea name="note" maxlength="2000" required></textarea></label>
          <button class="button" type="submit">${t('orders.note.add')}</button>
        </form>
      </section>
    </div>`;
  }

  override render() {
    const t = this.t.bind(this);
    const o = this.order;
    if (!o) {
      return html`<p><a href="#/orders">← ${t('orders.back')}</a></p>
        ${
          this.problem
            ? html`<h1 tabindex="-1">${t('orders.title')}</h1>
                <p class="error" role="alert">${this.problem}</p>
                <button class="button" type="button" @click=${() => this.load(this.loadedId)}>${t('common.retry')}</button>`
            : html`<h1 tabindex="-1">${t('orders.title')}</h1><p role="status">${t('common.loading')}</p>`
        }`;
    }
    const open = o.items.some((i) => i.quantity - i.fulfilled_quantity - i.refunded_quantity > 0);
    const canShip = ['paid', 'partially_fulfilled', 'partially_refunded'].includes(o.status) && open;
    const canDeliver = o.fulfillment_status === 'fulfilled' && ['fulfilled', 'partially_refunded'].includes(o.status);
    const canCancel = ['paid', 'partially_refunded'].includes(o.status) && o.fulfillment_status === 'unfulfilled';
    const canRefund = o.payment.captured.amount > o.totals.refunded.amount;
    return html`<p><a href="#/orders">← ${t('orders.back')}</a></p>
      <h1 tabindex="-1">${t('orders.detail.title', { number: o.number })}</h1>
      <p class="row">
        ${statusBadge(t, o.status)} ${paymentBadge(t, o.payment_status)} ${fulfillmentBadge(t, o.fulfillment_status)}
        <span class="muted">${t('orders.detail.placed', { date: dateTime(this.i18n.locale, o.created_at) })}</span>
      </p>
      <div class="actions" @shop-admin-order-change=${(e: OrderChangeEvent) => this.changed(e.order, e.message)}>
        ${canShip ? html`<button class="button primary" type="button" @click=${() => this.fulfilDialog.open()}>${t('orders.action.fulfil')}</button>` : nothing}
        ${
          canDeliver
            ? html`<button
                class="button"
                type="button"
                ?disabled=${this.busy}
                @click=${() => this.act(() => this.console.client.orders.markDelivered(o.id), t('orders.deliver.done'))}
              >
                ${t('orders.action.deliver')}
              </button>`
            : nothing
        }
        ${canRefund ? html`<button class="button" type="button" @click=${() => this.refundDialog.open()}>${t('orders.action.refund')}</button>` : nothing}
        ${canCancel ? html`<button class="button" type="button" ?disabled=${this.busy} @click=${this.cancelOrder}>${t('orders.action.cancel')}</button>` : nothing}
        <shop-admin-order-fulfil .order=${o}></shop-admin-order-fulfil>
        <shop-admin-order-refund .order=${o}></shop-admin-order-refund>
        <shop-admin-confirm heading=${t('orders.cancel.title', { number: o.number })} confirm-label=${t('orders.action.cancel')} danger
          >${t('orders.cancel.body')}</shop-admin-confirm
        >
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="detail">
        <div class="stack">${this.renderItems(o)} ${this.renderShipments(o)}</div>
        ${this.renderSide(o)}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shop-admin-order': ShopAdminOrder;
  }
}
