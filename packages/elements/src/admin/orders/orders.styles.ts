import { css } from 'lit';

/** Badge tones and the orders screens' own layout, on the console's tokens. */
export const orderStyles = css`
  .badge.tone-ok {
    border-color: light-dark(#1a7f37, #4ac26b);
    color: light-dark(#1a7f37, #7ee2a0);
  }
  .badge.tone-warn {
    border-color: light-dark(#9a6700, #d4a72c);
    color: light-dark(#7d4e00, #e3b341);
  }
  .badge.tone-info {
    border-color: light-dark(#0969da, #58a6ff);
    color: light-dark(#0550ae, #79c0ff);
  }
  .badge.tone-muted {
    color: var(--_muted);
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: var(--shop-space-2, 0.5rem);
    align-items: end;
    margin-block-end: var(--shop-space-4, 1rem);
  }
  .filters .search {
    grid-column: 1 / -1;
  }
  /* A select is as wide as its longest option unless told otherwise: keep each in its column. */
  .filters label {
    min-inline-size: 0;
  }
  .filters select,
  .filters input {
    inline-size: 100%;
    min-inline-size: 0;
  }
  .filters .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--shop-space-2, 0.5rem);
    min-inline-size: 0;
  }
  .detail {
    display: grid;
    gap: var(--shop-space-4, 1rem);
  }
  @media (min-width: 64rem) {
    .detail {
      grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr);
      align-items: start;
    }
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--shop-space-2, 0.5rem);
    margin-block-end: var(--shop-space-4, 1rem);
  }
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--shop-space-2, 0.5rem);
  }
  .timeline li {
    border-inline-start: 2px solid var(--_border);
    padding-inline-start: var(--shop-space-2, 0.5rem);
    overflow-wrap: anywhere;
  }
  .timeline time,
  .small {
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  dl.totals {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem 1rem;
    margin: var(--shop-space-2, 0.5rem) 0 0;
  }
  dl.totals dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  address {
    font-style: normal;
  }
  .card h2 {
    margin-block-start: 0;
  }
  .shipments {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: var(--shop-space-2, 0.5rem);
  }
  .order-link {
    font-weight: 600;
  }
  textarea {
    inline-size: 100%;
    min-block-size: 4rem;
  }
`;
