import { css } from 'lit';
import { tokens, utilities } from '../styles/shared.styles.js';

export const productStyles = [
  tokens,
  utilities,
  css`
    :host {
      display: block;
    }
    .base {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--shop-product-column-min, 20rem)), 1fr));
      gap: calc(var(--_space) * 2);
      align-items: start;
    }
    .gallery {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    .main-image {
      border-radius: var(--_radius);
      overflow: hidden;
      background: var(--_media);
    }
    .thumbnails {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5);
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .thumbnail {
      width: 4.5rem;
      padding: 0;
      border: 2px solid transparent;
      border-radius: var(--_radius-small);
      background: none;
      cursor: pointer;
      overflow: hidden;
    }
    .thumbnail[aria-current='true'] {
      border-color: var(--_accent);
    }
    .brand {
      margin: 0;
      color: var(--_muted);
      font-size: 0.875rem;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .name {
      margin: 0.25rem 0 0.5rem;
      font-size: var(--shop-product-name-size, 1.75rem);
      line-height: 1.2;
    }
    .rating {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      color: var(--_muted);
      font-size: 0.875rem;
    }
    .stars {
      color: var(--_rating);
      letter-spacing: 0.1em;
    }
    .price {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
      margin: var(--_space) 0;
      font-size: 1.5rem;
      font-weight: 600;
    }
    .price s {
      font-size: 1rem;
      font-weight: 400;
      color: var(--_muted);
    }
    .discount {
      padding: 0.125rem 0.5rem;
      border-radius: var(--_radius-small);
      background: var(--_sale);
      color: var(--_on-sale);
      font-size: 0.8125rem;
    }
    fieldset {
      border: 0;
      margin: 0 0 var(--_space);
      padding: 0;
    }
    legend {
      font-weight: 600;
      margin-block-end: 0.5rem;
    }
    .values {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .value input {
      position: absolute;
      opacity: 0;
      width: 1px;
      height: 1px;
    }
    .value span {
      display: inline-block;
      min-width: 2.5rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      text-align: center;
      cursor: pointer;
    }
    .value input:checked + span {
      border-color: var(--_accent);
      box-shadow: inset 0 0 0 1px var(--_accent);
    }
    .value input:focus-visible + span {
      outline: var(--_focus);
      outline-offset: 2px;
    }
    /* Sold out or missing beside the other choices: crossed out and dimmed, yet still choosable. */
    .value .box.sold-out,
    .value .box.unavailable {
      color: var(--_muted);
      text-decoration: line-through;
      border-style: dashed;
    }
    .value input:checked + .box.sold-out,
    .value input:checked + .box.unavailable {
      border-style: solid;
    }
    .offer {
      font: inherit;
      min-height: 2.75rem;
      margin: 0 0 var(--_space);
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_accent);
      border-radius: var(--_radius-small);
      background: none;
      color: var(--_accent);
      cursor: pointer;
      text-align: start;
    }
    .offer:focus-visible {
      outline: var(--_focus);
      outline-offset: 2px;
    }
    .stock {
      margin: 0 0 var(--_space);
      color: var(--_muted);
    }
    .stock.low,
    .stock.out {
      color: var(--_sale);
    }
    .quantity {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
      margin: 0 0 var(--_space);
    }
    .quantity label {
      font-weight: 600;
    }
    .stepper {
      display: inline-flex;
      align-items: stretch;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
      background: var(--_surface);
    }
    .step {
      display: inline-grid;
      place-items: center;
      min-width: 2.75rem;
      min-height: 2.75rem;
      padding: 0;
      font: inherit;
      font-size: 1.25rem;
      line-height: 1;
      color: var(--_text);
      background: none;
      border: 0;
      border-radius: var(--_radius-small);
      cursor: pointer;
    }
    .step:disabled {
      cursor: not-allowed;
      opacity: 0.45;
    }
    .step:focus-visible,
    .stepper input:focus-visible {
      outline: var(--_focus);
      outline-offset: 1px;
    }
    .stepper input {
      box-sizing: border-box;
      width: 3.5rem;
      min-height: 2.75rem;
      padding: 0;
      font: inherit;
      font-variant-numeric: tabular-nums;
      text-align: center;
      color: var(--_text);
      background: none;
      border: 0;
      border-inline: 1px solid var(--_border);
      -moz-appearance: textfield;
      appearance: textfield;
    }
    .stepper input::-webkit-inner-spin-button,
    .stepper input::-webkit-outer-spin-button {
      -webkit-appearance: none;
      margin: 0;
    }
    .description {
      line-height: 1.6;
    }
    .message {
      color: var(--_muted);
    }
  `,
];
