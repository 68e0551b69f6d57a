// Zod-free, so the console (strict CSP, no eval) can check origins as the server does.

/**
 * The origin a URL names (`https://shop.example.com/cart` → `https://shop.example.com`), or
 * `null` when it is not an http(s) URL with a host. `*` stands for any origin.
 */
export function toKeyOrigin(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '*') return '*';
  if (!/^https?:\/\/[^\s\\]+$/i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
    if (url.username !== '' || url.password !== '') return null;
    return url.origin;
  } catch {
    return null;
  }
}
