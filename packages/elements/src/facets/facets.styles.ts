import { css } from 'lit';
import { tokens, utilities } from '../styles/shared.styles.js';

export const facetsStyles = [
  tokens,
  utilities,
  css`
    :host {
      display: block;
    }
    fieldset {
      border: 0;
      border-top: 1px solid var(--_border);
      margin: 0;
      padding: var(--_space) 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-bottom: 0.5rem;
    }
    label {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.25rem 0;
      cursor: pointer;
    }
    input {
      accent-color: var(--_accent);
    }
    .count {
      margin-inline-start: auto;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    label:has(input:disabled) {
      color: var(--_muted);
      cursor: default;
    }
    .clear {
      font: inherit;
      color: var(--_accent);
      background: none;
      border: 0;
      padding: 0;
      cursor: pointer;
      text-decoration: underline;
    }
  `,
];
