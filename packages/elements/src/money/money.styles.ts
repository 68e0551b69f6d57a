import { css } from 'lit';

export const moneyStyles = css`
  :host {
    display: inline;
    font-variant-numeric: tabular-nums;
  }
`;
