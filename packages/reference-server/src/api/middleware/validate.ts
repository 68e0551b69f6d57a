import type { z } from 'zod';
import { InvalidRequestError, NotFoundError } from '../../errors.js';

type Issue = z.core.$ZodIssue;

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number') return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${String(issue.minimum)}`;
      if (issue.origin === 'string') return `must be at least ${String(issue.minimum)} characters long`;
      return `must have at least ${String(issue.minimum)} items`;
    case 'too_big':
      if (issue.origin === 'number') return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters long`;
      return `must have at most ${String(issue.maximum)} items`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_type':
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'invalid_union': {
      // Query values arrive as strings: the branch that got past the type check says what is wrong.
      const specific = issue.errors.flat().find((i) => i.code !== 'invalid_type');
      return specific ? describe(specific) : 'is invalid';
    }
    default:
      return issue.message;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

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
  return new InvalidRequestError(`Invalid ${param}: ${describe(issue)}${shown}`, { param: param || undefined });
}

/** Validates request input with a contract schema; a failure is a 400 naming the parameter. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw toInvalidRequest(result.error, input);
  return result.data;
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
