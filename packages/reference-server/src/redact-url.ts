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

/** Query parameters whose values are credentials (`?token=` of old order links and the like). */
const SECRET_PARAMS = new Set([
  'token',
  'access_token',
  'order_token',
  'key',
  'api_key',
  'apikey',
  'secret',
  'client_secret',
  'password',
]);
/** Values that are credentials wherever they appear: API keys and order access tokens. */
const SECRET_VALUES = /\b(?:(?:pk|sk)_(?:test|live)|otok)_[A-Za-z0-9]+/g;
const REDACTED = '[redacted]';

function paramName(raw: string): string {
  try {
    return decodeURIComponent(raw.replaceAll('+', ' ')).toLowerCase();
  } catch {
    return raw.toLowerCase();
  }
}

/**
 * A request target (`req.originalUrl`) fit for logs: the values of credential parameters
 * (`token`, `key` …) and anything shaped like an API key or order token are replaced by
 * `[redacted]`, the rest is kept as sent.
 */
export function redactRequestTarget(target: string): string {
  const at = target.indexOf('?');
  const path = at === -1 ? target : target.slice(0, at);
  const query =
    at === -1
      ? ''
      : `?${target
          .slice(at + 1)
          .split('&')
          .map((pair) => {
            const eq = pair.indexOf('=');
            return eq !== -1 && SECRET_PARAMS.has(paramName(pair.slice(0, eq)))
              ? `${pair.slice(0, eq)}=${REDACTED}`
              : pair;
          })
          .join('&')}`;
  return `${path}${query}`.replace(SECRET_VALUES, REDACTED);
}

/** Passwords in connection URLs (`postgres://user:secret@host`), bearer credentials, and Stripe secrets. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:)[^\s@/]+@/gi;
const BEARER = /\b(Bearer\s+)[^\s,;"']+/gi;
const STRIPE_SECRETS = /\b(?:(?:rk|sk)_(?:test|live)|whsec)_[A-Za-z0-9]+/g;

/**
 * Free text fit for logs (a message, an error's stack): API keys, order tokens, bearer
 * credentials, webhook secrets and passwords in URLs are replaced by `[redacted]`.
 */
export function redactText(text: string): string {
  return text
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(SECRET_VALUES, REDACTED)
    .replace(STRIPE_SECRETS, REDACTED);
}
