import { css } from 'lit';
import { tokens, utilities } from '../styles/shared.styles.js';

export const searchStyles = [
  tokens,
  utilities,
  css`
    :host {
      display: block;
      position: relative;
    }
    .field {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
      padding: 0 0.75rem;
    }
    .field:focus-within {
      outline: var(--_focus);
      outline-offset: 1px;
    }
    input {
      flex: 1;
      min-width: 0;
      border: 0;
      outline: none;
      background: transparent;
      font: inherit;
      color: inherit;
      padding: 0.625rem 0;
    }
    [role='listbox'] {
      position: absolute;
      z-index: var(--shop-search-z-index, 10);
      inset-inline: 0;
      inset-block-start: calc(100% + 4px);
      margin: 0;
      padding: 0.25rem;
      list-style: none;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      box-shadow: var(--_shadow-hover);
      max-height: 24rem;
      overflow: auto;
    }
    [role='option'] {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--_radius-small);
      cursor: pointer;
    }
    [role='option'][aria-selected='true'] {
      background: color-mix(in srgb, var(--_accent) 12%, transparent);
    }
    .kind {
      color: var(--_muted);
      font-size: 0.8125rem;
    }
    mark {
      background: none;
      color: inherit;
      font-weight: 700;
    }
    .no-matches {
      position: absolute;
      z-index: var(--shop-search-z-index, 10);
      inset-inline: 0;
      inset-block-start: calc(100% + 4px);
      margin: 0;
      padding: 0.625rem 0.75rem;
      color: var(--_muted);
      font-size: 0.875rem;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      box-shadow: var(--_shadow-hover);
    }
    [hidden] {
      display: none !important;
    }
    .group {
      padding: 0.375rem 0.75rem;
      color: var(--_muted);
      font-size: 0.75rem;
      text-transform: uppercase;
    }
  `,
];
