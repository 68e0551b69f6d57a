import type { RequestHandler } from 'express';
import { IdempotencyError, InvalidRequestError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { IdempotencyService } from '../../services/http/index.js';
import { idempotencyScope } from './idempotency-scope.js';

const MAX_KEY_LENGTH = 255;

/**
 * Honours `Idempotency-Key` on POSTs (after authentication and body parsing): a replay answers the
 * stored status and body with `Idempotent-Replayed: true`; a first request runs and its JSON answer
 * (below 500) is stored before it is sent. A 5xx gives the key up so a retry runs again. While
 * the request runs, the service keeps renewing its short lease on the key. Keys are scoped to the
 * caller and, for a publishable key, to the cart or session acted on (see {@link idempotencyScope}).
 */
export function idempotency(service: IdempotencyService, logger: Logger): RequestHandler {
  return async (req, res, next) => {
    const key = req.get('idempotency-key');
    if (req.method !== 'POST' || key === undefined) return next();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw new InvalidRequestError(`Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters.`, {
        code: 'idempotency_key_invalid',
        param: 'Idempotency-Key',
      });
    }
    const path = req.originalUrl.split('?')[0] ?? '';
    const requestBody: unknown = req.body ?? null;
    const scope = idempotencyScope({ principal: res.locals.principal, path, body: requestBody, ip: req.ip });
    const request = { scope, key, method: req.method, path, body: requestBody };
    const begun = await service.begin(request).catch((error: unknown) => {
      // A key in flight: a client may come back when its lease would have lapsed, were its holder dead.
      const wait = error instanceof IdempotencyError ? error.details?.retry_after_seconds : undefined;
      if (typeof wait === 'number') res.setHeader('Retry-After', String(wait));
      throw error;
    });
    if (begun.kind === 'replay') {
      res.setHeader('Idempotent-Replayed', 'true');
      res.status(begun.status).json(begun.body);
      return;
    }
    const { owner } = begun;
    const send = res.json.bind(res);
    res.json = (body: unknown) => {
      const settle =
        res.statusCode >= 500
          ? service.release(request, owner)
          : service.finish(request, owner, res.statusCode, body).then((stored) => {
              if (!stored)
                logger.warn(
                  `Idempotency-Key ${key}: the request outlived its lease and another took the key over; its answer is not stored`,
                );
            });
      settle.then(
        () => send(body),
        (error: unknown) => {
          logger.error(`storing the response for Idempotency-Key ${key} failed`, error);
          send(body);
        },
      );
      return res;
    };
    next();
  };
}
