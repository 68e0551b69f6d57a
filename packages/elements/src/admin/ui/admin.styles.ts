import { css } from 'lit';

/**
 * The console's look, on the storefront's `--shop-*` tokens (light and dark alike): tables that
 * become cards on a phone, form rows, badges, toolbars.
 */
export const adminStyles = css`
  :host {
    display: block;
    font-family: var(--_font);
    color: var(--_text);
    line-height: 1.45;
  }
  h1 {
    font-size: 1.5rem;
    margin: 0 0 var(--shop-space-4, 1rem);
  }
  h1:focus {
    outline: none;
  }
  h2 {
    font-size: 1.125rem;
    margin: var(--shop-space-4, 1rem) 0 var(--shop-space-2, 0.5rem);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--shop-space-2, 0.5rem);
    align-items: end;
    margin-block-end: var(--shop-space-4, 1rem);
  }
  .toolbar .grow {
    flex: 1 1 12rem;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 500;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    padding: 0.5rem 0.625rem;
    min-height: 2.5rem;
    box-sizing: border-box;
    max-width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-height: auto;
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  a:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  [aria-invalid='true'] {
    border-color: var(--shop-color-danger, light-dark(#b00020, #ff8a8a));
  }
  .field-error,
  .error {
    color: var(--shop-color-danger, light-dark(#b00020, #ff8a8a));
  }
  .muted {
    color: var(--_muted);
  }
  a {
    color: var(--_accent);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.5rem;
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    font-weight: 600;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .badge {
    display: inline-block;
    padding: 0.0625rem 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    font-size: 0.8125rem;
    white-space: nowrap;
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--shop-space-4, 1rem);
  }
  /* A card that says something failed (a screen's data that could not be loaded). */
  .error-banner {
    border-color: var(--shop-color-danger, light-dark(#b00020, #ff8a8a));
  }
  .stack {
    display: grid;
    gap: var(--shop-space-4, 1rem);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--shop-space-2, 0.5rem);
    align-items: center;
  }
  /* On a phone a table becomes one card per row; each cell says what it is through data-label. */
  @media (max-width: 40rem) {
    table.responsive thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.responsive tr {
      display: block;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      margin-block-end: var(--shop-space-2, 0.5rem);
      padding: 0.25rem 0.5rem;
    }
    table.responsive td {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      /* A long value (an order number) wraps rather than pushing the card wider than the phone. */
      overflow-wrap: anywhere;
      border: 0;
      padding: 0.25rem 0;
      text-align: end;
    }
    table.responsive td::before {
      content: attr(data-label);
      color: var(--_muted);
      text-align: start;
      flex: none;
    }
  }
`;
