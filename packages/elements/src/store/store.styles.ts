import { css } from 'lit';

/**
 * The store draws nothing itself. `theme` pins the colour scheme of everything inside it: the
 * elements read `--shop-color-scheme`, the page's own controls `color-scheme`.
 */
export const storeStyles = css`
  :host {
    display: contents;
  }
  :host([theme='light']) {
    color-scheme: light;
    --shop-color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
    --shop-color-scheme: dark;
  }
`;
