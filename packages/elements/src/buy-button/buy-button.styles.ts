import { css } from 'lit';
import { buttons, tokens, utilities } from '../styles/shared.styles.js';

export const buyButtonStyles = [
  tokens,
  utilities,
  buttons,
  css`
    :host {
      display: inline-block;
    }
    .product {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      margin-block-end: 0.75rem;
      min-width: 0;
    }
    .image {
      flex: none;
      width: 4.5rem;
      height: 4.5rem;
      object-fit: cover;
      background: var(--_media);
      border-radius: var(--_radius-small);
    }
    .text {
      min-width: 0;
    }
    .name {
      margin: 0;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .price {
      margin: 0.15rem 0 0;
      font-variant-numeric: tabular-nums;
    }
    .base {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .select {
      min-height: 2.75rem;
      padding: 0 0.75rem;
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    .button {
      min-width: var(--shop-buy-button-min-width, 10rem);
    }
    .button:disabled {
      cursor: not-allowed;
      color: var(--_muted);
      background: var(--_media);
      border-color: var(--_border);
    }
    .spinner {
      width: 1em;
      height: 1em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
    }
    @media (prefers-reduced-motion: no-preference) {
      .spinner {
        animation: shop-spin 700ms linear infinite;
      }
    }
    @keyframes shop-spin {
      to {
        transform: rotate(360deg);
      }
    }
    .message {
      flex-basis: 100%;
      margin: 0;
      font-size: 0.875rem;
    }
    .message.error {
      color: var(--_sale);
    }
    .message.done {
      color: var(--_muted);
    }
  `,
];
