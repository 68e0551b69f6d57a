import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Watches an element's sentinel (the first match of `selector` in its shadow root, looked up
 * after every update) and calls `onNear` when it comes within `marginPx` below the viewport:
 * infinite scrolling that starts loading before the shopper reaches the end.
 */
export class SentinelController implements ReactiveController {
  private observer: IntersectionObserver | undefined;
  private observed: Element | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    private readonly selector: string,
    private readonly marginPx: number,
    private readonly onNear: () => void,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const sentinel = this.host.renderRoot.querySelector(this.selector) ?? undefined;
    if (sentinel === this.observed) return;
    if (this.observed) this.observer?.unobserve(this.observed);
    this.observed = sentinel;
    if (!sentinel) return;
    this.observer ??= new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.onNear();
      },
      { rootMargin: `0px 0px ${this.marginPx}px 0px` },
    );
    this.observer.observe(sentinel);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = undefined;
  }

  /** Whether the sentinel is within the margin of the viewport now (say, on a tall screen after a page). */
  get near(): boolean {
    const rect = this.observed?.getBoundingClientRect();
    return rect !== undefined && rect.top < innerHeight + this.marginPx && rect.bottom > 0;
  }
}
