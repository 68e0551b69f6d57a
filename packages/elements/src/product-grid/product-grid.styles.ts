import { css } from 'lit';
import { buttons, tokens, utilities } from '../styles/shared.styles.js';

export const productGridStyles = [
  tokens,
  utilities,
  buttons,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    [hidden] {
      display: none !important;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
      margin-block-end: calc(var(--_space) * 1.25);
      min-height: 2.5rem;
    }
    .count {
      margin: 0;
      font-size: 0.9375rem;
      color: var(--_muted);
    }
    .sort {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-size: 0.9375rem;
    }
    .sort label {
      color: var(--_muted);
    }
    select {
      min-height: 2.5rem;
      padding: 0 2.25rem 0 0.875rem;
      font: inherit;
      color: var(--_text);
      background-color: var(--_surface);
      background-image: linear-gradient(45deg, transparent 50%, currentColor 50%), linear-gradient(135deg, currentColor 50%, transparent 50%);
      background-position: calc(100% - 1.05rem) 50%, calc(100% - 0.75rem) 50%;
      background-size: 0.3rem 0.3rem;
      background-repeat: no-repeat;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      appearance: none;
      cursor: pointer;
    }
    select:hover {
      border-color: var(--_muted);
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--shop-grid-min-column-width, 15rem)), 1fr));
      gap: var(--shop-grid-gap, 1.5rem);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    @container (max-width: 32rem) {
      .grid {
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--shop-grid-gap, 0.75rem);
      }
    }
    .grid > li {
      min-width: 0;
    }
    .state {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.75rem;
      padding: calc(var(--_space) * 3) var(--_space);
      text-align: center;
      background: var(--_surface);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
    }
    .state-title {
      margin: 0;
      font-size: 1.125rem;
      font-weight: 600;
    }
    .state-detail {
      margin: 0;
      color: var(--_muted);
    }
    .footer {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.75rem;
      margin-block-start: calc(var(--_space) * 2);
    }
    .sentinel {
      width: 100%;
      height: 1px;
    }
  `,
];
