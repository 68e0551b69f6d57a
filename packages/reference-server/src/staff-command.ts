import { parseArgs } from 'node:util';
import { MIN_PASSWORD_LENGTH, StaffEmail, StaffRole, type StaffMember } from '@shoptag/sdk/contract';
import { systemClock } from './clock.js';
import { ShoptagError } from './errors.js';
import { createMemoryRateLimiter } from './cache/memory-rate-limiter.js';
import { createStaffServices, type StaffServices } from './services/staff/index.js';
import type { Db } from './store/db.js';
import { migrate } from './store/migrate.js';

export const STAFF_HELP = `Usage: shoptag-server staff <command> [options]

Commands:
  create --email EMAIL --role owner|staff [--name TEXT]
                                a console account; asks for its password twice without showing
                                it, or reads it from the first line of stdin when that is not a
                                terminal: echo "$PASSWORD" | shoptag-server staff create …
  list [--json]                 every account: id, email, name, role, status, created
  reset-password --email EMAIL  a new password for an account (asked, or read from stdin as
                                above); signs that account out everywhere

Passwords are at least ${MIN_PASSWORD_LENGTH} characters and not the email; they are stored as argon2id
hashes. People can also reset their own password from the console's sign-in page (by email), and
owners invite staff from the console. With the embedded database (no DATABASE_URL) stop the server first.
`;

/** A staff command used wrongly: the CLI prints the message and exits 64. */
export class StaffUsageError extends Error {}

export interface StaffCommandDeps {
  /** Opens the configured database, runs `run`, closes it. */
  withDatabase: <T>(run: (db: Db) => Promise<T>) => Promise<T>;
  out: { write(text: string): unknown };
  /** Reads a new password (twice, hidden, on a terminal; from stdin otherwise). */
  readPassword: () => Promise<string>;
}

const SUBCOMMAND_FLAGS: Record<string, string[]> = {
  create: ['email', 'role', 'name'],
  list: ['json'],
  'reset-password': ['email'],
};

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** The accounts as a table with a header row; columns padded to their widest cell. */
export function formatStaffTable(staff: readonly StaffMember[]): string {
  if (staff.length === 0)
    return 'No staff accounts. Create the owner: shoptag-server staff create --email you@example.com --role owner\n';
  const rows = [
    ['ID', 'EMAIL', 'NAME', 'ROLE', 'STATUS', 'CREATED'],
    ...staff.map((s) => [s.id, s.email, s.name || '-', s.role, s.status, day(s.created_at)]),
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

function emailOf(value: string | undefined, command: string): string {
  if (value === undefined) throw new StaffUsageError(`staff ${command} needs --email`);
  const parsed = StaffEmail.safeParse(value.trim());
  if (!parsed.success) throw new StaffUsageError(`--email must be an email address (got "${value}")`);
  return parsed.data;
}

/** `shoptag-server staff …`: parses its arguments, then acts through the staff services. */
export async function runStaffCommand(argv: string[], deps: StaffCommandDeps): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return void deps.out.write(STAFF_HELP);
  const flags = SUBCOMMAND_FLAGS[command];
  if (!flags) throw new StaffUsageError(`unknown staff command: ${command} (create, list, reset-password)`);
  if (rest.length > 0) throw new StaffUsageError(`unexpected argument: ${rest[0] ?? ''}`);
  const misplaced = Object.keys(values).find((flag) => !flags.includes(flag));
  if (misplaced) throw new StaffUsageError(`--${misplaced} does not apply to "staff ${command}"`);

  // Everything is validated, and the password read, before the database is opened.
  let act: (staff: StaffServices) => Promise<string>;
  switch (command) {
    case 'create': {
      const email = emailOf(values.email, command);
      const role = StaffRole.safeParse(values.role);
      if (!role.success) throw new StaffUsageError('staff create needs --role owner or --role staff');
      const name = values.name?.trim() ?? '';
      if (name.length > 200) throw new StaffUsageError('--name is at most 200 characters');
      const password = await deps.readPassword();
      act = async (staff) => {
        const member = await staff.accounts.create({ email, role: role.data, name, password });
        return `Created ${member.role} ${member.email} (${member.id}). Sign in at /admin on the server.\n`;
      };
      break;
    }
    case 'list':
      act = async (staff) => {
        const all = await staff.accounts.list();
        return values.json ? `${JSON.stringify(all, null, 2)}\n` : formatStaffTable(all);
      };
      break;
    case 'reset-password': {
      const email = emailOf(values.email, command);
      const password = await deps.readPassword();
      act = async (staff) => {
        const member = await staff.accounts.setPassword(email, password);
        return `New password set for ${member.email}; every session of that account has ended.\n`;
      };
      break;
    }
    default:
      throw new StaffUsageError(`unknown staff command: ${command}`);
  }
  const output = await deps.withDatabase(async (db) => {
    await migrate(db);
    const clock = systemClock;
    const staff = createStaffServices({
      db,
      clock,
      limiter: createMemoryRateLimiter({ clock }),
      // The command line sends no email (and opens no session).
      mailer: { sendPasswordLink: async () => {} },
      idleMs: 1,
      absoluteMs: 1,
    });
    try {
      return await act(staff);
    } catch (error) {
      // A rule the input broke (a short password, a taken email) is a usage error, not a crash.
      if (error instanceof ShoptagError && error.statusCode < 500) throw new StaffUsageError(error.message);
      throw error;
    }
  });
  deps.out.write(output);
}
