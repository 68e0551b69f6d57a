import { pino, stdSerializers, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { formatPrettyLine } from './log-pretty.js';
import { redactText } from './redact-url.js';

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** `json`: one JSON object per line (for log collectors); `pretty`: one readable line per entry (for people). */
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Structured fields added to one log entry (`{ order: 'ord_…' }`). */
export type LogFields = Record<string, unknown>;

/** A levelled logger; the server writes to stderr so stdout stays for command output. */
export interface Logger {
  error(message: string, error?: unknown): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
}

const REDACTED = '[redacted]';

/**
 * Fields never written as they are, wherever a caller puts them: credentials in headers
 * (Authorization, cookies, the order token), keys, tokens, passwords and card data. The request
 * log writes no headers at all; these paths are the second line of defence.
 */
const REDACT_PATHS = [
  ...['authorization', 'cookie', 'set-cookie', 'shoptag-order-token', 'stripe-signature', 'x-api-key'].flatMap((h) => [
    `headers["${h}"]`,
    `req.headers["${h}"]`,
    `res.headers["${h}"]`,
  ]),
  ...[
    'password',
    'token',
    'secret',
    'secret_key',
    'secretKey',
    'api_key',
    'client_secret',
    'card',
    'card_number',
    'cvc',
    'cvv',
    'exp_month',
    'exp_year',
    'databaseUrl',
    'redisUrl',
  ].flatMap((f) => [f, `*.${f}`]),
];

function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return redactText(String(error));
  const out = stdSerializers.err(error);
  return {
    ...out,
    message: redactText(out.message),
    ...(out.stack ? { stack: redactText(out.stack) } : {}),
  };
}

const pinos = new WeakMap<Logger, PinoLogger>();

function destination(write: ((line: string) => void) | undefined, format: LogFormat): DestinationStream {
  const sink = write ?? stderrLine();
  return {
    write(chunk: string) {
      const line = chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
      sink(format === 'pretty' ? formatPrettyLine(line) : line);
    },
  };
}

/** Synchronous, as console.error is: a line logged just before process.exit is not lost. */
function stderrLine(): (line: string) => void {
  const stream = pino.destination({ fd: 2, sync: true });
  return (line) => void stream.write(`${line}\n`);
}

/**
 * A logger over pino: JSON lines by default (`format: 'pretty'` for people), written to stderr
 * (or to `write`, one line per call, without its newline). Credentials never reach a line:
 * known fields are replaced by `[redacted]` (see {@link REDACT_PATHS}), and keys, order tokens,
 * bearer tokens and URL passwords are scrubbed from messages and error stacks.
 */
export function createLogger(level: LogLevel, write?: (line: string) => void, format: LogFormat = 'json'): Logger {
  const logger = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      serializers: { err: serializeError },
      hooks: {
        logMethod(args, method) {
          for (let i = 0; i < args.length; i++) {
            const arg = args[i];
            if (typeof arg === 'string') (args as unknown[])[i] = redactText(arg);
          }
          method.apply(this, args);
        },
      },
    },
    destination(write, format),
  );
  return wrap(logger);
}

function wrap(logger: PinoLogger): Logger {
  const wrapped: Logger = {
    error(message, error) {
      if (error === undefined) logger.error(message);
      else if (error instanceof Error) logger.error({ err: error }, message);
      else logger.error({ detail: serializeError(error) }, message);
    },
    warn: (message, fields) => (fields ? logger.warn(fields, message) : logger.warn(message)),
    info: (message, fields) => (fields ? logger.info(fields, message) : logger.info(message)),
    debug: (message, fields) => (fields ? logger.debug(fields, message) : logger.debug(message)),
  };
  pinos.set(wrapped, logger);
  return wrapped;
}

/**
 * The pino logger under `logger` (request logging hangs off it). A logger made some other way
 * (a test's) gets one whose JSON lines go to its `info`.
 */
export function pinoOf(logger: Logger): PinoLogger {
  const found = pinos.get(logger);
  if (found) return found;
  const made = pino(
    { level: 'info', formatters: { level: (label) => ({ level: label }) } },
    {
      write: (chunk: string) => logger.info(chunk.trimEnd()),
    },
  );
  pinos.set(logger, made);
  return made;
}

export const silentLogger: Logger = createLogger('silent');
