import type { RequestHandler } from 'express';
import { randomBase62 } from '../../ids.js';

export const newRequestId = (): string => `req_${randomBase62(16)}`;

/** Tags every response with a `Request-Id` header; error bodies repeat it as `request_id`. */
export function requestId(generate: () => string = newRequestId): RequestHandler {
  return (_req, res, next) => {
    const id = generate();
    res.locals.requestId = id;
    res.setHeader('Request-Id', id);
    next();
  };
}
