import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** What a value must be, from one zod issue ("must be at most 300 characters long"), for error messages. */
export function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number')
        return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${String(issue.minimum)}`;
      if (issue.origin === 'string') return `must be at least ${String(issue.minimum)} characters long`;
      return `must have at least ${String(issue.minimum)} items`;
    case 'too_big':
      if (issue.origin === 'number')
        return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters long`;
      return `must have at most ${String(issue.maximum)} items`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_type':
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'invalid_union': {
      // Query values arrive as strings: the branch that got past the type check says what is wrong.
      const specific = issue.errors.flat().find((i) => i.code !== 'invalid_type');
      return specific ? describeIssue(specific) : 'is invalid';
    }
    default:
      return issue.message;
  }
}

/** The value at `path` inside `input`, or undefined. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
