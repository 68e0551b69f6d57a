export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A minimal levelled logger; the server writes to stderr so stdout stays for command output. */
export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const at = (l: LogLevel) => LOG_LEVELS.indexOf(l) <= rank;
  return {
    error(message, error) {
      if (!at('error')) return;
      const detail =
        error instanceof Error ? `\n${error.stack ?? error.message}` : error === undefined ? '' : ` ${String(error)}`;
      write(`[shoptag] error ${message}${detail}`);
    },
    warn(message) {
      if (at('warn')) write(`[shoptag] warn ${message}`);
    },
    info(message) {
      if (at('info')) write(`[shoptag] ${message}`);
    },
    debug(message) {
      if (at('debug')) write(`[shoptag] debug ${message}`);
    },
  };
}

export const silentLogger: Logger = createLogger('silent');
