/**
 * An image URL as the console can load it: a path on the shop's server (`/media/…`) is resolved
 * against the admin client's endpoint, so it loads wherever the console runs.
 */
export function mediaUrl(url: string, endpoint: string): string {
  return url.startsWith('/') && !url.startsWith('//') ? `${endpoint}${url}` : url;
}
