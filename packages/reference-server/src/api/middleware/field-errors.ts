import type { z } from 'zod';
import { InvalidRequestError } from '../../errors.js';
import { toInvalidRequest } from './validate.js';

/**
 * Like `parseInput`, but a failure lists every field at fault in `details.errors` (each with its
 * dotted `param` and message), so a form can mark all of them at once; `param` names the first.
 */
export function parseFormInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = toInvalidRequest(result.error, input);
  const errors = result.error.issues.map((issue) => {
    const one = toInvalidRequest({ ...result.error, issues: [issue] } as z.ZodError, input);
    return { param: one.param ?? '', message: one.message };
  });
  throw new InvalidRequestError(first.message, {
    code: first.code,
    ...(first.param === undefined ? {} : { param: first.param }),
    details: { errors },
  });
}
