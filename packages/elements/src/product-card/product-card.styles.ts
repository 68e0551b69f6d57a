import { css } from 'lit';
import { tokens, utilities } from '../styles/shared.styles.js';

export const productCardStyles = [
  tokens,
  utilities,
  css`
    :host {
      display: block;
      height: 100%;
    }
    .card {
      position: relative;
      display: flex;
      flex-direction: column;
      height: 100%;
      box-sizing: border-box;
      overflow: hidden;
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow);
      transition: box-shadow 160ms ease, transform 160ms ease;
    }
    .card:has(.link:focus-visible) {
      outline: var(--_focus);
      outline-offset: 2px;
    }
    @media (hover: hover) {
      .card.interactive:hover {
        box-shadow: var(--_shadow-hover);
        transform: translateY(-2px);
      }
      .card.interactive:hover .image {
        transform: scale(1.03);
      }
    }
    .media {
      position: relative;
      aspect-ratio: var(--shop-card-image-aspect-ratio, 1 / 1);
      overflow: hidden;
      background: var(--_media);
    }
    .image {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: var(--shop-card-image-fit, cover);
      transition: transform 300ms ease, opacity 160ms ease;
    }
    .sold-out .image {
      opacity: 0.45;
      filter: grayscale(1);
    }
    .badges {
      position: absolute;
      inset-block-start: 0.75rem;
      inset-inline-start: 0.75rem;
      display: flex;
      gap: 0.375rem;
    }
    .badge {
      padding: 0.2rem 0.55rem;
      font-size: 0.75rem;
      font-weight: 700;
      letter-spacing: 0.02em;
      text-transform: uppercase;
      border-radius: 999px;
      color: var(--_on-sale);
      background: var(--_sale);
    }
    .badge.sold-out-badge {
      color: var(--_on-sold-out);
      background: var(--_sold-out);
    }
    .body {
      display: flex;
      flex: 1;
      flex-direction: column;
      gap: 0.3rem;
      padding: calc(var(--_space) * 0.75) var(--_space) var(--_space);
    }
    .brand {
      margin: 0;
      font-size: 0.75rem;
      font-weight: 600;
      letter-spacing: 0.06em;
      text-transform: uppercase;
      color: var(--_muted);
    }
    .name {
      margin: 0;
      font-size: var(--shop-card-name-size, 1rem);
      font-weight: 600;
      line-height: 1.35;
    }
    .link {
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
      overflow: hidden;
      padding: 0;
      font: inherit;
      text-align: start;
      color: inherit;
      text-decoration: none;
      background: none;
      border: 0;
      cursor: pointer;
    }
    .link:focus-visible {
      outline: none;
    }
    /* The whole card is the link's hit area. */
    .link::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    .rating {
      display: flex;
      align-items: center;
      gap: 0.35rem;
      font-size: 0.8125rem;
      color: var(--_muted);
    }
    .stars .empty {
      fill: var(--_border);
    }
    .stars .full {
      fill: var(--_rating);
    }
    .price {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
      margin: auto 0 0;
      padding-block-start: 0.35rem;
      font-size: 1.0625rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .price .sale {
      color: var(--_sale);
    }
    .price s {
      font-size: 0.875rem;
      font-weight: 500;
      color: var(--_muted);
    }
    .from {
      font-size: 0.8125rem;
      font-weight: 500;
      color: var(--_muted);
    }
    .stock {
      margin: 0;
      font-size: 0.8125rem;
      font-weight: 600;
      color: var(--_muted);
    }
    /* Above the name link's whole-card hit area. */
    /* Above the name link's whole-card hit area; as wide as the card and no wider, so on a phone
       the button and option select fill the card instead of sticking out of it. */
    .buy {
      position: relative;
      z-index: 1;
      display: block;
      margin-block-start: 0.5rem;
      --shop-buy-button-min-width: 100%;
    }
    .buy::part(variant-select) {
      flex: 1 1 100%;
      min-width: 0;
    }
    .placeholder .line {
      height: 0.9rem;
    }
    .placeholder .line.short {
      width: 40%;
    }
    .placeholder .line.mid {
      width: 75%;
    }
    .message {
      margin: 0;
      padding: var(--_space);
      color: var(--_muted);
    }
    .retry {
      min-height: 2.75rem;
      margin: 0 var(--_space) var(--_space);
      padding-inline: 1rem;
      font: inherit;
      font-weight: 600;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      cursor: pointer;
    }
  `,
];
