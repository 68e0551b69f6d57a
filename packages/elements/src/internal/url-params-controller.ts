import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Mirrors some string properties of an element in the page URL's query (`?category=mugs&sort=rating`):
 * read when the element connects and on back/forward, written with `replaceState` when the element
 * changes them. A parameter missing from the URL falls back to the property's value at connect time.
 */
export class UrlParamsController<K extends string> implements ReactiveController {
  private readonly defaults = new Map<K, string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { [P in K]: string },
    private readonly names: readonly K[],
    private readonly enabled: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.enabled()) return;
    if (this.defaults.size === 0) for (const name of this.names) this.defaults.set(name, this.host[name]);
    this.read();
    addEventListener('popstate', this.read);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.read);
  }

  /** Writes `name` to the URL (dropping it when it equals its default). */
  write(name: K, value: string): void {
    if (!this.enabled()) return;
    const url = new URL(location.href);
    if (value === '' || value === this.defaults.get(name)) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }

  private readonly read = (): void => {
    const params = new URLSearchParams(location.search);
    for (const name of this.names) {
      (this.host as { [P in K]: string })[name] = params.get(name) ?? this.defaults.get(name) ?? '';
    }
  };
}
