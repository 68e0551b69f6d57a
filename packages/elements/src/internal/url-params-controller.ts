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
    /** URL parameter names that differ from the property names, e.g. `{ query: 'q' }`. */
    private readonly params: Partial<Record<K, string>> = {},
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

  /**
   * Writes `name` to the URL (dropping it when it equals its default). `push` adds a history entry,
   * so Back returns to the previous value (filters); the default replaces it (sort).
   */
  write(name: K, value: string, mode: 'replace' | 'push' = 'replace'): void {
    this.writeAll({ [name]: value } as Partial<Record<K, string>>, mode);
  }

  /** Writes several parameters as one history entry. */
  writeAll(values: Partial<Record<K, string>>, mode: 'replace' | 'push' = 'replace'): void {
    if (!this.enabled()) return;
    const url = new URL(location.href);
    for (const [name, value] of Object.entries(values) as [K, string][]) {
      const param = this.params[name] ?? name;
      if (value === '' || value === this.defaults.get(name)) url.searchParams.delete(param);
      else url.searchParams.set(param, value);
    }
    if (url.href === location.href) return;
    if (mode === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  private readonly read = (): void => {
    const params = new URLSearchParams(location.search);
    for (const name of this.names) {
      (this.host as { [P in K]: string })[name] =
        params.get(this.params[name] ?? name) ?? this.defaults.get(name) ?? '';
    }
  };
}
