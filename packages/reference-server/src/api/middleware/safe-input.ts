import type { RequestHandler } from 'express';
import { InvalidRequestError } from '../../errors.js';
import { storableForDisplay, unstorable } from '../../storable-text.js';

/**
 * Deepest JSON a request body may be. The contract's bodies nest four levels at most; the bound
 * keeps recursive code after parsing (the Idempotency-Key hash, zod) far from the stack limit.
 */
export const MAX_JSON_DEPTH = 32;

type Finding = { kind: 'depth'; param: string } | { kind: 'text'; param: string; why: string };

/**
 * The first string (value or key) in `value` that cannot be stored, or the first place nested
 * deeper than `maxDepth`. Walks with an explicit stack, so no input can exhaust the call stack.
 */
export function findUnsafeValue(value: unknown, maxDepth: number = MAX_JSON_DEPTH): Finding | null {
  const stack: { value: unknown; path: string[]; depth: number }[] = [{ value, path: [], depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const param = item.path.join('.');
    if (typeof item.value === 'string') {
      const why = unstorable(item.value);
      if (why) return { kind: 'text', param, why: `must not contain ${why}` };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return { kind: 'depth', param };
    const entries = Array.isArray(item.value)
      ? item.value.map((v, i) => [String(i), v] as const)
      : Object.entries(item.value);
    // Reversed, so the first offending field in document order is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const why = unstorable(key);
      // The name goes back in `param`: shown with U+FFFD where it cannot be text.
      if (why)
        return {
          kind: 'text',
          param: [...item.path, storableForDisplay(key)].join('.'),
          why: `its name contains ${why}`,
        };
      stack.push({ value: child, path: [...item.path, key], depth: item.depth + 1 });
    }
  }
  return null;
}

function refuse(finding: Finding, where: 'body' | 'query'): InvalidRequestError {
  if (finding.kind === 'depth') {
    return new InvalidRequestError(`The request body nests deeper than ${MAX_JSON_DEPTH} levels.`, {
      code: 'body_too_deep',
      param: finding.param || undefined,
    });
  }
  const name = finding.param || (where === 'body' ? 'body' : 'query');
  return new InvalidRequestError(`Invalid ${name}: ${finding.why}.`, { param: name });
}

/** Throws the 400 for a value that cannot be stored (see `findUnsafeValue`); `where` names it when it has no path. */
export function assertSafeValue(value: unknown, where: 'body' | 'query'): void {
  const finding = findUnsafeValue(value);
  if (finding) throw refuse(finding, where);
}

/**
 * Every request, before routing: a path whose percent-escapes do not decode, or decode to NUL or
 * a lone surrogate, is a 400 `path_invalid` (Express would throw while decoding a parameter), and
 * so is such a query value (400 naming it). Bodies are checked once parsed (see `json-body.ts`).
 */
export function safeUrl(): RequestHandler {
  return (req, _res, next) => {
    // Without a percent-escape nothing decodes to something new: the raw text is what is checked.
    if (!req.url.includes('%') && unstorable(req.url) === null) return next();
    for (const segment of req.path.split('/')) {
      if (!segment.includes('%')) continue;
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        throw new InvalidRequestError(`The URL path has a malformed percent-escape: '${segment}'.`, {
          code: 'path_invalid',
        });
      }
      const why = unstorable(decoded);
      if (why) throw new InvalidRequestError(`The URL path contains ${why}.`, { code: 'path_invalid' });
    }
    assertSafeValue(req.query, 'query');
    next();
  };
}
