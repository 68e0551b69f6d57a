import { css } from 'lit';

/**
 * Design tokens: every element reads the public `--shop-*` custom properties through private
 * `--_*` copies that carry the defaults, so a page themes the whole kit by setting a few
 * properties on any ancestor.
 */
export const tokens = css`
  :host {
    --_font: var(--shop-font-family, ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_text: var(--shop-color-text, #111827);
    --_muted: var(--shop-color-text-muted, #4b5563);
    --_surface: var(--shop-card-background, #ffffff);
    --_media: var(--shop-color-media-background, #f3f4f6);
    --_border: var(--shop-color-border, #e5e7eb);
    --_accent: var(--shop-color-accent, #4338ca);
    --_accent-hover: var(--shop-color-accent-hover, #3730a3);
    --_on-accent: var(--shop-color-on-accent, #ffffff);
    --_sale: var(--shop-color-sale, #b42318);
    --_on-sale: var(--shop-color-on-sale, #ffffff);
    --_rating: var(--shop-color-rating, #f59e0b);
    --_radius: var(--shop-radius, 12px);
    --_radius-small: var(--shop-radius-small, 6px);
    --_space: var(--shop-spacing, 1rem);
    --_shadow: var(--shop-shadow, 0 1px 2px rgb(16 24 40 / 0.05));
    --_shadow-hover: var(--shop-shadow-hover, 0 10px 24px -6px rgb(16 24 40 / 0.16));
    --_skeleton: var(--shop-skeleton-color, #eceef2);
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
      background: linear-gradient(90deg, var(--_skeleton) 0%, color-mix(in srgb, var(--_skeleton) 55%, #ffffff) 50%, var(--_skeleton) 100%);
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
    transition: background-color 120ms, border-color 120ms;
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
