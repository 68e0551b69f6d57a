import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Keys that scroll the page when nothing editable has focus (Tab is not one: it moves focus). */
const SCROLL_KEYS = new Set(['PageDown', 'PageUp', 'End', 'Home', 'ArrowDown', 'ArrowUp', ' ']);
/** How long after focus moves a scroll counts as the browser showing the focused element. */
const FOCUS_SCROLL_MS = 1000;

let lastIntent = Number.NEGATIVE_INFINITY;
let lastFocusMove = Number.NEGATIVE_INFINITY;
const intentListeners = new Set<() => void>();
let watching = false;

function editable(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : null;
  return !!el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

function noteIntent(event: Event): void {
  if (event instanceof KeyboardEvent) {
    const target = event.composedPath()[0] ?? null;
    if (!SCROLL_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey || editable(target)) return;
  }
  if (event.type === 'pointerdown' && event.target !== document.documentElement) return; // a page scrollbar
  lastIntent = performance.now();
  for (const listener of [...intentListeners]) listener();
}

/**
 * Page-wide: remembers when the shopper last scrolled on purpose (wheel, touch, keys, scrollbar)
 * and when focus last moved (the browser then scrolls to show the focused element).
 */
function watchIntent(listener: () => void): () => void {
  if (!watching) {
    watching = true;
    for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown'])
      addEventListener(type, noteIntent, { capture: true, passive: true });
    addEventListener('focusin', () => void (lastFocusMove = performance.now()), { capture: true, passive: true });
  }
  intentListeners.add(listener);
  return () => intentListeners.delete(listener);
}

/**
 * Watches an element's sentinel (the first match of `selector` in its shadow root, looked up
 * after every update) and calls `onNear` when it comes within `marginPx` below the viewport:
 * infinite scrolling that starts loading before the shopper reaches the end.
 *
 * Focus moves don't count: when the shopper tabs through cards or a filter column and the browser
 * scrolls to show the focused element, nothing loads until they scroll themselves (wheel, touch,
 * scroll keys, scrollbar) — a keyboard user reaches "Load more" instead of an endless list.
 */
export class SentinelController implements ReactiveController {
  private observer: IntersectionObserver | undefined;
  private observed: Element | undefined;
  private stopIntent: (() => void) | undefined;
  /** The page's scroll offset when the sentinel last loaded (or appeared): unchanged means no scroll since. */
  private scrollAtLoad: number | undefined;
  private pending = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    private readonly selector: string,
    private readonly marginPx: number,
    private readonly onNear: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopIntent = watchIntent(() => {
      if (this.pending && this.near) this.fire();
    });
  }

  hostUpdated(): void {
    const sentinel = this.host.renderRoot.querySelector(this.selector) ?? undefined;
    if (sentinel === this.observed) return;
    if (this.observed) this.observer?.unobserve(this.observed);
    this.observed = sentinel;
    this.pending = false;
    if (!sentinel) return;
    this.scrollAtLoad ??= scrollY;
    this.observer ??= new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.reached();
        else this.pending = false;
      },
      { rootMargin: `0px 0px ${this.marginPx}px 0px` },
    );
    this.observer.observe(sentinel);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
    this.stopIntent?.();
    this.stopIntent = undefined;
    this.scrollAtLoad = undefined;
  }

  /** Whether the sentinel is within the margin of the viewport now (say, on a tall screen after a page). */
  get near(): boolean {
    const rect = this.observed?.getBoundingClientRect();
    return rect !== undefined && rect.top < innerHeight + this.marginPx && rect.bottom > 0;
  }

  /**
   * The sentinel is near: load, unless focus moved just now and the shopper has not scrolled since
   * (the browser brought it near to show the focused element, and the page did not merely stay
   * where the last load left it). Then wait for them to scroll.
   */
  reached(): void {
    const focusScrolled = performance.now() - lastFocusMove < FOCUS_SCROLL_MS && lastIntent < lastFocusMove;
    if (!focusScrolled || scrollY === this.scrollAtLoad) this.fire();
    else this.pending = true;
  }

  private fire(): void {
    this.pending = false;
    this.scrollAtLoad = scrollY;
    this.onNear();
  }
}
