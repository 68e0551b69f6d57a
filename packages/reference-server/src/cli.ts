#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { formatVariablesHelp } from './config-variables.js';
import { firstStartNotice } from './first-start.js';
import { formatImportSummary, runImport } from './import-command.js';
import { KeysUsageError, runKeysCommand } from './keys-command.js';
import { PasswordMismatchError, readNewPassword } from './password-prompt.js';
import { runStaffCommand, StaffUsageError } from './staff-command.js';
import { readPackageVersion } from './paths.js';
import { formatRecoverResult, runRecover } from './recover-command.js';
import { generateDemoCatalog } from './seed/demo-catalog.js';
import { closeOnSignals, startServer } from './server.js';
import { seedCatalog } from './seed/seed-service.js';
import { migrate, MigrationChangedError } from './store/migrate.js';
import { openDatabase } from './store/open-database.js';

const HELP = `Usage: shoptag-server <command> [options]

Commands:
  start [--port N] [--demo] [--reseed]
                                migrate and serve; seeds nothing and creates no key. --demo: the demo
                                (once per install: demo catalogue into an empty catalogue and demo
                                coupons; test keys kept in the data directory); --reseed (with --demo)
                                replaces the catalogue with the demo's
  keys <create|list|revoke|rotate|origins> …
                                manage API keys (shoptag-server keys --help)
  staff <create|list|reset-password> …
                                manage console accounts: staff create --email … --role owner|staff
                                asks for the password (shoptag-server staff --help)
  migrate                       apply pending database migrations
  seed [--reset]                seed the demo catalog when it is empty (--reset: replace it)
  import <file.csv>             import a Shopify product CSV export as a job, with progress
                                (re-importing changes nothing; SIGINT/SIGTERM stop it after a chunk)
  recover [--older-than S]      finish checkouts cut short by a crash (one pass of the recovery job),
                                then list what is still unresolved; S: seconds untouched (default
                                SHOPTAG_RECOVERY_AFTER_SECONDS)

Options:
  -h, --help                    show this help
  -v, --version                 print the version

Environment (docs/server.md#configuration has the details):
${formatVariablesHelp()}
On SIGTERM or SIGINT the server stops accepting connections, answers every request it has
received, closes idle connections, and exits 0; connections still busy after
SHOPTAG_DRAIN_TIMEOUT_SECONDS (default 10) are cut.
`;

class UsageError extends Error {}

async function withDatabase<T>(run: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'keys') return runKeysCommand(argv.slice(1), { withDatabase, out: process.stdout });
  if (argv[0] === 'staff')
    return runStaffCommand(argv.slice(1), {
      withDatabase,
      out: process.stdout,
      readPassword: () => readNewPassword({ input: process.stdin, output: process.stderr }),
    });
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      reseed: { type: 'boolean' },
      demo: { type: 'boolean' },
      reset: { type: 'boolean' },
      'older-than': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) return void process.stdout.write(`${readPackageVersion()}\n`);
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') return void process.stdout.write(HELP);
  if (command === 'import' && rest.length !== 1)
    throw new UsageError('import needs one CSV file: shoptag-server import products.csv');
  if (command !== 'import' && rest.length > 0) throw new UsageError(`unexpected argument: ${rest[0] ?? ''}`);
  const allowed: Record<string, string[]> = {
    start: ['port', 'reseed', 'demo'],
    migrate: [],
    seed: ['reset'],
    import: [],
    recover: ['older-than'],
  };
  const flags = allowed[command];
  if (!flags) throw new UsageError(`unknown command: ${command}`);
  const misplaced = Object.keys(values).find((flag) => !flags.includes(flag));
  if (misplaced) throw new UsageError(`--${misplaced} does not apply to "${command}"`);

  switch (command) {
    case 'start': {
      let port: number | undefined;
      if (values.port !== undefined) {
        port = Number(values.port);
        if (!/^\d+$/.test(values.port) || port > 65535)
          throw new UsageError(`--port must be an integer 0–65535 (got "${values.port}")`);
      }
      if (values.reseed && !values.demo)
        throw new UsageError('--reseed replaces the catalogue with the demo: use it with --demo');
      process.stderr.write(firstStartNotice(loadConfig()) ?? '');
      const starting = startServer({ port, demo: values.demo === true, seed: values.reseed ? 'reset' : true });
      closeOnSignals(starting);
      await starting;
      return;
    }
    case 'migrate': {
      const { applied } = await withDatabase((db) => migrate(db));
      process.stdout.write(applied.length > 0 ? `Applied ${applied.join(', ')}\n` : 'Database schema is up to date\n');
      return;
    }
    case 'import': {
      // SIGINT/SIGTERM stop the import after its current chunk (committed chunks stay, the job
      // says cancelled); a second signal exits at once.
      const controller = new AbortController();
      let signalled: NodeJS.Signals | null = null;
      const stop = (signal: NodeJS.Signals) => {
        if (signalled) process.exit(1);
        signalled = signal;
        process.stderr.write(`\n${signal}: stopping the import after its current chunk\n`);
        controller.abort();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const job = await runImport(rest[0] ?? '', loadConfig(), { signal: controller.signal });
      process.stdout.write(formatImportSummary(job));
      if (job.status === 'failed') process.exitCode = 1;
      else if (job.status === 'cancelled') process.exitCode = signalled === 'SIGINT' ? 130 : 143;
      return;
    }
    case 'recover': {
      const olderThan = values['older-than'];
      if (olderThan !== undefined && !/^\d+$/.test(olderThan))
        throw new UsageError(`--older-than must be a whole number of seconds (got "${olderThan}")`);
      const result = await runRecover(
        loadConfig(),
        olderThan === undefined ? {} : { olderThanMs: Number(olderThan) * 1000 },
      );
      process.stdout.write(formatRecoverResult(result));
      return;
    }
    case 'seed': {
      const result = await withDatabase(async (db) => {
        await migrate(db);
        return seedCatalog(db, () => generateDemoCatalog(), { reset: values.reset === true, clock: systemClock });
      });
      process.stdout.write(
        result.seeded
          ? `Seeded ${result.products} products in ${(result.durationMs / 1000).toFixed(1)} s\n`
          : `The catalog already has ${result.products} products; nothing seeded (--reset replaces it)\n`,
      );
      return;
    }
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  if (error instanceof MigrationChangedError) {
    // Not a bug in the server: say which file, never a stack.
    process.stderr.write(`shoptag-server: ${error.message}\n`);
    process.exit(65);
  }
  if (
    error instanceof UsageError ||
    error instanceof KeysUsageError ||
    error instanceof StaffUsageError ||
    error instanceof PasswordMismatchError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
  ) {
    const help =
      error instanceof KeysUsageError
        ? 'shoptag-server keys --help'
        : error instanceof StaffUsageError || error instanceof PasswordMismatchError
          ? 'shoptag-server staff --help'
          : 'shoptag-server --help';
    process.stderr.write(`shoptag-server: ${error.message}\nRun "${help}" for usage.\n`);
    process.exit(64);
  }
  // Operational failures (port taken, database unreachable) read best as one line; the stack is
  // there for LOG_LEVEL=debug.
  const debug = process.env.LOG_LEVEL === 'debug';
  process.stderr.write(
    `shoptag-server: ${error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message) : String(error)}\n`,
  );
  process.exit(1);
});
