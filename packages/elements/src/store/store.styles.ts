import { css } from 'lit';

export const storeStyles = css`
  :host {
    display: contents;
  }
`;
