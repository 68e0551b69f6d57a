import { z } from 'zod';

/** The error types of the API (Stripe-style), each tied to a range of HTTP status codes. */
export const ERROR_TYPES = [
  'invalid_request_error',
  'authentication_error',
  'rate_limit_error',
  'card_error',
  'idempotency_error',
  'api_error',
] as const;
export const ErrorType = z.enum(ERROR_TYPES);
export type ErrorType = z.infer<typeof ErrorType>;

/** The one error shape every failed request answers with. */
export const ErrorBody = z
  .object({
    error: z.object({
      type: ErrorType,
      code: z.string().meta({ example: 'parameter_invalid' }),
      message: z.string(),
      param: z
        .string()
        .optional()
        .meta({ description: 'The request parameter the error is about, dotted for nested fields' }),
      request_id: z.string(),
      details: z
        .record(z.string(), z.unknown())
        .optional()
        .meta({ description: 'Extra machine-readable facts, e.g. the available quantity' }),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;
export type ErrorObject = ErrorBody['error'];
