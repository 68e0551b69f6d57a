import { parseArgs } from 'node:util';
import { ApiKeyId, ApiKeyKind, ApiKeyMode, toKeyOrigin, type ApiKey } from '@shoptag/sdk/contract';
import { systemClock } from './clock.js';
import { createKeyAdmin, DEFAULT_ROTATION_GRACE_SECONDS, type KeyAdmin } from './services/keys/index.js';
import type { Db } from './store/db.js';
import { migrate } from './store/migrate.js';

export const KEYS_HELP = `Usage: shoptag-server keys <command> [options]

Commands:
  create --kind publishable|secret --mode live|test [--origin URL …] [--name TEXT]
                                a new key, printed once, alone on the last line:
                                KEY=$(shoptag-server keys create … | tail -1)
                                --origin (publishable keys, repeatable): where pages may call from
  list [--json]                 every key: id, kind, mode, status, name, prefix, origins, created,
                                last used (never a key itself)
  revoke ID                     stop a key at once
  rotate ID [--grace SECONDS]   a new key with the same kind, mode, name and origins, printed on
                                the last line; the old key keeps working for SECONDS (default
                                ${DEFAULT_ROTATION_GRACE_SECONDS}, a day; 0 stops it at once)
  origins ID [--add URL …] [--remove URL …]
                                change a publishable key's allowed origins

Running servers apply every change within seconds, without a restart. Keys are stored as sha256
hashes: a lost key cannot be shown again (rotate it). With the embedded database (no
DATABASE_URL) stop the server first, or use the admin API (/v1/admin/keys) instead.
`;

/** A keys command used wrongly: the CLI prints the message and exits 64. */
export class KeysUsageError extends Error {}

export interface KeysCommandDeps {
  /** Opens the configured database, runs `run`, closes it. */
  withDatabase: <T>(run: (db: Db) => Promise<T>) => Promise<T>;
  out: { write(text: string): unknown };
}

const SUBCOMMAND_FLAGS: Record<string, string[]> = {
  create: ['kind', 'mode', 'origin', 'name'],
  list: ['json'],
  revoke: [],
  rotate: ['grace'],
  origins: ['add', 'remove'],
};

function originsOf(values: readonly string[] | undefined, flag: string): string[] {
  return (values ?? []).map((value) => {
    const origin = toKeyOrigin(value);
    if (origin === null)
      throw new KeysUsageError(
        `--${flag} must be an http(s) URL such as https://shop.example.com, or * (got "${value}")`,
      );
    return origin;
  });
}

function idOf(positionals: string[], command: string): string {
  const [id, extra] = positionals;
  if (id === undefined)
    throw new KeysUsageError(`keys ${command} needs a key id (key_…; see shoptag-server keys list)`);
  if (extra !== undefined) throw new KeysUsageError(`unexpected argument: ${extra}`);
  if (!ApiKeyId.safeParse(id).success) throw new KeysUsageError(`not a key id: "${id}" (key ids look like key_…)`);
  return id;
}

const day = (iso: string | null) => (iso === null ? '-' : iso.slice(0, 16).replace('T', ' '));

/** The keys as a table with a header row; columns padded to their widest cell. */
export function formatKeyTable(keys: readonly ApiKey[]): string {
  if (keys.length === 0) return 'No API keys. Create one: shoptag-server keys create --kind secret --mode live\n';
  const rows = [
    ['ID', 'KIND', 'MODE', 'STATUS', 'NAME', 'PREFIX', 'ORIGINS', 'CREATED', 'LAST USED'],
    ...keys.map((k) => [
      k.id,
      k.kind,
      k.mode,
      k.status === 'expiring' ? `expires ${day(k.expires_at)}` : k.status,
      k.name || '-',
      k.display_prefix,
      k.allowed_origins.join(',') || '-',
      day(k.created_at),
      day(k.last_used_at),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

function describe(k: ApiKey): string {
  return `${k.mode} ${k.kind} key ${k.id}${k.name ? ` ("${k.name}")` : ''}`;
}

/** `shoptag-server keys …`: parses its arguments, then acts through the key admin service. */
export async function runKeysCommand(argv: string[], deps: KeysCommandDeps): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      mode: { type: 'string' },
      origin: { type: 'string', multiple: true },
      name: { type: 'string' },
      json: { type: 'boolean' },
      grace: { type: 'string' },
      add: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return void deps.out.write(KEYS_HELP);
  const flags = SUBCOMMAND_FLAGS[command];
  if (!flags) throw new KeysUsageError(`unknown keys command: ${command} (create, list, revoke, rotate, origins)`);
  const misplaced = Object.keys(values).find((flag) => !flags.includes(flag));
  if (misplaced) throw new KeysUsageError(`--${misplaced} does not apply to "keys ${command}"`);

  // Everything is validated before the database is opened.
  let act: (admin: KeyAdmin) => Promise<string>;
  switch (command) {
    case 'create': {
      if (rest.length > 0) throw new KeysUsageError(`unexpected argument: ${rest[0] ?? ''}`);
      const kind = ApiKeyKind.safeParse(values.kind);
      if (!kind.success) throw new KeysUsageError('keys create needs --kind publishable or --kind secret');
      const mode = ApiKeyMode.safeParse(values.mode);
      if (!mode.success) throw new KeysUsageError('keys create needs --mode live or --mode test');
      const origins = originsOf(values.origin, 'origin');
      if (kind.data === 'secret' && origins.length > 0)
        throw new KeysUsageError(
          '--origin applies to publishable keys only (secret keys are never used from a browser)',
        );
      const name = values.name?.trim() ?? '';
      if (name.length > 200) throw new KeysUsageError('--name is at most 200 characters');
      act = async (admin) => {
        const key = await admin.create({ kind: kind.data, mode: mode.data, name, allowed_origins: origins });
        const hint =
          kind.data === 'publishable' && origins.length === 0
            ? 'No origins yet: browsers are refused until you add one (keys origins ID --add URL).\n'
            : '';
        return `Created ${describe(key)}.\n${hint}This is the only time the key is shown: store it now.\n${key.secret}\n`;
      };
      break;
    }
    case 'list':
      if (rest.length > 0) throw new KeysUsageError(`unexpected argument: ${rest[0] ?? ''}`);
      act = async (admin) => {
        const keys = await admin.list();
        return values.json ? `${JSON.stringify(keys, null, 2)}\n` : formatKeyTable(keys);
      };
      break;
    case 'revoke': {
      const id = idOf(rest, command);
      act = async (admin) => `Revoked ${describe(await admin.revoke(id))}; servers refuse it within seconds.\n`;
      break;
    }
    case 'rotate': {
      const id = idOf(rest, command);
      const grace = values.grace ?? String(DEFAULT_ROTATION_GRACE_SECONDS);
      if (!/^\d+$/.test(grace) || Number(grace) > 30 * 24 * 3600)
        throw new KeysUsageError(`--grace must be a whole number of seconds, at most 30 days (got "${grace}")`);
      act = async (admin) => {
        const key = await admin.rotate(id, Number(grace));
        const old = Number(grace) === 0 ? `${id} stopped working now` : `${id} keeps working for ${grace} s`;
        return `Created ${describe(key)} to replace ${id}; ${old}.\nThis is the only time the new key is shown: store it now.\n${key.secret}\n`;
      };
      break;
    }
    case 'origins': {
      const id = idOf(rest, command);
      const add = originsOf(values.add, 'add');
      const remove = originsOf(values.remove, 'remove');
      if (add.length + remove.length === 0) throw new KeysUsageError('keys origins needs --add URL or --remove URL');
      act = async (admin) => {
        const key = await admin.updateOrigins(id, { add, remove });
        return `${key.id} allows ${key.allowed_origins.join(', ') || 'no origin'}; servers apply it within seconds.\n`;
      };
      break;
    }
    default:
      throw new KeysUsageError(`unknown keys command: ${command}`);
  }
  const output = await deps.withDatabase(async (db) => {
    await migrate(db);
    return act(createKeyAdmin({ db, clock: systemClock }));
  });
  deps.out.write(output);
}
