// Layout checks run inside the page, through every open shadow root: what a shopper would see as
// broken (a page that scrolls sideways, controls on top of each other, words cut off by their box,
// targets too small to hit) and what axe-core finds. Each check answers readable problems, so one
// failing case lists everything wrong with it at once.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The smallest target WCAG 2.2's 2.5.8 (Target Size, Minimum) accepts, in CSS pixels. */
export const MIN_TARGET = 24;

/**
 * Overflow, overlap, clipped text and target size, as messages naming the element
 * (`shop-cart >>> button.remove "Remove"`). Runs in the page; nothing is imported there.
 */
export async function checkLayout(page: Page): Promise<string[]> {
  // tsx compiles these tests with esbuild's keepNames, which wraps inner functions in a `__name`
  // helper that exists in Node, not in the page: give the page a stand-in.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return page.evaluate((minTarget: number) => {
    const problems: string[] = [];
    const CONTROL =
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], ' +
      '[role=checkbox], [role=radio], [role=switch], [role=tab], [role=option], [role=menuitem], [tabindex]:not([tabindex="-1"])';

    /** Every element of the document and of every open shadow root within it, in tree order. */
    function allElements(root: Document | ShadowRoot = document, out: Element[] = []): Element[] {
      for (const el of root.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) allElements(el.shadowRoot, out);
      }
      return out;
    }
    /** The parent across shadow boundaries and slots (the flat tree a shopper sees). */
    function composedParent(el: Element): Element | null {
      if (el.assignedSlot) return el.assignedSlot;
      if (el.parentElement) return el.parentElement;
      const root = el.getRootNode();
      return root instanceof ShadowRoot ? root.host : null;
    }
    function composedContains(outer: Element, inner: Element): boolean {
      for (let n: Element | null = inner; n; n = composedParent(n)) if (n === outer) return true;
      return false;
    }
    /** The shadow hosts around an element, outermost first. */
    function hosts(el: Element): Element[] {
      const out: Element[] = [];
      for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode())
        out.unshift(root.host);
      return out;
    }
    function describe(el: Element): string {
      const cls = el.classList.length ? `.${[...el.classList].join('.')}` : '';
      const part = el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : '';
      const labelled =
        el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement
          ? [...(el.labels ?? [])].map((l) => l.innerText).join(' ') || el.name
          : (el as HTMLElement).innerText;
      const name = (el.getAttribute('aria-label') ?? labelled ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return [...hosts(el).map((h) => h.localName), `${el.localName}${cls}${part}${name ? ` "${name}"` : ''}`].join(
        ' >>> ',
      );
    }
    /**
     * What a control floats in: a listbox, menu, popover or dialog sits above the page on purpose,
     * so it is compared only with controls of the same layer, and may leave its element's box.
     */
    function layer(el: Element): Element | null {
      for (let n: Element | null = el; n; n = composedParent(n))
        if (n.matches('dialog, [popover], [role=listbox], [role=menu], [role=dialog]')) return n;
      return null;
    }
    const round = (n: number) => Math.round(n * 10) / 10;

    const elements = allElements();
    // With a modal dialog open, the rest of the page is inert: only the dialog's controls count.
    const modal = elements.find((el) => el.matches('dialog:modal'));
    const visible = (el: Element) => {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) return false; // visually hidden (sr-only) text and controls
      for (let n: Element | null = el; n; n = composedParent(n)) if ((n as HTMLElement).inert) return false;
      return !modal || composedContains(modal, el);
    };

    // 1. The document never scrolls sideways.
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1)
      problems.push(
        `horizontal overflow: the document is ${doc.scrollWidth}px wide in a ${doc.clientWidth}px viewport`,
      );

    // 2. No two visible controls overlap (one inside the other, e.g. a link wrapping a button's host, is fine).
    const controls = elements.filter((el) => el.matches(CONTROL) && visible(el));
    const boxes = controls.map((el) => {
      const r = el.getBoundingClientRect();
      return { el, left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
    });
    // Fixed and sticky things (a sticky header) sit over the page only once it scrolls; the check
    // runs at the top of the page, where they cover nothing they should not.
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (layer(a.el) !== layer(b.el)) continue;
        if (w > 1 && h > 1 && !composedContains(a.el, b.el) && !composedContains(b.el, a.el)) {
          // A label wrapping its own input is one target, not two.
          const label = (x: Element) => x.closest('label');
          if (label(a.el) && label(a.el) === label(b.el)) continue;
          problems.push(`overlapping controls (${round(w)}×${round(h)}px): ${describe(a.el)} and ${describe(b.el)}`);
        }
      }
    }

    // 2b. No control sticks out of the element that draws it (a card's button past the card's edge).
    for (const box of boxes) {
      if (layer(box.el)) continue;
      for (const host of hosts(box.el)) {
        if (getComputedStyle(host).display === 'contents') continue;
        const r = host.getBoundingClientRect();
        const [left, top, right, bottom] = [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY];
        if (box.left < left - 1 || box.right > right + 1 || box.top < top - 1 || box.bottom > bottom + 1) {
          problems.push(`control sticks out of <${host.localName}>: ${describe(box.el)}`);
          break;
        }
      }
    }

    // 3. No text cut off by a box that hides its overflow. An ellipsis says "more here" on purpose
    // (the full text is in the element's accessible name or a title), and a line clamp likewise.
    for (const el of elements) {
      if (!(el instanceof HTMLElement) || !visible(el)) continue;
      const style = getComputedStyle(el);
      const hidesX = style.overflowX === 'hidden' || style.overflowX === 'clip';
      const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip';
      if (!hidesX && !hidesY) continue;
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!text) continue;
      const intentional = style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
      if (hidesX && el.scrollWidth > el.clientWidth + 1 && !intentional)
        problems.push(`text cut off sideways (${el.scrollWidth}px in ${el.clientWidth}px): ${describe(el)}`);
      if (hidesY && el.scrollHeight > el.clientHeight + 1 && !intentional)
        problems.push(`text cut off below (${el.scrollHeight}px in ${el.clientHeight}px): ${describe(el)}`);
    }

    // 4. Every control at least 24×24 CSS px, or WCAG 2.5.8's exceptions: spacing (a 24 px circle
    // on its centre touches no other target), inline (a link inside a sentence), and a native
    // checkbox or radio whose label is the larger target.
    const isInline = (el: Element) => {
      if (getComputedStyle(el).display !== 'inline') return false;
      const parent = el.parentElement;
      if (!parent) return false;
      return [...parent.childNodes].some(
        (n) => n !== el && n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
    };
    for (const box of boxes) {
      const { el } = box;
      const width = box.right - box.left;
      const height = box.bottom - box.top;
      if (width >= minTarget - 0.5 && height >= minTarget - 0.5) continue;
      if (isInline(el)) continue;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        const labels = [...(el.labels ?? [])].map((l) => l.getBoundingClientRect());
        if (labels.some((r) => r.width >= minTarget && r.height >= minTarget)) continue;
      }
      const cx = (box.left + box.right) / 2;
      const cy = (box.top + box.bottom) / 2;
      const radius = minTarget / 2;
      const crowded = boxes.some((other) => {
        if (other === box || composedContains(other.el, el) || composedContains(el, other.el)) return false;
        const dx = Math.max(other.left - cx, 0, cx - other.right);
        const dy = Math.max(other.top - cy, 0, cy - other.bottom);
        return dx * dx + dy * dy < radius * radius;
      });
      if (crowded)
        problems.push(
          `target smaller than ${minTarget}×${minTarget}px (${round(width)}×${round(height)}): ${describe(el)}`,
        );
    }
    return problems;
  }, MIN_TARGET);
}

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

/**
 * Every axe-core violation, of any impact, as one line per rule and element. axe is evaluated
 * through the DevTools protocol, which a page's Content-Security-Policy does not block; it
 * reaches into open shadow roots by itself.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })) as AxeResult;
  });
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `axe ${v.impact ?? 'minor'} ${v.id}: ${v.help} — ${JSON.stringify(n.target)}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)})` : ''}`,
    ),
  );
}
