import { css } from 'lit';
import { tokens } from '../styles/shared.styles.js';

export const imageStyles = [
  tokens,
  css`
    :host {
      display: block;
    }
    picture {
      display: block;
    }
    img {
      display: block;
      width: 100%;
      height: auto;
      object-fit: var(--shop-image-fit, cover);
      background: var(--_media);
      border-radius: var(--shop-image-radius, 0);
    }
  `,
];
