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
      border-block-start: 1px solid var(--_border);
      margin: 0;
      padding: var(--_space) 0;
    }
    legend {
      font-weight: 600;
      padding: 0;
      margin-block-end: 0.5rem;
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
    .active {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      list-style: none;
      margin: 0;
      padding: 0 0 var(--_space);
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      min-height: 2rem;
      padding: 0.25rem 0.625rem;
      font: inherit;
      font-size: 0.875rem;
      color: inherit;
      background: none;
      border: 1px solid var(--_border);
      border-radius: 999px;
      cursor: pointer;
    }
    .chip:hover {
      border-color: var(--_accent);
    }
    .chip .x {
      font-size: 1.125em;
      line-height: 1;
    }
    .chip:focus-visible,
    .clear:focus-visible {
      outline: var(--_focus);
      outline-offset: 2px;
    }
    .clear {
      min-height: 2rem;
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
