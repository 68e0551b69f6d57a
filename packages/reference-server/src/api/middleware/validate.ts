import type { Request } from 'express';
import { parse as parseQueryString } from 'node:querystring';
import type { z } from 'zod';
import { InvalidRequestError, NotFoundError } from '../../errors.js';
import { describeIssue, valueAt } from '../../zod-issue.js';

/** Turns the first zod issue into the API's 400: `param` names the field, the message says what it must be. */
export function toInvalidRequest(error: z.ZodError, input: unknown): InvalidRequestError {
  const issue = error.issues[0];
  if (!issue) return new InvalidRequestError('Invalid request.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => [...issue.path, k].join('.'));
    return new InvalidRequestError(`Received unknown parameter${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`, {
      code: 'parameter_unknown',
      param: keys[0],
    });
  }
  const param = issue.path.map(String).join('.');
  const value = valueAt(input, issue.path);
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return new InvalidRequestError(`Missing required parameter: ${param}`, { code: 'parameter_missing', param });
  }
  // Refinements across fields (min_price > max_price) carry a complete sentence of their own.
  if (issue.code === 'custom') return new InvalidRequestError(issue.message, { param: param || undefined });
  const shown = typeof value === 'string' || typeof value === 'number' ? ` (got ${JSON.stringify(value)})` : '';
  return new InvalidRequestError(`Invalid ${param}: ${describeIssue(issue)}${shown}`, { param: param || undefined });
}

/** Validates request input with a contract schema; a failure is a 400 naming the parameter. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw toInvalidRequest(result.error, input);
  return result.data;
}

const MAX_MEMO_QUERIES = 512;
const parsedQueries = new WeakMap<z.ZodType, Map<string, unknown>>();

/**
 * Validates a GET request's query string, remembering the result for each query string seen
 * (up to 512 per schema): a storefront asks the same few catalog queries over and over, and a
 * schema's answer for the same text never changes. Results are frozen, as they are shared.
 */
export function parseQuery<S extends z.ZodType>(schema: S, req: Request): Readonly<z.output<S>> {
  const at = req.url.indexOf('?');
  const raw = at < 0 ? '' : req.url.slice(at + 1);
  let memo = parsedQueries.get(schema);
  const known = memo?.get(raw);
  if (known !== undefined) return known as z.output<S>;
  const parsed = Object.freeze(parseInput(schema, req.query)) as z.output<S>;
  if (!memo) parsedQueries.set(schema, (memo = new Map()));
  if (memo.size >= MAX_MEMO_QUERIES) memo.clear();
  memo.set(raw, parsed);
  return parsed;
}

/**
 * Validates path parameters. A value that cannot be an id names nothing, so it is a 404 (as an
 * unknown id would be), naming the parameter.
 */
export function parsePathId<S extends z.ZodType>(schema: S, params: unknown, what: string): z.output<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue?.path.map(String).join('.') ?? 'id';
  const value = issue ? valueAt(params, issue.path) : undefined;
  throw new NotFoundError(`No such ${what}: '${typeof value === 'string' ? value : ''}'`, { param });
}

/**
 * The validated query of a raw query string (the part after `?`), from the memo {@link parseQuery}
 * fills, else parsed as Express's `simple` query parser does; `undefined` when it is not valid
 * (the route then answers the 400).
 */
export function parseQueryText<S extends z.ZodType>(schema: S, raw: string): Readonly<z.output<S>> | undefined {
  const known = parsedQueries.get(schema)?.get(raw);
  if (known !== undefined) return known as z.output<S>;
  const result = schema.safeParse({ ...parseQueryString(raw) });
  if (!result.success) return undefined;
  let memo = parsedQueries.get(schema);
  if (!memo) parsedQueries.set(schema, (memo = new Map()));
  if (memo.size >= MAX_MEMO_QUERIES) memo.clear();
  const parsed = Object.freeze(result.data) as z.output<S>;
  memo.set(raw, parsed);
  return parsed;
}
