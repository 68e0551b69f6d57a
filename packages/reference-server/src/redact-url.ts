/**
 * A connection URL fit for logs and banners: `redis://:secret@host:6379/0` →
 * `redis://host:6379/0 (password hidden)`. Never throws; an unparseable URL is not echoed.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    const hadPassword = u.password !== '';
    u.password = '';
    return `${u.toString()}${hadPassword ? ' (password hidden)' : ''}`;
  } catch {
    return '(unparseable URL)';
  }
}
