import { css } from 'lit';

/**
 * Design tokens: every element reads the public `--shop-*` custom properties through private
 * `--_*` copies that carry the defaults, so a page themes the whole kit by setting a few
 * properties on any ancestor.
 *
 * Light and dark come from the same tokens: each default is a `light-dark()` pair, resolved by
 * the element's `color-scheme`. That is `--shop-color-scheme` when an ancestor sets it
 * (`<shop-store theme="light|dark">` does), else `light dark`, which follows the shopper's
 * `prefers-color-scheme`. A page that sets a colour token for one scheme only should set it with
 * `light-dark()` too, or pin the scheme (see docs/theming.md).
 */
export const tokens = css`
  :host {
    color-scheme: var(--shop-color-scheme, light dark);
    --_font: var(--shop-font-family, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_text: var(--shop-color-text, light-dark(#111827, #f3f4f6));
    --_muted: var(--shop-color-text-muted, light-dark(#4b5563, #a7b0bd));
    --_surface: var(--shop-card-background, light-dark(#ffffff, #1f2937));
    --_media: var(--shop-color-media-background, light-dark(#f3f4f6, #2a3443));
    --_border: var(--shop-color-border, light-dark(#e5e7eb, #3b4656));
    --_accent: var(--shop-color-accent, light-dark(#4338ca, #a5b4fc));
    --_accent-hover: var(--shop-color-accent-hover, light-dark(#3730a3, #c7d2fe));
    --_on-accent: var(--shop-color-on-accent, light-dark(#ffffff, #1e1b4b));
    --_sale: var(--shop-color-sale, light-dark(#b42318, #fda29b));
    --_on-sale: var(--shop-color-on-sale, light-dark(#ffffff, #3d0a05));
    --_rating: var(--shop-color-rating, light-dark(#f59e0b, #fbbf24));
    --_sold-out: var(--shop-color-sold-out, light-dark(#374151, #d1d5db));
    --_on-sold-out: var(--shop-color-on-sold-out, light-dark(#ffffff, #111827));
    --_radius: var(--shop-radius, 12px);
    --_radius-small: var(--shop-radius-small, 6px);
    --_space: var(--shop-spacing, 1rem);
    --_shadow: var(--shop-shadow, 0 1px 2px light-dark(rgb(16 24 40 / 0.05), rgb(0 0 0 / 0.4)));
    --_shadow-hover: var(--shop-shadow-hover, 0 10px 24px -6px light-dark(rgb(16 24 40 / 0.16), rgb(0 0 0 / 0.6)));
    --_skeleton: var(--shop-skeleton-color, light-dark(#eceef2, #2b3544));
    --_skeleton-shine: light-dark(#f7f8fa, #364152);
    --_focus: var(--shop-focus-ring, 2px solid var(--_accent));
    font-family: var(--_font);
    color: var(--_text);
  }
`;

/** Visible keyboard focus and a visually hidden utility, shared by every element. */
export const utilities = css`
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
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
  .skeleton-block {
    background: var(--_skeleton);
    border-radius: var(--_radius-small);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-block {
      background: linear-gradient(90deg, var(--_skeleton) 0%, var(--_skeleton-shine) 50%, var(--_skeleton) 100%);
      background-size: 200% 100%;
      animation: shop-shimmer 1.4s ease-in-out infinite;
    }
  }
  @keyframes shop-shimmer {
    from { background-position: 100% 0; }
    to { background-position: -100% 0; }
  }
`;

/** A button in the kit's look: accent-filled (`primary`) or outlined. */
export const buttons = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 2.75rem;
    padding: 0 1.25rem;
    font: inherit;
    font-weight: 600;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
    cursor: pointer;
  }
  @media (prefers-reduced-motion: no-preference) {
    .button {
      transition: background-color 120ms, border-color 120ms;
    }
  }
  .button:hover {
    border-color: var(--_muted);
  }
  .button.primary {
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .button.primary:hover {
    background: var(--_accent-hover);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
`;
