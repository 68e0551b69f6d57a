/** Resolves a media URL from the API (absolute, or relative to the server origin) for use in a page on any origin. */
export function mediaUrl(url: string, endpoint: string | undefined): string {
  try {
    return new URL(url, endpoint ? `${endpoint}/` : document.baseURI).href;
  } catch {
    return url;
  }
}
