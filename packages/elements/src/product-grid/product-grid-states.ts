import { html, nothing, type TemplateResult } from 'lit';
import type { Suggestion } from '@shoptag/sdk';
import type { MessageKey } from '../i18n/catalogues.js';
import type { MessageParams } from '../i18n/message.js';
import { errorMessageKey } from '../internal/errors.js';

/** The grid's message lookup (`Localizer.t`). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** What `<shop-product-grid>` shows when nothing matches; a site's `empty` slot replaces the text. */
export function emptyState(t: Translate) {
  return html`<div part="empty" class="state">
    <slot name="empty">
      <p class="state-title">${t('grid.emptyTitle')}</p>
      <p class="state-detail">${t('grid.emptyDetail')}</p>
    </slot>
  </div>`;
}

/**
 * What `<shop-product-grid>` shows when a search matches nothing, even with its typos corrected:
 * "Did you mean" suggestions from the typo-tolerant autocomplete, else popular products, and a way
 * back to every product. A site's `no-results` slot replaces the text.
 */
export function noResultsState(
  t: Translate,
  query: string,
  didYouMean: readonly Suggestion[],
  onPick: (suggestion: Suggestion) => void,
  onClear: () => void,
  popular: TemplateResult | typeof nothing,
) {
  return html`<div part="no-results" class="state">
    <slot name="no-results">
      <p class="state-title">${t('grid.noResultsTitle', { query })}</p>
      <p class="state-detail">${t('grid.noResultsDetail')}</p>
    </slot>
    ${
      didYouMean.length > 0
        ? html`<div part="did-you-mean" class="did-you-mean">
          <span>${t('grid.didYouMean')}</span>
          <ul role="list">
            ${didYouMean.map(
              (s) =>
                html`<li><button part="suggestion" class="button link-button" type="button" data-type=${s.type} @click=${() => onPick(s)}>${s.name}</button></li>`,
            )}
          </ul>
        </div>`
        : nothing
    }
    <button part="clear-search" class="button" type="button" @click=${onClear}>${t('grid.clearSearch')}</button>
  </div>
  ${popular}`;
}

/** What `<shop-product-grid>` shows when the first page failed, with a Retry button. */
export function errorState(t: Translate, error: unknown, onRetry: () => void) {
  return html`<div part="error" class="state" role="alert">
    <p class="state-title">${t('grid.errorTitle')}</p>
    <p class="state-detail">${t(errorMessageKey(error))}</p>
    <button part="retry" class="button primary" type="button" @click=${onRetry}>${t('common.retry')}</button>
  </div>`;
}

/** What `<shop-product-grid>` shows on a page without a publishable key. */
export function notConfiguredState(t: Translate) {
  return html`<div part="error" class="state" role="alert">
    <p class="state-title">${t('grid.notConnectedTitle')}</p>
    <p class="state-detail">${t('grid.notConnectedDetail')}</p>
  </div>`;
}

/** The grid's status line: "Loading products…", "Showing 24 of 240 products", "3 products". */
export function countText(
  t: Translate,
  state: {
    loading: boolean;
    ready: boolean;
    shown: number;
    total: number | undefined;
    hasMore: boolean;
  },
): string {
  if (state.loading) return t('grid.loading');
  if (!state.ready) return '';
  const { shown, total } = state;
  if (total === undefined) return t(state.hasMore ? 'grid.countSoFar' : 'grid.count', { count: shown });
  if (shown < total) return t('grid.showing', { shown, count: total });
  return t('grid.count', { count: total });
}
