import type { Response } from 'express';

/** Who may frame the demo pages when nothing is configured: pages of this server only. */
export const DEFAULT_FRAME_ANCESTORS: readonly string[] = ["'self'"];

/** For a page that brings no policy of its own: only this server's scripts, styles and images. */
const DEFAULT_PAGE_POLICY = "default-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'";
/** The policy a page states in `<meta http-equiv="Content-Security-Policy" content="…">`. */
const META_POLICY = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="([^"]*)"\s*\/?>/i;

/**
 * The Content-Security-Policy header for an HTML page: the policy its `<meta>` tag states (or a
 * strict default), plus `frame-ancestors`, which only a header can carry — a `<meta>` policy
 * cannot stop other sites from framing the page (clickjacking).
 */
export function pageContentSecurityPolicy(html: string, frameAncestors: readonly string[]): string {
  const stated = META_POLICY.exec(html)?.[1] ?? DEFAULT_PAGE_POLICY;
  const directives = stated
    .split(';')
    .map((d) => d.replace(/\s+/g, ' ').trim())
    .filter((d) => d !== '' && !/^frame-ancestors\b/i.test(d));
  return [...directives, `frame-ancestors ${frameAncestors.join(' ')}`].join('; ');
}

/**
 * Headers for an HTML page, over the API's defaults (see `security-headers.ts`): its CSP with
 * `frame-ancestors`; `X-Frame-Options` to match for browsers without CSP 2 (only when it can say
 * the same thing: `'none'` or `'self'` alone); the page origin as referrer to other sites, which
 * payment scripts check, never its path; popups (a payment provider's) may keep their opener.
 */
export function setPageSecurityHeaders(
  res: Response,
  html: string,
  frameAncestors: readonly string[] = DEFAULT_FRAME_ANCESTORS,
): void {
  res.setHeader('Content-Security-Policy', pageContentSecurityPolicy(html, frameAncestors));
  const only = frameAncestors.length === 1 ? frameAncestors[0] : undefined;
  if (only === "'none'") res.setHeader('X-Frame-Options', 'DENY');
  else if (only === "'self'") res.setHeader('X-Frame-Options', 'SAMEORIGIN');
  else res.removeHeader('X-Frame-Options');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin-allow-popups');
}
