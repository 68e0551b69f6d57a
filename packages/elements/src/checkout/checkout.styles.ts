import { css } from 'lit';

export const checkoutStyles = css`
  :host { display: block; font: inherit; color: var(--shop-color-text, #1a1a1a); }
  [part~='progress'] { display: flex; gap: var(--shop-space-2, 0.5rem); list-style: none; padding: 0; margin: 0 0 var(--shop-space-4, 1rem); counter-reset: step; }
  [part~='progress'] li { flex: 1; padding-block-end: var(--shop-space-1, 0.25rem); border-block-end: 3px solid var(--shop-color-border, #ddd); color: var(--shop-color-muted, #666); font-size: 0.875em; }
  [part~='progress'] li[data-done], [part~='progress'] li[aria-current='step'] { border-color: var(--shop-color-accent, #0a58ca); color: inherit; }
  form { display: grid; gap: var(--shop-space-3, 0.75rem); }
  label { display: grid; gap: var(--shop-space-1, 0.25rem); font-size: 0.875em; }
  input, select { font: inherit; padding: var(--shop-space-2, 0.5rem); border: 1px solid var(--shop-color-border, #bbb); border-radius: var(--shop-radius, 6px); }
  input[aria-invalid='true'], select[aria-invalid='true'] { border-color: var(--shop-color-danger, #b00020); }
  .row { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: var(--shop-space-3, 0.75rem); }
  .check { display: flex; gap: var(--shop-space-2, 0.5rem); align-items: center; }
  [part~='field-error'], [part~='error'] { color: var(--shop-color-danger, #b00020); font-size: 0.875em; margin: 0; }
  fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: var(--shop-space-2, 0.5rem); }
  .method { display: flex; gap: var(--shop-space-2, 0.5rem); align-items: center; padding: var(--shop-space-2, 0.5rem); border: 1px solid var(--shop-color-border, #ddd); border-radius: var(--shop-radius, 6px); }
  .method span:nth-child(2) { flex: 1; }
  .actions { display: flex; gap: var(--shop-space-2, 0.5rem); justify-content: space-between; }
  button { font: inherit; padding: var(--shop-space-2, 0.5rem) var(--shop-space-4, 1rem); border-radius: var(--shop-radius, 6px); border: 1px solid var(--shop-color-border, #bbb); background: var(--shop-color-surface, #fff); cursor: pointer; }
  button[part~='primary'], button[part~='place-order'] { background: var(--shop-color-accent, #0a58ca); color: var(--shop-color-on-accent, #fff); border-color: transparent; }
  button:disabled { opacity: 0.6; cursor: progress; }
  table { width: 100%; border-collapse: collapse; }
  td { padding: var(--shop-space-1, 0.25rem) 0; }
  td:last-child { text-align: end; }
  tr.total td { font-weight: 600; border-block-start: 1px solid var(--shop-color-border, #ddd); }
  [part~='challenge'] { border: 1px solid var(--shop-color-border, #bbb); border-radius: var(--shop-radius, 6px); padding: var(--shop-space-4, 1rem); display: grid; gap: var(--shop-space-3, 0.75rem); }
`;
