import { css } from 'lit';
import { buttons, tokens, utilities } from '../styles/shared.styles.js';

export const cartStyles = [
  tokens,
  utilities,
  buttons,
  css`
    :host {
      display: contents;
    }
    dialog {
      box-sizing: border-box;
      width: min(100vw, var(--shop-cart-width, 26rem));
      max-width: 100vw;
      height: 100dvh;
      max-height: 100dvh;
      /* The inline end: the right edge, or the left one in a right-to-left page. */
      margin: 0;
      margin-inline-start: auto;
      padding: 0;
      color: var(--_text);
      background: var(--_surface);
      border: 0;
      box-shadow: 0 0 32px light-dark(rgb(16 24 40 / 0.18), rgb(0 0 0 / 0.6));
    }
    dialog::backdrop {
      background: var(--shop-cart-backdrop, rgb(17 24 39 / 0.45));
    }
    .panel {
      display: flex;
      flex-direction: column;
      height: 100%;
    }
    header,
    footer {
      padding: var(--_space);
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      border-block-end: 1px solid var(--_border);
    }
    h2 {
      margin: 0;
      font-size: 1.125rem;
    }
    .icon-button {
      display: inline-grid;
      place-items: center;
      width: 2.25rem;
      height: 2.25rem;
      padding: 0;
      font: inherit;
      font-size: 1.25rem;
      line-height: 1;
      color: var(--_text);
      background: none;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      cursor: pointer;
    }
    .icon-button:disabled {
      cursor: not-allowed;
      opacity: 0.45;
    }
    .body {
      flex: 1;
      overflow-y: auto;
      padding: 0 var(--_space);
    }
    .progress {
      margin: var(--_space) 0 0;
      padding: 0.6rem 0.75rem;
      font-size: 0.875rem;
      background: var(--_media);
      border-radius: var(--_radius-small);
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .line {
      display: grid;
      grid-template-columns: 4.5rem 1fr auto;
      gap: 0.75rem;
      padding: var(--_space) 0;
      border-block-end: 1px solid var(--_border);
    }
    .line img,
    .line .no-image {
      width: 4.5rem;
      height: 4.5rem;
      object-fit: cover;
      background: var(--_media);
      border-radius: var(--_radius-small);
    }
    .line-name {
      margin: 0;
      font-weight: 600;
      font-size: 0.9375rem;
    }
    .line-options,
    .line-unit {
      margin: 0.15rem 0 0;
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    .line-total {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
      text-align: end;
    }
    .controls {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      margin-block-start: 0.5rem;
    }
    .quantity {
      min-width: 1.75rem;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }
    .remove {
      display: inline-flex;
      align-items: center;
      min-width: 1.5rem;
      min-height: 2.25rem;
      margin-inline-start: auto;
      padding: 0 0.25rem;
      font: inherit;
      font-size: 0.8125rem;
      color: var(--_muted);
      text-decoration: underline;
      background: none;
      border: 0;
      cursor: pointer;
    }
    .warning {
      grid-column: 2 / -1;
      margin: 0;
      font-size: 0.8125rem;
      color: var(--_sale);
    }
    .empty {
      display: grid;
      gap: var(--_space);
      justify-items: center;
      padding: calc(var(--_space) * 3) 0;
      text-align: center;
      color: var(--_muted);
    }
    footer {
      display: grid;
      gap: 0.75rem;
      border-block-start: 1px solid var(--_border);
    }
    form {
      display: flex;
      gap: 0.5rem;
    }
    input {
      flex: 1;
      min-width: 0;
      min-height: 2.5rem;
      padding: 0 0.75rem;
      font: inherit;
      text-transform: uppercase;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    input[aria-invalid='true'] {
      border-color: var(--_sale);
    }
    .coupon-error,
    .error {
      margin: 0;
      font-size: 0.875rem;
      color: var(--_sale);
    }
    .coupon-applied {
      display: flex;
      align-items: center;
      justify-content: space-between;
      margin: 0;
      font-size: 0.875rem;
    }
    dl {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.35rem 1rem;
      margin: 0;
      font-size: 0.9375rem;
      font-variant-numeric: tabular-nums;
    }
    dd {
      margin: 0;
      text-align: end;
    }
    .total {
      font-weight: 700;
      font-size: 1.0625rem;
    }
    .checkout {
      width: 100%;
      font-size: 1.0625rem;
    }
  `,
];
