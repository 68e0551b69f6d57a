import { html } from 'lit';
import { describeError } from '../internal/errors.js';

/** What `<shop-product-grid>` shows when nothing matches; a site's `empty` slot replaces the text. */
export function emptyState() {
  return html`<div part="empty" class="state">
    <slot name="empty">
      <p class="state-title">No products match</p>
      <p class="state-detail">Try removing a filter or choosing another category.</p>
    </slot>
  </div>`;
}

/** What `<shop-product-grid>` shows when the first page failed, with a Retry button. */
export function errorState(error: unknown, onRetry: () => void) {
  return html`<div part="error" class="state" role="alert">
    <p class="state-title">We couldn’t load the products</p>
    <p class="state-detail">${describeError(error)}</p>
    <button part="retry" class="button primary" type="button" @click=${onRetry}>Retry</button>
  </div>`;
}

/** What `<shop-product-grid>` shows on a page without a publishable key. */
export function notConfiguredState() {
  return html`<div part="error" class="state" role="alert">
    <p class="state-title">This shop isn’t connected yet</p>
    <p class="state-detail">Add a publishable key: &lt;shop-store publishable-key="pk_…"&gt;.</p>
  </div>`;
}

/** The grid's status line: "Loading products…", "Showing 24 of 240 products", "3 products". */
export function countText(state: {
  loading: boolean;
  ready: boolean;
  shown: number;
  total: number | undefined;
  hasMore: boolean;
}): string {
  if (state.loading) return 'Loading products…';
  if (!state.ready) return '';
  const { shown, total } = state;
  const noun = (n: number) => (n === 1 ? 'product' : 'products');
  if (total === undefined) return `${shown} ${noun(shown)}${state.hasMore ? ' so far' : ''}`;
  if (shown < total) return `Showing ${shown} of ${total} ${noun(total)}`;
  return `${total} ${noun(total)}`;
}
