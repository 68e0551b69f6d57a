/** An element class that knows its tag and the tags it renders. */
export interface DefinableElement extends CustomElementConstructor {
  readonly tagName: string;
  readonly dependencies?: readonly DefinableElement[];
}

/**
 * Registers an element and the elements it renders, skipping tags that are already defined (a page
 * may load the CDN script and the npm build side by side).
 */
export function defineElement(ctor: DefinableElement): void {
  for (const dep of ctor.dependencies ?? []) defineElement(dep);
  if (!customElements.get(ctor.tagName)) customElements.define(ctor.tagName, ctor);
}
