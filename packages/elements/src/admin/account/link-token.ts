import { createAdminClient, type AdminClient } from '@shoptag/sdk/admin';

/** The `token` of a link the console was opened with (`#/reset?token=…`), or ''. */
export function linkToken(hash: string = location.hash): string {
  const at = hash.indexOf('?');
  return at < 0 ? '' : (new URLSearchParams(hash.slice(at + 1)).get('token') ?? '');
}

let client: AdminClient | undefined;

/** The admin client of the screens reachable without signing in (there is no console context yet). */
export function publicClient(): AdminClient {
  return (client ??= createAdminClient());
}
