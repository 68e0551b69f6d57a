import { css } from 'lit';

// The address form is a six-column grid once the element is wide enough (a container query, so it
// follows the space the page gives the element, not the window): full, half, third and two-thirds
// fields share rows; narrower, every field takes the whole row. Logical properties throughout, so
// `dir="rtl"` lays out right.
export const checkoutStyles = css`
  :host { display: block; font: inherit; color: var(--_text); container-type: inline-size; }
  * { box-sizing: border-box; }
  .checkout { display: grid; gap: var(--shop-space-3, 0.75rem); }
  h2 { font-size: 1.25em; margin: 0; }
  h2:focus { outline: none; }
  h2:focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; }
  [part~='progress'] { display: flex; flex-wrap: wrap; gap: var(--shop-space-2, 0.5rem); list-style: none; padding: 0; margin: 0; }
  [part~='progress'] li { flex: 1 1 5rem; min-inline-size: 0; padding-block-end: var(--shop-space-1, 0.25rem); border-block-end: 3px solid var(--_border); color: var(--_muted); font-size: 0.875em; overflow-wrap: anywhere; }
  [part~='progress'] li[data-done], [part~='progress'] li[aria-current='step'] { border-color: var(--_accent); color: inherit; }
  form { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--shop-space-3, 0.75rem); }
  .field { display: grid; gap: var(--shop-space-1, 0.25rem); min-inline-size: 0; align-content: start; }
  label { font-size: 0.875em; }
  input, select { font: inherit; inline-size: 100%; min-inline-size: 0; min-block-size: 2.5rem; padding: var(--shop-space-2, 0.5rem); border: 1px solid var(--_border); border-radius: var(--_radius-small); background: var(--_surface); color: inherit; }
  input[aria-invalid='true'], select[aria-invalid='true'] { border-color: var(--_sale); border-width: 2px; }
  @container (min-width: 30rem) {
    form { grid-template-columns: repeat(6, minmax(0, 1fr)); }
    form > * { grid-column: 1 / -1; }
    form > .half { grid-column: span 3; }
    form > .third { grid-column: span 2; }
    form > .two-thirds { grid-column: span 4; }
  }
  [part~='field-error'], [part~='error'] { color: var(--_sale); font-size: 0.875em; margin: 0; }
  fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: var(--shop-space-2, 0.5rem); min-inline-size: 0; }
  .method { display: flex; flex-wrap: wrap; gap: var(--shop-space-2, 0.5rem); align-items: center; padding: var(--shop-space-2, 0.5rem); border: 1px solid var(--_border); border-radius: var(--_radius-small); }
  .method input { inline-size: auto; min-block-size: 1.5rem; min-inline-size: 1.5rem; }
  .method span:nth-child(2) { flex: 1 1 10rem; }
  .actions { display: flex; flex-wrap: wrap; gap: var(--shop-space-2, 0.5rem); justify-content: space-between; }
  button, a[part~='primary'] { font: inherit; min-block-size: 2.75rem; padding: var(--shop-space-2, 0.5rem) var(--shop-space-4, 1rem); border-radius: var(--_radius-small); border: 1px solid var(--_border); background: var(--_surface); color: inherit; cursor: pointer; }
  button[part~='primary'], button[part~='place-order'], a[part~='primary'] { background: var(--_accent); color: var(--_on-accent); border-color: transparent; }
  a[part~='primary'] { display: inline-flex; align-items: center; text-decoration: none; justify-self: start; }
  button:disabled { opacity: 0.6; cursor: progress; }
  [part~='empty'], [part~='expired'] { display: grid; gap: var(--shop-space-3, 0.75rem); }
  table { inline-size: 100%; border-collapse: collapse; }
  td { padding: var(--shop-space-1, 0.25rem) 0; }
  td:last-child { text-align: end; }
  tr.total td { font-weight: 600; border-block-start: 1px solid var(--_border); }
  [part~='challenge'] { border: 1px solid var(--_border); border-radius: var(--_radius-small); padding: var(--shop-space-4, 1rem); display: grid; gap: var(--shop-space-3, 0.75rem); }
  .sr { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;
