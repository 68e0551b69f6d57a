import { css } from 'lit';
import { tokens } from '../styles/shared.styles.js';

export const relatedProductsStyles = [
  tokens,
  css`
    :host {
      display: block;
    }
    .heading {
      margin: 0 0 var(--_space);
      font-size: 1.25rem;
      font-weight: 700;
    }
    .list {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--shop-related-min-column, 11rem)), 1fr));
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .list > li {
      min-width: 0;
    }
  `,
];
