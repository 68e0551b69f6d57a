import type { ErrorType } from '@shoptag/sdk/contract';

interface ShoptagErrorOptions {
  code: string;
  param?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * Base of every error the server means to answer with. Services throw these; the error
 * middleware turns them into `{ error: { type, code, message, param?, request_id } }`.
 * Anything else that reaches the middleware is a bug and becomes a generic 500.
 */
export abstract class ShoptagError extends Error {
  abstract readonly type: ErrorType;
  abstract readonly statusCode: number;
  readonly code: string;
  readonly param: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options: ShoptagErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.param = options.param;
    this.details = options.details;
  }
}

/** 400: a parameter is missing, malformed or out of range. */
export class InvalidRequestError extends ShoptagError {
  readonly type = 'invalid_request_error';
  readonly statusCode: number;

  constructor(message: string, options: Partial<ShoptagErrorOptions> & { statusCode?: number } = {}) {
    super(message, { code: 'parameter_invalid', ...options });
    this.statusCode = options.statusCode ?? 400;
  }
}

/** 404: the resource named by the path (or by `param`) does not exist. */
export class NotFoundError extends ShoptagError {
  readonly type = 'invalid_request_error';
  readonly statusCode = 404;

  constructor(message: string, options: Partial<ShoptagErrorOptions> = {}) {
    super(message, { code: 'resource_missing', ...options });
  }
}

/** 401: no key, or a key the server does not know. */
export class AuthenticationError extends ShoptagError {
  readonly type = 'authentication_error';
  readonly statusCode = 401;

  constructor(message: string, options: Pick<ShoptagErrorOptions, 'code'>) {
    super(message, options);
  }
}

/** 403: a valid key that may not do this (wrong kind of key, or a disallowed origin). */
export class PermissionError extends ShoptagError {
  readonly type = 'authentication_error';
  readonly statusCode = 403;

  constructor(message: string, options: Pick<ShoptagErrorOptions, 'code'>) {
    super(message, options);
  }
}

/** 409: the request conflicts with the current state (not enough stock, units still reserved). */
export class ConflictError extends ShoptagError {
  readonly type = 'invalid_request_error';
  readonly statusCode = 409;

  constructor(message: string, options: ShoptagErrorOptions) {
    super(message, options);
  }
}

/** 422: well-formed, but not possible now (a coupon that has expired or whose minimum is not met). */
export class UnprocessableError extends ShoptagError {
  readonly type = 'invalid_request_error';
  readonly statusCode = 422;

  constructor(message: string, options: ShoptagErrorOptions) {
    super(message, options);
  }
}

/** 402: the card was declined or could not be charged; `code` is Stripe's (`card_declined` …), `details.decline_code` says why. */
export class CardError extends ShoptagError {
  readonly type = 'card_error';
  readonly statusCode = 402;

  constructor(message: string, options: ShoptagErrorOptions) {
    super(message, options);
  }
}

/** 409 `idempotency_error`: an `Idempotency-Key` reused with other parameters, or while its first request is still running. */
export class IdempotencyError extends ShoptagError {
  readonly type = 'idempotency_error';
  readonly statusCode = 409;

  constructor(message: string, options: Pick<ShoptagErrorOptions, 'code' | 'details'>) {
    super(message, options);
  }
}

/** 429 `rate_limit_error`: this client sent more requests than the shop allows for now. */
export class RateLimitError extends ShoptagError {
  readonly type = 'rate_limit_error';
  readonly statusCode = 429;

  constructor(message: string, options: Pick<ShoptagErrorOptions, 'code' | 'details'>) {
    super(message, options);
  }
}

/**
 * 503 `api_error`: the work is begun and not finished (a payment capture that failed for now).
 * Nothing is stored for the Idempotency-Key, so a retry with the same key finishes it.
 */
export class UnfinishedError extends ShoptagError {
  readonly type = 'api_error';
  readonly statusCode = 503;

  constructor(message: string, options: ShoptagErrorOptions) {
    super(message, options);
  }
}
