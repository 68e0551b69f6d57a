import { css } from 'lit';
import { tokens, utilities } from '../styles/shared.styles.js';

export const cartButtonStyles = [
  tokens,
  utilities,
  css`
    :host {
      display: inline-block;
    }
    .button {
      position: relative;
      display: inline-grid;
      place-items: center;
      width: 2.75rem;
      height: 2.75rem;
      padding: 0;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      cursor: pointer;
    }
    svg {
      width: 1.35rem;
      height: 1.35rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.8;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    .badge {
      position: absolute;
      top: -0.4rem;
      inset-inline-end: -0.4rem;
      min-width: 1.25rem;
      height: 1.25rem;
      padding: 0 0.3rem;
      box-sizing: border-box;
      font-size: 0.75rem;
      font-weight: 700;
      line-height: 1.25rem;
      text-align: center;
      color: var(--shop-cart-badge-color, var(--_on-accent));
      background: var(--shop-cart-badge-background, var(--_accent));
      border-radius: 999px;
    }
  `,
];
