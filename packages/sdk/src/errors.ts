import type { ErrorObject, ErrorType } from './contract/errors.js';

/** What every Shoptag failure carries; `type` adds `connection_error` for failures with no HTTP answer. */
export type ShopErrorType = ErrorType | 'connection_error';

export interface ShopErrorInit {
  type: ShopErrorType;
  code: string;
  message: string;
  param?: string | undefined;
  requestId?: string | undefined;
  statusCode?: number | undefined;
  details?: Record<string, unknown> | undefined;
  cause?: unknown;
}

/**
 * The base class of every error the SDK throws. Branch on the subclass (`instanceof CardError`) or
 * on `type` and `code`; show `message` to people and log `requestId` for support.
 */
export class ShopError extends Error {
  override readonly name: string = 'ShopError';
  /** Error family, e.g. `invalid_request_error`. */
  readonly type: ShopErrorType;
  /** Machine-readable reason, e.g. `resource_missing` or `out_of_stock`. */
  readonly code: string;
  /** The request parameter the error is about (dotted for nested fields), when there is one. */
  readonly param: string | undefined;
  /** The server's `Request-Id`, when the server answered. */
  readonly requestId: string | undefined;
  /** HTTP status, when the server answered. */
  readonly statusCode: number | undefined;
  /** Extra machine-readable facts, e.g. `{ available: 2 }`. */
  readonly details: Record<string, unknown> | undefined;

  constructor(init: ShopErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.type = init.type;
    this.code = init.code;
    this.param = init.param;
    this.requestId = init.requestId;
    this.statusCode = init.statusCode;
    this.details = init.details;
  }
}

/** The request was invalid: a bad parameter (400), a missing resource (404), a conflict (409) or an unprocessable state (422). */
export class InvalidRequestError extends ShopError {
  override readonly name = 'InvalidRequestError';
}
/** The key is missing or wrong (401), or not allowed for this origin or route (403). */
export class AuthenticationError extends ShopError {
  override readonly name = 'AuthenticationError';
}
/** Too many requests (429); the SDK has already retried with backoff. */
export class RateLimitError extends ShopError {
  override readonly name = 'RateLimitError';
}
/** The card was declined or needs another step (402). */
export class CardError extends ShopError {
  override readonly name = 'CardError';
}
/** An `Idempotency-Key` was reused with different parameters, or its first request is still in flight (409). */
export class IdempotencyError extends ShopError {
  override readonly name = 'IdempotencyError';
}
/** The server failed (5xx); the SDK has already retried with backoff. */
export class ApiError extends ShopError {
  override readonly name = 'ApiError';
}
/** No HTTP answer: network failure, timeout, or an unreadable response. */
export class ConnectionError extends ShopError {
  override readonly name = 'ConnectionError';
}

const BY_TYPE = {
  invalid_request_error: InvalidRequestError,
  authentication_error: AuthenticationError,
  rate_limit_error: RateLimitError,
  card_error: CardError,
  idempotency_error: IdempotencyError,
  api_error: ApiError,
  connection_error: ConnectionError,
} as const satisfies Record<ShopErrorType, typeof ShopError>;

function typeForStatus(status: number): ShopErrorType {
  if (status === 401 || status === 403) return 'authentication_error';
  if (status === 402) return 'card_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

function isErrorObject(value: unknown): value is ErrorObject {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.type === 'string' && typeof v.code === 'string' && typeof v.message === 'string';
}

/**
 * The one factory for SDK errors: from an HTTP status and the body the server sent (the API's error
 * shape when it is one; anything else becomes an error of the status's family).
 */
export function createShopError(input: {
  statusCode?: number;
  body?: unknown;
  requestId?: string | null;
  type?: ShopErrorType;
  code?: string;
  message?: string;
  cause?: unknown;
}): ShopError {
  const raw =
    typeof input.body === 'object' && input.body !== null ? (input.body as { error?: unknown }).error : undefined;
  const obj = isErrorObject(raw) ? raw : undefined;
  const statusType = input.statusCode === undefined ? 'connection_error' : typeForStatus(input.statusCode);
  const type: ShopErrorType = input.type ?? (obj && obj.type in BY_TYPE ? obj.type : statusType);
  const Ctor = BY_TYPE[type];
  return new Ctor({
    type,
    code:
      input.code ?? obj?.code ?? (input.statusCode === undefined ? 'connection_failed' : `http_${input.statusCode}`),
    message:
      input.message ??
      obj?.message ??
      (input.statusCode === undefined
        ? 'Could not reach the shop server.'
        : `The shop server answered HTTP ${input.statusCode}.`),
    param: obj?.param,
    requestId: obj?.request_id ?? input.requestId ?? undefined,
    statusCode: input.statusCode,
    details: obj?.details,
    cause: input.cause,
  });
}

/** True when `value` is any Shoptag SDK error. */
export function isShopError(value: unknown): value is ShopError {
  return value instanceof ShopError;
}

/**
 * `error` as a ShopError: itself when it is one, else a new one of the `fallback` type and code
 * carrying the thrown value as its `cause` (and its message when it is an Error).
 */
export function toShopError(
  error: unknown,
  fallback: { type: ShopErrorType; code: string; message: string },
): ShopError {
  if (isShopError(error)) return error;
  return createShopError({
    ...fallback,
    message: error instanceof Error ? error.message : fallback.message,
    cause: error,
  });
}
