import { css } from 'lit';

/** The order's lines, totals and facts (address, shipping, payment), for `<shop-order>` and the checkout's Review and Confirmation. */
export const orderDetailsStyles = css`
  .lines {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--shop-space-2, 0.5rem);
  }
  .lines li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--shop-space-1, 0.25rem) var(--shop-space-3, 0.75rem);
  }
  .line-name {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_muted);
  }
  .amount {
    margin-inline-start: auto;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  table.totals {
    inline-size: 100%;
    border-collapse: collapse;
  }
  table.totals th {
    font-weight: normal;
    text-align: start;
    padding-block: var(--shop-space-1, 0.25rem);
  }
  table.totals td {
    text-align: end;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  table.totals tr.total th,
  table.totals tr.total td {
    font-weight: 600;
    border-block-start: 1px solid var(--_border);
    padding-block-start: var(--shop-space-2, 0.5rem);
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: var(--shop-space-3, 0.75rem);
    margin-block: var(--shop-space-4, 1rem);
  }
  .fact {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: start;
    gap: var(--shop-space-1, 0.25rem) var(--shop-space-2, 0.5rem);
    padding: var(--shop-space-3, 0.75rem);
    border: 1px solid var(--_border);
    border-radius: var(--shop-radius, 6px);
    min-inline-size: 0;
  }
  .fact h3 {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
    font-weight: 600;
  }
  .fact-body {
    grid-column: 1 / -1;
    overflow-wrap: anywhere;
  }
  .fact .change {
    grid-row: 1;
    grid-column: 2;
    min-block-size: 24px;
    padding: 0 var(--shop-space-2, 0.5rem);
  }
  address {
    font-style: normal;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
