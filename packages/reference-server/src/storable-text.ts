// NUL cannot be stored in a PostgreSQL text or jsonb value, and an unpaired UTF-16 surrogate is not
// text at all (jsonb refuses its escape; UTF-8 cannot encode it).
const UNSTORABLE = /[\0\p{Cs}]/u;
const UNSTORABLE_ALL = /[\0\p{Cs}]/gu;

/** What in `text` cannot be stored as text ('a NUL character', 'an unpaired UTF-16 surrogate'), or null when all of it can. */
export function unstorable(text: string): string | null {
  const found = UNSTORABLE.exec(text)?.[0];
  if (found === undefined) return null;
  return found === '\0' ? 'a NUL character' : 'an unpaired UTF-16 surrogate';
}

/** `text` with every character that cannot be stored replaced by U+FFFD (for echoing it back in an error). */
export function storableForDisplay(text: string): string {
  return text.replace(UNSTORABLE_ALL, '\ufffd');
}
