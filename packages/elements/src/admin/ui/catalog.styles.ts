import { css } from 'lit';

/** What the catalogue screens add to the console's styles: thumbnails, status colours, the progress bar. */
export const catalogStyles = css`
  .heading-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--shop-space-2, 0.5rem);
    margin-block-end: var(--shop-space-4, 1rem);
  }
  .heading-row h1 {
    margin: 0;
  }
  .product-cell {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .thumb {
    inline-size: 40px;
    block-size: 40px;
    object-fit: cover;
    border-radius: var(--_radius-small);
    border: 1px solid var(--_border);
    flex: none;
  }
  .thumb.placeholder {
    display: inline-block;
    background: var(--_border);
  }
  .status-active {
    border-color: light-dark(#15803d, #4ade80);
    color: light-dark(#166534, #86efac);
  }
  .status-archived {
    color: var(--_muted);
  }
  .empty {
    text-align: center;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--shop-space-4, 1rem);
    margin: 0;
    min-inline-size: 0;
    display: grid;
    gap: var(--shop-space-3, 0.75rem);
  }
  /* Fields take the width they are given, never their intrinsic width (a phone is narrower). */
  .stack > *,
  fieldset > *,
  .grid-2 > * {
    min-inline-size: 0;
  }
  fieldset label > input:not([type='checkbox']):not([type='radio']),
  fieldset label > textarea,
  fieldset label > select,
  form.card label > input:not([type='checkbox']):not([type='radio']),
  form.card label > select {
    inline-size: 100%;
  }
  legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }
  .grid-2 {
    display: grid;
    gap: var(--shop-space-3, 0.75rem);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
  }
  .hint {
    font-weight: 400;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--shop-space-2, 0.5rem);
    align-items: center;
  }
  .images {
    display: grid;
    gap: var(--shop-space-3, 0.75rem);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .images li {
    display: grid;
    gap: 0.5rem;
    align-content: start;
  }
  .images img {
    inline-size: 100%;
    aspect-ratio: 1;
    object-fit: contain;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
  }
  .table-scroll {
    overflow-x: auto;
  }
  td input {
    inline-size: 100%;
    min-inline-size: 6rem;
  }
  .progress {
    block-size: 1rem;
    border-radius: 999px;
    background: var(--_border);
    overflow: hidden;
  }
  .progress > div {
    block-size: 100%;
    background: var(--_accent);
    transition: inline-size 0.3s;
  }
  /* The product editor's variants: one card each, its fields in as many columns as fit. */
  .variants {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--shop-space-3, 0.75rem);
  }
  .variant {
    display: grid;
    gap: var(--shop-space-2, 0.5rem);
    min-inline-size: 0;
    padding: var(--shop-space-3, 0.75rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
  }
  .variant-title {
    margin: 0;
    font-weight: 600;
  }
  .variant-fields {
    display: grid;
    gap: var(--shop-space-2, 0.5rem);
    /* A label that wraps (Compare-at price) does not lower its input below its neighbours'. */
    align-items: end;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 9rem), 1fr));
  }
  .variant-fields > * {
    display: grid;
    gap: 0.25rem;
    min-inline-size: 0;
  }
  .variant-fields input {
    inline-size: 100%;
    min-inline-size: 0;
  }
  .variant-stock a {
    display: inline-flex;
    align-items: center;
    justify-self: start;
    min-inline-size: 24px;
    min-block-size: 24px;
  }
  .variant-flags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem var(--shop-space-4, 1rem);
  }
  .delta-up {
    color: light-dark(#166534, #86efac);
  }
  .delta-down {
    color: var(--shop-color-danger, light-dark(#b00020, #ff8a8a));
  }
`;
